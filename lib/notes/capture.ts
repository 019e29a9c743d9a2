/**
 * What the background does for notes, as plain functions of their dependencies so Node tests run
 * them with fake-indexeddb and a fake tab:
 *
 * - `saveSelectionFromTab`: the context-menu item "Save selection as a Glossa note" and the
 *   keyboard shortcut. Asks the tab's content script for the selection (W3C selectors) and the
 *   page, stores a selection note with empty text, sends the page all its notes so the new one is
 *   painted at once, and tells the reader on the page what happened (saved, or why not). The note
 *   is stored here, in the extension's IndexedDB, whether or not the popup is ever opened.
 * - `notesForPage`: a content script's own page's notes (content scripts cannot open the
 *   extension's database); `notesForSender` decides whose: the address the browser gives for the
 *   sending frame, never one the message claims.
 */

import { t } from '../i18n';
import type { ToBackgroundMessage } from '../messages/to-background';
import type { AskTab, ToContentResponse } from '../messages/to-content';
import type { NotesForPage, SaveSelectionResult } from '../messages/types';
import { addNote, type NotesDb, notesForUrl } from './db';
import { normalizeUrl } from './normalize-url';

export type { AskTab };

export interface CaptureDeps {
  db: NotesDb;
  askTab: AskTab;
  now?: () => Date;
}

// Shown on the page (a notice) in the browser's language (lib/i18n.ts).
export const NO_SELECTION = t('captureNoSelection');
export const NO_PAGE = t('captureNoPage');
export const NOT_A_WEB_PAGE = t('captureNotWeb');
export const SAVED = t('captureSaved');

/** Tell the reader on the page; a tab that cannot show it is not an error. */
async function tell(deps: CaptureDeps, tabId: number, ok: boolean, text: string): Promise<void> {
  try {
    await deps.askTab(tabId, { type: 'glossa:notice', ok, text });
  } catch {
    // No content script to show it: the result still reaches the caller.
  }
}

/**
 * `pageUrl`: the page's address as the browser gives it (a context-menu click says it), which
 * wins over the address the content script reports; the reported title is kept only when both
 * name the same page.
 */
export async function saveSelectionFromTab(
  deps: CaptureDeps,
  tabId: number,
  pageUrl?: string,
): Promise<SaveSelectionResult> {
  const fail = async (error: string, notify = true): Promise<SaveSelectionResult> => {
    if (notify) await tell(deps, tabId, false, error);
    return { ok: false, error };
  };

  let url: string;
  let title: string;
  let selection: ToContentResponse<'glossa:get-selection'>;
  try {
    selection = await deps.askTab(tabId, { type: 'glossa:get-selection' });
    if (!selection || selection.quote.trim() === '') return fail(NO_SELECTION);
    const state = await deps.askTab(tabId, { type: 'glossa:get-page' });
    url = state.page.url;
    title = state.page.title;
    if (pageUrl && normalizeUrl(pageUrl) !== normalizeUrl(url)) {
      url = pageUrl;
      title = '';
    }
  } catch {
    return fail(NO_PAGE, false);
  }
  if (!/^https?:/i.test(url)) return fail(NOT_A_WEB_PAGE);

  const noteUrl = normalizeUrl(url);
  let note: Awaited<ReturnType<typeof addNote>>;
  try {
    note = await addNote(
      deps.db,
      {
        kind: 'selection',
        url: noteUrl,
        pageTitle: title,
        text: '',
        tags: [],
        quote: selection.quote,
        selectors: [...selection.selectors],
      },
      deps.now?.() ?? new Date(),
    );
  } catch (error) {
    // The selection is still on the page: nothing the reader typed is lost.
    return fail(error instanceof Error ? error.message : String(error));
  }

  try {
    const notes = await notesForUrl(deps.db, noteUrl);
    await deps.askTab(tabId, { type: 'glossa:show-notes', notes });
  } catch {
    // Saved all the same; the page paints it on its next load.
  }
  await tell(deps, tabId, true, SAVED);
  return { ok: true, note };
}

export async function notesForPage(db: NotesDb, url: string): Promise<NotesForPage> {
  try {
    return { ok: true, notes: await notesForUrl(db, normalizeUrl(url)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the browser says about a message's sender (runtime.MessageSender), as far as used here. */
export interface NotesSender {
  tab?: unknown;
  url?: string;
}

export const NO_SENDER_PAGE = 'notes are given only to a page whose address the browser tells';

/**
 * The background's answer to 'glossa:notes-for-page': the notes of the sending frame's own
 * address. The URL in the message is ignored: a content script's claim could name another page,
 * and without the browser's word for the sender (a tab and its URL) nothing is answered.
 */
export function notesForSender(
  db: NotesDb,
  _message: ToBackgroundMessage<'glossa:notes-for-page'>,
  sender: NotesSender,
): Promise<NotesForPage> {
  if (!sender.tab || typeof sender.url !== 'string' || sender.url === '') {
    return Promise.resolve({ ok: false, error: NO_SENDER_PAGE });
  }
  return notesForPage(db, sender.url);
}

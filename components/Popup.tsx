/**
 * The toolbar popup: what Glossa found on the page, the highlight switch, notes on this page, and
 * export. Every dependency arrives as a prop (how to reach the tab, the notes database, the clock,
 * the download), so the component test drives it with canned answers and fake-indexeddb.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { PageInfo, PageState, SelectionInfo } from '../lib/messages/types';
import type { NotesDb } from '../lib/notes/db';
import type { ExportFile } from '../lib/notes/export-file';
import { normalizeUrl } from '../lib/notes/normalize-url';
import type { StorageAreaLike } from '../lib/settings';
import { ConfirmButton } from './ConfirmButton';
import { EntityList } from './EntityList';
import { ErrorMessage } from './ErrorMessage';
import { ExportButtons } from './ExportButtons';
import { MemoryNotice } from './MemoryNotice';
import { type NoteDraft, NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { pageAddress, pageStatusLine } from './page-status';
import { SiteMemory } from './SiteMemory';
import { SiteToggle } from './SiteToggle';
import { askTab, type SendToTab } from './tab-transport';
import { usePageNotes } from './usePageNotes';
import { useMemoryOn } from './useStoredFlag';

export interface PopupProps {
  sendToTab: SendToTab;
  db: NotesDb;
  /**
   * The tab's own address and title, from the browser: notes are filed under it, whatever the
   * content script reports, and also when no content script answers. Resolves null when the
   * browser does not tell (no permission to read the tab's address) or there is no tab.
   */
  tabInfo?: () => Promise<PageInfo | null>;
  openOptions?: () => void;
  /** Open the notes view (all notes: search, edit, import). */
  openNotes?: () => void;
  /**
   * The extension's storage (settings, and the reading memory's one-time notice); without it the
   * popup shows neither the notice nor links to entity pages.
   */
  storage?: StorageAreaLike;
  /** Open an entity's page in the reading memory, by its memory key. */
  openEntity?: (key: string) => void;
  now?: () => Date;
  download?: (file: ExportFile) => void;
  /** While the content script reports 'working', ask again after this many ms (at most 20 times). */
  pollMs?: number;
}

type PageView = { kind: 'loading' } | { kind: 'ready'; state: PageState } | { kind: 'absent' };

/** What the popup says where no content script answers (in the UI language at load). */
export const NO_CONTENT_SCRIPT = t('noContentScript');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function Popup({
  sendToTab,
  db,
  tabInfo,
  openOptions,
  openNotes,
  storage,
  openEntity,
  now = () => new Date(),
  download,
  pollMs = 500,
}: PopupProps) {
  const [view, setView] = useState<PageView>({ kind: 'loading' });
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const [switching, setSwitching] = useState(false);
  const [switchError, setSwitchError] = useState<string | null>(null);
  /** Whether the reading memory is on: entity rows link to their pages only then. */
  const remembering = useMemoryOn(storage);
  /** The browser's word on the tab's address; undefined until it answered. */
  const [tab, setTab] = useState<PageInfo | null | undefined>(tabInfo ? undefined : null);

  useEffect(() => {
    if (!tabInfo) return;
    let cancelled = false;
    void tabInfo()
      .catch(() => null)
      .then((info) => {
        if (!cancelled) setTab(info);
      });
    return () => {
      cancelled = true;
    };
  }, [tabInfo]);

  // Ask the page what it found; keep asking while recognition is still running.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      let state: PageState;
      try {
        state = await askTab(sendToTab, { type: 'glossa:get-page' });
        for (let i = 0; state.status === 'working' && i < 20 && !cancelled; i++) {
          setView({ kind: 'ready', state });
          await sleep(pollMs);
          state = await askTab(sendToTab, { type: 'glossa:get-page' });
        }
      } catch {
        if (!cancelled) setView({ kind: 'absent' });
        return;
      }
      if (cancelled) return;
      setView({ kind: 'ready', state });
      try {
        const sel = await askTab(sendToTab, { type: 'glossa:get-selection' });
        if (!cancelled) setSelection(sel && sel.quote.trim() !== '' ? sel : null);
      } catch {
        // No selection to offer; saving on the page still works.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [sendToTab, pollMs]);

  // Nothing is filed or shown until the browser said where the tab is.
  const page: PageInfo | null =
    tab === undefined || view.kind === 'loading'
      ? null
      : pageAddress(view.kind === 'ready' ? view.state.page : null, tab);
  const noteUrl = page?.url ? normalizeUrl(page.url) : null;

  const pageNotes = usePageNotes({
    db,
    sendToTab,
    page,
    noteUrl,
    canReachPage: view.kind === 'ready',
    now,
  });
  const { notes, orphans } = pageNotes;
  const placedNotes = notes.filter((n) => !orphans.has(n.id));
  const orphanNotes = notes.filter((n) => orphans.has(n.id));
  const saveNote = (target: 'page' | 'selection', draft: NoteDraft) =>
    pageNotes.save(target, draft, selection);

  async function setHighlights(enabled: boolean) {
    setSwitching(true);
    setSwitchError(null);
    try {
      const state = await askTab(sendToTab, { type: 'glossa:set-enabled', enabled });
      setView({ kind: 'ready', state });
    } catch {
      setSwitchError(t('pageNoAnswer'));
    } finally {
      setSwitching(false);
    }
  }

  const status = pageStatusLine(view);
  return (
    <main class="popup">
      <header>
        <h1 class="page-title">{page ? page.title || page.url : t('titlePopup')}</h1>
        {view.kind === 'ready' && (
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={view.state.enabled}
              checked={view.state.enabled}
              // Busy, not disabled, while the page answers: a disabled control loses the
              // keyboard focus (Firefox), and the reader would have to Tab back to it.
              aria-disabled={switching}
              onChange={(e) => {
                if (switching) {
                  e.currentTarget.checked = view.state.enabled;
                  return;
                }
                void setHighlights(e.currentTarget.checked);
              }}
            />{' '}
            {view.state.enabled ? t('highlightsOn') : t('highlightsOff')}
          </label>
        )}
      </header>
      {storage && <MemoryNotice storage={storage} openOptions={openOptions} />}
      {status && (
        <p class={view.kind === 'absent' ? 'notice' : 'muted'} role="status">
          {status}
        </p>
      )}
      <ErrorMessage text={switchError} />
      {view.kind === 'ready' && (
        <SiteToggle
          state={view.state}
          sendToTab={sendToTab}
          onState={(state) => setView({ kind: 'ready', state })}
        />
      )}
      {view.kind === 'ready' && <SiteMemory db={db} url={view.state.page.url} />}

      {view.kind === 'ready' && view.state.status !== 'skipped' && (
        <section aria-labelledby="entities-heading">
          <h2 id="entities-heading">{t('headingOnThisPage')}</h2>
          <EntityList
            entities={view.state.entities}
            onSaveNote={noteUrl ? pageNotes.saveOnEntity : undefined}
            onOpenPage={remembering ? openEntity : undefined}
          />
        </section>
      )}

      {noteUrl && (
        <>
          <section aria-labelledby="editor-heading">
            <h2 id="editor-heading">{t('headingNewNote')}</h2>
            <NoteEditor selection={selection} canSave={noteUrl !== null} onSave={saveNote} />
          </section>
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t('headingNotesOnPage')}</h2>
            {pageNotes.error ? (
              <p class="error" role="alert">
                {pageNotes.error}
              </p>
            ) : (
              <NoteList
                notes={placedNotes}
                onDelete={pageNotes.remove}
                empty={orphanNotes.length > 0 ? t('everyNoteBelow') : undefined}
              />
            )}
            {notes.length > 1 && (
              <ConfirmButton
                label={t('deleteAllOnPage')}
                question={t('deleteAllOnPageQuestion', notes.length)}
                confirmLabel={t('deleteAll')}
                onConfirm={pageNotes.removeAll}
              />
            )}
          </section>
          {orphanNotes.length > 0 && (
            <section aria-labelledby="orphans-heading">
              <h2 id="orphans-heading">{t('headingNotFound', orphanNotes.length)}</h2>
              <p class="muted">{t('pageChanged')}</p>
              <NoteList
                notes={orphanNotes}
                onDelete={pageNotes.remove}
                notice={t('orphanNotice')}
              />
            </section>
          )}
        </>
      )}

      <section class="footer" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('headingAllNotes')}</h2>
        <ExportButtons db={db} now={now} download={download} />
        {openNotes && (
          <button type="button" class="link" onClick={openNotes}>
            {t('openNotesView')}
          </button>
        )}{' '}
        {openOptions && (
          <button type="button" class="link" onClick={openOptions}>
            {t('openSettings')}
          </button>
        )}
      </section>
    </main>
  );
}

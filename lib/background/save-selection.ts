/**
 * The background's "save the selection as a note" (context-menu item, keyboard shortcut and
 * 'glossa:save-selection' from an extension page all run this): the note is filed under the
 * browser's address of the page, never the content script's report (lib/notes/capture.ts does
 * the save), and a save that could not tell the page flags the toolbar button instead.
 */
import type { AskTab } from '../messages/to-content';
import type { SaveSelectionResult } from '../messages/types';
import { saveSelectionFromTab } from '../notes/capture';
import type { NotesDb } from '../notes/db';

/** The toolbar button's badge and title: MV3 `action`, Firefox MV2 `browserAction`. */
export interface ToolbarButton {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
}

/** The toolbar button of this browser's manifest version, if any. */
export function toolbarButton(api: object): ToolbarButton | undefined {
  const { action, browserAction } = api as {
    action?: ToolbarButton;
    browserAction?: ToolbarButton;
  };
  return action ?? browserAction;
}

/** The browser's tabs API, as far as reading a tab's address goes. */
export interface TabsReader {
  get(tabId: number): Promise<{ url?: string }>;
}

/** A tab's address as the browser gives it (host permission), or undefined once it closed. */
export function tabUrlFrom(tabs: TabsReader): (tabId: number) => Promise<string | undefined> {
  return async (tabId) => {
    try {
      return (await tabs.get(tabId)).url;
    } catch {
      return undefined; // the tab closed meanwhile
    }
  };
}

export interface SaveSelectionDeps {
  db: NotesDb;
  askTab: AskTab;
  /** The tab's address as the browser gives it (host permission); undefined once it closed. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  button?: ToolbarButton;
  log: (...args: unknown[]) => void;
}

export type SaveSelection = (tabId: number, pageUrl?: string) => Promise<SaveSelectionResult>;

export function createSelectionSaver(deps: SaveSelectionDeps): SaveSelection {
  /** A save that could not tell the page (no content script): say so on the toolbar button. */
  const flag = async (tabId: number, error: string | null) => {
    try {
      await deps.button?.setBadgeText({ tabId, text: error ? '!' : '' });
      await deps.button?.setTitle({ tabId, title: error ? `Glossa: ${error}` : 'Glossa' });
    } catch {
      // The tab closed meanwhile.
    }
  };
  // `pageUrl`: the address a menu click reports for its page (the browser's word, too).
  return async (tabId, pageUrl) => {
    const address = pageUrl ?? (await deps.tabUrl(tabId));
    const result = await saveSelectionFromTab({ db: deps.db, askTab: deps.askTab }, tabId, address);
    await flag(tabId, result.ok ? null : result.error);
    if (!result.ok) deps.log('save selection:', result.error);
    return result;
  };
}

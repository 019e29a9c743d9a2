/**
 * The background: notes work that must not depend on the popup being open.
 *
 * - The context-menu item "Save selection as a Glossa note" and the keyboard shortcut
 *   (manifest `commands`, "save-selection", Alt+Shift+N) both save the tab's selection as a note
 *   (lib/notes/capture.ts). In Chrome MV3 this is a service worker; IndexedDB works there.
 * - Content scripts ask here for their page's saved notes ('glossa:notes-for-page'): they cannot
 *   open the extension's IndexedDB themselves.
 * - Extension pages may ask for the same save as the menu ('glossa:save-selection' with a tab id).
 *   Menus and shortcuts cannot be triggered from test automation; the end-to-end tests send this
 *   message from an extension page instead, which runs the very same function.
 * - The page commands (toggle highlights, next / previous mark: lib/commands.ts) likewise run one
 *   function for the shortcut and for 'glossa:run-command' from an extension page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isPageCommand, runPageCommand } from '../lib/commands';
import type { Recognizer } from '../lib/entities';
import { t } from '../lib/i18n';
import { isGlossaMessage, type Message, type RecognizerStatus } from '../lib/messages';
import { type AskTab, notesForSender, saveSelectionFromTab } from '../lib/notes/capture';
import { openNotesDb } from '../lib/notes/db';
import { createRecognizer } from '../lib/recognize';
import { loadRecognizerData } from '../lib/recognize/data/source.extension';
import { createRecognizeService } from '../lib/recognize/remote';
import { WARM_UP_TEXTS } from '../lib/recognize/warm-up';
import { type SyncAreaLike, settingsSyncer, touchesSettings } from '../lib/settings-sync';

export const SAVE_SELECTION_MENU = 'glossa-save-selection';
export const SAVE_SELECTION_COMMAND = 'save-selection';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

/** The Prioritized Task Scheduling API (Chrome; not in every Firefox ESR). */
type TaskScheduler = {
  postTask?(
    task: () => void,
    options: { priority: 'user-blocking' | 'user-visible' | 'background' },
  ): Promise<unknown>;
};

type ActionApi = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
};

export default defineBackground(() => {
  const db = openNotesDb();
  // Settings follow the reader across browsers (storage.sync); notes stay here, in IndexedDB.
  const sync = (browser.storage as unknown as { sync?: SyncAreaLike }).sync;
  if (sync) {
    const reconcile = settingsSyncer(browser.storage.local, sync, (outcome) => {
      if (outcome === 'failed') log('settings could not be synced; they stay on this browser');
    });
    void reconcile();
    browser.storage.onChanged.addListener((changes, area) => {
      if (touchesSettings(changes, area)) void reconcile();
    });
  }
  // One recognizer for every tab, its tables read from the package and built once per background
  // start (a Chrome service worker restarts after being idle): now, before the first page asks.
  const startedAt = performance.now();
  const status: RecognizerStatus = { ready: false };
  const dataReady = loadRecognizerData(async (file) => {
    const response = await fetch(browser.runtime.getURL(`/${file}` as '/'));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    // The weights come as the tables' own bytes (lib/recognize/model/binary.ts): nothing to parse.
    return file.endsWith('.bin') ? response.arrayBuffer() : response.json();
  });
  let shared: Recognizer | null = null;
  const recognizer = (): Recognizer => {
    shared ??= createRecognizer();
    return shared;
  };
  dataReady
    .then(() => {
      status.loadMs = performance.now() - startedAt;
      const warm = performance.now();
      recognizer().recognize('Москва и Пхеньян. Moscow and Pyongyang.');
      status.warmMs = performance.now() - warm;
      status.ready = true;
      // Then the warm-up texts, twice, one per task: a page that asks meanwhile waits for one at most.
      const texts = [...WARM_UP_TEXTS, ...WARM_UP_TEXTS];
      let warmUpMs = 0;
      texts.forEach(({ text, lang }, i) => {
        setTimeout(() => {
          const started = performance.now();
          recognizer().recognize(text, { lang });
          warmUpMs += performance.now() - started;
          if (i === texts.length - 1) status.warmUpMs = warmUpMs;
        }, 0);
      });
    })
    .catch((err: unknown) => {
      status.error = err instanceof Error ? err.message : String(err);
      log('recognizer data could not be loaded', err);
    });
  // Pages' recognition requests, checked and then run one per task, tabs taking turns. The tasks
  // run below the priority of the browser's messages where the browser allows it, so a request
  // that arrives meanwhile joins the turns at once instead of behind every queued recognition.
  const postTask = (globalThis as { scheduler?: TaskScheduler }).scheduler?.postTask?.bind(
    (globalThis as { scheduler?: TaskScheduler }).scheduler,
  );
  const recognition = createRecognizeService({
    recognizer,
    ready: dataReady,
    schedule: postTask
      ? (task) => void postTask(task, { priority: 'background' })
      : (task) => setTimeout(task, 0),
  });
  browser.tabs.onRemoved.addListener((tabId) => recognition.tabClosed(tabId));
  const askTab: AskTab = (tabId, message) => browser.tabs.sendMessage(tabId, message);
  // MV3 has `action`, Firefox MV2 `browserAction`: the same two calls.
  const action = ((browser as unknown as { action?: ActionApi }).action ??
    (browser as unknown as { browserAction?: ActionApi }).browserAction) as ActionApi | undefined;

  /** A save that could not tell the page (no content script): say so on the toolbar button. */
  const flag = async (tabId: number, error: string | null) => {
    try {
      await action?.setBadgeText({ tabId, text: error ? '!' : '' });
      await action?.setTitle({ tabId, title: error ? `Glossa: ${error}` : 'Glossa' });
    } catch {
      // The tab closed meanwhile.
    }
  };

  /** The tab's address as the browser gives it (host permission), or undefined. */
  const tabAddress = async (tabId: number): Promise<string | undefined> => {
    try {
      return (await browser.tabs.get(tabId)).url;
    } catch {
      return undefined; // the tab closed meanwhile
    }
  };

  // The note is filed under the browser's address of the page, never the content script's report.
  const save = async (tabId: number, pageUrl?: string) => {
    const address = pageUrl ?? (await tabAddress(tabId));
    const result = await saveSelectionFromTab({ db, askTab }, tabId, address);
    await flag(tabId, result.ok ? null : result.error);
    if (!result.ok) log('save selection:', result.error);
    return result;
  };

  const activeTabId = async (): Promise<number | undefined> => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  };

  // Created afresh whenever the background starts: Chrome keeps menus across service-worker
  // restarts (a second create would fail on the duplicate id), Firefox event pages may not.
  const menus = browser.contextMenus;
  if (menus) {
    void Promise.resolve(menus.removeAll())
      .then(() =>
        menus.create({
          id: SAVE_SELECTION_MENU,
          title: t('menuSaveSelection'),
          contexts: ['selection'],
          documentUrlPatterns: ['http://*/*', 'https://*/*'],
        }),
      )
      .catch((err: unknown) => log('context menu', err));
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== SAVE_SELECTION_MENU || tab?.id === undefined) return;
      // The menu click says which page it was on: that address, not the content script's report.
      void save(tab.id, info.pageUrl);
    });
  }

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== SAVE_SELECTION_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId !== undefined) await save(tabId);
    })();
  });

  // Toggle highlights, jump to the next / previous mark (lib/commands.ts): one function for the
  // shortcut and for 'glossa:run-command' from an extension page.
  const runCommand = async (command: string, tabId: number) => {
    const result = await runPageCommand(
      (id, message) => browser.tabs.sendMessage(id, message),
      command,
      tabId,
    );
    if (!result.ok) log('command', command, result.error);
    return result;
  };
  browser.commands?.onCommand.addListener((command, tab) => {
    if (!isPageCommand(command)) return;
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId !== undefined) await runCommand(command, tabId);
    })();
  });

  const extensionPage = (url: string | undefined) =>
    url?.startsWith(browser.runtime.getURL('/')) === true;

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isGlossaMessage(message) || sender.id !== browser.runtime.id) return false;
    if (message.type === 'glossa:recognize') {
      // Content scripts send page text here: the recognizer's data is loaded once, not per page.
      recognition.answer(message as Message<'glossa:recognize'>, sender).then(sendResponse);
      return true;
    }
    if (message.type === 'glossa:notes-for-page') {
      // A content script gets its own page's notes: the frame's address, not what it claims.
      notesForSender(db, message as Message<'glossa:notes-for-page'>, sender).then(sendResponse);
      return true;
    }
    if (message.type === 'glossa:recognizer-status' && extensionPage(sender.url)) {
      sendResponse({ ...status });
      return false;
    }
    if (message.type === 'glossa:save-selection' && extensionPage(sender.url)) {
      const { tabId } = message as Message<'glossa:save-selection'>;
      if (!Number.isInteger(tabId)) return false;
      save(tabId).then(sendResponse);
      return true;
    }
    if (message.type === 'glossa:run-command' && extensionPage(sender.url)) {
      const { command, tabId } = message as Message<'glossa:run-command'>;
      if (!Number.isInteger(tabId) || typeof command !== 'string' || !isPageCommand(command)) {
        return false;
      }
      runCommand(command, tabId).then(sendResponse);
      return true;
    }
    return false;
  });
});

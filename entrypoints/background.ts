/**
 * The background wires three parts, each a lib/background/ module (docs/architecture.md):
 * the recognizer host (one recognizer for every tab: here in Firefox, loaded once per background
 * start; in Chrome in an offscreen document that outlives the service worker's sleep:
 * lib/background/offscreen.ts), menus and
 * commands (the "save selection" menu item and shortcut, the page commands), and the message
 * router (one handler per request to the background). Plus settings sync across browsers.
 * In Chrome MV3 this is a service worker; IndexedDB works there.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createEntityMemory } from '../lib/background/entity-memory';
import {
  activeTabFrom,
  createCommandRunner,
  installMenusAndCommands,
} from '../lib/background/menus';
import {
  type OffscreenApi,
  offscreenHost,
  RECOGNIZER_HOST_PAGE,
  recognizerPlace,
} from '../lib/background/offscreen';
import { startPackagedRecognizerHost } from '../lib/background/packaged-host';
import { createArticleRememberer } from '../lib/background/remember-article';
import { type BackgroundParts, createBackgroundRouter } from '../lib/background/router';
import { createSelectionSaver, tabUrlFrom, toolbarButton } from '../lib/background/save-selection';
import { keepSettingsInSync, type StorageApi } from '../lib/background/settings-sync';
import { t } from '../lib/i18n';
import { NOTES_PAGE } from '../lib/memory/entity-route';
import { type BrowserTabsLike, tabsOpenerOf } from '../lib/memory/open-entity-page';
import { messageListener } from '../lib/messages/router';
import { tabAsker } from '../lib/messages/to-content';
import type { RecognizerStatus } from '../lib/messages/types';
import { notesForSender } from '../lib/notes/capture';
import { openNotesDb } from '../lib/notes/db';
import { loadSettings } from '../lib/settings';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

export default defineBackground(() => {
  const db = openNotesDb();
  keepSettingsInSync(browser.storage as unknown as StorageApi, log);

  // A build-time branch, not only a run-time one: Chrome's service worker script then carries no
  // recognizer code (the offscreen host has its own), so waking it after its idle stop is cheap.
  const recognition = import.meta.env.FIREFOX ? recognitionHere() : offscreenRecognition();

  const askTab = tabAsker(browser.tabs);
  const saveSelection = createSelectionSaver({
    db,
    askTab,
    tabUrl: tabUrlFrom(browser.tabs),
    button: toolbarButton(browser),
    log,
  });
  const runCommand = createCommandRunner(askTab, log);
  void installMenusAndCommands({
    menus: browser.contextMenus,
    commands: browser.commands,
    menuTitle: t('menuSaveSelection'),
    saveSelection,
    runCommand,
    activeTabId: activeTabFrom(browser.tabs),
    log,
  });

  const router = createBackgroundRouter({
    ...recognition,
    notesForSender: (message, sender) => notesForSender(db, message, sender),
    saveSelection,
    runCommand,
    rememberArticle: createArticleRememberer({
      db,
      settings: () => loadSettings(browser.storage.local),
    }),
    entityMemory: createEntityMemory({
      db,
      settings: () => loadSettings(browser.storage.local),
      tabs: tabsOpenerOf(browser as unknown as BrowserTabsLike),
      notesPage: browser.runtime.getURL(NOTES_PAGE as '/'),
    }),
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener(
    messageListener(router, {
      extensionId: () => browser.runtime.id,
      failed: (type, error) => {
        log('request failed', type, error);
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      },
      rejected: (error) => log(error),
    }),
  );
});

/** Firefox: the persistent background page hosts the recognizer itself. */
function recognitionHere(): Pick<BackgroundParts, 'recognizer' | 'startRecognizerHost'> {
  const host = startPackagedRecognizerHost({
    fileUrl: (path) => browser.runtime.getURL(path as '/'),
    about: { host: 'background', startedAt: Date.now() },
    log,
  });
  browser.tabs.onRemoved.addListener((tabId) => host.service.tabClosed(tabId));
  return {
    recognizer: { recognition: host.service, recognizerStatus: host.status },
    startRecognizerHost: async () => {
      await host.started;
      return host.status();
    },
  };
}

/**
 * Chrome: the offscreen document hosts the recognizer and answers its requests; this service
 * worker creates it whenever it starts (browser start, install, any wake-up) and tells it of
 * closed tabs.
 */
function offscreenRecognition(): Pick<BackgroundParts, 'recognizer' | 'startRecognizerHost'> {
  if (recognizerPlace(browser) !== 'offscreen') {
    // Below the manifest's minimum_chrome_version only: pages then show their "unavailable" state.
    log('this browser has no offscreen documents: recognition is unavailable');
    return {
      recognizer: null,
      startRecognizerHost: () => Promise.reject(new Error('no offscreen documents')),
    };
  }
  const offscreen = offscreenHost({
    offscreen: (browser as unknown as { offscreen: OffscreenApi }).offscreen,
    url: browser.runtime.getURL(`/${RECOGNIZER_HOST_PAGE}` as '/'),
    askStatus: () =>
      browser.runtime
        .sendMessage({ type: 'glossa:recognizer-status' })
        .then((status) => (status ?? undefined) as RecognizerStatus | undefined)
        .catch(() => undefined),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log,
  });
  const ensure = () => void offscreen.ensureDocument().catch((err) => log('offscreen host', err));
  ensure();
  // Registered so that Chrome starts this worker at browser start and install, when no page has
  // asked anything yet: the document is then ready before the first page.
  browser.runtime.onStartup.addListener(ensure);
  browser.runtime.onInstalled.addListener(ensure);
  browser.tabs.onRemoved.addListener((tabId) => {
    browser.runtime.sendMessage({ type: 'glossa:tab-closed', tabId }).catch(() => {});
  });
  return { recognizer: null, startRecognizerHost: () => offscreen.start() };
}

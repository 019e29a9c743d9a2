/**
 * The background wires three parts, each a lib/background/ module (docs/architecture.md):
 * the recognizer host (one recognizer for every tab, loaded once per background start), menus and
 * commands (the "save selection" menu item and shortcut, the page commands), and the message
 * router (one handler per request to the background). Plus settings sync across browsers.
 * In Chrome MV3 this is a service worker; IndexedDB works there.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  activeTabFrom,
  createCommandRunner,
  installMenusAndCommands,
} from '../lib/background/menus';
import {
  lowPriority,
  packageFileReader,
  startRecognizerHost,
  type TaskScheduler,
} from '../lib/background/recognizer-host';
import { createBackgroundRouter } from '../lib/background/router';
import { createSelectionSaver, tabUrlFrom, toolbarButton } from '../lib/background/save-selection';
import { keepSettingsInSync, type StorageApi } from '../lib/background/settings-sync';
import { t } from '../lib/i18n';
import { messageListener } from '../lib/messages/router';
import { tabAsker } from '../lib/messages/to-content';
import { notesForSender } from '../lib/notes/capture';
import { openNotesDb } from '../lib/notes/db';
import { createRecognizer } from '../lib/recognize';
import { loadRecognizerData } from '../lib/recognize/data/source.extension';
import { WARM_UP_TEXTS } from '../lib/recognize/warm-up';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);
const later = (task: () => void) => void setTimeout(task, 0);

export default defineBackground(() => {
  const db = openNotesDb();
  keepSettingsInSync(browser.storage as unknown as StorageApi, log);

  const readFile = packageFileReader((path) => browser.runtime.getURL(path as '/'), fetch);
  const recognizer = startRecognizerHost({
    load: () => loadRecognizerData(readFile),
    createRecognizer,
    warmUpTexts: WARM_UP_TEXTS,
    now: () => performance.now(),
    later,
    schedule: lowPriority((globalThis as { scheduler?: TaskScheduler }).scheduler, later),
    log,
  });
  browser.tabs.onRemoved.addListener((tabId) => recognizer.service.tabClosed(tabId));

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
    recognition: recognizer.service,
    recognizerStatus: recognizer.status,
    notesForSender: (message, sender) => notesForSender(db, message, sender),
    saveSelection,
    runCommand,
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

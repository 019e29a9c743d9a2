/**
 * The background wires three parts (docs/architecture.md), each a lib/background/ module:
 *
 * - the recognizer host: one recognizer for every tab, loaded once per background start
 *   (lib/background/recognizer-host.ts);
 * - menus and commands: "Save selection as a Glossa note", its shortcut and the page commands
 *   (lib/background/menus.ts, lib/background/save-selection.ts);
 * - the message router: one handler per request to the background (lib/background/router.ts).
 *
 * Plus settings sync across browsers (lib/background/settings-sync.ts). In Chrome MV3 this is a
 * service worker; IndexedDB works there.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCommandRunner, installMenusAndCommands } from '../lib/background/menus';
import {
  lowPriority,
  startRecognizerHost,
  type TaskScheduler,
} from '../lib/background/recognizer-host';
import { createBackgroundRouter } from '../lib/background/router';
import { createSelectionSaver, toolbarButton } from '../lib/background/save-selection';
import { keepSettingsInSync } from '../lib/background/settings-sync';
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
  keepSettingsInSync(browser.storage as unknown as Parameters<typeof keepSettingsInSync>[0], log);

  const recognizer = startRecognizerHost({
    load: () =>
      loadRecognizerData(async (file) => {
        const response = await fetch(browser.runtime.getURL(`/${file}` as '/'));
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        return response.json();
      }),
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
    tabUrl: async (tabId) => {
      try {
        return (await browser.tabs.get(tabId)).url;
      } catch {
        return undefined; // the tab closed meanwhile
      }
    },
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
    activeTabId: async () =>
      (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    log,
  });

  browser.runtime.onMessage.addListener(
    messageListener(
      createBackgroundRouter({
        recognition: recognizer.service,
        recognizerStatus: recognizer.status,
        notesForSender: (message, sender) => notesForSender(db, message, sender),
        saveSelection,
        runCommand,
        extensionOrigin: browser.runtime.getURL('/'),
      }),
      {
        extensionId: () => browser.runtime.id,
        failed: (type, error) => {
          log('request failed', type, error);
          return { ok: false, error: error instanceof Error ? error.message : String(error) };
        },
        rejected: (error) => log(error),
      },
    ),
  );
});

/**
 * The background's menus and keyboard commands: the context-menu item "Save selection as a Glossa
 * note", the save shortcut (manifest `commands`, "save-selection", Alt+Shift+N) and the page
 * commands (toggle highlights, next / previous mark: lib/commands.ts). Each runs the same function
 * an extension page reaches by message ('glossa:save-selection', 'glossa:run-command'): menus and
 * shortcuts cannot be triggered from test automation, messages can.
 */
import { isPageCommand, runPageCommand } from '../commands';
import type { AskTab } from '../messages/to-content';
import type { CommandResult } from '../messages/types';

export const SAVE_SELECTION_MENU = 'glossa-save-selection';
export const SAVE_SELECTION_COMMAND = 'save-selection';

interface TabLike {
  id?: number;
}

/** The browser's contextMenus API, as far as used here. */
export interface MenusApi {
  removeAll(): unknown;
  create(properties: {
    id: string;
    title: string;
    contexts: ['selection'];
    documentUrlPatterns: string[];
  }): unknown;
  onClicked: {
    addListener(
      listener: (info: { menuItemId: string | number; pageUrl?: string }, tab?: TabLike) => void,
    ): void;
  };
}

/** The browser's commands API, as far as used here. */
export interface CommandsApi {
  onCommand: { addListener(listener: (command: string, tab?: TabLike) => void): void };
}

/** The browser's tabs API, as far as finding the active tab goes. */
export interface TabsQuery {
  query(filter: { active: true; currentWindow: true }): Promise<Array<{ id?: number }>>;
}

/** The focused window's active tab (a shortcut may come without its tab). */
export function activeTabFrom(tabs: TabsQuery): () => Promise<number | undefined> {
  return async () => (await tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

export type RunCommand = (command: string, tabId: number) => Promise<CommandResult>;

/** Run a page command on a tab (the shortcut and 'glossa:run-command'); failures are logged. */
export function createCommandRunner(askTab: AskTab, log: (...args: unknown[]) => void): RunCommand {
  return async (command, tabId) => {
    const result = await runPageCommand(askTab, command, tabId);
    if (!result.ok) log('command', command, result.error);
    return result;
  };
}

export interface MenuDeps {
  menus?: MenusApi;
  commands?: CommandsApi;
  /** The menu item's title, in the browser's language. */
  menuTitle: string;
  saveSelection: (tabId: number, pageUrl?: string) => Promise<unknown>;
  runCommand: RunCommand;
  /** The focused window's active tab: a shortcut may come without one. */
  activeTabId: () => Promise<number | undefined>;
  log: (...args: unknown[]) => void;
}

/**
 * Create the menu item and listen for menu clicks and shortcuts. Resolves once the menu exists
 * (or could not be created: logged).
 */
export function installMenusAndCommands(deps: MenuDeps): Promise<void> {
  const onTab = (tab: TabLike | undefined, run: (tabId: number) => Promise<unknown>) => {
    void (async () => {
      const tabId = tab?.id ?? (await deps.activeTabId());
      if (tabId !== undefined) await run(tabId);
    })();
  };
  deps.commands?.onCommand.addListener((command, tab) => {
    if (command === SAVE_SELECTION_COMMAND) onTab(tab, (tabId) => deps.saveSelection(tabId));
    else if (isPageCommand(command)) onTab(tab, (tabId) => deps.runCommand(command, tabId));
  });
  const menus = deps.menus;
  if (!menus) return Promise.resolve();
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SAVE_SELECTION_MENU || tab?.id === undefined) return;
    // The menu click says which page it was on: that address, not the content script's report.
    void deps.saveSelection(tab.id, info.pageUrl);
  });
  // Created afresh whenever the background starts: Chrome keeps menus across service-worker
  // restarts (a second create would fail on the duplicate id), Firefox event pages may not.
  return Promise.resolve(menus.removeAll())
    .then(() => {
      menus.create({
        id: SAVE_SELECTION_MENU,
        title: deps.menuTitle,
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    })
    .catch((err: unknown) => deps.log('context menu', err));
}

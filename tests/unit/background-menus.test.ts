import { describe, expect, it } from 'vitest';
import {
  activeTabFrom,
  createCommandRunner,
  installMenusAndCommands,
  type MenuDeps,
  SAVE_SELECTION_COMMAND,
  SAVE_SELECTION_MENU,
} from '../../lib/background/menus';
import type { AskTab } from '../../lib/messages/to-content';

type Tab = { id?: number };

function fakeBrowser(options: { failCreate?: boolean } = {}) {
  const created: unknown[] = [];
  const order: string[] = [];
  let onClicked:
    | ((info: { menuItemId: string | number; pageUrl?: string }, tab?: Tab) => void)
    | null = null;
  let onCommand: ((command: string, tab?: Tab) => void) | null = null;
  const menus: NonNullable<MenuDeps['menus']> = {
    removeAll: async () => {
      order.push('removeAll');
    },
    create: (properties) => {
      order.push('create');
      if (options.failCreate) throw new Error('duplicate id');
      created.push(properties);
    },
    onClicked: {
      addListener: (l) => {
        onClicked = l;
      },
    },
  };
  const commands: NonNullable<MenuDeps['commands']> = {
    onCommand: {
      addListener: (l) => {
        onCommand = l;
      },
    },
  };
  return {
    menus,
    commands,
    created,
    order,
    click: (info: { menuItemId: string | number; pageUrl?: string }, tab?: Tab) =>
      onClicked?.(info, tab),
    press: (command: string, tab?: Tab) => onCommand?.(command, tab),
  };
}

function install(browser: ReturnType<typeof fakeBrowser>, activeTab?: number) {
  const saves: Array<[number, string | undefined]> = [];
  const commands: Array<[string, number]> = [];
  const logs: unknown[][] = [];
  const done = installMenusAndCommands({
    menus: browser.menus,
    commands: browser.commands,
    menuTitle: 'Save selection as a Glossa note',
    saveSelection: async (tabId, pageUrl) => {
      saves.push([tabId, pageUrl]);
    },
    runCommand: async (command, tabId) => {
      commands.push([command, tabId]);
      return { ok: true, command };
    },
    activeTabId: async () => activeTab,
    log: (...args) => logs.push(args),
  });
  return { done, saves, commands, logs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('menus and commands', () => {
  it('creates the menu item afresh, on selections in web pages', async () => {
    const browser = fakeBrowser();
    await install(browser).done;
    expect(browser.order).toEqual(['removeAll', 'create']);
    expect(browser.created).toEqual([
      {
        id: SAVE_SELECTION_MENU,
        title: 'Save selection as a Glossa note',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      },
    ]);
  });

  it('logs a menu that cannot be created instead of failing the background', async () => {
    const browser = fakeBrowser({ failCreate: true });
    const { done, logs } = install(browser);
    await done;
    expect(logs).toHaveLength(1);
    expect(logs[0]?.[0]).toBe('context menu');
  });

  it('saves from the menu with the address the click reports; other items are not ours', async () => {
    const browser = fakeBrowser();
    const { saves } = install(browser);
    browser.click({ menuItemId: SAVE_SELECTION_MENU, pageUrl: 'https://example.org/a' }, { id: 3 });
    browser.click({ menuItemId: 'someone-else' }, { id: 3 });
    browser.click({ menuItemId: SAVE_SELECTION_MENU }, {});
    await settle();
    expect(saves).toEqual([[3, 'https://example.org/a']]);
  });

  it('runs the save shortcut and the page commands on their tab, or the active one', async () => {
    const browser = fakeBrowser();
    const { saves, commands } = install(browser, 11);
    browser.press(SAVE_SELECTION_COMMAND, { id: 5 });
    browser.press(SAVE_SELECTION_COMMAND);
    browser.press('toggle-highlights', { id: 6 });
    browser.press('next-mark');
    browser.press('not-a-command', { id: 6 });
    await settle();
    expect(saves).toEqual([
      [5, undefined],
      [11, undefined],
    ]);
    expect(commands).toEqual([
      ['toggle-highlights', 6],
      ['next-mark', 11],
    ]);
  });

  it('does nothing without a tab to act on', async () => {
    const browser = fakeBrowser();
    const { saves } = install(browser, undefined);
    browser.press(SAVE_SELECTION_COMMAND);
    await settle();
    expect(saves).toEqual([]);
  });
});

describe('createCommandRunner', () => {
  it('runs a page command on the tab and logs a failure', async () => {
    const logs: unknown[][] = [];
    const ask = (async () => {
      throw new Error('Could not establish connection.');
    }) as AskTab;
    const run = createCommandRunner(ask, (...args) => logs.push(args));
    expect(await run('next-mark', 2)).toEqual({
      ok: false,
      command: 'next-mark',
      error: 'Could not establish connection.',
    });
    expect(logs).toEqual([['command', 'next-mark', 'Could not establish connection.']]);
  });
});

describe('activeTabFrom', () => {
  it("asks for the focused window's active tab", async () => {
    const asked: unknown[] = [];
    const active = activeTabFrom({
      query: async (filter) => {
        asked.push(filter);
        return asked.length === 1 ? [{ id: 12 }] : [];
      },
    });
    expect(await active()).toBe(12);
    expect(await active()).toBeUndefined();
    expect(asked[0]).toEqual({ active: true, currentWindow: true });
  });
});

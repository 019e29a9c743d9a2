import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSelectionSaver,
  type ToolbarButton,
  tabUrlFrom,
  toolbarButton,
} from '../../lib/background/save-selection';
import type { AskTab, ToContentMessage } from '../../lib/messages/to-content';
import type { PageState } from '../../lib/messages/types';
import { NO_PAGE } from '../../lib/notes/capture';
import { allNotes, type NotesDb, openNotesDb } from '../../lib/notes/db';

const PAGE = 'https://example.org/news/1';

function tab(reportedUrl = PAGE) {
  const sent: ToContentMessage[] = [];
  const state: PageState = {
    page: { url: reportedUrl, title: 'News', lang: 'en' },
    enabled: true,
    status: 'ready',
    entities: [],
  };
  const ask = (async (_tabId: number, message: ToContentMessage) => {
    sent.push(message);
    switch (message.type) {
      case 'glossa:get-selection':
        return {
          quote: 'Moscow',
          selectors: [
            { type: 'TextQuoteSelector', exact: 'Moscow', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: 6 },
          ],
        };
      case 'glossa:get-page':
        return state;
      case 'glossa:show-notes':
        return { anchored: [], orphaned: [] };
      case 'glossa:notice':
        return { shown: true };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as AskTab;
  return { ask, sent };
}

function button() {
  const calls: unknown[] = [];
  const b: ToolbarButton = {
    setBadgeText: async (d) => void calls.push(['badge', d]),
    setTitle: async (d) => void calls.push(['title', d]),
  };
  return { b, calls };
}

let db: NotesDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('createSelectionSaver', () => {
  it("files the note under the browser's address of the tab, and clears the badge", async () => {
    db = openNotesDb(`save-${Math.random()}`);
    const t = tab('https://evil.example/claimed');
    const { b, calls } = button();
    const asked: number[] = [];
    const save = createSelectionSaver({
      db,
      askTab: t.ask,
      tabUrl: async (tabId) => {
        asked.push(tabId);
        return PAGE;
      },
      button: b,
      log: () => {},
    });
    const result = await save(3);
    expect(result.ok).toBe(true);
    expect(asked).toEqual([3]);
    expect((await allNotes(db)).map((n) => n.url)).toEqual([PAGE]);
    expect(calls).toEqual([
      ['badge', { tabId: 3, text: '' }],
      ['title', { tabId: 3, title: 'Glossa' }],
    ]);
  });

  it('takes the address a menu click reports without asking the tab', async () => {
    db = openNotesDb(`save-${Math.random()}`);
    const t = tab();
    const save = createSelectionSaver({
      db,
      askTab: t.ask,
      tabUrl: async () => {
        throw new Error('not asked');
      },
      log: () => {},
    });
    expect((await save(3, PAGE)).ok).toBe(true);
    expect((await allNotes(db)).map((n) => n.url)).toEqual([PAGE]);
  });

  it('flags the toolbar button and logs when the page cannot be reached', async () => {
    db = openNotesDb(`save-${Math.random()}`);
    const { b, calls } = button();
    const logs: unknown[][] = [];
    const save = createSelectionSaver({
      db,
      askTab: (async () => {
        throw new Error('Could not establish connection.');
      }) as AskTab,
      tabUrl: async () => PAGE,
      button: b,
      log: (...args) => logs.push(args),
    });
    expect(await save(8)).toEqual({ ok: false, error: NO_PAGE });
    expect(calls).toEqual([
      ['badge', { tabId: 8, text: '!' }],
      ['title', { tabId: 8, title: `Glossa: ${NO_PAGE}` }],
    ]);
    expect(logs).toEqual([['save selection:', NO_PAGE]]);
  });
});

describe('toolbarButton', () => {
  it("is MV3's action, else Firefox MV2's browserAction, else none", () => {
    const action = button().b;
    const browserAction = button().b;
    expect(toolbarButton({ action, browserAction })).toBe(action);
    expect(toolbarButton({ browserAction })).toBe(browserAction);
    expect(toolbarButton({})).toBeUndefined();
  });
});

describe('tabUrlFrom', () => {
  it("reads the tab's address from the browser; a closed tab has none", async () => {
    const tabUrl = tabUrlFrom({
      get: async (tabId) => {
        if (tabId === 1) return { url: PAGE };
        throw new Error(`No tab with id: ${tabId}.`);
      },
    });
    expect(await tabUrl(1)).toBe(PAGE);
    expect(await tabUrl(2)).toBeUndefined();
  });
});

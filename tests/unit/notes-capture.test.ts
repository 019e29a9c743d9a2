import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToBackgroundResponse } from '../../lib/messages/to-background';
import type { ToContentMessage, ToContentType } from '../../lib/messages/to-content';
import type { PageState, SelectionInfo } from '../../lib/messages/types';
import {
  type AskTab,
  NO_PAGE,
  NO_SELECTION,
  NOT_A_WEB_PAGE,
  notesForPage,
  notesForSender,
  SAVED,
  saveSelectionFromTab,
} from '../../lib/notes/capture';
import { addNote, allNotes, type NotesDb, openNotesDb } from '../../lib/notes/db';

const NOW = new Date('2024-12-06T12:00:00.000Z');
const PAGE_URL = 'https://ria.ru/20241205/kndr.html?utm_source=tg#top';
const NOTE_URL = 'https://ria.ru/20241205/kndr.html';

const SELECTION: SelectionInfo = {
  quote: 'обменялись ратификационными грамотами',
  selectors: [
    {
      type: 'TextQuoteSelector',
      exact: 'обменялись ратификационными грамотами',
      prefix: 'Стороны ',
      suffix: ' в Пхеньяне',
    },
    { type: 'TextPositionSelector', start: 40, end: 77 },
  ],
};

function state(url = PAGE_URL): PageState {
  return {
    page: { url, title: 'Договор вступил в силу', lang: 'ru' },
    enabled: true,
    status: 'ready',
    entities: [],
  };
}

/** One tab's content script, answering from canned data and recording every message. */
function fakeTab(options: { selection?: SelectionInfo | null; url?: string; absent?: boolean }) {
  const sent: Array<{ tabId: number; message: ToContentMessage }> = [];
  const ask = (async (tabId: number, message: ToContentMessage) => {
    sent.push({ tabId, message });
    if (options.absent) throw new Error('Receiving end does not exist.');
    switch (message.type) {
      case 'glossa:get-selection':
        return options.selection === undefined ? SELECTION : options.selection;
      case 'glossa:get-page':
        return state(options.url);
      case 'glossa:show-notes':
        return {
          anchored: (message as ToContentMessage<'glossa:show-notes'>).notes.map((n) => n.id),
          orphaned: [],
        };
      case 'glossa:notice':
        return { shown: true };
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as AskTab;
  const ofType = <T extends ToContentType>(type: T) =>
    sent.filter((s) => s.message.type === type).map((s) => s.message as ToContentMessage<T>);
  return { ask, sent, ofType };
}

let n = 0;
const dbs: NotesDb[] = [];
function freshDb(): NotesDb {
  n += 1;
  const db = openNotesDb(`glossa-capture-test-${n}`);
  dbs.push(db);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) db.close();
});

describe('saveSelectionFromTab (context menu and keyboard shortcut)', () => {
  it('stores the selection as a note with empty text, paints it on the page, and says so', async () => {
    const db = freshDb();
    const earlier = await addNote(db, {
      kind: 'page',
      url: NOTE_URL,
      pageTitle: 'T',
      text: 'already here',
      tags: [],
    });
    const tab = fakeTab({});
    const result = await saveSelectionFromTab({ db, askTab: tab.ask, now: () => NOW }, 7);

    expect(result.ok).toBe(true);
    const stored = await allNotes(db);
    expect(stored).toHaveLength(2);
    const note = stored.find((s) => s.kind === 'selection');
    expect(note).toMatchObject({
      kind: 'selection',
      url: NOTE_URL,
      pageTitle: 'Договор вступил в силу',
      text: '',
      tags: [],
      quote: SELECTION.quote,
      selectors: SELECTION.selectors,
      createdAt: NOW.toISOString(),
    });
    expect(result.ok && result.note.id).toBe(note?.id);

    // The page is sent all its notes (so the new one is painted at once), then told it worked.
    const shown = tab.ofType('glossa:show-notes');
    expect(shown).toHaveLength(1);
    expect(shown[0]?.notes.map((x) => x.id).sort()).toEqual([earlier.id, note?.id].sort());
    expect(tab.ofType('glossa:notice')).toEqual([{ type: 'glossa:notice', ok: true, text: SAVED }]);
    expect(tab.sent.every((s) => s.tabId === 7)).toBe(true);
    const order = tab.sent.map((s) => s.message.type);
    expect(order.indexOf('glossa:show-notes')).toBeLessThan(order.indexOf('glossa:notice'));
  });

  it('saves nothing without a selection, and tells the reader why on the page', async () => {
    const db = freshDb();
    const tab = fakeTab({ selection: null });
    expect(await saveSelectionFromTab({ db, askTab: tab.ask }, 1)).toEqual({
      ok: false,
      error: NO_SELECTION,
    });
    expect(await allNotes(db)).toHaveLength(0);
    expect(tab.ofType('glossa:notice')).toEqual([
      { type: 'glossa:notice', ok: false, text: NO_SELECTION },
    ]);
  });

  it('reports a tab without Glossa (no content script) and stores nothing', async () => {
    const db = freshDb();
    const tab = fakeTab({ absent: true });
    expect(await saveSelectionFromTab({ db, askTab: tab.ask }, 1)).toEqual({
      ok: false,
      error: NO_PAGE,
    });
    expect(await allNotes(db)).toHaveLength(0);
  });

  it("files the note under the page address the browser gives (context menu), not the content script's claim", async () => {
    const db = freshDb();
    const tab = fakeTab({ url: 'https://mail.example/inbox' });
    const result = await saveSelectionFromTab({ db, askTab: tab.ask, now: () => NOW }, 7, PAGE_URL);
    expect(result.ok).toBe(true);
    expect((await allNotes(db)).map((n) => [n.url, n.pageTitle])).toEqual([[NOTE_URL, '']]);
  });

  it('refuses pages that are not http(s)', async () => {
    const db = freshDb();
    const tab = fakeTab({ url: 'file:///home/me/article.html' });
    expect(await saveSelectionFromTab({ db, askTab: tab.ask }, 1)).toEqual({
      ok: false,
      error: NOT_A_WEB_PAGE,
    });
    expect(await allNotes(db)).toHaveLength(0);
  });

  it('says why a write failed (quota), on the page and in the result', async () => {
    const db = freshDb();
    vi.spyOn(db.notes, 'add').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    const tab = fakeTab({});
    const result = await saveSelectionFromTab({ db, askTab: tab.ask }, 1);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toMatch(/^Could not save the note: .*no storage space/);
    expect(tab.ofType('glossa:notice')).toEqual([
      { type: 'glossa:notice', ok: false, text: error },
    ]);
    expect(tab.ofType('glossa:show-notes')).toHaveLength(0);
  });

  it('still reports success when the page cannot be repainted after the save', async () => {
    const db = freshDb();
    const tab = fakeTab({});
    const flaky = (async (tabId: number, message: ToContentMessage) => {
      if (message.type === 'glossa:show-notes' || message.type === 'glossa:notice') {
        throw new Error('tab closed');
      }
      return tab.ask(tabId, message as ToContentMessage<'glossa:get-page'>);
    }) as AskTab;
    const result = await saveSelectionFromTab({ db, askTab: flaky }, 1);
    expect(result.ok).toBe(true);
    expect(await allNotes(db)).toHaveLength(1);
  });
});

describe('notesForPage (content scripts ask the background)', () => {
  it('answers the notes filed under the normalized address', async () => {
    const db = freshDb();
    const mine = await addNote(db, {
      kind: 'page',
      url: NOTE_URL,
      pageTitle: 'T',
      text: 'mine',
      tags: [],
    });
    await addNote(db, {
      kind: 'page',
      url: 'https://other.example/',
      pageTitle: 'O',
      text: 'no',
      tags: [],
    });
    const answer: ToBackgroundResponse<'glossa:notes-for-page'> = await notesForPage(db, PAGE_URL);
    expect(answer).toEqual({ ok: true, notes: [mine] });
  });

  it('answers the storage error as text', async () => {
    const db = freshDb();
    vi.spyOn(db.notes, 'where').mockImplementation(() => {
      throw new DOMException('blocked', 'VersionError');
    });
    const answer = await notesForPage(db, PAGE_URL);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.error).toMatch(/^Could not load the notes for this page: /);
  });
});

describe('notesForSender (the background checks who asks)', () => {
  const message = { type: 'glossa:notes-for-page' as const, url: 'https://other.example/' };

  async function twoPages() {
    const db = freshDb();
    const mine = await addNote(db, {
      kind: 'page',
      url: NOTE_URL,
      pageTitle: 'T',
      text: 'mine',
      tags: [],
    });
    await addNote(db, {
      kind: 'page',
      url: 'https://other.example/',
      pageTitle: 'O',
      text: 'secret of another site',
      tags: [],
    });
    return { db, mine };
  }

  it("answers the notes of the sender frame's own address, not the address the message claims", async () => {
    const { db, mine } = await twoPages();
    const answer = await notesForSender(db, message, { tab: { id: 3 }, url: PAGE_URL });
    expect(answer).toEqual({ ok: true, notes: [mine] });
  });

  it('refuses when the browser does not say which page sent the message', async () => {
    const { db } = await twoPages();
    for (const sender of [{ tab: { id: 3 } }, { url: PAGE_URL }, {}]) {
      const answer = await notesForSender(db, message, sender);
      expect(answer).toEqual({
        ok: false,
        error: 'notes are given only to a page whose address the browser tells',
      });
    }
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  allNotes,
  deleteNotes,
  notesOfLatestPages,
  openNotesDb,
  restoreNotes,
} from '../../lib/notes/db';
import type { Note } from '../../lib/notes/model';
import { countByPage, groupByPage, orderForView, safeHref } from '../../lib/notes/view-order';

function note(id: string, url: string, createdAt: string, pageTitle = ''): Note {
  return { id, kind: 'page', url, pageTitle, text: id, tags: [], createdAt, updatedAt: createdAt };
}

const A = 'https://a.example/1';
const B = 'https://b.example/2';
const C = 'https://c.example/3';

describe('the notes view order', () => {
  const notes = [
    note('a1', A, '2024-12-01T00:00:00.000Z', 'Page A'),
    note('b1', B, '2024-12-02T00:00:00.000Z'),
    note('a2', A, '2024-12-05T00:00:00.000Z', ''),
    note('c1', C, '2024-12-03T00:00:00.000Z', 'Page C'),
    note('b2', B, '2024-12-04T00:00:00.000Z', 'Page B'),
  ];

  it('puts the page with the latest note first, newest first within a page', () => {
    expect(orderForView(notes).map((n) => n.id)).toEqual(['a2', 'a1', 'b2', 'b1', 'c1']);
    expect(notes.map((n) => n.id)).toEqual(['a1', 'b1', 'a2', 'c1', 'b2']); // input untouched
  });

  it('groups consecutive notes of a page, titled by the newest note that has a title', () => {
    const groups = groupByPage(orderForView(notes));
    expect(groups.map((g) => [g.url, g.title, g.notes.map((n) => n.id)])).toEqual([
      [A, 'Page A', ['a2', 'a1']],
      [B, 'Page B', ['b2', 'b1']],
      [C, 'Page C', ['c1']],
    ]);
    expect(countByPage(notes)).toEqual(
      new Map([
        [A, 2],
        [B, 2],
        [C, 1],
      ]),
    );
  });

  it('links only web addresses', () => {
    expect(safeHref('https://ria.ru/a')).toBe('https://ria.ru/a');
    expect(safeHref('HTTP://x.example/')).toBe('HTTP://x.example/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
  });
});

describe('deleteNotes / restoreNotes (delete and Undo)', () => {
  it('deletes several notes at once and puts back exactly the same notes', async () => {
    const db = openNotesDb('glossa-view-order-undo');
    const one = await addNote(db, {
      kind: 'selection',
      url: A,
      pageTitle: 'A',
      text: 'one',
      tags: ['x'],
      quote: 'q',
      selectors: [{ type: 'TextQuoteSelector', exact: 'q', prefix: 'p', suffix: 's' }],
    });
    const two = await addNote(db, { kind: 'page', url: A, pageTitle: 'A', text: 'two', tags: [] });
    const three = await addNote(db, {
      kind: 'page',
      url: B,
      pageTitle: 'B',
      text: 'three',
      tags: [],
    });
    await deleteNotes(db, [one.id, two.id]);
    expect((await allNotes(db)).map((n) => n.id)).toEqual([three.id]);
    await restoreNotes(db, [one, two]);
    const back = await allNotes(db);
    expect(back).toHaveLength(3);
    expect(back.find((n) => n.id === one.id)).toEqual(one);
    expect(back.find((n) => n.id === two.id)).toEqual(two);
    db.close();
  });
});

describe('notesOfLatestPages (the first screen of the notes view)', () => {
  it('reads exactly the first rows of the full order, without reading every note', async () => {
    const db = openNotesDb('glossa-view-order-first-screen');
    // 60 pages with 1–9 notes each, times spread so pages interleave.
    const notes: Note[] = [];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let p = 0; p < 60; p++) {
      const count = 1 + Math.floor(rnd() * 9);
      for (let k = 0; k < count; k++) {
        const t = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 1e9)).toISOString();
        notes.push(note(`p${p}-n${k}`, `https://site${p % 7}.example/page-${p}`, t));
      }
    }
    await db.notes.bulkAdd(notes);
    const full = orderForView(notes);
    for (const rows of [1, 5, 20, 50]) {
      const first = await notesOfLatestPages(db, rows);
      expect(first.length).toBeGreaterThanOrEqual(rows);
      expect(first.length).toBeLessThan(notes.length);
      expect(
        orderForView(first)
          .slice(0, rows)
          .map((n) => n.id),
      ).toEqual(full.slice(0, rows).map((n) => n.id));
      // Whole pages only: a page on the first screen shows all of its notes.
      const pages = new Set(first.map((n) => n.url));
      expect(first.length).toBe(notes.filter((n) => pages.has(n.url)).length);
    }
    expect(await notesOfLatestPages(db, 10_000)).toHaveLength(notes.length);
    db.close();
  });
});

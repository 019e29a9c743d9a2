import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { notesOfLatestPages, openNotesDb } from '../../lib/notes/db';
import type { Note } from '../../lib/notes/model';

describe('a page with very many notes', () => {
  // Past the number of arguments a call can take (about 125,000 in V8): spreading a page's notes
  // into push() threw RangeError.
  const COUNT = 130_000;

  it('lists the first screen of a page holding 130,000 notes', async () => {
    const db = openNotesDb('glossa-many-notes');
    const url = 'https://ria.ru/a';
    const notes: Note[] = Array.from({ length: COUNT }, (_, i) => {
      const time = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
      return {
        id: `n${i}`,
        kind: 'page',
        url,
        pageTitle: '',
        text: '',
        tags: [],
        createdAt: time,
        updatedAt: time,
      };
    });
    await db.notes.bulkAdd(notes);
    const first = await notesOfLatestPages(db, 10);
    expect(first).toHaveLength(COUNT);
    db.close();
  }, 600_000);
});

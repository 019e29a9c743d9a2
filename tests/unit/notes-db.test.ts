import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addNote,
  allNotes,
  countNotes,
  deleteNote,
  type NotesDb,
  NotesError,
  notesForUrl,
  openNotesDb,
  updateNote,
} from '../../lib/notes/db';
import type { NewNote, Note } from '../../lib/notes/model';

const URL_A = 'https://ria.ru/20241205/kndr.html';
const URL_B = 'https://example.com/treaty';

function pageNote(url: string, text: string): NewNote {
  return { kind: 'page', url, pageTitle: 'Title', text, tags: [] };
}

const at = (iso: string) => new Date(iso);

let counter = 0;
const opened: NotesDb[] = [];
function freshDb(): NotesDb {
  counter += 1;
  const db = openNotesDb(`glossa-test-${counter}`);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close(); // each test has its own database name
});

describe('notes store', () => {
  it('adds a note with an id and ISO times, and lists it', async () => {
    const db = freshDb();
    const note = await addNote(
      db,
      {
        kind: 'selection',
        url: URL_A,
        pageTitle: 'КНДР ратифицировала договор',
        text: 'Ключевая фраза',
        tags: ['КНДР', 'ratification'],
        quote: 'обменялись ратификационными грамотами',
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: 'обменялись ратификационными грамотами',
            prefix: 'стороны ',
            suffix: ' в Москве',
          },
          { type: 'TextPositionSelector', start: 120, end: 157 },
        ],
      },
      at('2024-12-05T08:00:00.000Z'),
    );
    expect(note.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(note.createdAt).toBe('2024-12-05T08:00:00.000Z');
    expect(note.updatedAt).toBe(note.createdAt);
    expect(await notesForUrl(db, URL_A)).toEqual([note]);
    expect(await countNotes(db)).toBe(1);
  });

  it('lists a page newest first, and only that page', async () => {
    const db = freshDb();
    const first = await addNote(db, pageNote(URL_A, 'first'), at('2024-12-05T08:00:00Z'));
    const third = await addNote(db, pageNote(URL_A, 'third'), at('2024-12-05T10:00:00Z'));
    await addNote(db, pageNote(URL_B, 'elsewhere'), at('2024-12-05T11:00:00Z'));
    const second = await addNote(db, pageNote(URL_A, 'second'), at('2024-12-05T09:00:00Z'));
    expect((await notesForUrl(db, URL_A)).map((n) => n.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
    expect(await notesForUrl(db, 'https://nowhere.example/')).toEqual([]);
  });

  it('lists all notes by url, then oldest first', async () => {
    const db = freshDb();
    await addNote(db, pageNote(URL_A, 'a2'), at('2024-12-06T00:00:00Z'));
    await addNote(db, pageNote(URL_B, 'b1'), at('2024-12-04T00:00:00Z'));
    await addNote(db, pageNote(URL_A, 'a1'), at('2024-12-05T00:00:00Z'));
    expect((await allNotes(db)).map((n) => n.text)).toEqual(['b1', 'a1', 'a2']);
  });

  it('updates text and tags, moving updatedAt only', async () => {
    const db = freshDb();
    const note = await addNote(db, pageNote(URL_A, 'draft'), at('2024-12-05T08:00:00Z'));
    const updated = await updateNote(
      db,
      note.id,
      { text: 'final', tags: ['x'] },
      at('2024-12-06T09:30:00Z'),
    );
    expect(updated).toEqual({
      ...note,
      text: 'final',
      tags: ['x'],
      updatedAt: '2024-12-06T09:30:00.000Z',
    });
    expect(await notesForUrl(db, URL_A)).toEqual([updated]);
  });

  it('refuses to update a note that does not exist', async () => {
    const db = freshDb();
    const error = await updateNote(db, 'missing', { text: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('not-found');
  });

  it('deletes a note', async () => {
    const db = freshDb();
    const keep = await addNote(db, pageNote(URL_A, 'keep'));
    const drop = await addNote(db, pageNote(URL_A, 'drop'));
    await deleteNote(db, drop.id);
    expect(await notesForUrl(db, URL_A)).toEqual([keep]);
  });

  it('finds notes by tag through the multi-entry index', async () => {
    const db = freshDb();
    await addNote(db, { ...pageNote(URL_A, 't'), tags: ['КНДР', 'treaty'] });
    await addNote(db, { ...pageNote(URL_B, 'u'), tags: ['treaty'] });
    expect(await db.notes.where('tags').equals('treaty').count()).toBe(2);
    expect(await db.notes.where('tags').equals('КНДР').count()).toBe(1);
  });

  it('keeps notes when the database is closed and opened again', async () => {
    const name = `glossa-reopen-${Date.now()}`;
    const first = openNotesDb(name);
    const note = await addNote(first, pageNote(URL_A, 'persisted'));
    first.close();
    const second = openNotesDb(name);
    opened.push(second);
    expect(await notesForUrl(second, URL_A)).toEqual([note]);
  });
});

/**
 * Write a database exactly as schema version 1 lays it out, with plain IndexedDB (no Dexie), the
 * way a browser profile from an older Glossa holds it. Dexie stores version n as 10·n.
 */
function writeVersion1Database(name: string, notes: readonly Note[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 10);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('notes', { keyPath: 'id' });
      for (const index of ['url', 'kind', 'createdAt', 'updatedAt'])
        store.createIndex(index, index);
      store.createIndex('tags', 'tags', { multiEntry: true });
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('notes', 'readwrite');
      for (const note of notes) tx.objectStore('notes').put(note);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('schema versions', () => {
  const V1_NOTES: Note[] = [
    {
      id: 'v1-selection',
      kind: 'selection',
      url: URL_A,
      pageTitle: 'Old',
      text: 'saved by schema 1',
      tags: ['КНДР'],
      quote: 'q',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'q', prefix: 'p', suffix: 's' },
        { type: 'TextPositionSelector', start: 1, end: 2 },
      ],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
    },
    {
      id: 'v1-entity',
      kind: 'entity',
      url: URL_B,
      pageTitle: 'Old B',
      text: '',
      tags: [],
      entity: { type: 'LOC', canonical: 'Пхеньян' },
      createdAt: '2024-01-03T00:00:00.000Z',
      updatedAt: '2024-01-03T00:00:00.000Z',
    },
  ];

  it('opens a database written by schema version 1 and keeps every note, index and all', async () => {
    const name = `glossa-v1-${Date.now()}`;
    await writeVersion1Database(name, V1_NOTES);
    const db = openNotesDb(name);
    opened.push(db);
    expect(await allNotes(db)).toEqual([V1_NOTES[1], V1_NOTES[0]]); // by URL
    expect(await notesForUrl(db, URL_A)).toEqual([V1_NOTES[0]]);
    expect(await db.notes.where('tags').equals('КНДР').count()).toBe(1);
    const added = await addNote(db, pageNote(URL_A, 'new'));
    expect(await countNotes(db)).toBe(3);
    expect(await db.notes.get(added.id)).toEqual(added);
  });
});

describe('notes store failures', () => {
  it('refuses a field longer than an import would accept, and stores nothing', async () => {
    const db = freshDb();
    const error = await addNote(db, pageNote(URL_A, 'я'.repeat(100_001))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('too-large');
    expect((error as NotesError).message).toBe(
      'Could not save the note: the note text is 100,001 characters long; Glossa keeps at most 100,000. Shorten it and save again.',
    );
    expect(await countNotes(db)).toBe(0);
    const note = await addNote(db, pageNote(URL_A, 'я'.repeat(100_000)));
    const tooLongTag = await updateNote(db, note.id, { tags: ['x'.repeat(100_001)] }).catch(
      (e: unknown) => e,
    );
    expect((tooLongTag as NotesError).reason).toBe('too-large');
    expect((tooLongTag as NotesError).message).toMatch(
      /^Could not update the note: the tag is 100,001/,
    );
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('turns a write on a closed database into a NotesError', async () => {
    const db = freshDb();
    await countNotes(db); // opened
    db.close(); // Dexie 4: stays closed
    const error = await addNote(db, pageNote(URL_A, 'text')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('closed');
    expect((error as NotesError).message).toMatch(/^Could not save the note: .*reopen the popup/);
    expect((error as NotesError).cause).toBeInstanceOf(Error);
  });

  it('explains a full disk (QuotaExceededError) and keeps the cause', async () => {
    const db = freshDb();
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    vi.spyOn(db.notes, 'add').mockRejectedValueOnce(quota);
    const error = await addNote(db, pageNote(URL_A, 'text')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('quota');
    expect((error as NotesError).message).toContain('no storage space');
    expect((error as NotesError).cause).toBe(quota);
    expect(await countNotes(db)).toBe(0);
  });

  it('explains a database that cannot be opened (no IndexedDB, as in some private modes)', async () => {
    const db = openNotesDb('glossa-no-idb', { indexedDB: undefined, IDBKeyRange: undefined });
    const error = await allNotes(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('unavailable');
    expect((error as NotesError).message).toMatch(/^Could not load the notes: .*private window/);
  });

  it('explains a database that the browser refuses to open', async () => {
    const refusing = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const db = openNotesDb('glossa-refused', { indexedDB: refusing, IDBKeyRange });
    const error = await addNote(db, pageNote(URL_A, 'x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('unavailable');
  });

  it('reports unexpected errors with their own message', async () => {
    const db = freshDb();
    vi.spyOn(db.notes, 'delete').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(deleteNote(db, 'x')).rejects.toThrow('Could not delete the note: disk on fire');
  });
});

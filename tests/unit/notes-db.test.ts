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
import type { NewNote } from '../../lib/notes/model';

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

describe('notes store failures', () => {
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

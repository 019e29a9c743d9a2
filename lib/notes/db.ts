/**
 * The notes store: one Dexie (IndexedDB) database, and small functions that take it as a parameter
 * so the popup, the content script and Node tests (fake-indexeddb) share exactly the same code.
 * Every failure leaves as a NotesError with a message a reader can act on; the caller keeps the
 * note's text on screen, so nothing typed is lost.
 */
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { t } from '../i18n';
import { addCountChanges, type EntityCount } from '../memory/entity-counts';
import type { RememberedArticle } from '../memory/model';
import type { NewNote, Note } from './model';
import { normalizeUrl } from './normalize-url';
import { parseTags } from './tags';
import { acceptNote } from './validate';

/** Glossa's one database: the reader's notes and, since version 4, the reading memory. */
export type NotesDb = Dexie & {
  notes: EntityTable<Note, 'id'>;
  articles: EntityTable<RememberedArticle, 'url'>;
  entityCounts: EntityTable<EntityCount, 'key'>;
};

/**
 * Open (lazily: Dexie opens on first use) the notes database.
 * `options` lets tests pass their own `indexedDB`/`IDBKeyRange`, e.g. from fake-indexeddb.
 */
export function openNotesDb(name = 'glossa', options?: DexieOptions): NotesDb {
  const db = new Dexie(name, options) as NotesDb;
  // Schema history: never edit a published version; add version(n + 1) with an upgrade instead.
  db.version(1).stores({ notes: 'id, url, kind, createdAt, updatedAt, *tags' });
  // 2: notes listed per page in date order straight from an index; notes saved by version 1
  // are re-filed under today's URL rules and tag rules, so they still match their page.
  db.version(2)
    .stores({ notes: 'id, url, kind, createdAt, updatedAt, *tags, [url+createdAt]' })
    .upgrade((tx) => tx.table<Note, string>('notes').toCollection().modify(upgradeNoteToV2));
  // 3: notes stored before every way in went through acceptNote (imports kept addresses, tags
  // and times as the file wrote them) are brought to its form, so they show on their page and
  // sort by time. A note acceptNote would refuse stays exactly as it was: nothing is lost.
  db.version(3)
    .stores({ notes: 'id, url, kind, createdAt, updatedAt, *tags, [url+createdAt]' })
    .upgrade((tx) => tx.table<Note, string>('notes').toCollection().modify(upgradeNoteToV3));
  // 4: the reading memory (lib/memory/store.ts), a table of its own; notes are not touched.
  db.version(4).stores({ articles: 'url, site, lastVisit, *keys' });
  // 5: how many articles have each entity key, kept by lib/memory/store.ts in the transactions
  // that change articles (the card reads one row instead of counting the `keys` index), counted
  // here from the articles already remembered.
  db.version(5)
    .stores({ entityCounts: 'key' })
    .upgrade(async (tx) => {
      const counts = new Map<string, number>();
      await tx.table<RememberedArticle, string>('articles').each((a) => {
        if (Array.isArray(a.keys)) addCountChanges(counts, undefined, a.keys);
      });
      await tx
        .table<EntityCount, string>('entityCounts')
        .bulkPut([...counts].map(([key, count]) => ({ key, count })));
    });
  return db;
}

/** A stored note in acceptNote's form (changed in place), keeping its id, the primary key. */
export function upgradeNoteToV3(note: Note): void {
  let result: ReturnType<typeof acceptNote>;
  try {
    result = acceptNote(note);
  } catch {
    return; // a record no version of Glossa wrote: kept as it is rather than fail the upgrade
  }
  if (!result.ok) return;
  const { id: _id, ...fields } = result.note;
  for (const key of ['quote', 'selectors', 'entity'] as const) {
    if (!(key in fields)) delete note[key];
  }
  Object.assign(note, fields);
}

/** A version-1 note as version 2 files it (changed in place, as Dexie's modify() expects). */
export function upgradeNoteToV2(note: Note): void {
  note.url = normalizeUrl(note.url);
  note.tags = parseTags((Array.isArray(note.tags) ? note.tags : []).join(','));
}

export type NotesErrorReason =
  | 'quota'
  | 'blocked'
  | 'closed'
  | 'unavailable'
  | 'not-found'
  | 'too-large'
  | 'invalid'
  | 'conflict'
  | 'unknown';

export class NotesError extends Error {
  override readonly name = 'NotesError';
  readonly reason: NotesErrorReason;

  constructor(message: string, reason: NotesErrorReason, cause?: unknown) {
    super(message, { cause });
    this.reason = reason;
  }
}

const REASON_TEXT: Record<
  Exclude<NotesErrorReason, 'not-found' | 'too-large' | 'invalid' | 'conflict' | 'unknown'>,
  string
> = {
  quota:
    'the browser has no storage space left for Glossa. Free disk space, or export and delete old notes, then try again.',
  blocked:
    'the notes database is being upgraded in another Glossa window. Close other Glossa popups and tabs, then try again.',
  closed: 'the notes database was closed. Close and reopen the popup, then try again.',
  unavailable:
    'the browser refused to open the notes database. In a private window, or with site data blocked, notes cannot be stored.',
};

/**
 * Error names, Dexie's and IndexedDB's, grouped by what the reader can do about them, most
 * specific first: a QuotaExceededError wrapped in an AbortError is about quota, and an
 * InvalidStateError inside an OpenFailedError (Firefox private windows) is about opening.
 */
const REASONS_BY_PRIORITY: ReadonlyArray<
  [
    Exclude<NotesErrorReason, 'not-found' | 'too-large' | 'invalid' | 'conflict' | 'unknown'>,
    string[],
  ]
> = [
  ['quota', ['QuotaExceededError']],
  ['blocked', ['VersionChangeError', 'VersionError']],
  ['unavailable', ['OpenFailedError', 'MissingAPIError', 'InvalidAccessError', 'SecurityError']],
  ['closed', ['DatabaseClosedError', 'InvalidStateError']],
];

/** Dexie wraps the browser's error (`inner`); standard errors chain through `cause`. */
function errorChainNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    current = e.inner ?? e.cause;
  }
  return names;
}

/** Turn any storage failure into a NotesError whose message starts with what failed. */
export function toNotesError(action: string, error: unknown): NotesError {
  if (error instanceof NotesError) return error;
  const names = errorChainNames(error);
  const reason = REASONS_BY_PRIORITY.find(([, group]) => group.some((n) => names.includes(n)))?.[0];
  if (reason) return new NotesError(`${action}: ${REASON_TEXT[reason]}`, reason, error);
  const detail = error instanceof Error && error.message ? error.message : String(error);
  return new NotesError(`${action}: ${detail}`, 'unknown', error);
}

/** Run a storage action; any failure leaves as a NotesError whose message starts with `action`. */
export async function guarded<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toNotesError(action, error);
  }
}

/** A note through acceptNote (lib/notes/validate.ts), or the NotesError that says why not. */
function accepted(action: string, candidate: Note): Note {
  const result = acceptNote(candidate);
  if (result.ok) return result.note;
  const advice =
    result.reason === 'too-large' ? 'Shorten it and save again.' : 'Nothing was saved.';
  throw new NotesError(`${action}: ${result.error}. ${advice}`, result.reason);
}

/** Store a new note; the store assigns its id and both timestamps. */
export function addNote(db: NotesDb, input: NewNote, now: Date = new Date()): Promise<Note> {
  return guarded('Could not save the note', async () => {
    const time = now.toISOString();
    const note = accepted('Could not save the note', {
      ...input,
      id: crypto.randomUUID(),
      createdAt: time,
      updatedAt: time,
    });
    await db.notes.add(note);
    return note;
  });
}

/** The fields a reader may change after saving; the page, quote and selectors stay as saved. */
export type NoteChanges = Partial<Pick<Note, 'text' | 'tags' | 'pageTitle'>>;

/**
 * The note was changed (in another tab, the side panel…) after the editor loaded it: the save
 * was refused and `theirs` is the note as stored now, so the editor can show both texts.
 */
export class NotesConflictError extends NotesError {
  readonly theirs: Note;

  constructor(theirs: Note) {
    super(t('noteConflict'), 'conflict');
    this.theirs = theirs;
  }
}

/**
 * A later time than `previous`, even when the clock says otherwise (two saves in one millisecond,
 * a clock set back): every update changes updatedAt, so the compare-and-set below sees it.
 */
function nextUpdateTime(previous: string, now: Date): string {
  const last = Date.parse(previous);
  return new Date(
    Number.isNaN(last) ? now.getTime() : Math.max(now.getTime(), last + 1),
  ).toISOString();
}

/**
 * Change a stored note. With `expectedUpdatedAt` (the updatedAt the editor loaded) it is a
 * compare-and-set inside one transaction: when the stored note has another updatedAt, it was
 * edited elsewhere, nothing is written, and a NotesConflictError carries the stored copy.
 */
export function updateNote(
  db: NotesDb,
  id: string,
  changes: NoteChanges,
  now: Date = new Date(),
  expectedUpdatedAt?: string,
): Promise<Note> {
  return guarded('Could not update the note', () =>
    db.transaction('rw', db.notes, async () => {
      const existing = await db.notes.get(id);
      if (!existing) {
        throw new NotesError(
          'Could not update the note: it no longer exists (deleted in another window?).',
          'not-found',
        );
      }
      if (expectedUpdatedAt !== undefined && existing.updatedAt !== expectedUpdatedAt) {
        throw new NotesConflictError(existing);
      }
      const updated = accepted('Could not update the note', {
        ...existing,
        ...changes,
        updatedAt: nextUpdateTime(existing.updatedAt, now),
      });
      await db.notes.put(updated);
      return updated;
    }),
  );
}

export function deleteNote(db: NotesDb, id: string): Promise<void> {
  return guarded('Could not delete the note', () => db.notes.delete(id));
}

/** Plain code-unit order: the same on every machine and locale, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Notes filed under one (normalized) page URL, newest first. */
export function notesForUrl(db: NotesDb, url: string): Promise<Note[]> {
  return guarded('Could not load the notes for this page', async () => {
    const notes = await db.notes
      .where('[url+createdAt]')
      .between([url, Dexie.minKey], [url, Dexie.maxKey])
      .toArray();
    return notes.sort(
      (a, b) => compareStrings(b.createdAt, a.createdAt) || compareStrings(a.id, b.id),
    );
  });
}

/** Every note, grouped by page URL, oldest first within a page: the order exports start from. */
export function allNotes(db: NotesDb): Promise<Note[]> {
  return guarded('Could not load the notes', async () => {
    const notes = await db.notes.toArray();
    return notes.sort(
      (a, b) =>
        compareStrings(a.url, b.url) ||
        compareStrings(a.createdAt, b.createdAt) ||
        compareStrings(a.id, b.id),
    );
  });
}

/**
 * The notes of the pages whose latest notes are the most recent, at least `rows` notes when there
 * are that many: exactly the first screen of the notes view (by page, latest page first), read
 * through the createdAt and url indexes without loading every note — 10,000 notes take a quarter
 * of a second to read, the first screen a few milliseconds.
 */
export function notesOfLatestPages(db: NotesDb, rows: number): Promise<Note[]> {
  return guarded('Could not load the notes', async () => {
    // Pages in the order of their latest note: the first distinct URLs of the newest notes.
    // (Read and page queries in one transaction: a consistent first screen.)
    return db.transaction('r', db.notes, async () => {
      const recent = await db.notes
        .orderBy('createdAt')
        .reverse()
        .limit(Math.max(1, rows) * 2)
        .toArray();
      const urls = [...new Set(recent.map((n) => n.url))];
      const notes: Note[] = [];
      const batch = 8;
      for (let i = 0; i < urls.length && notes.length < rows; i += batch) {
        // One equals() query per page: Dexie's anyOf() walks the index with cursor jumps, which
        // some IndexedDB implementations (fake-indexeddb) make a hundred times slower.
        const pages = await Promise.all(
          urls.slice(i, i + batch).map((url) => db.notes.where('url').equals(url).toArray()),
        );
        // One push per note: spreading a page's notes as arguments overflows the stack on a
        // page with very many notes.
        for (const page of pages) for (const note of page) notes.push(note);
      }
      return notes;
    });
  });
}

/** Every note in storage order, for callers that order them their own way (the notes view). */
export function loadNotes(db: NotesDb): Promise<Note[]> {
  return guarded('Could not load the notes', () => db.notes.toArray());
}

export function countNotes(db: NotesDb): Promise<number> {
  return guarded('Could not count the notes', () => db.notes.count());
}

/** Delete several notes in one transaction: all of them or none. */
export function deleteNotes(db: NotesDb, ids: readonly string[]): Promise<void> {
  return guarded('Could not delete the notes', () => db.notes.bulkDelete([...ids]));
}

/**
 * Put deleted notes back exactly as they were (same id, text, selectors and times): the "Undo"
 * after a delete. One transaction, so an undo never half-happens. These notes were in the store a
 * moment ago, so they do not pass acceptNote again: a note kept from before a rule was added must
 * come back, not be lost to its Undo.
 */
export function restoreNotes(db: NotesDb, notes: readonly Note[]): Promise<void> {
  return guarded('Could not restore the notes', async () => {
    await db.notes.bulkPut([...notes]);
  });
}

/**
 * Call `onChange` after every write to this database's notes, from this window or another one
 * (another tab of the notes view, the side panel, the background saving a selection). Dexie
 * passes its change events between windows of the extension over a BroadcastChannel; this filters
 * them to this database. Returns the function that stops listening.
 */
export function onNotesChanged(db: NotesDb, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/notes/`;
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((key) => key.startsWith(prefix))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

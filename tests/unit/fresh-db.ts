/**
 * A new, empty Glossa database for each test (fake-indexeddb), closed and deleted after it:
 * `const db = freshNotesDb('memory')` at the top of a test file, then `db()` inside the tests.
 * The test file still imports 'fake-indexeddb/auto' first: Dexie looks for indexedDB when it is
 * imported, before this module runs.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { type NotesDb, openNotesDb } from '../../lib/notes/db';

let serial = 0;

export function freshNotesDb(prefix: string): () => NotesDb {
  let db: NotesDb | null = null;
  let name = '';
  beforeEach(async () => {
    name = `${prefix}-${serial++}`;
    db = openNotesDb(name);
    await db.open();
  });
  afterEach(async () => {
    db?.close();
    db = null;
    await Dexie.delete(name);
  });
  return () => {
    if (!db) throw new Error('freshNotesDb: the database exists only inside a test');
    return db;
  };
}

/**
 * The extension's own IndexedDB (lib/notes/db.ts: notes and the reading memory), read and emptied
 * from one of its pages with the bare IndexedDB API: the test sees the records as stored, through
 * no Glossa code. A store the database does not have (yet) reads as empty.
 */
import type { E2EPage } from './types';

export const GLOSSA_DB = 'glossa';

/** Every record of one object store, in key order. `ext` must be an extension page. */
export function readStore<T>(ext: E2EPage, store: string, db = GLOSSA_DB): Promise<T[]> {
  return ext.evaluate(
    ({ store, db }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(store)) {
            conn.close();
            resolve([]);
            return;
          }
          const all = conn.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => {
            conn.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => {
            conn.close();
            reject(all.error);
          };
        };
      }),
    { store, db },
  );
}

/** Empty one object store (a test's clean start). `ext` must be an extension page. */
export function clearStore(ext: E2EPage, store: string, db = GLOSSA_DB): Promise<void> {
  return ext.evaluate(
    ({ store, db }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(db);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(store)) {
            conn.close();
            resolve();
            return;
          }
          const tx = conn.transaction(store, 'readwrite');
          tx.objectStore(store).clear();
          tx.oncomplete = () => {
            conn.close();
            resolve();
          };
          tx.onerror = () => {
            conn.close();
            reject(tx.error);
          };
        };
      }),
    { store, db },
  );
}

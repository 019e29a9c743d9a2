/**
 * Settings follow the reader to their other browsers through the browser's sync storage, where it
 * has one; storage.local stays the copy every part of Glossa reads and writes. Between the two,
 * the copy saved last (Settings.savedAt) wins. Notes never go here: they stay in IndexedDB.
 */
import { parseSettings, SETTINGS_KEY, type StorageAreaLike } from './settings';

export type SyncOutcome = 'pulled' | 'pushed' | 'same' | 'failed';

async function read(area: StorageAreaLike): Promise<unknown> {
  return (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
}

/**
 * Make local and sync agree: the newer settings are copied over the older. Never throws: a sync
 * area that is missing, full (Chrome allows 8 kB an item) or offline leaves local as it is.
 */
export async function reconcileSettings(
  local: StorageAreaLike,
  sync: StorageAreaLike,
): Promise<SyncOutcome> {
  try {
    const [mine, theirs] = await Promise.all([read(local), read(sync)]);
    if (theirs === undefined && mine === undefined) return 'same';
    const a = parseSettings(mine);
    const b = parseSettings(theirs);
    if (theirs !== undefined && (mine === undefined || b.savedAt > a.savedAt)) {
      await local.set({ [SETTINGS_KEY]: b });
      return 'pulled';
    }
    if (mine !== undefined && (theirs === undefined || a.savedAt > b.savedAt)) {
      await sync.set({ [SETTINGS_KEY]: a });
      return 'pushed';
    }
    return 'same';
  } catch {
    return 'failed';
  }
}

/**
 * The popup's one-time notice about the reading memory ("Remember what I read" is on by default):
 * shown while the memory is on until the reader dismisses it, then never again. The dismissal is
 * kept in the extension's local storage next to the settings, but not in them: it is this
 * browser's, and settings sync between browsers leaves it alone.
 */
import { loadSettings, type StorageAreaLike } from '../settings';

export const MEMORY_NOTICE_KEY = 'glossa:memory-notice-dismissed';

/** Whether the popup shows the notice: the memory is on and the reader has not dismissed it. */
export async function memoryNoticeDue(storage: StorageAreaLike): Promise<boolean> {
  const [settings, stored] = await Promise.all([
    loadSettings(storage),
    storage.get(MEMORY_NOTICE_KEY).catch(() => ({}) as Record<string, unknown>),
  ]);
  return settings.rememberReading && stored[MEMORY_NOTICE_KEY] !== true;
}

/** The reader dismissed the notice: never show it again. */
export async function dismissMemoryNotice(storage: StorageAreaLike): Promise<void> {
  await storage.set({ [MEMORY_NOTICE_KEY]: true });
}

/** Whether the reading memory is on (the entity lists link to entity pages only then). */
export async function memoryOn(storage: StorageAreaLike): Promise<boolean> {
  return (await loadSettings(storage)).rememberReading;
}

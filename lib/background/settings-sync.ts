/**
 * Settings follow the reader across browsers (storage.sync; lib/settings-sync.ts merges them);
 * notes stay in this browser's IndexedDB. Reconciled at every background start and whenever the
 * settings change in either area.
 */
import type { StorageAreaLike } from '../settings';
import { type SyncAreaLike, settingsSyncer, touchesSettings } from '../settings-sync';

/** The browser's storage API, as far as used here (`sync` is missing in some browsers). */
export interface StorageApi {
  local: StorageAreaLike;
  sync?: SyncAreaLike;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/** Start keeping settings in sync; false when this browser has no synced storage. */
export function keepSettingsInSync(
  storage: StorageApi,
  log: (...args: unknown[]) => void,
): boolean {
  const sync = storage.sync;
  if (!sync) return false;
  const reconcile = settingsSyncer(storage.local, sync, (outcome) => {
    if (outcome === 'failed') log('settings could not be synced; they stay on this browser');
  });
  void reconcile();
  storage.onChanged.addListener((changes, area) => {
    if (touchesSettings(changes, area)) void reconcile();
  });
  return true;
}

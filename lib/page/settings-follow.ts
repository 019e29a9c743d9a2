/**
 * Settings and site switches changed (options page, popup, another tab): read them again and hand
 * them to the page, which applies them live.
 */

import { loadSettings, SETTINGS_KEY, type Settings, type StorageAreaLike } from '../settings';
import type { SiteOverrides } from './site';
import { loadSiteOverrides, SITE_OVERRIDES_KEY } from './site';

/** The slice of browser.storage used here. */
export interface StorageLike {
  local: StorageAreaLike;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/** Whether a storage change touches what the page follows: settings or site switches, in local. */
export function touchesSettings(changes: Record<string, unknown>, area: string): boolean {
  return area === 'local' && (SETTINGS_KEY in changes || SITE_OVERRIDES_KEY in changes);
}

export function followSettings(
  storage: StorageLike,
  apply: (settings: Settings, overrides: SiteOverrides) => void,
  failed: (err: unknown) => void,
): void {
  storage.onChanged.addListener((changes, area) => {
    if (!touchesSettings(changes, area)) return;
    const local = storage.local;
    Promise.all([loadSettings(local), loadSiteOverrides(local)]).then(
      ([settings, overrides]) => apply(settings, overrides),
      failed,
    );
  });
}

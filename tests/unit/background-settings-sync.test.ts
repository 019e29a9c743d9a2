import { describe, expect, it, vi } from 'vitest';
import { keepSettingsInSync } from '../../lib/background/settings-sync';
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY, saveSettings } from '../../lib/settings';
import { readSynced } from '../../lib/settings-sync';
import { memoryArea } from './sync-area';

function storage(withSync = true) {
  const listeners: Array<(changes: Record<string, unknown>, area: string) => void> = [];
  const api = {
    local: memoryArea(),
    sync: withSync ? memoryArea({}, { quota: true }) : undefined,
    onChanged: {
      addListener: (l: (changes: Record<string, unknown>, area: string) => void) =>
        void listeners.push(l),
    },
  };
  const change = (changes: Record<string, unknown>, area: string) => {
    for (const l of listeners) l(changes, area);
  };
  return { api, listeners, change };
}

describe('keepSettingsInSync', () => {
  it('does nothing in a browser without synced storage', () => {
    const s = storage(false);
    expect(keepSettingsInSync(s.api, () => {})).toBe(false);
    expect(s.listeners).toHaveLength(0);
  });

  it('pushes settings at start and again when they change here', async () => {
    const s = storage();
    await saveSettings(s.api.local, { ...DEFAULT_SETTINGS, watchList: ['санкции'] }, () => 100);
    expect(keepSettingsInSync(s.api, () => {})).toBe(true);
    const sync = s.api.sync as NonNullable<typeof s.api.sync>;
    await vi.waitFor(async () =>
      expect((await readSynced(sync)).settings?.watchList).toEqual(['санкции']),
    );
    await saveSettings(s.api.local, { ...DEFAULT_SETTINGS, watchList: ['НАТО'] }, () => 200);
    // Another key changing is not a settings change: nothing to reconcile.
    s.change({ 'glossa:site-overrides': {} }, 'local');
    s.change({ [SETTINGS_KEY]: {} }, 'local');
    await vi.waitFor(async () =>
      expect((await readSynced(sync)).settings?.watchList).toEqual(['НАТО']),
    );
    expect((await loadSettings(s.api.local)).watchList).toEqual(['НАТО']);
  });
});

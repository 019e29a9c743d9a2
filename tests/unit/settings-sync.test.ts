import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaLike,
  saveSettings,
} from '../../lib/settings';
import { reconcileSettings } from '../../lib/settings-sync';

function area(initial?: Settings, options: { failWrites?: boolean } = {}) {
  const data: Record<string, unknown> = initial ? { [SETTINGS_KEY]: initial } : {};
  const writes: unknown[] = [];
  const storage: StorageAreaLike = {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (options.failWrites) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      writes.push(items);
      Object.assign(data, structuredClone(items));
    },
  };
  return { storage, writes };
}

const at = (savedAt: number, patch: Partial<Settings> = {}): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  ...patch,
  savedAt,
});

describe('settings across browsers', () => {
  it('pulls settings saved later on another browser', async () => {
    const local = area(at(100, { watchList: ['old'] }));
    const sync = area(at(200, { watchList: ['санкции'] }));
    expect(await reconcileSettings(local.storage, sync.storage)).toBe('pulled');
    expect((await loadSettings(local.storage)).watchList).toEqual(['санкции']);
    expect(sync.writes).toEqual([]);
  });

  it('pushes settings saved here later, and a first install pushes nothing it does not have', async () => {
    const local = area(at(300, { articlesOnly: false }));
    const sync = area(at(200));
    expect(await reconcileSettings(local.storage, sync.storage)).toBe('pushed');
    expect((await loadSettings(sync.storage)).articlesOnly).toBe(false);
    expect(await reconcileSettings(area().storage, area().storage)).toBe('same');
  });

  it('takes the synced settings on a new install (nothing saved locally yet)', async () => {
    const local = area();
    const sync = area(at(50, { disabledSites: ['example.com'] }));
    expect(await reconcileSettings(local.storage, sync.storage)).toBe('pulled');
    expect((await loadSettings(local.storage)).disabledSites).toEqual(['example.com']);
  });

  it('does nothing when both agree, and so never loops', async () => {
    const local = area(at(100));
    const sync = area(at(100));
    expect(await reconcileSettings(local.storage, sync.storage)).toBe('same');
    expect(local.writes).toEqual([]);
    expect(sync.writes).toEqual([]);
  });

  it('keeps local settings when sync storage refuses the write (full, offline)', async () => {
    const local = area(at(300, { watchList: ['x'] }));
    const sync = area(at(100), { failWrites: true });
    expect(await reconcileSettings(local.storage, sync.storage)).toBe('failed');
    expect((await loadSettings(local.storage)).watchList).toEqual(['x']);
  });

  it('stamps each save, so the newest wins', async () => {
    const local = area();
    await saveSettings(local.storage, DEFAULT_SETTINGS, () => 1234);
    expect((await loadSettings(local.storage)).savedAt).toBe(1234);
  });
});

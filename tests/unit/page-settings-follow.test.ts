import { describe, expect, it } from 'vitest';
import { followSettings, type StorageLike, touchesSettings } from '../../lib/page/settings-follow';
import { SITE_OVERRIDES_KEY } from '../../lib/page/site';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';

describe('touchesSettings', () => {
  it('is true for settings or site switches in local storage only', () => {
    expect(touchesSettings({ [SETTINGS_KEY]: {} }, 'local')).toBe(true);
    expect(touchesSettings({ [SITE_OVERRIDES_KEY]: {} }, 'local')).toBe(true);
    expect(touchesSettings({ [SETTINGS_KEY]: {} }, 'sync')).toBe(false);
    expect(touchesSettings({ other: {} }, 'local')).toBe(false);
  });
});

function fakeStorage(stored: Record<string, unknown>, failing = false) {
  let listener: ((changes: Record<string, unknown>, area: string) => void) | null = null;
  const storage: StorageLike = {
    local: {
      get: async (key) => {
        if (failing) throw new Error('storage gone');
        return key in stored ? { [key]: stored[key] } : {};
      },
      set: async () => {},
    },
    onChanged: { addListener: (fn) => (listener = fn) },
  };
  return {
    storage,
    change: (changes: Record<string, unknown>, area = 'local') => listener?.(changes, area),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followSettings', () => {
  it('reads settings and site switches again when either changed, and applies them', async () => {
    const { storage, change } = fakeStorage({});
    const applied: unknown[] = [];
    followSettings(
      storage,
      (settings, overrides) => applied.push([settings, overrides]),
      () => {},
    );
    change({ [SETTINGS_KEY]: {} });
    await settle();
    expect(applied).toHaveLength(1);
    const [settings] = applied[0] as [typeof DEFAULT_SETTINGS];
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('does nothing for other changes', async () => {
    const { storage, change } = fakeStorage({});
    const applied: unknown[] = [];
    followSettings(
      storage,
      () => applied.push(1),
      () => {},
    );
    change({ unrelated: {} });
    change({ [SETTINGS_KEY]: {} }, 'sync');
    await settle();
    expect(applied).toEqual([]);
  });
});

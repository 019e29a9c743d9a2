import { describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messages/types';
import { SITE_OVERRIDES_KEY, type SiteOverrides } from '../../lib/page/site';
import {
  createSiteSwitching,
  withAnnotateAnyway,
  withSiteEnabled,
} from '../../lib/page/site-switching';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaLike,
} from '../../lib/settings';
import { memoryArea } from './sync-area';

/** Site switching over switches held here; `applied` logs what reached the page. */
function setup(storage?: StorageAreaLike) {
  let settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: ['other.org'] };
  let overrides: SiteOverrides = { annotateAnyway: [] };
  const applied: Array<{ settings: Settings; overrides: SiteOverrides }> = [];
  const switching = createSiteSwitching({
    host: 'example.org',
    storage,
    current: () => ({ settings, overrides }),
    switchTo: (s, o) => {
      settings = s;
      overrides = o;
      applied.push({ settings: s, overrides: o });
      return { status: 'working' } as PageState;
    },
  });
  return { switching, applied };
}

describe('site switching (pure)', () => {
  it('turns a site off and on, leaving the other sites alone', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'example.org', false);
    expect(off.disabledSites).toEqual(['example.org']);
    expect(withSiteEnabled(off, 'example.org', true).disabledSites).toEqual([]);
    expect(
      withSiteEnabled({ ...off, disabledSites: ['Example.org.'] }, 'example.org', true)
        .disabledSites,
    ).toEqual([]);
  });

  it('adds and removes "annotate anyway" for one site', () => {
    const on = withAnnotateAnyway({ annotateAnyway: ['a.org'] }, 'example.org', true);
    expect(on.annotateAnyway).toEqual(['a.org', 'example.org']);
    expect(withAnnotateAnyway(on, 'example.org', false).annotateAnyway).toEqual(['a.org']);
  });
});

describe('site switching', () => {
  it('without storage, applies the switch to this page only', async () => {
    const t = setup();
    await t.switching.setSiteEnabled(false);
    expect(t.applied.at(-1)?.settings.disabledSites).toEqual(['other.org', 'example.org']);
    await t.switching.setAnnotateAnyway(true);
    expect(t.applied.at(-1)?.overrides.annotateAnyway).toEqual(['example.org']);
    expect(t.applied.at(-1)?.settings.disabledSites).toEqual(['other.org', 'example.org']);
    await t.switching.setSiteEnabled(true);
    expect(t.applied.at(-1)?.settings.disabledSites).toEqual(['other.org']);
  });

  it('remembers the switch in storage and applies what was saved', async () => {
    const storage = memoryArea({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    const t = setup(storage);
    await t.switching.setSiteEnabled(false);
    expect((storage.data[SETTINGS_KEY] as Settings).disabledSites).toEqual(['example.org']);
    expect(t.applied.at(-1)?.settings.disabledSites).toEqual(['example.org']);
    await t.switching.setAnnotateAnyway(true);
    expect(storage.data[SITE_OVERRIDES_KEY]).toEqual({ annotateAnyway: ['example.org'] });
    // The saved settings stay in force when only the overrides changed.
    expect(t.applied.at(-1)?.settings.disabledSites).toEqual(['example.org']);
  });
});

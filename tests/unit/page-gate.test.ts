import { describe, expect, it } from 'vitest';
import {
  activeWatchList,
  articleTestNeeded,
  describeSkip,
  settingsChange,
  skipReason,
} from '../../lib/page/gate';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const page = { protocol: 'https:', host: 'example.org', settings: settings(), tab: undefined };

describe('skipReason', () => {
  it('skips pages that are not http(s), whatever the switches say', () => {
    expect(skipReason({ ...page, protocol: 'file:', tab: true })).toBe('not-web');
    expect(skipReason({ ...page, protocol: 'http:' })).toBeNull();
  });

  it("follows the tab's switch first, then settings, then the site switch", () => {
    const off = settings({ enabled: false, disabledSites: ['example.org'] });
    expect(skipReason({ ...page, tab: false })).toBe('tab-off');
    expect(skipReason({ ...page, settings: off, tab: true })).toBeNull();
    expect(skipReason({ ...page, settings: off })).toBe('off');
    expect(skipReason({ ...page, settings: settings({ disabledSites: ['example.org'] }) })).toBe(
      'site-off',
    );
  });
});

describe('articleTestNeeded', () => {
  const base = { articleCheck: true, settings: settings({ articlesOnly: true }), tab: undefined };
  it('asks "is it an article?" only when settings want articles only and nothing overrides it', () => {
    expect(articleTestNeeded({ ...base, annotateAnyway: false })).toBe(true);
    expect(articleTestNeeded({ ...base, annotateAnyway: true })).toBe(false);
    expect(articleTestNeeded({ ...base, annotateAnyway: false, tab: true })).toBe(false);
    expect(articleTestNeeded({ ...base, annotateAnyway: false, articleCheck: false })).toBe(false);
    expect(
      articleTestNeeded({
        ...base,
        annotateAnyway: false,
        settings: settings({ articlesOnly: false }),
      }),
    ).toBe(false);
  });
});

describe('describeSkip', () => {
  it("names the site, and gives the article test's reason with the way out", () => {
    expect(describeSkip('site-off', 'example.org', null)).toBe(
      'Glossa is turned off for example.org.',
    );
    expect(describeSkip('site-off', '', null)).toBe('Glossa is turned off for this site.');
    const verdict = {
      article: false,
      reason: 'Search results.',
      readerable: false,
      declared: false,
      prose: 0,
      controls: 0,
      searchResults: true,
    };
    expect(describeSkip('not-article', 'example.org', verdict)).toBe(
      'Search results. Use "Annotate anyway" to mark it.',
    );
    expect(describeSkip('off', 'example.org', null)).toBe(
      'Highlighting is turned off in settings.',
    );
  });
});

describe('settingsChange', () => {
  const host = 'example.org';
  it('says what new settings mean for a page following the old ones', () => {
    const before = settings({ watchList: ['NATO'] });
    expect(settingsChange(before, before, host)).toEqual({
      forgetTabSwitch: false,
      watchList: false,
      repaint: false,
      rejudge: false,
    });
    expect(settingsChange(before, { ...before, disabledSites: [host] }, host)).toMatchObject({
      forgetTabSwitch: true,
    });
    expect(settingsChange(before, { ...before, watchList: ['OSCE'] }, host)).toMatchObject({
      watchList: true,
      repaint: false,
    });
    const noLoc = { ...before, types: { ...before.types, LOC: false } };
    expect(settingsChange(before, noLoc, host)).toMatchObject({ repaint: true, watchList: false });
    expect(
      settingsChange(before, { ...before, articlesOnly: !before.articlesOnly }, host),
    ).toMatchObject({ rejudge: true });
  });

  it('counts the watch list as changed when its category stops being painted here', () => {
    const before = settings({ watchList: ['NATO'] });
    const noWatch = { ...before, types: { ...before.types, WATCH: false } };
    expect(activeWatchList(noWatch, host)).toEqual([]);
    expect(settingsChange(before, noWatch, host)).toMatchObject({ watchList: true, repaint: true });
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleVerdict } from '../../lib/page/article';
import { createPageSwitches } from '../../lib/page/switches';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

const notArticle: ArticleVerdict = {
  article: false,
  reason: 'Too short.',
  readerable: false,
  declared: false,
  prose: 0,
  controls: 0,
  searchResults: false,
};

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

const switches = (over: Partial<Settings> = {}, annotateAnyway: string[] = []) =>
  createPageSwitches({
    host: 'example.org',
    protocol: () => 'https:',
    settings: settings(over),
    overrides: { annotateAnyway },
    articleCheck: true,
  });

describe('page switches', () => {
  it("answers from the current switches: the tab's switch wins until the site's switch changes", () => {
    const s = switches({ enabled: false });
    expect(s.skipReason()).toBe('off');
    s.tab = true;
    expect(s.skipReason()).toBeNull();
    expect(s.needsArticleTest()).toBe(false); // turned on by hand: no article test
    // Same switches, other colours: the tab's switch stays.
    expect(
      s.update(settings({ enabled: false, colors: { ...DEFAULT_SETTINGS.colors } })).repaint,
    ).toBe(false);
    expect(s.tab).toBe(true);
    const change = s.update(settings({ enabled: true }));
    expect(change.forgetTabSwitch).toBe(true);
    expect(s.tab).toBeUndefined();
    expect(s.skipReason()).toBeNull();
    expect(s.needsArticleTest()).toBe(true);
  });

  it('keeps the painted types and the watch list in force up to date', () => {
    const s = switches({ watchList: ['санкции'] });
    expect(s.types).toContain('WATCH');
    expect(s.watchMatcher.find('новые санкции').map((m) => m.text)).toEqual(['санкции']);
    const change = s.update(
      settings({ watchList: ['санкции'], types: { ...DEFAULT_SETTINGS.types, WATCH: false } }),
    );
    expect(change.watchList).toBe(true);
    expect(s.types).not.toContain('WATCH');
    expect(s.watchMatcher.find('новые санкции')).toEqual([]);
  });

  it("reports the site's switches and takes new overrides", () => {
    const s = switches({ disabledSites: ['example.org'] }, []);
    expect(s.site(null)).toEqual({
      host: 'example.org',
      enabled: false,
      annotateAnyway: false,
      article: null,
    });
    expect(s.skipReason()).toBe('site-off');
    expect(s.notesPainted()).toBe(false);
    s.update(s.settings, { annotateAnyway: ['example.org'] });
    expect(s.annotateAnyway()).toBe(true);
    expect(s.site(notArticle).article).toBe(false);
    expect(s.needsArticleTest()).toBe(false);
  });

  it('paints notes only where the reader trusts the site when notes are trusted-only', () => {
    const s = switches({ trustedOnly: { ...DEFAULT_SETTINGS.trustedOnly, NOTES: true } });
    expect(s.notesPainted()).toBe(false);
    s.update(
      settings({
        trustedOnly: { ...DEFAULT_SETTINGS.trustedOnly, NOTES: true },
        trustedSites: ['example.org'],
      }),
    );
    expect(s.notesPainted()).toBe(true);
  });
});

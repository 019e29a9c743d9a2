/**
 * Should this page be annotated? Pure decisions from the switches, data in and data out: the
 * page controller (lib/page/controller.ts) holds the switches and acts on the answers.
 */
import type { SkipCode } from '../messages/types';
import { isSiteDisabled, type Settings } from '../settings';
import type { ArticleVerdict } from './article';
import { typesPaintedOn } from './site';

export interface Switches {
  /** The page's protocol ("https:"). */
  protocol: string;
  /** The page's site (siteKey). */
  host: string;
  settings: Settings;
  /** The popup's per-tab switch; undefined: follow settings. */
  tab: boolean | undefined;
}

/** Why settings and the tab switch want no marks here, or null (before asking "is it an article?"). */
export function skipReason({ protocol, host, settings, tab }: Switches): SkipCode | null {
  if (protocol !== 'http:' && protocol !== 'https:') return 'not-web';
  if (tab === false) return 'tab-off';
  if (tab === true) return null;
  if (!settings.enabled) return 'off';
  if (isSiteDisabled(settings, host)) return 'site-off';
  return null;
}

/** Whether the page must look like an article before it is annotated. */
export function articleTestNeeded(
  switches: Pick<Switches, 'settings' | 'tab'> & {
    /** The controller's own switch (tests turn the test off). */
    articleCheck: boolean;
    /** The reader asked to annotate this site anyway. */
    annotateAnyway: boolean;
  },
): boolean {
  return (
    switches.articleCheck &&
    switches.settings.articlesOnly &&
    switches.tab !== true &&
    !switches.annotateAnyway
  );
}

const REASONS: Record<Exclude<SkipCode, 'not-article' | 'site-off'>, string> = {
  off: 'Highlighting is turned off in settings.',
  'tab-off': 'Highlighting is turned off on this page.',
  'not-web': 'Not a web page (only http and https pages are annotated).',
  'no-text': 'No article text found on this page.',
  error: 'Glossa could not annotate this page.',
};

/** The popup's sentence for a skipped page. */
export function describeSkip(code: SkipCode, host: string, verdict: ArticleVerdict | null): string {
  if (code === 'site-off') return `Glossa is turned off for ${host || 'this site'}.`;
  if (code === 'not-article') {
    return `${verdict?.reason ?? 'This page does not look like an article.'} Use "Annotate anyway" to mark it.`;
  }
  return REASONS[code];
}

/** The watch list in force on a site: none while the category is not painted there. */
export function activeWatchList(settings: Settings, host: string): readonly string[] {
  return typesPaintedOn(settings, host).includes('WATCH') ? settings.watchList : [];
}

/** What new settings mean for a page already following the old ones. */
export interface SettingsChange {
  /** A remembered switch for this site (or all sites) changed: it wins over the tab's switch. */
  forgetTabSwitch: boolean;
  /** The watch list in force changed: texts recognized before must be recognized again. */
  watchList: boolean;
  /** Painted types or colours changed: repaint (recognition results are reused). */
  repaint: boolean;
  /** "Only article pages" changed: the page is judged again. */
  rejudge: boolean;
}

export function settingsChange(before: Settings, after: Settings, host: string): SettingsChange {
  const list = (s: Settings) => activeWatchList(s, host).join('\n');
  return {
    forgetTabSwitch:
      before.enabled !== after.enabled ||
      isSiteDisabled(before, host) !== isSiteDisabled(after, host),
    watchList: list(before) !== list(after),
    repaint:
      typesPaintedOn(before, host).join() !== typesPaintedOn(after, host).join() ||
      JSON.stringify(before.colors) !== JSON.stringify(after.colors),
    rejudge: before.articlesOnly !== after.articlesOnly,
  };
}

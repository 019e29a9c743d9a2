/**
 * One page's switches, held in one place: the settings, the per-site overrides and the popup's
 * switch for this tab, with what follows from them on this site (the types painted, the watch
 * list in force). The decisions themselves are pure (lib/page/gate.ts); this module only keeps
 * the current switches and answers from them.
 */
import type { PaintedType } from '../entities';
import type { SiteState, SkipCode } from '../messages/types';
import { createWatchMatcher, type WatchMatcher } from '../recognize/watch-terms';
import { isSiteDisabled, type Settings } from '../settings';
import type { ArticleVerdict } from './article';
import {
  activeWatchList,
  articleTestNeeded,
  type SettingsChange,
  settingsChange,
  skipReason,
} from './gate';
import { notesPaintedOn, type SiteOverrides, typesPaintedOn } from './site';

export interface PageSwitchesOptions {
  /** The page's site (siteKey). */
  host: string;
  /** The page's protocol ("https:"). */
  protocol: () => string;
  settings: Settings;
  overrides?: SiteOverrides;
  /** Decide whether the page is an article before annotating (the controller's own switch). */
  articleCheck: boolean;
}

export interface PageSwitches {
  readonly host: string;
  readonly settings: Settings;
  readonly overrides: SiteOverrides;
  /** The types painted on this site. */
  readonly types: readonly PaintedType[];
  /** The watch list in force on this site. */
  readonly watchMatcher: WatchMatcher;
  /** The popup's switch for this tab; undefined: follow settings. */
  tab: boolean | undefined;
  /** Why the switches want no marks here, or null. */
  skipReason(): SkipCode | null;
  /** The reader asked to annotate this site even where pages do not look like articles. */
  annotateAnyway(): boolean;
  /** Whether the page must look like an article before it is annotated. */
  needsArticleTest(): boolean;
  /** Whether saved notes are painted: the page's switch, and the reader's trust in the site. */
  notesPainted(): boolean;
  /** The site's switches for the popup, with the article verdict if there is one. */
  site(verdict: ArticleVerdict | null): SiteState;
  /** Take new settings (and overrides, if given): what the change means for the page. */
  update(next: Settings, overrides?: SiteOverrides): SettingsChange;
}

export function createPageSwitches(options: PageSwitchesOptions): PageSwitches {
  const { host } = options;
  let settings = options.settings;
  let overrides: SiteOverrides = options.overrides ?? { annotateAnyway: [] };
  let types = typesPaintedOn(settings, host);
  let watchMatcher = createWatchMatcher(activeWatchList(settings, host));
  let tab: boolean | undefined;
  const off = () => skipReason({ protocol: options.protocol(), host, settings, tab });
  const annotateAnyway = () => overrides.annotateAnyway.includes(host);
  return {
    host,
    get settings() {
      return settings;
    },
    get overrides() {
      return overrides;
    },
    get types() {
      return types;
    },
    get watchMatcher() {
      return watchMatcher;
    },
    get tab() {
      return tab;
    },
    set tab(on) {
      tab = on;
    },
    skipReason: off,
    annotateAnyway,
    needsArticleTest: () =>
      articleTestNeeded({
        articleCheck: options.articleCheck,
        settings,
        tab,
        annotateAnyway: annotateAnyway(),
      }),
    notesPainted: () => off() === null && notesPaintedOn(settings, host),
    site: (verdict) => ({
      host,
      enabled: !isSiteDisabled(settings, host),
      annotateAnyway: annotateAnyway(),
      article: verdict ? verdict.article : null,
    }),
    update(next, nextOverrides) {
      const change = settingsChange(settings, next, host);
      settings = next;
      if (nextOverrides) overrides = nextOverrides;
      types = typesPaintedOn(settings, host);
      if (change.forgetTabSwitch) tab = undefined;
      if (change.watchList) watchMatcher = createWatchMatcher(activeWatchList(settings, host));
      return change;
    },
  };
}

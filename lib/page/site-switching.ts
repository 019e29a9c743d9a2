/**
 * The popup's site switches ("off on this site", "annotate anyway"): remembered in storage
 * (lib/page/site.ts), or only on this page when there is none (tests, pages without storage),
 * then applied to the page like any settings change.
 */
import type { PageState } from '../messages/types';
import type { Settings, StorageAreaLike } from '../settings';
import { type SiteOverrides, setAnnotateAnyway, setSiteEnabled, siteKey } from './site';

/** Settings with `host` turned on or off (pure). */
export function withSiteEnabled(settings: Settings, host: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((h) => siteKey(h) !== host);
  return { ...settings, disabledSites: on ? others : [...others, host] };
}

/** Overrides with "annotate anyway" on or off for `host` (pure). */
export function withAnnotateAnyway(
  overrides: SiteOverrides,
  host: string,
  on: boolean,
): SiteOverrides {
  const others = overrides.annotateAnyway.filter((h) => h !== host);
  return { annotateAnyway: on ? [...others, host] : others };
}

export interface SiteSwitchingOptions {
  host: string;
  /** Where site switches are remembered (browser.storage.local in the content script). */
  storage?: StorageAreaLike;
  /** The switches in force now. */
  current: () => { settings: Settings; overrides: SiteOverrides };
  /** Apply the switches to the page; the page's state after. */
  switchTo: (settings: Settings, overrides: SiteOverrides) => PageState;
}

export interface SiteSwitching {
  setSiteEnabled(on: boolean): Promise<PageState>;
  setAnnotateAnyway(on: boolean): Promise<PageState>;
}

export function createSiteSwitching(options: SiteSwitchingOptions): SiteSwitching {
  const { host, storage } = options;
  /** Remember a switch, apply it (over the switches in force once saved), report the state. */
  const switchSite = async (
    save: () => Promise<Partial<{ settings: Settings; overrides: SiteOverrides }>>,
  ): Promise<PageState> => {
    const saved = await save();
    const now = options.current();
    return options.switchTo(saved.settings ?? now.settings, saved.overrides ?? now.overrides);
  };
  return {
    setSiteEnabled: (on) =>
      switchSite(async () => {
        if (storage) return { settings: await setSiteEnabled(storage, host, on) };
        return { settings: withSiteEnabled(options.current().settings, host, on) };
      }),
    setAnnotateAnyway: (on) =>
      switchSite(async () => {
        if (storage) return { overrides: await setAnnotateAnyway(storage, host, on) };
        return { overrides: withAnnotateAnyway(options.current().overrides, host, on) };
      }),
  };
}

/**
 * Per-site switches, remembered in the extension's storage:
 * - "Glossa off on this site" is Settings.disabledSites (lib/settings.ts, also edited on the
 *   options page);
 * - "annotate anyway" (mark this site's pages even when they do not look like articles) is kept
 *   under its own key here, so settings stay as they are for other code.
 * Pure: the storage area is passed in.
 */
import { loadSettings, type Settings, type StorageAreaLike, saveSettings } from '../settings';

export const SITE_OVERRIDES_KEY = 'glossa:site-overrides';

export interface SiteOverrides {
  /** Hostnames whose pages are annotated even when they do not look like articles. */
  annotateAnyway: string[];
}

/** The key a site is remembered by: its hostname, lower case, without a trailing dot. */
export function siteKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

export function parseSiteOverrides(raw: unknown): SiteOverrides {
  const list = (raw as { annotateAnyway?: unknown } | null)?.annotateAnyway;
  return {
    annotateAnyway: Array.isArray(list)
      ? list.filter((x): x is string => typeof x === 'string').map(siteKey)
      : [],
  };
}

export async function loadSiteOverrides(area: StorageAreaLike): Promise<SiteOverrides> {
  try {
    return parseSiteOverrides((await area.get(SITE_OVERRIDES_KEY))[SITE_OVERRIDES_KEY]);
  } catch {
    return { annotateAnyway: [] };
  }
}

function withSite(list: readonly string[], host: string, present: boolean): string[] {
  const rest = list.filter((h) => siteKey(h) !== host);
  return present ? [...rest, host] : rest;
}

/** Turn Glossa on or off for a site (Settings.disabledSites); returns the saved settings. */
export async function setSiteEnabled(
  area: StorageAreaLike,
  hostname: string,
  enabled: boolean,
): Promise<Settings> {
  const host = siteKey(hostname);
  const settings = await loadSettings(area);
  const next = { ...settings, disabledSites: withSite(settings.disabledSites, host, !enabled) };
  if (host) await saveSettings(area, next);
  return next;
}

/** Annotate a site's pages even when they do not look like articles, or stop doing so. */
export async function setAnnotateAnyway(
  area: StorageAreaLike,
  hostname: string,
  on: boolean,
): Promise<SiteOverrides> {
  const host = siteKey(hostname);
  const current = await loadSiteOverrides(area);
  const next = { annotateAnyway: withSite(current.annotateAnyway, host, on) };
  if (host) await area.set({ [SITE_OVERRIDES_KEY]: next });
  return next;
}

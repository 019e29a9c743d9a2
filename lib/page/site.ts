/**
 * Per-site switches, remembered in the extension's storage:
 * - "Glossa off on this site" is Settings.disabledSites (lib/settings.ts, also edited on the
 *   options page);
 * - "annotate anyway" (mark this site's pages even when they do not look like articles) is kept
 *   under its own key here, so settings stay as they are for other code;
 * - "trust this site" is Settings.trustedSites: the categories the reader keeps to trusted sites
 *   (Settings.trustedOnly) are painted there too, and nowhere else.
 * Pure: the storage area is passed in.
 */
import { PAINTED_TYPES, type PaintedType } from '../entities';
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

export function isSiteTrusted(settings: Settings, hostname: string): boolean {
  const host = siteKey(hostname);
  return settings.trustedSites.some((h) => siteKey(h) === host);
}

/**
 * The categories painted on a site: those switched on, less those kept to trusted sites where the
 * site is not one. What is not painted is not in CSS.highlights, where the page's scripts could read it.
 */
export function typesPaintedOn(settings: Settings, hostname: string): PaintedType[] {
  const trusted = isSiteTrusted(settings, hostname);
  return PAINTED_TYPES.filter((t) => settings.types[t] && (trusted || !settings.trustedOnly[t]));
}

/** Whether the reader's saved notes are painted on a site (they show what the reader wrote about). */
export function notesPaintedOn(settings: Settings, hostname: string): boolean {
  return !settings.trustedOnly.NOTES || isSiteTrusted(settings, hostname);
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

/** Trust a site with the trusted-only categories, or stop; returns the saved settings. */
export async function setSiteTrusted(
  area: StorageAreaLike,
  hostname: string,
  trusted: boolean,
): Promise<Settings> {
  const host = siteKey(hostname);
  const settings = await loadSettings(area);
  const next = { ...settings, trustedSites: withSite(settings.trustedSites, host, trusted) };
  if (host) await saveSettings(area, next);
  return next;
}

/**
 * User settings, kept in the extension's storage area (never with the notes: notes stay in IndexedDB).
 * Pure: the storage area is passed in, so Node tests use a plain in-memory object.
 */
import { DEFAULT_COLORS, parseHexColor, toHex } from './colors';
import { PAINTED_TYPES, type PaintedType } from './entities';

export interface Settings {
  /** Master switch: paint highlights on pages. */
  enabled: boolean;
  /** Which categories are painted. */
  types: Record<PaintedType, boolean>;
  /** Hostnames where Glossa stays off. */
  disabledSites: string[];
  /** Highlight colour of each category, "#rrggbb". */
  colors: Record<PaintedType, string>;
  /** The reader's own terms, painted as WATCH in any inflected form. */
  watchList: string[];
  /** Annotate only pages that look like articles (lib/page/article.ts); off: every page. */
  articlesOnly: boolean;
  /**
   * What is painted only on trusted sites: a page's own scripts can read which words Glossa
   * paints, and the watch list and the notes say what the reader follows and wrote about.
   */
  trustedOnly: Record<TrustCategory, boolean>;
  /** Hostnames (lib/page/site.ts siteKey) where the trusted-only categories are painted too. */
  trustedSites: string[];
  /** Keep a reading memory: the articles Glossa annotated and the entities met there (lib/memory). */
  rememberReading: boolean;
  /** Days an article stays in the reading memory after it was last read. */
  memoryDays: number;
  /** When these settings were saved (ms since 1970). */
  savedAt: number;
  /**
   * When each setting last changed (ms since 1970; 0: never, still the default). Between browsers
   * each setting is taken from the copy that changed it last, so a change to one setting on one
   * browser never takes back another setting changed on another (lib/settings-sync.ts).
   */
  changedAt: Record<SyncedField, number>;
}

/** What can be kept to trusted sites: each painted category, and the reader's saved notes. */
export const TRUST_CATEGORIES = [...PAINTED_TYPES, 'NOTES'] as const;
export type TrustCategory = (typeof TRUST_CATEGORIES)[number];

/** The settings that are merged one by one between browsers. */
export const SYNCED_FIELDS = [
  'enabled',
  'types',
  'disabledSites',
  'colors',
  'watchList',
  'articlesOnly',
  'trustedOnly',
  'trustedSites',
  'rememberReading',
  'memoryDays',
] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];

const stamps = (at: number) =>
  Object.fromEntries(SYNCED_FIELDS.map((f) => [f, at])) as Record<SyncedField, number>;

/** Watch lists stay small enough to match on every page without a cost anyone notices. */
export const MAX_WATCH_TERMS = 200;
export const MAX_WATCH_TERM_LENGTH = 100;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  types: { PER: true, LOC: true, TREATY: true, WATCH: true },
  disabledSites: [],
  colors: { ...DEFAULT_COLORS },
  watchList: [],
  articlesOnly: true,
  trustedOnly: { PER: false, LOC: false, TREATY: false, WATCH: false, NOTES: false },
  trustedSites: [],
  rememberReading: true,
  memoryDays: 180,
  savedAt: 0,
  changedAt: stamps(0),
};

/** "санкции, New START\nденуклеаризация" → trimmed, deduplicated (ignoring case), bounded terms. */
export function parseWatchList(input: unknown): string[] {
  const items = Array.isArray(input)
    ? input
    : typeof input === 'string'
      ? input.split(/[\n,;]/)
      : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const term = item.replace(/\s+/g, ' ').trim();
    const key = term.toLowerCase();
    if (!term || term.length > MAX_WATCH_TERM_LENGTH || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
    if (out.length >= MAX_WATCH_TERMS) break;
  }
  return out;
}

/** The reading memory keeps articles between a week and ten years. */
export const MIN_MEMORY_DAYS = 7;
export const MAX_MEMORY_DAYS = 3650;

/** A whole number of days within the bounds, or undefined. */
export function parseMemoryDays(raw: unknown): number | undefined {
  const days = typeof raw === 'string' ? Number(raw.trim()) : raw;
  if (typeof days !== 'number' || !Number.isFinite(days)) return undefined;
  return Math.min(MAX_MEMORY_DAYS, Math.max(MIN_MEMORY_DAYS, Math.round(days)));
}

/** The subset of browser.storage.StorageArea that settings need. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Host names, as sites are remembered (lowercase, no trailing dot), without repeats. */
function parseSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const sites = raw
    .filter((x): x is string => typeof x === 'string')
    .map((h) => h.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean);
  return [...new Set(sites)];
}

const KEY = 'glossa:settings';

/** Merge whatever is stored over the defaults; unknown or malformed fields fall back to defaults. */
export function parseSettings(raw: unknown): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Partial<Record<keyof Settings, unknown>>;
  if (typeof r.enabled === 'boolean') s.enabled = r.enabled;
  if (typeof r.types === 'object' && r.types !== null) {
    for (const t of PAINTED_TYPES) {
      const v = (r.types as Record<string, unknown>)[t];
      if (typeof v === 'boolean') s.types[t] = v;
    }
  }
  if (Array.isArray(r.disabledSites)) {
    s.disabledSites = r.disabledSites.filter((x): x is string => typeof x === 'string');
  }
  if (typeof r.colors === 'object' && r.colors !== null) {
    for (const t of PAINTED_TYPES) {
      const rgb = parseHexColor((r.colors as Record<string, unknown>)[t]);
      if (rgb) s.colors[t] = toHex(rgb);
    }
  }
  if (r.watchList !== undefined) s.watchList = parseWatchList(r.watchList);
  if (typeof r.articlesOnly === 'boolean') s.articlesOnly = r.articlesOnly;
  if (typeof r.trustedOnly === 'object' && r.trustedOnly !== null) {
    for (const t of TRUST_CATEGORIES) {
      const v = (r.trustedOnly as Record<string, unknown>)[t];
      if (typeof v === 'boolean') s.trustedOnly[t] = v;
    }
  }
  if (r.trustedSites !== undefined) s.trustedSites = parseSites(r.trustedSites);
  if (typeof r.rememberReading === 'boolean') s.rememberReading = r.rememberReading;
  s.memoryDays = parseMemoryDays(r.memoryDays) ?? s.memoryDays;
  if (typeof r.savedAt === 'number' && Number.isFinite(r.savedAt)) s.savedAt = r.savedAt;
  // A copy saved before settings had their own stamps: every setting changed when it was saved.
  s.changedAt = stamps(s.savedAt);
  if (typeof r.changedAt === 'object' && r.changedAt !== null) {
    for (const f of SYNCED_FIELDS) {
      const v = (r.changedAt as Record<string, unknown>)[f];
      s.changedAt[f] = typeof v === 'number' && Number.isFinite(v) ? v : 0;
    }
  }
  return s;
}

/** Whether two settings say the same (their stamps aside). */
export function sameSetting(a: Settings, b: Settings, field: SyncedField): boolean {
  return JSON.stringify(a[field]) === JSON.stringify(b[field]);
}

export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  try {
    return parseSettings((await area.get(KEY))[KEY]);
  } catch {
    return structuredClone(DEFAULT_SETTINGS); // storage unavailable: behave as installed
  }
}

/**
 * Save settings, stamping the ones that differ from the stored copy (or, with none stored, from
 * the defaults) with the time: that stamp is what decides between browsers.
 */
export async function saveSettings(
  area: StorageAreaLike,
  settings: Settings,
  now: () => number = Date.now,
): Promise<void> {
  const raw = (await area.get(KEY))[KEY];
  const before = raw === undefined ? DEFAULT_SETTINGS : parseSettings(raw);
  // Never older than the copy it replaces, even when this clock runs behind the one that wrote it.
  const at = Math.max(now(), before.savedAt + 1);
  const changedAt = { ...before.changedAt };
  for (const f of SYNCED_FIELDS) if (!sameSetting(before, settings, f)) changedAt[f] = at;
  await area.set({ [KEY]: { ...settings, savedAt: at, changedAt } });
}

/** Change some settings: applied to the stored copy as it is now, not to one read earlier. */
export async function updateSettings(
  area: StorageAreaLike,
  patch: Partial<Omit<Settings, 'savedAt' | 'changedAt'>>,
  now: () => number = Date.now,
): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...patch };
  await saveSettings(area, next, now);
  return loadSettings(area);
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(hostname.toLowerCase());
}

export const SETTINGS_KEY = KEY;

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
  /** When these settings were saved (ms since 1970): the newer copy wins between devices. */
  savedAt: number;
}

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
  savedAt: 0,
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

/** The subset of browser.storage.StorageArea that settings need. */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
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
  if (typeof r.savedAt === 'number' && Number.isFinite(r.savedAt)) s.savedAt = r.savedAt;
  return s;
}

export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  try {
    return parseSettings((await area.get(KEY))[KEY]);
  } catch {
    return structuredClone(DEFAULT_SETTINGS); // storage unavailable: behave as installed
  }
}

export async function saveSettings(
  area: StorageAreaLike,
  settings: Settings,
  now: () => number = Date.now,
): Promise<void> {
  await area.set({ [KEY]: { ...settings, savedAt: now() } });
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(hostname.toLowerCase());
}

export const SETTINGS_KEY = KEY;

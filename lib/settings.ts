/**
 * User settings, kept in the extension's storage area (never with the notes: notes stay in IndexedDB).
 * Pure: the storage area is passed in, so Node tests use a plain in-memory object.
 */
import { PAINTED_TYPES, type PaintedType } from './entities';

export interface Settings {
  /** Master switch: paint highlights on pages. */
  enabled: boolean;
  /** Which categories are painted. */
  types: Record<PaintedType, boolean>;
  /** Hostnames where Glossa stays off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  types: { PER: true, LOC: true, TREATY: true },
  disabledSites: [],
};

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
  return s;
}

export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  try {
    return parseSettings((await area.get(KEY))[KEY]);
  } catch {
    return structuredClone(DEFAULT_SETTINGS); // storage unavailable: behave as installed
  }
}

export async function saveSettings(area: StorageAreaLike, settings: Settings): Promise<void> {
  await area.set({ [KEY]: settings });
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.includes(hostname.toLowerCase());
}

export const SETTINGS_KEY = KEY;

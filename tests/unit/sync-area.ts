/**
 * An in-memory storage.sync that enforces Chrome's limits the way Chrome does: an item's size is
 * its key plus the JSON of its value, in UTF-8 bytes; a set() that would break a limit throws and
 * writes nothing. Also a plain storage.local (no limits) and a switch that makes writes fail.
 */

import type { StorageAreaLike } from '../../lib/settings';
import type { SyncAreaLike } from '../../lib/settings-sync';

export const QUOTA_BYTES_PER_ITEM = 8192;
export const QUOTA_BYTES = 102400;
export const MAX_ITEMS = 512;

const bytes = (s: string) => new TextEncoder().encode(s).length;
export const itemBytes = (key: string, value: unknown) => bytes(key) + bytes(JSON.stringify(value));

export interface MemoryArea extends SyncAreaLike {
  data: Record<string, unknown>;
  /** While true, every set() and remove() throws (offline, rate limit). */
  failing: boolean;
  /** When a number: the writes still allowed; at 0 every later write throws, as `failing`. */
  writesLeft?: number;
  writes: number;
}

export function memoryArea(
  initial: Record<string, unknown> = {},
  limits: { quota: boolean } = { quota: false },
): MemoryArea {
  const area: MemoryArea = {
    data: structuredClone(initial),
    failing: false,
    writes: 0,
    async get(keys) {
      const wanted =
        keys === null || keys === undefined
          ? Object.keys(area.data)
          : typeof keys === 'string'
            ? [keys]
            : keys;
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (k in area.data) out[k] = structuredClone(area.data[k]);
      return out;
    },
    async set(items) {
      if (area.writesLeft !== undefined && area.writesLeft-- <= 0) area.failing = true;
      if (area.failing) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      if (limits.quota) {
        for (const [k, v] of Object.entries(items)) {
          if (itemBytes(k, v) > QUOTA_BYTES_PER_ITEM)
            throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        const next = { ...area.data, ...items };
        if (Object.keys(next).length > MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
        const total = Object.entries(next).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
        if (total > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      }
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
    async remove(keys) {
      if (area.failing) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
      for (const k of typeof keys === 'string' ? [keys] : keys) delete area.data[k];
    },
  };
  return area;
}

/** A plain browser.storage.local stand-in and the data behind it (no limits, never fails). */
export function localArea(initial: Record<string, unknown> = {}): {
  area: StorageAreaLike;
  data: Record<string, unknown>;
} {
  const data: Record<string, unknown> = structuredClone(initial);
  const area: StorageAreaLike = {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
  return { area, data };
}

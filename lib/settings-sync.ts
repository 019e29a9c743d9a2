/**
 * Settings follow the reader to their other browsers through the browser's sync storage, where it
 * has one; storage.local stays the copy every part of Glossa reads and writes, and the one that
 * counts: sync is only a mailbox between browsers. Notes never go here: they stay in IndexedDB.
 *
 * Sync storage refuses an item over 8 kB (key plus JSON of the value, in UTF-8), so the settings
 * are written as pieces under that size, each copy under its own generation, and a small manifest
 * naming the generation is written last: a reader takes only a copy whose pieces are all there.
 * A write that fails half-way leaves stray pieces and the previous manifest, never a mixed copy.
 *
 * Between two copies each setting is taken from the copy that changed it last
 * (Settings.changedAt), so no write that failed, and no change made meanwhile to another setting
 * on another browser, can take back what the reader saved here.
 */
import {
  parseSettings,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaLike,
  SYNCED_FIELDS,
} from './settings';

/** What sync needs of a storage area besides one key: several keys, every item, removal. */
export interface SyncAreaLike extends StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  remove?(keys: string | string[]): Promise<void>;
}

export type SyncOutcome = 'pulled' | 'pushed' | 'merged' | 'same' | 'failed';

/** The manifest: which generation of pieces is the synced copy. */
export const SYNC_MANIFEST_KEY = 'glossa:settings-sync';
const PIECE_PREFIX = `${SYNC_MANIFEST_KEY}:`;
/** Room for a piece's JSON: Chrome's and Firefox's 8192 bytes an item, less its key and a margin. */
export const PIECE_BYTES = 8192 - 256;

interface Manifest {
  gen: string;
  count: number;
  /** Length of the joined text: a last check that the pieces are the ones the manifest names. */
  length: number;
  savedAt: number;
}

const pieceKey = (gen: string, i: number) => `${PIECE_PREFIX}${gen}:${i}`;
const utf8 = new TextEncoder();
/** What a piece of text costs in a sync item: the UTF-8 bytes of its JSON string. */
const jsonBytes = (text: string) => utf8.encode(JSON.stringify(text)).length;

/** Cut text into pieces whose JSON fits PIECE_BYTES, never inside a character. */
export function splitForSync(text: string, budget = PIECE_BYTES): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = 2; // the quotes
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const plain = code >= 0x20 && code !== 0x22 && code !== 0x5c;
    const cost = plain
      ? code < 0x80
        ? 1
        : code < 0x800
          ? 2
          : code < 0x10000
            ? 3
            : 4
      : jsonBytes(ch) - 2;
    if (size + cost > budget && piece) {
      pieces.push(piece);
      piece = '';
      size = 2;
    }
    piece += ch;
    size += cost;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

function parseManifest(raw: unknown): Manifest | null {
  const m = raw as Partial<Manifest> | null | undefined;
  if (typeof m !== 'object' || m === null) return null;
  const { gen, count, length, savedAt } = m;
  if (typeof gen !== 'string' || !gen || typeof length !== 'number') return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 512)
    return null;
  return { gen, count, length, savedAt: typeof savedAt === 'number' ? savedAt : 0 };
}

export interface SyncedCopy {
  /** The settings in sync storage (both formats merged), if a complete copy is there. */
  settings?: Settings;
  /** Whether a complete copy in pieces is there (not only the one-item format). */
  pieced: boolean;
}

/** The copy in sync storage: the pieces the manifest names, and a copy in the older one-item format. */
export async function readSynced(sync: SyncAreaLike): Promise<SyncedCopy> {
  const head = await sync.get([SYNC_MANIFEST_KEY, SETTINGS_KEY]);
  const manifest = parseManifest(head[SYNC_MANIFEST_KEY]);
  let pieced: Settings | undefined;
  if (manifest) {
    const keys = Array.from({ length: manifest.count }, (_, i) => pieceKey(manifest.gen, i));
    const got = await sync.get(keys);
    const pieces = keys.map((k) => got[k]);
    if (pieces.every((p) => typeof p === 'string')) {
      const text = pieces.join('');
      if (text.length === manifest.length) {
        try {
          pieced = parseSettings(JSON.parse(text));
        } catch {
          // Not a copy: as if none were there.
        }
      }
    }
  }
  // Glossa before the pieces kept one item; a browser still running it may write it.
  const legacy = head[SETTINGS_KEY] === undefined ? undefined : parseSettings(head[SETTINGS_KEY]);
  const settings = pieced && legacy ? mergeSettings(pieced, legacy) : (pieced ?? legacy);
  return { settings, pieced: pieced !== undefined };
}

const newGen = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Every piece in sync storage that is not of the given generations. */
async function piecesOtherThan(sync: SyncAreaLike, keep: readonly string[]): Promise<string[]> {
  const all = Object.keys(await sync.get(null));
  return all.filter(
    (k) =>
      k.startsWith(PIECE_PREFIX) && !keep.some((gen) => k.startsWith(`${PIECE_PREFIX}${gen}:`)),
  );
}

/**
 * Write settings to sync storage: the pieces of a new generation first, the manifest that names
 * them last, then drop the older pieces. Throws when sync storage refuses.
 */
export async function writeSynced(
  sync: SyncAreaLike,
  settings: Settings,
  gen: string = newGen(),
): Promise<void> {
  const text = JSON.stringify(settings);
  const pieces = splitForSync(text);
  const items = Object.fromEntries(pieces.map((p, i) => [pieceKey(gen, i), p]));
  try {
    await sync.set(items);
  } catch (err) {
    // Perhaps no room for two copies, or pieces left by failed writes: drop every piece but the
    // new ones and try once more. A missing copy loses nothing (each browser keeps its own) and
    // is filled by the next write.
    if (!sync.remove) throw err;
    await sync.remove(await piecesOtherThan(sync, [gen]));
    await sync.set(items);
  }
  const manifest: Manifest = {
    gen,
    count: pieces.length,
    length: text.length,
    savedAt: settings.savedAt,
  };
  await sync.set({ [SYNC_MANIFEST_KEY]: manifest });
  // Tidying: what is left here is never read, and is removed by the next write if not now.
  try {
    await sync.remove?.([...(await piecesOtherThan(sync, [gen])), SETTINGS_KEY]);
  } catch {
    // Ignored: see above.
  }
}

/** The value of each setting from the copy that changed it last (ties: a fixed order, so every browser agrees). */
export function mergeSettings(a: Settings, b: Settings): Settings {
  const out = structuredClone(a);
  for (const f of SYNCED_FIELDS) {
    const [ta, tb] = [a.changedAt[f], b.changedAt[f]];
    const bWins = tb > ta || (tb === ta && JSON.stringify(b[f]) > JSON.stringify(a[f]));
    if (bWins) {
      (out as unknown as Record<string, unknown>)[f] = structuredClone(b[f]);
      out.changedAt[f] = tb;
    }
  }
  out.savedAt = Math.max(a.savedAt, b.savedAt);
  return out;
}

const same = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Make local and sync agree: each setting as last changed on either side, written where it
 * differs, local first. Never throws: a sync area that is missing, full or refuses a write leaves
 * the merged copy in local, which the next reconcile writes again.
 */
export async function reconcileSettings(
  local: StorageAreaLike,
  sync: SyncAreaLike,
): Promise<SyncOutcome> {
  let pulled = false;
  try {
    const mineRaw = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
    const theirs = await readSynced(sync);
    if (mineRaw === undefined && !theirs.settings) return 'same';
    const mine = mineRaw === undefined ? undefined : parseSettings(mineRaw);
    let merged = mergeSettings(
      (mine ?? theirs.settings) as Settings,
      (theirs.settings ?? mine) as Settings,
    );
    if (!mine || !same(merged, mine)) {
      // The reader may have saved while sync was read: merge that in rather than write over it.
      const nowRaw = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (nowRaw !== undefined) merged = mergeSettings(parseSettings(nowRaw), merged);
      await local.set({ [SETTINGS_KEY]: merged });
      pulled = true;
    }
    if (!theirs.pieced || !same(merged, theirs.settings as Settings)) {
      await writeSynced(sync, merged);
      return pulled ? 'merged' : 'pushed';
    }
    return pulled ? 'pulled' : 'same';
  } catch {
    return 'failed';
  }
}

/** Whether a storage change touches the settings on either side (what should start a reconcile). */
export function touchesSettings(changes: Record<string, unknown>, area: string): boolean {
  if (area === 'local') return SETTINGS_KEY in changes;
  return area === 'sync' && (SYNC_MANIFEST_KEY in changes || SETTINGS_KEY in changes);
}

/**
 * One reconcile at a time (a change made while one runs starts one more after it), and after a
 * failure one more try a minute later, in case the browser's write rate limit was the cause.
 */
export function settingsSyncer(
  local: StorageAreaLike,
  sync: SyncAreaLike,
  onOutcome: (outcome: SyncOutcome) => void = () => {},
  retryMs = 60_000,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = async (): Promise<void> => {
    do {
      again = false;
      const outcome = await reconcileSettings(local, sync);
      onOutcome(outcome);
      clearTimeout(retry);
      if (outcome === 'failed') retry = setTimeout(() => void start(), retryMs);
    } while (again);
    running = null;
  };
  const start = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
  return start;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  MAX_WATCH_TERM_LENGTH,
  MAX_WATCH_TERMS,
  parseSettings,
  SETTINGS_KEY,
  type Settings,
  saveSettings,
  updateSettings,
} from '../../lib/settings';
import {
  readSynced,
  reconcileSettings,
  SYNC_MANIFEST_KEY,
  settingsSyncer,
  splitForSync,
  writeSynced,
} from '../../lib/settings-sync';
import { runs } from '../setup/property-runs';
import { itemBytes, type MemoryArea, memoryArea, QUOTA_BYTES_PER_ITEM } from './sync-area';

/** A copy as Glossa before per-setting stamps saved it: one item, one savedAt. */
const legacy = (savedAt: number, patch: Partial<Settings> = {}) => {
  const { changedAt: _, ...rest } = { ...structuredClone(DEFAULT_SETTINGS), ...patch, savedAt };
  return rest;
};

const quotaSync = (initial: Record<string, unknown> = {}) => memoryArea(initial, { quota: true });

async function synced(sync: ReturnType<typeof memoryArea>): Promise<Settings | undefined> {
  return (await readSynced(sync)).settings;
}

describe('settings across browsers', () => {
  it('pulls settings saved later on another browser', async () => {
    const other = memoryArea();
    await saveSettings(other, { ...DEFAULT_SETTINGS, watchList: ['санкции'] }, () => 200);
    const sync = quotaSync();
    expect(await reconcileSettings(other, sync)).toBe('pushed');
    const local = memoryArea();
    await saveSettings(local, { ...DEFAULT_SETTINGS, articlesOnly: false }, () => 100);
    const before = sync.writes;
    expect(await reconcileSettings(local, sync)).toBe('merged');
    const mine = await loadSettings(local);
    // Each setting from the browser that changed it.
    expect(mine.watchList).toEqual(['санкции']);
    expect(mine.articlesOnly).toBe(false);
    expect(sync.writes).toBeGreaterThan(before);
    expect(await reconcileSettings(other, sync)).toBe('pulled');
    expect((await loadSettings(other)).articlesOnly).toBe(false);
  });

  it('pushes settings saved here, and a first install pushes nothing it does not have', async () => {
    const local = memoryArea();
    await saveSettings(local, { ...DEFAULT_SETTINGS, articlesOnly: false }, () => 300);
    const sync = quotaSync();
    expect(await reconcileSettings(local, sync)).toBe('pushed');
    expect((await synced(sync))?.articlesOnly).toBe(false);
    const empty = quotaSync();
    expect(await reconcileSettings(memoryArea(), empty)).toBe('same');
    expect(empty.data).toEqual({});
  });

  it('takes the synced settings on a new install (nothing saved locally yet)', async () => {
    const sync = quotaSync();
    await writeSynced(sync, { ...DEFAULT_SETTINGS, disabledSites: ['example.com'], savedAt: 50 });
    const local = memoryArea();
    expect(await reconcileSettings(local, sync)).toBe('pulled');
    expect((await loadSettings(local)).disabledSites).toEqual(['example.com']);
  });

  it('does nothing when both agree, and so never loops', async () => {
    const local = memoryArea();
    await saveSettings(local, { ...DEFAULT_SETTINGS, watchList: ['x'] }, () => 100);
    const sync = quotaSync();
    await reconcileSettings(local, sync);
    const [l, s] = [local.writes, sync.writes];
    expect(await reconcileSettings(local, sync)).toBe('same');
    expect([local.writes, sync.writes]).toEqual([l, s]);
  });

  it('keeps local settings when sync storage refuses the write, and writes them later', async () => {
    const local = memoryArea();
    await saveSettings(local, { ...DEFAULT_SETTINGS, watchList: ['x'] }, () => 300);
    const sync = quotaSync();
    sync.failing = true;
    expect(await reconcileSettings(local, sync)).toBe('failed');
    expect((await loadSettings(local)).watchList).toEqual(['x']);
    sync.failing = false;
    expect(await reconcileSettings(local, sync)).toBe('pushed');
    expect((await synced(sync))?.watchList).toEqual(['x']);
  });

  it('a failed write is never undone by a later change to another setting elsewhere', async () => {
    const sync = quotaSync();
    const a = memoryArea();
    const b = memoryArea();
    await reconcileSettings(b, sync);
    await updateSettings(a, { watchList: ['санкции', 'New START'] }, () => 1000);
    sync.failing = true; // A's write is refused (rate limit, offline)
    expect(await reconcileSettings(a, sync)).toBe('failed');
    sync.failing = false;
    await updateSettings(b, { articlesOnly: false }, () => 2000);
    expect(await reconcileSettings(b, sync)).toBe('pushed');
    expect(await reconcileSettings(a, sync)).toBe('merged');
    expect(await loadSettings(a)).toMatchObject({
      watchList: ['санкции', 'New START'],
      articlesOnly: false,
    });
  });

  it('stamps each save, and only the settings that changed', async () => {
    const local = memoryArea();
    await saveSettings(local, DEFAULT_SETTINGS, () => 1234);
    expect((await loadSettings(local)).savedAt).toBe(1234);
    expect((await loadSettings(local)).changedAt.watchList).toBe(0);
    await updateSettings(local, { watchList: ['x'] }, () => 2000);
    const s = await loadSettings(local);
    expect(s.changedAt).toMatchObject({ watchList: 2000, articlesOnly: 0 });
    // A clock behind the copy's own stamp still makes the change the newer one.
    await updateSettings(local, { articlesOnly: false }, () => 5);
    expect((await loadSettings(local)).changedAt.articlesOnly).toBe(2001);
  });
});

describe('settings in sync storage', () => {
  it('reads the one-item format of earlier versions, and rewrites it as pieces', async () => {
    const sync = quotaSync({ [SETTINGS_KEY]: legacy(500, { watchList: ['old', 'terms'] }) });
    const local = memoryArea({ [SETTINGS_KEY]: legacy(400, { articlesOnly: false }) });
    // Each old copy counts as changed, every setting, when it was saved: the newer one wins.
    expect(parseSettings(local.data[SETTINGS_KEY]).changedAt.articlesOnly).toBe(400);
    expect(await reconcileSettings(local, sync)).toBe('merged');
    expect(await loadSettings(local)).toMatchObject({
      watchList: ['old', 'terms'],
      articlesOnly: true,
    });
    expect(sync.data[SYNC_MANIFEST_KEY]).toBeDefined();
    expect(sync.data[SETTINGS_KEY]).toBeUndefined();
    expect((await synced(sync))?.watchList).toEqual(['old', 'terms']);
  });

  it('writes the largest watch list the options allow within Chrome quotas', async () => {
    // 200 terms of 100 characters, each three UTF-8 bytes, some needing JSON escapes.
    const huge = Array.from(
      { length: MAX_WATCH_TERMS },
      (_, i) => `${i}"${'語'.repeat(MAX_WATCH_TERM_LENGTH - 2 - String(i).length)}\\`,
    );
    const local = memoryArea();
    await updateSettings(local, { watchList: huge }, () => 10);
    const sync = quotaSync();
    expect(await reconcileSettings(local, sync)).toBe('pushed');
    // Writing the next copy needs room beside this one, or makes it.
    await updateSettings(local, { watchList: [...huge.slice(1), 'новый'] }, () => 20);
    expect(await reconcileSettings(local, sync)).toBe('pushed');
    expect((await synced(sync))?.watchList).toEqual([...huge.slice(1), 'новый']);
    for (const [k, v] of Object.entries(sync.data))
      expect(itemBytes(k, v)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
  });

  it('splits text into pieces under the budget, never inside a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 16, max: 64 }),
        (text, budget) => {
          const pieces = splitForSync(text, budget);
          expect(pieces.join('')).toBe(text);
          for (const p of pieces) {
            expect(new TextEncoder().encode(JSON.stringify(p)).length).toBeLessThanOrEqual(budget);
            expect(p.isWellFormed()).toBe(true);
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('never reads a copy whose pieces are not all there', async () => {
    const sync = quotaSync();
    const big = Array.from({ length: 120 }, (_, i) => `термин номер ${i} ${'щ'.repeat(40)}`);
    await writeSynced(sync, { ...DEFAULT_SETTINGS, watchList: big, savedAt: 1 }, 'g1');
    const piece = Object.keys(sync.data).find((k) => k.endsWith(':g1:1')) as string;
    delete sync.data[piece];
    expect(await synced(sync)).toBeUndefined();
    // A new write that stops after its pieces leaves the committed copy in force.
    const sync2 = quotaSync();
    await writeSynced(sync2, { ...DEFAULT_SETTINGS, watchList: big, savedAt: 1 }, 'g1');
    sync2.writesLeft = 1;
    await expect(
      writeSynced(sync2, { ...DEFAULT_SETTINGS, watchList: ['other'], savedAt: 2 }, 'g2'),
    ).rejects.toThrow();
    expect((await synced(sync2))?.watchList).toEqual(big);
  });

  it('runs one reconcile at a time, and one more for changes made meanwhile', async () => {
    const local = memoryArea();
    const sync = quotaSync();
    const outcomes: string[] = [];
    const sync1 = settingsSyncer(local, sync, (o) => outcomes.push(o));
    await updateSettings(local, { watchList: ['a'] }, () => 10);
    const first = sync1();
    await updateSettings(local, { watchList: ['a', 'b'] }, () => 20);
    const second = sync1();
    await Promise.all([first, second]);
    expect(outcomes).toEqual(['pushed', 'pushed']);
    expect((await synced(sync))?.watchList).toEqual(['a', 'b']);
  });
});

/** One step of the reader's life on several browsers sharing one sync storage. */
type Step =
  | {
      kind: 'edit';
      browser: number;
      field: 'watchList' | 'disabledSites' | 'articlesOnly';
      n: number;
    }
  | { kind: 'reconcile'; browser: number; writesLeft: number | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    browser: fc.nat(2),
    field: fc.constantFrom('watchList' as const, 'disabledSites' as const, 'articlesOnly' as const),
    n: fc.nat(150),
  }),
  fc.record({
    kind: fc.constant('reconcile' as const),
    browser: fc.nat(2),
    // null: sync accepts every write; a number: it refuses after that many (a write cut short).
    writesLeft: fc.option(fc.nat(3)),
  }),
);

const FIELDS = ['watchList', 'disabledSites', 'articlesOnly'] as const;

const valueFor = (field: string, n: number, at: number): unknown =>
  field === 'articlesOnly'
    ? n % 2 === 0
    : field === 'watchList'
      ? Array.from({ length: n }, (_, i) => `термин ${at}-${i} ${'ж'.repeat(30)}`)
      : Array.from({ length: n % 20 }, (_, i) => `site${at}-${i}.example`);

describe('settings sync, any interleaving', () => {
  it('loses no saved setting: every browser ends with the last change of each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        const sync = quotaSync();
        const browsers = [memoryArea(), memoryArea(), memoryArea()];
        const last: Partial<Record<string, unknown>> = {};
        let clock = 0;
        for (const s of steps) {
          const local = browsers[s.browser] as MemoryArea;
          if (s.kind === 'edit') {
            clock += 10;
            const value = valueFor(s.field, s.n, clock);
            // Setting what is already there changes nothing.
            if (JSON.stringify((await loadSettings(local))[s.field]) === JSON.stringify(value))
              continue;
            await updateSettings(local, { [s.field]: value }, () => clock);
            last[s.field] = value;
          } else {
            const before = await Promise.all(browsers.map(loadSettings));
            sync.failing = false;
            sync.writesLeft = s.writesLeft ?? undefined;
            await reconcileSettings(local, sync);
            sync.writesLeft = undefined;
            sync.failing = false;
            // No browser's setting is ever replaced by an older one.
            const after = await Promise.all(browsers.map(loadSettings));
            after.forEach((mine, i) => {
              for (const f of FIELDS) {
                const was = before[i] as Settings;
                expect(mine.changedAt[f]).toBeGreaterThanOrEqual(was.changedAt[f]);
                if (mine.changedAt[f] === was.changedAt[f]) expect(mine[f]).toEqual(was[f]);
              }
            });
          }
        }
        // Then sync works again: two rounds bring every browser to the last change of each setting.
        for (let round = 0; round < 2; round++)
          for (const b of browsers) expect(await reconcileSettings(b, sync)).not.toBe('failed');
        for (const b of browsers) {
          const mine = await loadSettings(b);
          for (const f of FIELDS) expect(mine[f]).toEqual(last[f] ?? DEFAULT_SETTINGS[f]);
        }
      }),
      { numRuns: runs(60) },
    );
  }, 120_000);
});

/** A storage area whose every call resolves when fast-check's scheduler says, in any order. */
function scheduled(area: MemoryArea, s: fc.Scheduler, name: string): MemoryArea {
  const wrap =
    <A extends unknown[], R>(label: string, fn: (...args: A) => Promise<R>) =>
    (...args: A) =>
      s.schedule(Promise.resolve(), `${name}.${label}`).then(() => fn(...args));
  return {
    ...area,
    get: wrap('get', area.get),
    set: wrap('set', area.set),
    remove: wrap('remove', area.remove as NonNullable<MemoryArea['remove']>),
  };
}

describe('settings sync, browsers reconciling at the same time', () => {
  it('loses no saved setting when two browsers read and write sync storage interleaved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.nat(150),
        fc.nat(150),
        fc.boolean(),
        async (s, n, m, cutShort) => {
          const sync = quotaSync();
          const [a, b] = [memoryArea(), memoryArea()];
          const listA = valueFor('watchList', n, 10) as string[];
          const listB = valueFor('disabledSites', m, 20) as string[];
          await updateSettings(a, { watchList: listA }, () => 10);
          await updateSettings(b, { disabledSites: listB }, () => 20);
          if (cutShort) sync.writesLeft = 2;
          const both = Promise.all([
            reconcileSettings(scheduled(a, s, 'A'), scheduled(sync, s, 'sync-A')),
            reconcileSettings(scheduled(b, s, 'B'), scheduled(sync, s, 'sync-B')),
          ]);
          await s.waitFor(both);
          // Each browser still has what it saved.
          expect((await loadSettings(a)).watchList).toEqual(listA);
          expect((await loadSettings(b)).disabledSites).toEqual(listB);
          sync.writesLeft = undefined;
          sync.failing = false;
          for (let round = 0; round < 2; round++)
            for (const x of [a, b]) expect(await reconcileSettings(x, sync)).not.toBe('failed');
          for (const x of [a, b])
            expect(await loadSettings(x)).toMatchObject({ watchList: listA, disabledSites: listB });
        },
      ),
      { numRuns: runs(100) },
    );
  }, 120_000);
});

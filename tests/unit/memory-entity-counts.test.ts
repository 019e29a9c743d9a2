/**
 * The per-entity counts (lib/memory/entity-counts.ts, table `entityCounts`): the pure changes, and
 * the table equal to the `keys` index's true counts after any sequence of remembering, forgetting
 * a site, forgetting old articles, clearing and importing a backup.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appliedCounts, countChanges, countKeys } from '../../lib/memory/entity-counts';
import type { RememberedArticle } from '../../lib/memory/model';
import { recallEntity } from '../../lib/memory/recall';
import {
  clearMemory,
  countArticlesWith,
  forgetOlderThan,
  forgetSite,
  putArticles,
  recountEntities,
  rememberArticle,
} from '../../lib/memory/store';
import { type NotesDb, openNotesDb } from '../../lib/notes/db';
import { applyImport } from '../../lib/notes/import';

describe('count changes of one article', () => {
  it('adds a key gained, subtracts a key lost, leaves a kept key out', () => {
    expect(countChanges(['LOC:KP', 'LOC:RU'], ['LOC:RU', 'PER:~putin'])).toEqual(
      new Map([
        ['PER:~putin', 1],
        ['LOC:KP', -1],
      ]),
    );
    expect(countChanges(undefined, ['LOC:KP'])).toEqual(new Map([['LOC:KP', 1]]));
    expect(countChanges(['LOC:KP'], undefined)).toEqual(new Map([['LOC:KP', -1]]));
    expect(countChanges(['LOC:KP'], ['LOC:KP'])).toEqual(new Map());
  });

  it('applies changes to stored rows: puts the new counts, deletes those that reach 0', () => {
    const changes = new Map([
      ['LOC:KP', 1],
      ['LOC:RU', -1],
      ['PER:~putin', 1],
    ]);
    expect(
      appliedCounts(changes, [{ key: 'LOC:KP', count: 4 }, { key: 'LOC:RU', count: 1 }, undefined]),
    ).toEqual({
      put: [
        { key: 'LOC:KP', count: 5 },
        { key: 'PER:~putin', count: 1 },
      ],
      remove: ['LOC:RU'],
    });
  });

  it('counts a set of articles from scratch', () => {
    expect(countKeys([{ keys: ['A:1', 'B:2'] }, { keys: ['A:1'] }, { keys: [] }])).toEqual(
      new Map([
        ['A:1', 2],
        ['B:2', 1],
      ]),
    );
  });
});

const KEYS = ['LOC:KP', 'LOC:RU', 'LOC:US', 'PER:~putin', 'PER:~kim chen yn', 'TREATY:new-start'];
const SITES = ['ria.ru', 'tass.ru', 'bbc.com'];
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');

const keySet = fc.subarray(KEYS);
const url = fc
  .record({ site: fc.constantFrom(...SITES), n: fc.integer({ min: 0, max: 5 }) })
  .map(({ site, n }) => `https://${site}/${n}`);
const day = fc.integer({ min: 0, max: 40 });

type Op =
  | { op: 'remember'; url: string; keys: string[]; day: number }
  | { op: 'forgetSite'; site: string }
  | { op: 'forgetOlder'; days: number; day: number }
  | { op: 'clear' }
  | { op: 'import'; articles: Array<{ url: string; keys: string[]; day: number }> };

const operation: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('remember' as const), url, keys: keySet, day }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('forgetSite' as const),
      site: fc.constantFrom(...SITES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('forgetOlder' as const),
      days: fc.integer({ min: 1, max: 30 }),
      day,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      articles: fc.uniqueArray(fc.record({ url, keys: keySet, day }), {
        maxLength: 4,
        selector: (a) => a.url,
      }),
    }),
  },
);

function backupArticle(a: { url: string; keys: string[]; day: number }): RememberedArticle {
  const time = new Date(T0 + a.day * DAY).toISOString();
  return {
    url: a.url,
    title: a.url,
    site: new URL(a.url).hostname,
    lang: 'en',
    firstVisit: time,
    lastVisit: time,
    keys: a.keys,
    names: a.keys.map(() => ''),
    counts: a.keys.map(() => 2),
  };
}

async function apply(db: NotesDb, op: Op): Promise<void> {
  switch (op.op) {
    case 'remember':
      await rememberArticle(
        db,
        {
          url: op.url,
          title: op.url,
          lang: 'en',
          entities: op.keys.map((key) => ({ key, name: key, count: 1 })),
        },
        new Date(T0 + op.day * DAY),
      );
      return;
    case 'forgetSite':
      await forgetSite(db, op.site);
      return;
    case 'forgetOlder':
      await forgetOlderThan(db, op.days, new Date(T0 + op.day * DAY));
      return;
    case 'clear':
      await clearMemory(db);
      return;
    case 'import':
      await applyImport(db, {
        format: 'glossa-json',
        notes: [],
        articles: op.articles.map(backupArticle),
        warnings: [],
      });
      return;
  }
}

/** The table, and the true counts from the `keys` index, key by key. */
async function tableAndIndex(db: NotesDb) {
  const table = new Map((await db.entityCounts.toArray()).map((r) => [r.key, r.count]));
  const index = new Map<string, number>();
  for (const key of KEYS) {
    const n = await db.articles.where('keys').equals(key).count();
    if (n > 0) index.set(key, n);
  }
  return { table, index };
}

let serial = 0;

describe('the entityCounts table', () => {
  it('equals the keys index’s counts after every change of any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (ops) => {
        const name = `entity-counts-${serial++}`;
        const db = openNotesDb(name);
        try {
          for (const op of ops) {
            await apply(db, op);
            const { table, index } = await tableAndIndex(db);
            expect(table).toEqual(index);
          }
        } finally {
          db.close();
          await Dexie.delete(name);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts again from scratch when asked (a repair)', async () => {
    const name = `entity-counts-${serial++}`;
    const db = openNotesDb(name);
    try {
      await apply(db, {
        op: 'remember',
        url: 'https://ria.ru/1',
        keys: ['LOC:KP', 'LOC:RU'],
        day: 1,
      });
      await apply(db, { op: 'remember', url: 'https://bbc.com/2', keys: ['LOC:KP'], day: 2 });
      await db.entityCounts.bulkPut([
        { key: 'LOC:KP', count: 9 },
        { key: 'LOC:US', count: 1 },
      ]);
      await recountEntities(db);
      const { table, index } = await tableAndIndex(db);
      expect(table).toEqual(index);
      expect(table.get('LOC:KP')).toBe(2);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });

  it('gives the card its count without the article being read, and the latest other article', async () => {
    const name = `entity-counts-${serial++}`;
    const db = openNotesDb(name);
    try {
      for (let i = 0; i < 80; i++) {
        await rememberArticle(
          db,
          {
            url: `https://ria.ru/${i}`,
            title: `${i}`,
            lang: 'ru',
            // KP in every article but the ten read last; RU in every one.
            entities: [
              { key: 'LOC:RU', name: 'Россия', count: 1 },
              ...(i < 70 ? [{ key: 'LOC:KP', name: 'КНДР', count: 1 }] : []),
            ],
          },
          new Date(T0 + i * DAY),
        );
      }
      expect(await countArticlesWith(db, 'LOC:KP')).toBe(70);
      const kp = await recallEntity(db, 'LOC:KP', 'https://ria.ru/69');
      expect(kp.count).toBe(69);
      expect(kp.latest?.url).toBe('https://ria.ru/68');
      const ru = await recallEntity(db, 'LOC:RU', 'https://ria.ru/79');
      expect(ru).toMatchObject({ count: 79, latest: { url: 'https://ria.ru/78' } });
      // Read from an article that does not have the key: nothing subtracted.
      expect((await recallEntity(db, 'LOC:KP', 'https://ria.ru/75')).count).toBe(70);
      expect(await recallEntity(db, 'TREATY:new-start')).toEqual({ count: 0 });
      // An entity in many articles, none among those read last: the walk stops, and its
      // articles are read by address.
      const later = Array.from({ length: 260 }, (_, i) =>
        backupArticle({ url: `https://bbc.com/${i}`, keys: ['LOC:US'], day: 100 + i }),
      );
      await db.transaction('rw', db.articles, db.entityCounts, () => putArticles(db, later));
      expect(await recallEntity(db, 'LOC:KP', 'https://ria.ru/0')).toMatchObject({
        count: 69,
        latest: { url: 'https://ria.ru/69' },
      });
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});

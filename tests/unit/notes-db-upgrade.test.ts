/**
 * Schema upgrades: a database written by an earlier schema (version 1, exactly as Glossa 0.1
 * declared it; versions 2 and 3) opens under the current one with every note kept, re-filed and
 * queryable, (3 → 4) its indexes intact beside the reading memory's new table, and (4 → 5) every
 * remembered article kept, with the per-entity counts built from them.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { countKeys } from '../../lib/memory/entity-counts';
import type { RememberedArticle } from '../../lib/memory/model';
import { recallEntity } from '../../lib/memory/recall';
import {
  articlesWith,
  countArticlesWith,
  forgetSite,
  rememberArticle,
} from '../../lib/memory/store';
import { addNote, allNotes, notesForUrl, openNotesDb } from '../../lib/notes/db';
import type { Note } from '../../lib/notes/model';

const V1_STORES = { notes: 'id, url, kind, createdAt, updatedAt, *tags' };

function v1Note(id: string, url: string, createdAt: string, tags: string[]): Note {
  return {
    id,
    kind: 'selection',
    url,
    pageTitle: 'Россия и КНДР обменялись ратификационными грамотами',
    text: `note ${id}`,
    tags,
    quote: 'обменялись ратификационными грамотами',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'обменялись ратификационными грамотами',
        prefix: 'КНДР ',
        suffix: ' в Москве',
      },
      { type: 'TextPositionSelector', start: 10, end: 47 },
    ],
    createdAt,
    updatedAt: createdAt,
  };
}

async function writeV1(name: string, notes: Note[]): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.table('notes').bulkAdd(notes);
  old.close();
}

describe('notes schema upgrade 1 → 2', () => {
  it('keeps every note of a version-1 database, re-filed under the current URL and tag rules', async () => {
    const name = 'glossa-upgrade-1';
    const article = 'https://ria.ru/20241205/kndr.html';
    await writeV1(name, [
      v1Note('a', `${article}?utm_source=tg#comments`, '2024-12-05T08:00:00.000Z', [
        ' КНДР ',
        'кндр',
        'ratification',
      ]),
      v1Note('b', article, '2024-12-05T09:00:00.000Z', []),
      v1Note('c', 'https://example.com/other', '2024-12-04T09:00:00.000Z', ['x']),
    ]);

    const db = openNotesDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(5);
      const all = await allNotes(db);
      expect(all.map((n) => n.id).sort()).toEqual(['a', 'b', 'c']);
      const a = all.find((n) => n.id === 'a');
      expect(a?.url).toBe(article);
      expect(a?.tags).toEqual(['КНДР', 'ratification']);
      // Everything else exactly as saved.
      expect(a?.selectors).toEqual(v1Note('a', '', '', []).selectors);
      expect(a?.createdAt).toBe('2024-12-05T08:00:00.000Z');
      // Both notes of the article are found under its key, newest first, through the new index.
      expect((await notesForUrl(db, article)).map((n) => n.id)).toEqual(['b', 'a']);
      // New notes go in beside the upgraded ones.
      await addNote(db, { kind: 'page', url: article, pageTitle: 'T', text: 'new', tags: [] });
      expect((await notesForUrl(db, article)).length).toBe(3);
    } finally {
      db.close();
    }
  });

  it('opens an empty version-1 database', async () => {
    const name = 'glossa-upgrade-2';
    await writeV1(name, []);
    const db = openNotesDb(name);
    try {
      expect(await allNotes(db)).toEqual([]);
      expect(db.verno).toBe(5);
    } finally {
      db.close();
    }
  });

  it('survives malformed version-1 records (tags missing) without dropping them', async () => {
    const name = 'glossa-upgrade-3';
    const broken = { ...v1Note('z', 'https://example.com/p#x', '2024-01-01T00:00:00.000Z', []) };
    (broken as Partial<Note>).tags = undefined;
    await writeV1(name, [broken]);
    const db = openNotesDb(name);
    try {
      const [z] = await allNotes(db);
      expect(z?.id).toBe('z');
      expect(z?.url).toBe('https://example.com/p');
      expect(z?.tags).toEqual([]);
    } finally {
      db.close();
    }
  });
});

const V2_STORES = { notes: 'id, url, kind, createdAt, updatedAt, *tags, [url+createdAt]' };

async function writeV2(name: string, notes: Note[]): Promise<void> {
  const old = new Dexie(name);
  old.version(2).stores(V2_STORES);
  await old.table('notes').bulkAdd(notes);
  old.close();
}

describe('notes schema upgrade 2 → 3', () => {
  it('brings notes imported before acceptNote to its form, and keeps those it would refuse as they were', async () => {
    const name = 'glossa-upgrade-v3';
    const article = 'https://ria.ru/20241205/kndr.html';
    // As a version-2 import stored them: address, tags and times as the file wrote them.
    const imported: Note = {
      ...v1Note('a', `${article}?utm_source=tg#top`, '2024-12-05T10:00:00+03:00', [
        ' treaty  law ',
        'Treaty law',
      ]),
      updatedAt: '2024-12-05T10:30:00+03:00',
    };
    const later = v1Note('b', article, '2024-12-05T08:00:00.000Z', []);
    const hostile: Note = { ...v1Note('c', 'javascript:alert(1)', '2024-12-05T09:00:00Z', []) };
    // A record with fields missing, as no version of Glossa writes it: kept, and the upgrade runs.
    const broken = { id: 'd', kind: 'page', url: 'https://example.com/p', createdAt: '2024-12-05' };
    await writeV2(name, [imported, later, hostile, broken as unknown as Note]);

    const db = openNotesDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(5);
      const a = await db.notes.get('a');
      expect(a).toMatchObject({
        url: article,
        tags: ['treaty law'],
        createdAt: '2024-12-05T07:00:00.000Z',
        updatedAt: '2024-12-05T07:30:00.000Z',
      });
      expect(a?.selectors).toEqual(imported.selectors);
      // Found under its page, and in time order with the page's other note.
      expect((await notesForUrl(db, article)).map((n) => n.id)).toEqual(['b', 'a']);
      // Refused by today's rules, so left exactly as stored: never dropped.
      expect(await db.notes.get('c')).toEqual(hostile);
      expect(await db.notes.get('d')).toEqual(broken);
    } finally {
      db.close();
    }
  });
});

/** The object stores of a database and, per store, its key path and indexes, as IndexedDB has them. */
async function schemaOf(db: Dexie): Promise<Record<string, { key: unknown; indexes: string[] }>> {
  const idb = db.backendDB();
  const out: Record<string, { key: unknown; indexes: string[] }> = {};
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  for (const name of names) {
    const store = tx.objectStore(name);
    out[name] = {
      key: store.keyPath,
      indexes: [...store.indexNames]
        .map((i) => {
          const index = store.index(i);
          return `${i}${index.multiEntry ? ' (multi)' : ''}`;
        })
        .sort(),
    };
  }
  return out;
}

const V3_NOTES_SCHEMA = {
  key: 'id',
  indexes: ['[url+createdAt]', 'createdAt', 'kind', 'tags (multi)', 'updatedAt', 'url'],
};

describe('schema upgrade 3 → 4 (the reading memory)', () => {
  it('keeps every note of a version-3 database, its indexes, and answers through them; the articles table starts empty and works', async () => {
    const name = 'glossa-upgrade-3-to-4';
    const article = 'https://ria.ru/20241205/kndr.html';
    // Written as Glossa 0.2 before the memory did: the version-3 schema, notes as it stored them.
    const old = new Dexie(name);
    old.version(3).stores(V2_STORES);
    const notes: Note[] = [
      v1Note('a', article, '2024-12-05T08:00:00.000Z', ['кндр', 'ratification']),
      v1Note('b', article, '2024-12-05T09:00:00.000Z', ['кндр']),
      v1Note('c', 'https://example.com/other', '2024-12-04T09:00:00.000Z', []),
      {
        id: 'd',
        kind: 'entity',
        url: article,
        pageTitle: 'Россия и КНДР',
        text: 'Ким Чен Ын',
        tags: ['people'],
        entity: { type: 'PER', canonical: 'Ким Чен Ын' },
        createdAt: '2024-12-05T10:00:00.000Z',
        updatedAt: '2024-12-06T10:00:00.000Z',
      },
    ];
    await old.table('notes').bulkAdd(notes);
    await old.open();
    expect((await schemaOf(old)).notes).toEqual(V3_NOTES_SCHEMA);
    old.close();

    const db = openNotesDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(5);
      // Every note exactly as stored (4 and 5 add tables; no upgrade touches notes).
      const upgraded = await db.notes.toArray();
      expect(upgraded.sort((x, y) => x.id.localeCompare(y.id))).toEqual(notes);
      // The notes store keeps its key and every index; the new store has the memory's.
      expect(await schemaOf(db)).toEqual({
        notes: V3_NOTES_SCHEMA,
        articles: { key: 'url', indexes: ['keys (multi)', 'lastVisit', 'site'] },
        entityCounts: { key: 'key', indexes: [] },
      });
      // The indexes answer: the page's notes through [url+createdAt], a tag through *tags.
      expect((await notesForUrl(db, article)).map((n) => n.id)).toEqual(['d', 'b', 'a']);
      const tagged = await db.notes.where('tags').equals('кндр').primaryKeys();
      expect(tagged.sort()).toEqual(['a', 'b']);
      expect(await db.articles.count()).toBe(0);
      // The memory works beside the old notes, and survives the next opening with them.
      await rememberArticle(
        db,
        {
          url: `${article}?utm_source=tg`,
          title: 'Россия и КНДР обменялись ратификационными грамотами',
          lang: 'ru',
          entities: [{ key: 'LOC:KP', name: 'КНДР', count: 3 }],
        },
        new Date('2024-12-07T10:00:00.000Z'),
      );
    } finally {
      db.close();
    }
    const reopened = openNotesDb(name);
    try {
      expect((await articlesWith(reopened, 'LOC:KP')).map((a) => a.url)).toEqual([article]);
      expect(await reopened.notes.count()).toBe(notes.length);
    } finally {
      reopened.close();
      await Dexie.delete(name);
    }
  });
});

function v4Article(url: string, keys: string[], lastVisit: string): RememberedArticle {
  return {
    url,
    title: `Статья ${url}`,
    site: new URL(url).hostname.replace(/^www\./, ''),
    lang: 'ru',
    firstVisit: lastVisit,
    lastVisit,
    keys,
    names: keys.map((k) => k.slice(k.indexOf(':') + 1)),
    counts: keys.map((_, i) => i + 1),
  };
}

describe('schema upgrade 4 → 5 (the per-entity counts)', () => {
  it('keeps every note and remembered article of a version-4 database and counts each key from them', async () => {
    const name = 'glossa-upgrade-4-to-5';
    const old = new Dexie(name);
    old.version(4).stores({ ...V2_STORES, articles: 'url, site, lastVisit, *keys' });
    const notes = [
      v1Note('a', 'https://ria.ru/1', '2026-12-01T08:00:00.000Z', ['кндр']),
      v1Note('b', 'https://bbc.com/2', '2026-12-02T08:00:00.000Z', []),
    ];
    const articles = [
      v4Article('https://ria.ru/1', ['LOC:KP', 'LOC:RU', 'PER:~putin'], '2026-12-01T10:00:00.000Z'),
      v4Article('https://bbc.com/2', ['LOC:KP', 'TREATY:new-start'], '2026-12-03T10:00:00.000Z'),
      v4Article('https://tass.ru/3', ['LOC:RU', 'LOC:KP'], '2026-12-02T10:00:00.000Z'),
      v4Article('https://tass.ru/4', [], '2026-12-02T11:00:00.000Z'),
    ];
    await old.table('notes').bulkAdd(notes);
    await old.table('articles').bulkAdd(articles);
    old.close();

    const db = openNotesDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(5);
      expect((await db.notes.toArray()).sort((x, y) => x.id.localeCompare(y.id))).toEqual(notes);
      const kept = await db.articles.toArray();
      expect(kept.sort((x, y) => x.url.localeCompare(y.url))).toEqual(
        [...articles].sort((x, y) => x.url.localeCompare(y.url)),
      );
      const counts = await db.entityCounts.toArray();
      expect(new Map(counts.map((c) => [c.key, c.count]))).toEqual(
        new Map([
          ['LOC:KP', 3],
          ['LOC:RU', 2],
          ['PER:~putin', 1],
          ['TREATY:new-start', 1],
        ]),
      );
      // The card reads them: KP in two articles besides the one being read, the latest bbc.com.
      expect(await recallEntity(db, 'LOC:KP', 'https://ria.ru/1')).toEqual({
        count: 2,
        latest: {
          url: 'https://bbc.com/2',
          title: 'Статья https://bbc.com/2',
          site: 'bbc.com',
          lastVisit: '2026-12-03T10:00:00.000Z',
        },
      });
      // And they stay right as the memory changes after the upgrade.
      await forgetSite(db, 'tass.ru');
      expect(await countArticlesWith(db, 'LOC:RU')).toBe(1);
      const remaining = await db.entityCounts.toArray();
      expect(new Map(remaining.map((c) => [c.key, c.count]))).toEqual(
        countKeys(await db.articles.toArray()),
      );
    } finally {
      db.close();
      await Dexie.delete(name);
    }
  });
});

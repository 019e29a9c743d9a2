import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { mergeArticles, parseMemory } from '../../lib/memory/backup';
import { registeredName } from '../../lib/memory/entity-names';
import { exportMemoryCsv } from '../../lib/memory/export-csv';
import type { RememberedArticle } from '../../lib/memory/model';
import { openNotesDb } from '../../lib/notes/db';
import { exportJson } from '../../lib/notes/export-json';
import { importNotes } from '../../lib/notes/import';
import { IMPORT_LIMITS } from '../../lib/notes/limits';

const article = (url: string, over: Partial<RememberedArticle> = {}): RememberedArticle => ({
  url,
  title: 'Россия и КНДР',
  site: new URL(url).hostname,
  lang: 'ru',
  firstVisit: '2026-12-01T10:00:00.000Z',
  lastVisit: '2026-12-02T10:00:00.000Z',
  keys: ['LOC:KP', 'PER:~vladimir putin'],
  // As the store keeps it: no name for a registered key (lib/memory/record.ts storedName).
  names: ['', 'Владимир Путин'],
  counts: [3, 2],
  ...over,
});

describe('the reading memory in the JSON backup', () => {
  it('goes out with the notes, every entity named, and comes back whole', async () => {
    const memory = [
      article('https://b.com/2', { lang: 'en' }),
      article('https://a.ru/1', {
        keys: ['LOC:KP', 'PER:~vladimir putin', 'TREATY:new-start'],
        names: ['', 'Владимир Путин', ''],
        counts: [3, 2, 1],
      }),
    ];
    const when = new Date('2026-12-06T00:00:00Z');
    const text = exportJson([], when, memory);
    // The file names registered entities by the registers' name in the article's language.
    const file = JSON.parse(text) as { memory: RememberedArticle[] };
    expect(file.memory.map((a) => a.names)).toEqual([
      ['КНДР', 'Владимир Путин', registeredName('TREATY:new-start', 'ru')],
      ['North Korea', 'Владимир Путин'],
    ]);
    const db = openNotesDb('backup-roundtrip');
    try {
      const outcome = await importNotes(db, text);
      expect(outcome).toMatchObject({ ok: true, result: { added: 0, articles: 2 } });
      const stored = (await db.articles.toArray()).sort((x, y) => x.url.localeCompare(y.url));
      expect(stored).toEqual([memory[1], memory[0]]);
      expect(exportJson([], when, stored)).toBe(text);
      expect(await db.entityCounts.get('LOC:KP')).toEqual({ key: 'LOC:KP', count: 2 });
    } finally {
      db.close();
      await Dexie.delete('backup-roundtrip');
    }
  });

  it('imports a backup made when records named registered entities, storing them as the recorder does', () => {
    const [a] = parseMemory(
      [
        article('https://a.ru/1', {
          keys: ['LOC:US', 'PER:~vladimir putin', 'LOC:~donbass'],
          names: ['США', 'Владимир Путин', 'Донбасс'],
          counts: [3, 2, 1],
        }),
      ],
      IMPORT_LIMITS,
    );
    expect(a?.names).toEqual(['', 'Владимир Путин', 'Донбасс']);
  });

  it('merges into what is remembered: first visit kept, later last visit, larger counts', () => {
    const stored = article('https://a.ru/1', { counts: [5, 1] });
    const incoming = article('https://a.ru/1', {
      firstVisit: '2026-11-01T10:00:00.000Z',
      lastVisit: '2026-12-04T10:00:00.000Z',
      title: 'New title',
      keys: ['PER:~vladimir putin', 'LOC:RU'],
      names: ['Владимир Путин', 'Россия'],
      counts: [4, 1],
    });
    // An older backup's name of a registered key (Россия) is not stored.
    expect(mergeArticles(stored, incoming)).toEqual({
      ...stored,
      title: 'New title',
      firstVisit: '2026-11-01T10:00:00.000Z',
      lastVisit: '2026-12-04T10:00:00.000Z',
      keys: ['LOC:KP', 'PER:~vladimir putin', 'LOC:RU'],
      names: ['', 'Владимир Путин', ''],
      counts: [5, 4, 1],
    });
  });

  it('refuses a malformed memory whole, naming the problem, and changes nothing', async () => {
    const bad: Array<[unknown, RegExp]> = [
      ['x', /memory must be an array/],
      [[article('javascript:alert(1)')], /must be a web address/],
      [
        [{ ...article('https://a.ru/1'), keys: ['EVIL:1', 'LOC:KP'] }],
        /keys\[0\] is not an entity key/,
      ],
      [[{ ...article('https://a.ru/1'), counts: [0, 1] }], /counts\[0\] must be a whole number/],
      [[{ ...article('https://a.ru/1'), names: ['x'] }], /same length/],
      [[article('https://a.ru/1'), article('https://a.ru/1#x')], /appears twice/],
      [[{ ...article('https://a.ru/1'), lastVisit: '2020-01-01T00:00:00.000Z' }], /lastVisit/],
    ];
    for (const [memory, message] of bad) {
      expect(() => parseMemory(memory, IMPORT_LIMITS), String(message)).toThrow(message);
    }
    const db = openNotesDb('backup-bad');
    try {
      await db.articles.put(article('https://kept.example/1'));
      const text = JSON.stringify({
        format: 'glossa-notes',
        version: 1,
        exportedAt: '2026-12-06T00:00:00.000Z',
        notes: [],
        memory: [article('https://a.ru/1'), { url: 'https://b.com/' }],
      });
      const outcome = await importNotes(db, text);
      expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/memory\[1\]/) });
      expect((await db.articles.toArray()).map((a) => a.url)).toEqual(['https://kept.example/1']);
    } finally {
      db.close();
      await Dexie.delete('backup-bad');
    }
  });

  it('files an imported address as a visit would be filed', () => {
    const [a] = parseMemory(
      [article('https://www.a.ru/1?utm_source=tg#top', { site: 'evil.example' })],
      IMPORT_LIMITS,
    );
    expect(a?.url).toBe('https://www.a.ru/1');
    expect(a?.site).toBe('a.ru');
  });
});

describe('exportMemoryCsv', () => {
  it('writes one row per article and entity, formula-safe, with a byte order mark', () => {
    const csv = exportMemoryCsv([
      article('https://a.ru/1', {
        title: '=HYPERLINK("x")',
        keys: ['LOC:KP', 'PER:~shin von sik'],
        names: ['', 'Шин Вон Сик'],
        counts: [3, 1],
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'article_url,article_title,site,language,first_read,last_read,entity_type,entity_key,entity_name,mentions',
    );
    expect(lines[1]).toBe(
      `https://a.ru/1,"'=HYPERLINK(""x"")",a.ru,ru,2026-12-01T10:00:00.000Z,2026-12-02T10:00:00.000Z,LOC,LOC:KP,КНДР,3`,
    );
    expect(lines[2]).toMatch(/,PER,PER:~shin von sik,Шин Вон Сик,1$/);
    expect(lines).toHaveLength(3);
  });
});

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { entityKey } from '../../lib/memory/entity-key';
import { articleMatches, resolveTerms, searchMemory } from '../../lib/memory/memory-search';
import type { RememberedArticle } from '../../lib/memory/model';
import { parseMemoryQuery } from '../../lib/memory/search-query';
import type { NotesDb } from '../../lib/notes/db';
import { freshNotesDb } from './fresh-db';

// Sunday 6 December 2026, afternoon (UTC).
const NOW = new Date('2026-12-06T15:00:00Z');
const range = (q: string) => parseMemoryQuery(q, NOW).range;
const runs = (q: string) => parseMemoryQuery(q, NOW).runs;

describe('parseMemoryQuery: dates', () => {
  it('reads English relative dates', () => {
    expect(range('last month')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(range('this month')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    // ISO weeks start on Monday: 6 Dec 2026 is a Sunday of the week of 30 Nov.
    expect(range('this week')?.from).toBe('2026-11-30T00:00:00.000Z');
    expect(range('last week')).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
    expect(range('today')).toEqual({
      from: '2026-12-06T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(range('yesterday')?.from).toBe('2026-12-05T00:00:00.000Z');
    expect(range('last year')?.from).toBe('2025-01-01T00:00:00.000Z');
    expect(range('last 30 days')).toEqual({
      from: '2026-11-07T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(range('past week')?.from).toBe('2026-11-30T00:00:00.000Z');
  });

  it('reads Russian relative dates in their case forms', () => {
    const lastWeek = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
    expect(range('за прошлую неделю')).toEqual(lastWeek);
    expect(range('на прошлой неделе')).toEqual(lastWeek);
    expect(range('прошлая неделя')).toEqual(lastWeek);
    expect(range('в прошлом месяце')?.from).toBe('2026-11-01T00:00:00.000Z');
    expect(range('за этот месяц')?.from).toBe('2026-12-01T00:00:00.000Z');
    expect(range('в этом году')?.from).toBe('2026-01-01T00:00:00.000Z');
    expect(range('сегодня')?.from).toBe('2026-12-06T00:00:00.000Z');
    expect(range('вчера')?.to).toBe('2026-12-06T00:00:00.000Z');
    expect(range('за последние 10 дней')?.from).toBe('2026-11-27T00:00:00.000Z');
    expect(range('за неделю')?.from).toBe('2026-11-30T00:00:00.000Z');
    expect(range('Ёще за прошлую неделю')).toEqual(lastWeek);
  });

  it('reads written dates, months by name, and since/before', () => {
    expect(range('2026-11')).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(range('2026-11-03')?.to).toBe('2026-11-04T00:00:00.000Z');
    expect(range('03.11.2026')?.from).toBe('2026-11-03T00:00:00.000Z');
    expect(range('2025')?.to).toBe('2026-01-01T00:00:00.000Z');
    expect(range('since 2026-10-01')).toEqual({ from: '2026-10-01T00:00:00.000Z' });
    expect(range('с 2026-10-01')).toEqual({ from: '2026-10-01T00:00:00.000Z' });
    expect(range('after 2026-10-01')).toEqual({ from: '2026-10-02T00:00:00.000Z' });
    expect(range('before 2026-10')).toEqual({ to: '2026-10-01T00:00:00.000Z' });
    expect(range('до 2026-10-05')).toEqual({ to: '2026-10-05T00:00:00.000Z' });
    expect(range('from 2026-10-01 to 2026-10-31')).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    expect(range('в ноябре')?.from).toBe('2026-11-01T00:00:00.000Z');
    expect(range('ноябрь 2025')?.from).toBe('2025-11-01T00:00:00.000Z');
    expect(range('November 2026')?.to).toBe('2026-12-01T00:00:00.000Z');
    // A month not yet begun this year is last year's.
    expect(range('December')?.from).toBe('2026-12-01T00:00:00.000Z');
    expect(range('январь')?.from).toBe('2026-01-01T00:00:00.000Z');
  });

  it('intersects several date phrases', () => {
    expect(range('2026 last month')?.from).toBe('2026-11-01T00:00:00.000Z');
    // Disjoint ranges: an empty range, never an inverted one.
    const empty = range('2025 last month');
    expect(empty?.from).toBe(empty?.to);
  });

  it('leaves the names, split at "and", «и» and commas', () => {
    expect(runs('Ким Чен Ын ДСНВ last month')).toEqual([['Ким', 'Чен', 'Ын', 'ДСНВ']]);
    expect(runs('Путин за прошлую неделю')).toEqual([['Путин']]);
    expect(runs('Путин и Лавров, Рубио')).toEqual([['Путин'], ['Лавров'], ['Рубио']]);
    expect(runs('since 2026-10-01')).toEqual([]);
    // "may" alone is a word, with a year a month; «с» without a date is kept as typed.
    expect(runs('Theresa May')).toEqual([['Theresa', 'May']]);
    expect(range('Theresa May')).toBeNull();
    expect(range('may 2026')?.from).toBe('2026-05-01T00:00:00.000Z');
    expect(runs('встреча с Путиным')).toEqual([['встреча', 'с', 'Путиным']]);
  });

  it('does not take impossible dates for dates, and never throws', () => {
    expect(range('2026-13')).toBeNull();
    expect(range('2026-02-30')).toBeNull();
    expect(range('31.02.2026')).toBeNull();
    expect(parseMemoryQuery('', NOW)).toEqual({ runs: [], range: null });
    expect(parseMemoryQuery('   ,,, ', NOW)).toEqual({ runs: [], range: null });
    expect(parseMemoryQuery('last month', new Date(Number.NaN)).range).not.toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (q) => {
        const parsed = parseMemoryQuery(q, NOW);
        if (parsed.range?.from && parsed.range.to) {
          expect(parsed.range.from <= parsed.range.to).toBe(true);
        }
      }),
    );
  });
});

describe('resolveTerms', () => {
  it('splits a run into the longest names the registers know', () => {
    const terms = resolveTerms(['Ким', 'Чен', 'Ын', 'ДСНВ']);
    expect(terms.map((t) => t.text)).toEqual(['Ким Чен Ын', 'ДСНВ']);
    expect(terms[1]?.keys).toEqual(['TREATY:new-start']);
    // The person's register id, and the spelling keys of both languages' names: an article
    // filed «Ким Чен Ын» and one filed "Kim Jong Un" are both found.
    expect(terms[0]?.keys).toEqual(
      expect.arrayContaining(['PER:kim-jong-un', 'PER:~kim chen in', 'PER:~kim iong un']),
    );
    expect(resolveTerms(['КНДР'])[0]?.keys).toEqual(['LOC:KP']);
  });

  it('keeps unknown words side by side as one spelling term', () => {
    expect(resolveTerms(['Пхеньян'])).toEqual([{ text: 'Пхеньян', keys: [], spelling: 'phenian' }]);
    const mixed = resolveTerms(['Корейский', 'полуостров', 'Путин']);
    expect(mixed.map((t) => t.text)).toEqual(['Корейский полуостров', 'Путин']);
  });
});

function article(url: string, lastVisit: string, keys: string[], names = keys): RememberedArticle {
  return {
    url,
    title: url,
    site: new URL(url).hostname,
    lang: 'en',
    firstVisit: lastVisit,
    lastVisit,
    keys,
    names,
    counts: keys.map(() => 1),
  };
}

describe('articleMatches', () => {
  it('matches an unknown name by a spelling key or inside an article’s names', () => {
    const a = article(
      'https://a.ru/1',
      '2026-11-01T00:00:00Z',
      ['LOC:~phenian', 'PER:~ivan petrov'],
      ['Пхеньян', 'Иван Петров'],
    );
    const [pyongyang] = resolveTerms(['Пхеньян']);
    const [petrov] = resolveTerms(['Petrov']);
    const [other] = resolveTerms(['Sidorov']);
    expect(articleMatches(a, pyongyang as never)).toBe(true);
    expect(articleMatches(a, petrov as never)).toBe(true);
    expect(articleMatches(a, other as never)).toBe(false);
  });

  it('matches an unknown name inside a registered entity’s name, which the record does not store', () => {
    const a = {
      ...article('https://bbc.com/1', '2026-11-01T00:00:00Z', ['LOC:KP'], ['']),
      lang: 'en',
    };
    const [north] = resolveTerms(['North']);
    expect(north?.keys).toEqual([]);
    expect(articleMatches(a, north as never)).toBe(true);
    expect(articleMatches(a, resolveTerms(['South'])[0] as never)).toBe(false);
  });
});

describe('searchMemory', () => {
  const fresh = freshNotesDb('memory-search');
  let db: NotesDb;
  beforeEach(async () => {
    db = fresh();
    await db.articles.bulkPut([
      article(
        'https://ria.ru/1',
        '2026-11-03T10:00:00.000Z',
        ['PER:~kim chen in', 'TREATY:new-start'],
        ['Ким Чен Ын', 'ДСНВ'],
      ),
      article(
        'https://bbc.com/2',
        '2026-11-20T10:00:00.000Z',
        ['PER:~kim iong un', 'TREATY:new-start', 'LOC:KP'],
        ['Kim Jong Un', 'New START', 'North Korea'],
      ),
      article('https://cnn.com/3', '2026-10-20T10:00:00.000Z', [
        'PER:~kim iong un',
        'TREATY:new-start',
      ]),
      article('https://tass.ru/4', '2026-11-25T10:00:00.000Z', ['PER:~kim iong un']),
      article(
        'https://rbc.ru/5',
        '2026-12-01T10:00:00.000Z',
        ['PER:~vladimir putin', 'LOC:KP'],
        ['Владимир Путин', 'КНДР'],
      ),
    ]);
  });
  const urls = (r: Awaited<ReturnType<typeof searchMemory>>) => r?.articles.map((a) => a.url);

  it('finds articles by a person in either language and a treaty, last month', async () => {
    const found = await searchMemory(db, 'Ким Чен Ын ДСНВ last month', { now: NOW });
    expect(urls(found)).toEqual(['https://bbc.com/2', 'https://ria.ru/1']);
    expect(found?.total).toBe(2);
  });

  it('finds by dates alone, newest first, with the total beyond the limit', async () => {
    const found = await searchMemory(db, 'since 2026-11-01', { now: NOW, limit: 2 });
    expect(found?.total).toBe(4);
    expect(urls(found)).toEqual(['https://rbc.ru/5', 'https://tass.ru/4']);
  });

  it('finds a person by surname in any case and a country by another language’s name', async () => {
    // «Путина» is Putin's surname in the genitive: the register knows its case forms.
    expect(urls(await searchMemory(db, 'Путина', { now: NOW }))).toEqual(['https://rbc.ru/5']);
    expect(urls(await searchMemory(db, 'Putin', { now: NOW }))).toEqual(['https://rbc.ru/5']);
    expect(urls(await searchMemory(db, 'КНДР 2026-11', { now: NOW }))).toEqual([
      'https://bbc.com/2',
    ]);
  });

  it('finds an unknown name inside the names of the other terms’ candidates', async () => {
    expect(urls(await searchMemory(db, 'Korea', { now: NOW }))).toEqual([]);
    expect(urls(await searchMemory(db, 'Korea last month', { now: NOW }))).toEqual([
      'https://bbc.com/2',
    ]);
  });

  it('is null when the query has nothing to search the memory by', async () => {
    expect(await searchMemory(db, '', { now: NOW })).toBeNull();
    expect(await searchMemory(db, ' и , and ', { now: NOW })).toBeNull();
  });
});

describe('searchMemory for a city', () => {
  const urls = (r: Awaited<ReturnType<typeof searchMemory>>) => r?.articles.map((a) => a.url);
  const fresh = freshNotesDb('memory-search-city');
  it('finds an article that named Moscow when the reader types «Москва»', async () => {
    const moscow = entityKey({ type: 'LOC', canonical: 'Moscow' }) as string;
    await fresh().articles.bulkPut([
      article('https://bbc.com/m', '2026-11-20T10:00:00.000Z', [moscow], ['Moscow']),
      article('https://bbc.com/o', '2026-11-21T10:00:00.000Z', ['LOC:~oslo'], ['Oslo']),
    ]);
    expect(urls(await searchMemory(fresh(), 'Москва', { now: NOW }))).toEqual([
      'https://bbc.com/m',
    ]);
  });
});

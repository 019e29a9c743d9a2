import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  coOccurring,
  displayName,
  entityArticles,
  isoWeekLabel,
  loadEntityPage,
  namesUsed,
  noteNamesEntity,
  weeklyMentions,
  weekStart,
} from '../../lib/memory/entity-page';
import type { RememberedArticle } from '../../lib/memory/model';
import { addNote, type NotesDb } from '../../lib/notes/db';
import type { Note } from '../../lib/notes/model';
import { freshNotesDb } from './fresh-db';

function article(
  url: string,
  lastVisit: string,
  entities: Array<[string, string, number]>,
  extra: Partial<RememberedArticle> = {},
): RememberedArticle {
  return {
    url,
    title: `Title of ${url}`,
    site: new URL(url).hostname,
    lang: 'ru',
    firstVisit: lastVisit,
    lastVisit,
    keys: entities.map((e) => e[0]),
    names: entities.map((e) => e[1]),
    counts: entities.map((e) => e[2]),
    ...extra,
  };
}

const KIM = 'PER:~kim chen in';
const SAMPLE: RememberedArticle[] = [
  article('https://ria.ru/1', '2026-11-02T10:00:00.000Z', [
    [KIM, 'Ким Чен Ын', 5],
    ['LOC:KP', 'КНДР', 4],
    ['LOC:RU', 'Россия', 2],
  ]),
  article('https://tass.ru/2', '2026-11-20T10:00:00.000Z', [
    ['LOC:KP', 'КНДР', 3],
    [KIM, 'Ким Чен Ын', 2],
    ['TREATY:new-start', 'ДСНВ', 1],
  ]),
  article(
    'https://bbc.com/3',
    '2026-11-25T10:00:00.000Z',
    [
      ['LOC:KP', 'North Korea', 6],
      [KIM, 'Kim Chen In', 1],
      ['LOC:RU', 'Russia', 1],
    ],
    { lang: 'en' },
  ),
  article('https://rbc.ru/4', '2026-11-26T10:00:00.000Z', [['LOC:RU', 'Россия', 9]]),
];

describe('the entity page, as pure functions', () => {
  it('lists the articles with the key, last read first, with this entity’s mentions', () => {
    const rows = entityArticles(KIM, SAMPLE);
    expect(rows.map((r) => [r.url, r.mentions, r.lang])).toEqual([
      ['https://bbc.com/3', 1, 'en'],
      ['https://tass.ru/2', 2, 'ru'],
      ['https://ria.ru/1', 5, 'ru'],
    ]);
    expect(rows[0]).toMatchObject({ site: 'bbc.com', title: 'Title of https://bbc.com/3' });
  });

  it('names the entity by the name most articles used, a register name when there is one', () => {
    expect(namesUsed(KIM, SAMPLE)).toEqual(['Ким Чен Ын', 'Kim Chen In']);
    expect(displayName(KIM, SAMPLE, 'en')).toBe('Ким Чен Ын');
    // A registered treaty: the register's name in the reader's language, not the abbreviation.
    expect(displayName('TREATY:new-start', SAMPLE, 'en')).toBe('New START');
    expect(displayName('TREATY:new-start', SAMPLE, 'ru')).toMatch(/^Договор о мерах/);
    // A country by its code, in the reader's language.
    expect(displayName('LOC:KP', SAMPLE, 'en')).toBe('North Korea');
    // Nothing remembered and no register: the key's own words.
    expect(displayName('PER:~nobody known', [], 'en')).toBe('nobody known');
  });

  it('ranks the entities seen with it by shared articles, then mentions, with names and keys', () => {
    const co = coOccurring(KIM, SAMPLE);
    expect(co.map((c) => [c.key, c.articles, c.mentions])).toEqual([
      ['LOC:KP', 3, 13],
      ['LOC:RU', 2, 3],
      ['TREATY:new-start', 1, 1],
    ]);
    // KP was named «КНДР» in two of its three shared articles.
    expect(co[0]?.name).toBe('КНДР');
    expect(coOccurring(KIM, SAMPLE, 1)).toHaveLength(1);
    // An article without the key adds nothing (rbc.ru's nine mentions of Russia).
    expect(coOccurring('LOC:KP', SAMPLE).find((c) => c.key === 'LOC:RU')?.mentions).toBe(3);
  });

  it('names an entity seen with it whose records store no name (registered) as the registers do, in the reader’s language', () => {
    const stored = [
      article('https://ria.ru/9', '2026-11-02T10:00:00.000Z', [
        [KIM, 'Ким Чен Ын', 5],
        ['LOC:KP', '', 4],
      ]),
    ];
    expect(coOccurring(KIM, stored, 10, 'ru')[0]?.name).toBe('КНДР');
    expect(coOccurring(KIM, stored, 10, 'en')[0]?.name).toBe('North Korea');
  });

  it('computes ISO weeks in UTC', () => {
    // 2026-11-25 is a Wednesday; its Monday is the 23rd; ISO week 48.
    const monday = weekStart(Date.parse('2026-11-25T23:59:00Z'));
    expect(new Date(monday).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(isoWeekLabel(monday)).toBe('2026-W48');
    // 2027-01-01 is a Friday: it belongs to 2026's last week (W53).
    expect(isoWeekLabel(weekStart(Date.parse('2027-01-01T12:00:00Z')))).toBe('2026-W53');
    expect(isoWeekLabel(weekStart(Date.parse('2025-12-29T00:00:00Z')))).toBe('2026-W01');
  });

  it('counts mentions per week from the first week with an article, empty weeks included', () => {
    const weeks = weeklyMentions(KIM, SAMPLE, new Date('2026-12-06T12:00:00Z'));
    expect(weeks.map((w) => [w.week, w.mentions, w.articles])).toEqual([
      ['2026-W45', 5, 1],
      ['2026-W46', 0, 0],
      ['2026-W47', 2, 1],
      ['2026-W48', 1, 1],
      ['2026-W49', 0, 0],
    ]);
    expect(weeks[0]?.start).toBe('2026-11-02');
  });

  it('shows at most the last 26 weeks, and the data’s own weeks when all of it is older', () => {
    const old = article('https://old.ru/0', '2025-01-06T10:00:00.000Z', [[KIM, 'Ким Чен Ын', 7]]);
    const weeks = weeklyMentions(KIM, [...SAMPLE, old], new Date('2026-12-06T12:00:00Z'));
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)?.week).toBe('2026-W49');
    // The old article is outside the chart, not folded into its first week.
    expect(weeks.reduce((s, w) => s + w.mentions, 0)).toBe(8);
    const onlyOld = weeklyMentions(KIM, [old], new Date('2026-12-06T12:00:00Z'));
    expect(onlyOld.map((w) => [w.week, w.mentions])).toEqual([['2025-W02', 7]]);
    expect(weeklyMentions(KIM, [], new Date())).toEqual([]);
  });
});

describe('notes that name the entity', () => {
  const urls = new Set(['https://ria.ru/1', 'https://tass.ru/2']);
  const names = ['Ким Чен Ын', 'Kim Chen In'];
  const base = { url: 'https://ria.ru/1', text: '', quote: undefined, entity: undefined };

  it('needs the note to be on one of the entity’s articles', () => {
    const elsewhere = { ...base, url: 'https://other.ru/9', text: 'Ким Чен Ын приехал' };
    expect(noteNamesEntity(elsewhere, KIM, names, urls)).toBe(false);
    expect(noteNamesEntity({ ...elsewhere, url: 'https://ria.ru/1' }, KIM, names, urls)).toBe(true);
  });

  it('finds a name in the text or the quote, in Russian case forms, not inside other words', () => {
    const per = 'PER:~vladimir putin';
    const putin = ['Владимир Путин'];
    const on = (text: string, quote?: string) =>
      noteNamesEntity({ ...base, text, quote }, per, putin, urls);
    expect(on('Встреча с Владимиром Путиным')).toBe(true);
    expect(on('', 'заявил Путину')).toBe(true); // the surname alone, in the dative
    expect(on('Путинизм как явление')).toBe(false); // more than a case ending
    expect(on('Владимир Зеленский')).toBe(false);
    // A place: «Москва» → «Москвы»; short words must be whole.
    const msk = ['Москва'];
    expect(noteNamesEntity({ ...base, text: 'из Москвы' }, 'LOC:~moskva', msk, urls)).toBe(true);
    expect(noteNamesEntity({ ...base, text: 'Ким Чен' }, KIM, names, urls)).toBe(false);
  });

  it('counts a note on the entity itself, by key or by one of its names of the same type', () => {
    const entityNote = (type: 'PER' | 'LOC', canonical: string) => ({
      ...base,
      entity: { type, canonical },
    });
    expect(noteNamesEntity(entityNote('PER', 'Kim Chen In'), KIM, ['Ким Чен Ын'], urls)).toBe(true); // same spelling key
    expect(noteNamesEntity(entityNote('PER', 'КНДР'), 'LOC:KP', ['КНДР'], urls)).toBe(false);
    expect(noteNamesEntity(entityNote('LOC', 'КНДР'), 'LOC:KP', ['North Korea'], urls)).toBe(true);
    expect(
      noteNamesEntity(
        { ...base, entity: { type: 'TREATY', canonical: 'ДСНВ' } },
        'TREATY:new-start',
        ['ДСНВ'],
        urls,
      ),
    ).toBe(true);
  });
});

describe('loadEntityPage', () => {
  const fresh = freshNotesDb('entity-page');
  let db: NotesDb;
  beforeEach(() => {
    db = fresh();
  });

  const note = (
    url: string,
    text: string,
    createdAt: Date,
  ): Omit<Note, 'id' | 'createdAt' | 'updatedAt'> & { at: Date } => ({
    kind: 'page',
    url,
    pageTitle: 't',
    text,
    tags: [],
    at: createdAt,
  });

  it('reads the articles and the notes that name the entity', async () => {
    await db.articles.bulkPut(SAMPLE);
    for (const { at, ...n } of [
      note('https://ria.ru/1', 'Ким Чен Ын встретился', new Date('2026-11-03T00:00:00Z')),
      note('https://ria.ru/1', 'о другом', new Date('2026-11-04T00:00:00Z')),
      note('https://rbc.ru/4', 'Ким Чен Ын не упомянут в статье', new Date('2026-11-05T00:00:00Z')),
      note('https://bbc.com/3', 'Kim Chen In again', new Date('2026-11-06T00:00:00Z')),
    ]) {
      await addNote(db, n, at);
    }
    const page = await loadEntityPage(db, KIM, { now: new Date('2026-12-06T00:00:00Z') });
    expect(page.name).toBe('Ким Чен Ын');
    expect(page.type).toBe('PER');
    expect(page.mentions).toBe(8);
    expect(page.articles.map((a) => a.url)).toEqual([
      'https://bbc.com/3',
      'https://tass.ru/2',
      'https://ria.ru/1',
    ]);
    expect(page.notes.map((x) => x.text)).toEqual(['Kim Chen In again', 'Ким Чен Ын встретился']);
    expect(page.coEntities[0]?.key).toBe('LOC:KP');
    expect(page.weeks.length).toBeGreaterThan(0);
  });

  it('finds notes that name a registered entity by a name its record does not keep', async () => {
    // A registered key's record stores no name (the registers hold them): «США» still names LOC:US.
    await db.articles.put({
      url: 'https://ria.ru/us',
      title: 'Санкции',
      site: 'ria.ru',
      lang: 'ru',
      firstVisit: '2026-11-10T00:00:00.000Z',
      lastVisit: '2026-11-10T00:00:00.000Z',
      keys: ['LOC:US'],
      names: [''],
      counts: [3],
    });
    for (const { at, ...n } of [
      note('https://ria.ru/us', 'США ввели новые санкции', new Date('2026-11-10T00:00:00Z')),
      note('https://ria.ru/us', 'о погоде', new Date('2026-11-11T00:00:00Z')),
    ]) {
      await addNote(db, n, at);
    }
    const page = await loadEntityPage(db, 'LOC:US', { now: new Date('2026-12-06T00:00:00Z') });
    expect(page.notes.map((x) => x.text)).toEqual(['США ввели новые санкции']);
    expect(page.names.length).toBeLessThanOrEqual(2); // the heading's names stay short
  });

  it('reads only the articles read last for a very frequent entity, and says from when', async () => {
    await db.articles.bulkPut(SAMPLE);
    const page = await loadEntityPage(db, KIM, {
      now: new Date('2026-12-06T00:00:00Z'),
      fullRead: 1,
      recentRead: 3,
    });
    // Counted no further than one past what is read in full; the three articles read last are
    // rbc (no Kim), bbc and tass.
    expect(page.total).toBe(2);
    expect(page.articles.map((a) => a.url)).toEqual(['https://bbc.com/3', 'https://tass.ru/2']);
    expect(page.sampledSince).toBe('2026-11-20T10:00:00.000Z');
    // The chart starts after the week the reading stopped in: no week is shown half counted.
    expect(page.weeks.map((w) => [w.week, w.mentions])).toEqual([
      ['2026-W48', 1],
      ['2026-W49', 0],
    ]);
    const full = await loadEntityPage(db, KIM, { now: new Date('2026-12-06T00:00:00Z') });
    expect(full.sampledSince).toBeUndefined();
    expect(full.articles).toHaveLength(3);
  });

  it('gives an empty page for a key nothing was remembered under', async () => {
    const page = await loadEntityPage(db, 'PER:~nobody');
    expect(page.articles).toEqual([]);
    expect(page.notes).toEqual([]);
    expect(page.weeks).toEqual([]);
  });
});

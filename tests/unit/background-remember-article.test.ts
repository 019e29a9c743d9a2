import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createArticleRememberer, readEntityRows } from '../../lib/background/remember-article';
import { articlesWith } from '../../lib/memory/store';
import type { MessageSender } from '../../lib/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { freshNotesDb } from './fresh-db';

const db = freshNotesDb('remember');

const PAGE: MessageSender = {
  id: 'glossa',
  url: 'https://ria.ru/20241205/kndr.html',
  tab: { id: 3, url: 'https://ria.ru/20241205/kndr.html' },
  frameId: 0,
};
const message = {
  type: 'glossa:remember-article' as const,
  title: 'Россия и КНДР',
  lang: 'ru',
  entities: [
    { type: 'LOC', canonical: 'КНДР', count: 3 },
    { type: 'PER', canonical: 'Владимир Путин', count: 2 },
    { type: 'TREATY', canonical: 'ратификация', count: 4 },
  ],
};

function rememberer(settings: Partial<Settings> = {}) {
  return createArticleRememberer({
    db: db(),
    settings: async () => ({ ...structuredClone(DEFAULT_SETTINGS), ...settings }),
    now: () => new Date('2026-12-06T10:00:00Z'),
  });
}

describe('remembering an annotated page', () => {
  it("files the page's people and places under the sending frame's address", async () => {
    expect(await rememberer()(message, PAGE)).toEqual({ ok: true, remembered: true });
    const [article] = await articlesWith(db(), 'LOC:KP');
    expect(article).toMatchObject({
      url: 'https://ria.ru/20241205/kndr.html',
      site: 'ria.ru',
      title: 'Россия и КНДР',
      lang: 'ru',
      counts: [3, 2],
    });
    // A generic treaty term is no entity to remember.
    expect(article?.keys.some((k) => k.startsWith('TREATY:'))).toBe(false);
  });

  it('keeps nothing from a private window, a frame, or where the memory or the site is off', async () => {
    const cases: Array<[Partial<Settings>, MessageSender, string]> = [
      [{}, { ...PAGE, tab: { ...PAGE.tab, incognito: true } }, 'private'],
      [{}, { ...PAGE, frameId: 2 }, 'not-top'],
      [{ rememberReading: false }, PAGE, 'off'],
      [{ disabledSites: ['ria.ru'] }, PAGE, 'site-off'],
      [{ enabled: false }, PAGE, 'site-off'],
    ];
    for (const [settings, sender, reason] of cases) {
      expect(await rememberer(settings)(message, sender)).toEqual({
        ok: true,
        remembered: false,
        reason,
      });
    }
    expect(await db().articles.count()).toBe(0);
  });

  it('says nothing was kept when no row names a person, place or registered treaty', async () => {
    const bare = { ...message, entities: [{ type: 'TREATY', canonical: 'ратификация', count: 1 }] };
    expect(await rememberer()(bare, PAGE)).toMatchObject({ remembered: false, reason: 'nothing' });
  });

  it('refuses an extension page, which has no article', async () => {
    const popup = { id: 'glossa', url: 'chrome-extension://x/popup.html' };
    expect(await rememberer()(message, popup)).toMatchObject({ ok: false });
  });

  it('trims articles older than the keeping time with a visit, at most once a day', async () => {
    const at = (iso: string) =>
      createArticleRememberer({
        db: db(),
        settings: async () => structuredClone(DEFAULT_SETTINGS),
        now: () => new Date(iso),
      });
    await at('2026-01-01T10:00:00Z')(message, { ...PAGE, url: 'https://old.example/a' });
    let clock = new Date('2026-12-06T10:00:00Z');
    const remember = createArticleRememberer({
      db: db(),
      settings: async () => ({ ...structuredClone(DEFAULT_SETTINGS), memoryDays: 30 }),
      now: () => clock,
    });
    const sites = async () => (await db().articles.toArray()).map((a) => a.site).sort();
    await remember(message, PAGE);
    expect(await sites()).toEqual(['ria.ru']);
    // Another old article appears (an import); a visit an hour later leaves it, a day later not.
    await at('2026-02-01T10:00:00Z')(message, { ...PAGE, url: 'https://old.example/b' });
    clock = new Date('2026-12-06T11:00:00Z');
    await remember(message, PAGE);
    expect(await sites()).toEqual(['old.example', 'ria.ru']);
    clock = new Date('2026-12-07T10:00:00Z');
    await remember(message, PAGE);
    expect(await sites()).toEqual(['ria.ru']);
  });
});

describe('readEntityRows', () => {
  it('keeps a well-formed id of the row’s type and drops malformed ones, keeping the row', () => {
    const rows = readEntityRows([
      { type: 'PER', canonical: 'Путин', count: 2, id: 'PER:vladimir-putin' },
      { type: 'PER', canonical: 'Байден', count: 1, id: 'PER:~bayden' },
      { type: 'PER', canonical: 'Си Цзиньпин', count: 1, id: 'LOC:CN' },
      { type: 'LOC', canonical: 'КНДР', count: 3, id: 'LOC:kp' },
      { type: 'LOC', canonical: 'Россия', count: 1, id: 'LOC:RU\u0000' },
      { type: 'LOC', canonical: 'Китай', count: 1, id: { toString: () => 'LOC:CN' } },
    ]);
    expect(rows.map((r) => [r.canonical, r.id])).toEqual([
      ['Путин', 'PER:vladimir-putin'],
      ['Байден', undefined],
      ['Си Цзиньпин', undefined],
      ['КНДР', undefined],
      ['Россия', undefined],
      ['Китай', undefined],
    ]);
  });

  it('files an entity under its id, and one without an id under its name', async () => {
    const withIds = {
      ...message,
      entities: [
        { type: 'PER', canonical: 'Путин', count: 2, id: 'PER:vladimir-putin' },
        { type: 'PER', canonical: 'Иван Петров', count: 1 },
        { type: 'LOC', canonical: 'КНДР', count: 3, id: 'LOC:KP' },
        { type: 'LOC', canonical: 'Россия', count: 1, id: 'PER:forged' },
      ],
    };
    await rememberer()(withIds, PAGE);
    const [article] = await db().articles.toArray();
    expect(article?.keys).toEqual(['LOC:KP', 'PER:vladimir-putin', 'LOC:RU', 'PER:~ivan petrov']);
  });

  it('drops malformed rows and malformed treaties', () => {
    const rows = readEntityRows([
      null,
      'x',
      { type: 'ORG', canonical: 'МИД', count: 1 },
      { type: 'PER', canonical: '', count: 1 },
      { type: 'PER', canonical: 'Путин', count: 0 },
      { type: 'PER', canonical: 'Путин', count: 1.5 },
      { type: 'LOC', canonical: 'x'.repeat(301), count: 1 },
      { type: 'TREATY', canonical: 'ДСНВ', count: 1, treaty: { id: 'BAD ID', en: 'x', ru: 'y' } },
      {
        type: 'TREATY',
        canonical: 'ДСНВ',
        count: 2,
        treaty: { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 },
      },
    ]);
    expect(rows).toEqual([
      { type: 'TREATY', canonical: 'ДСНВ', count: 1 },
      {
        type: 'TREATY',
        canonical: 'ДСНВ',
        count: 2,
        treaty: { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 },
      },
    ]);
  });
});

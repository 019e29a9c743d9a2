import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  articlesWith,
  clearMemory,
  countArticlesWith,
  forgetOlderThan,
  forgetSite,
  rememberArticle,
} from '../../lib/memory/store';
import { addNote, allNotes, NotesError } from '../../lib/notes/db';
import { freshNotesDb } from './fresh-db';

const db = freshNotesDb('memory');

const visit = (url: string, keys: string[], title = url) => ({
  url,
  title,
  lang: 'ru',
  entities: keys.map((key) => ({ key, name: key, count: 1 })),
});

describe('the reading memory store', () => {
  it('finds every article that mentions an entity, last read first, and counts them', async () => {
    await rememberArticle(
      db(),
      visit('https://a.ru/1', ['LOC:KP', 'PER:~putin']),
      new Date('2026-12-01'),
    );
    await rememberArticle(db(), visit('https://b.com/2', ['PER:~putin']), new Date('2026-12-03'));
    await rememberArticle(db(), visit('https://c.com/3', ['LOC:KP']), new Date('2026-12-02'));
    expect(await countArticlesWith(db(), 'PER:~putin')).toBe(2);
    expect((await articlesWith(db(), 'LOC:KP')).map((a) => a.url)).toEqual([
      'https://c.com/3',
      'https://a.ru/1',
    ]);
    expect(await countArticlesWith(db(), 'TREATY:new-start')).toBe(0);
  });

  it('files a second visit to one article under the same record', async () => {
    await rememberArticle(
      db(),
      visit('https://a.ru/1?utm_source=x', ['LOC:KP']),
      new Date('2026-12-01'),
    );
    await rememberArticle(
      db(),
      visit('https://a.ru/1#comments', ['LOC:RU']),
      new Date('2026-12-05'),
    );
    const [article] = await articlesWith(db(), 'LOC:KP');
    expect(await db().articles.count()).toBe(1);
    expect(article?.keys.sort()).toEqual(['LOC:KP', 'LOC:RU']);
    expect(article?.firstVisit).toBe('2026-12-01T00:00:00.000Z');
  });

  it('forgets a site, old articles, or everything, and never a note', async () => {
    await addNote(db(), {
      kind: 'page',
      url: 'https://a.ru/1',
      pageTitle: 'A',
      text: 'mine',
      tags: [],
    });
    await rememberArticle(db(), visit('https://www.a.ru/1', ['LOC:KP']), new Date('2026-11-01'));
    await rememberArticle(db(), visit('https://a.ru/2', ['LOC:KP']), new Date('2026-12-01'));
    await rememberArticle(db(), visit('https://b.com/1', ['LOC:KP']), new Date('2026-06-01'));
    await rememberArticle(db(), visit('https://c.com/1', ['LOC:KP']), new Date('2026-12-01'));

    expect(await forgetOlderThan(db(), 180, new Date('2026-12-02'))).toBe(1); // b.com, June
    expect(await forgetSite(db(), 'www.a.ru')).toBe(2);
    expect((await articlesWith(db(), 'LOC:KP')).map((a) => a.url)).toEqual(['https://c.com/1']);
    await clearMemory(db());
    expect(await db().articles.count()).toBe(0);
    expect((await allNotes(db())).map((note) => note.text)).toEqual(['mine']);
  });

  it('says what failed when the database is closed', async () => {
    db().close();
    await expect(rememberArticle(db(), visit('https://a.ru/1', ['LOC:KP']))).rejects.toThrow(
      NotesError,
    );
    await expect(countArticlesWith(db(), 'LOC:KP')).rejects.toThrow(/reading memory/);
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { READ_ALL_UP_TO, recallEntity } from '../../lib/memory/recall';
import { rememberArticle } from '../../lib/memory/store';
import { freshNotesDb } from './fresh-db';

const db = freshNotesDb('recall');

const visit = (url: string, keys: string[], title = url) => ({
  url,
  title,
  lang: 'en',
  entities: keys.map((key) => ({ key, name: key, count: 1 })),
});
const day = (d: number) => new Date(Date.UTC(2026, 10, d));

describe('recallEntity (the card line)', () => {
  it('counts the other articles and names the one read last', async () => {
    await rememberArticle(db(), visit('https://a.ru/1', ['LOC:KP'], 'Первая'), day(1));
    await rememberArticle(db(), visit('https://b.com/2', ['LOC:KP'], 'Second'), day(3));
    await rememberArticle(db(), visit('https://c.com/3', ['LOC:KP', 'PER:kim-jong-un']), day(5));
    const recall = await recallEntity(db(), 'LOC:KP', 'https://c.com/3?utm_source=feed');
    expect(recall.count).toBe(2);
    expect(recall.latest).toEqual({
      url: 'https://b.com/2',
      title: 'Second',
      site: 'b.com',
      lastVisit: day(3).toISOString(),
    });
  });

  it('says nothing for an entity met only in the article being read, or never', async () => {
    await rememberArticle(db(), visit('https://c.com/3', ['PER:kim-jong-un']), day(5));
    expect(await recallEntity(db(), 'PER:kim-jong-un', 'https://c.com/3')).toEqual({ count: 0 });
    expect(await recallEntity(db(), 'TREATY:new-start')).toEqual({ count: 0 });
  });

  it('finds the latest of a frequent entity by the visit index, skipping the one being read', async () => {
    const total = READ_ALL_UP_TO + 10;
    for (let i = 1; i <= total; i++) {
      const keys = i % 2 === 0 ? ['LOC:RU'] : ['LOC:RU', 'LOC:US'];
      await rememberArticle(
        db(),
        visit(`https://n.com/${i}`, keys),
        new Date(Date.UTC(2026, 0, i)),
      );
    }
    // Read last: article `total` (even, LOC:RU only); the latest other one with LOC:US is total-1.
    const ru = await recallEntity(db(), 'LOC:RU', `https://n.com/${total}`);
    expect(ru.count).toBe(total - 1);
    expect(ru.latest?.url).toBe(`https://n.com/${total - 1}`);
    const us = await recallEntity(db(), 'LOC:US');
    expect(us.count).toBe(total / 2);
    expect(us.latest?.url).toBe(`https://n.com/${total - 1}`);
  });
});

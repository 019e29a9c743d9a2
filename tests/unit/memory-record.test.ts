import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { articleNames, registeredName } from '../../lib/memory/entity-names';
import {
  articleEntities,
  MAX_ENTITIES_PER_ARTICLE,
  mergeVisit,
  storedName,
} from '../../lib/memory/record';

const mention = (type: Mention['type'], canonical: string, text = canonical): Mention => ({
  start: 0,
  end: text.length,
  type,
  text,
  canonical,
});

describe('articleEntities', () => {
  it('counts mentions per entity, names it by its most used form, most mentioned first', () => {
    const entities = articleEntities([
      mention('PER', 'Владимир Путин', 'Путина'),
      mention('PER', 'Владимир Путин', 'Путин'),
      mention('LOC', 'КНДР'),
      mention('LOC', 'Северная Корея'),
      mention('LOC', 'КНДР'),
      mention('TREATY', 'ратификация'),
    ]);
    expect(entities).toEqual([
      { key: 'LOC:KP', name: 'КНДР', count: 3 },
      { key: expect.stringMatching(/^PER:/), name: 'Владимир Путин', count: 2 },
    ]);
  });

  it('keeps at most MAX_ENTITIES_PER_ARTICLE entities', () => {
    const many = Array.from({ length: MAX_ENTITIES_PER_ARTICLE + 20 }, (_, i) =>
      mention('PER', `Person Number${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`),
    );
    expect(articleEntities(many)).toHaveLength(MAX_ENTITIES_PER_ARTICLE);
  });
});

describe('mergeVisit', () => {
  const visit = {
    url: 'https://www.ria.ru/20241205/kndr.html?utm_source=tg#top',
    title: 'Россия и КНДР',
    lang: 'ru',
    entities: [
      { key: 'LOC:KP', name: 'КНДР', count: 3 },
      { key: 'LOC:RU', name: 'Россия', count: 1 },
    ],
  };

  it('files a first visit under the normalised address and its site', () => {
    const a = mergeVisit(undefined, visit, new Date('2026-12-01T10:00:00Z'));
    expect(a.url).toBe('https://www.ria.ru/20241205/kndr.html');
    expect(a.site).toBe('ria.ru');
    expect(a.firstVisit).toBe('2026-12-01T10:00:00.000Z');
    expect(a.lastVisit).toBe(a.firstVisit);
    expect(a.keys).toEqual(['LOC:KP', 'LOC:RU']);
    expect(a.counts).toEqual([3, 1]);
  });

  it('stores the page’s name of a spelling key, and none of a registered key (the registers hold it)', () => {
    const a = mergeVisit(
      undefined,
      {
        ...visit,
        entities: [
          { key: 'LOC:KP', name: 'КНДР', count: 3 },
          { key: 'PER:~shin von sik', name: 'Шин Вон Сик', count: 2 },
          { key: 'TREATY:new-start', name: 'ДСНВ', count: 1 },
        ],
      },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(a.names).toEqual(['', 'Шин Вон Сик', '']);
    expect(articleNames(a)).toEqual([
      'КНДР',
      'Шин Вон Сик',
      registeredName('TREATY:new-start', 'ru'),
    ]);
  });

  it('keeps the first visit, moves the last, and keeps the larger count of each entity', () => {
    const first = mergeVisit(undefined, visit, new Date('2026-12-01T10:00:00Z'));
    const again = mergeVisit(
      first,
      { ...visit, title: '', entities: [{ key: 'LOC:RU', name: 'Россия', count: 4 }] },
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(again.firstVisit).toBe('2026-12-01T10:00:00.000Z');
    expect(again.lastVisit).toBe('2026-12-02T10:00:00.000Z');
    expect(again.title).toBe('Россия и КНДР');
    expect(again.keys).toEqual(['LOC:RU', 'LOC:KP']);
    expect(again.counts).toEqual([4, 3]);
  });

  it('stays under 2 KB as JSON with forty entities', () => {
    const entities = Array.from({ length: 40 }, (_, i) => ({
      key: `PER:~person surname${i}`,
      name: `Person Surname${i}`,
      count: i + 1,
    }));
    const a = mergeVisit(undefined, { ...visit, entities }, new Date('2026-12-01T10:00:00Z'));
    expect(JSON.stringify(a).length).toBeLessThan(2048);
  });
});

describe('storedName', () => {
  it('keeps the name of a spelling key and drops that of an entity id', () => {
    expect(storedName('PER:~joe bloggs', 'Joe Bloggs')).toBe('Joe Bloggs');
    expect(storedName('LOC:~moscow', 'Москва')).toBe('Москва');
    expect(storedName('PER:vladimir-putin', 'Путин')).toBe('');
    expect(storedName('LOC:KP', 'КНДР')).toBe('');
    expect(storedName('TREATY:new-start', 'СНВ-3')).toBe('');
  });

  it('keeps the name when a key is malformed: the registers could not give it back', () => {
    expect(storedName('LOC:kp', 'КНДР')).toBe('КНДР');
    expect(storedName('PER:', 'Someone')).toBe('Someone');
  });
});

import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { entityKey, keyType } from '../../lib/memory/entity-key';

const m = (type: Mention['type'], canonical: string, extra: Partial<Mention> = {}) => ({
  type,
  canonical,
  ...extra,
});

describe('entityKey', () => {
  it('files a country under its ISO code, whatever the language or the short form', () => {
    for (const name of ['КНДР', 'Северная Корея', 'North Korea', 'DPRK']) {
      expect(entityKey(m('LOC', name)), name).toBe('LOC:KP');
    }
    expect(entityKey(m('LOC', 'Россия'))).toBe(entityKey(m('LOC', 'Russia')));
  });

  it('files a person under the spelling key of the nominative name', () => {
    expect(entityKey(m('PER', 'Владимир Путин'))).toBe(entityKey(m('PER', 'Vladimir Putin')));
    expect(entityKey(m('PER', 'Владимир Путин'))).toMatch(/^PER:/);
  });

  it('files registered treaties by their id and leaves generic treaty terms out', () => {
    const treaty = { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 };
    expect(entityKey(m('TREATY', 'ДСНВ', { treaty }))).toBe('TREATY:new-start');
    expect(entityKey(m('TREATY', 'ратификация'))).toBeNull();
  });

  it('files a mention with an id under its id, and checks it first', () => {
    const putin = { id: 'PER:vladimir-putin' };
    expect(entityKey(m('PER', 'Путин', putin))).toBe('PER:vladimir-putin');
    expect(entityKey(m('PER', 'Vladimir Putin', putin))).toBe('PER:vladimir-putin');
    expect(entityKey(m('LOC', 'North Korea', { id: 'LOC:KP' }))).toBe('LOC:KP');
    // Not an id of the mention's type, or no id at all: the key the name gives.
    expect(entityKey(m('LOC', 'Россия', putin))).toBe('LOC:RU');
    expect(entityKey(m('PER', 'Иван Петров', { id: 'PER:~ivan petrov x' }))).toBe(
      'PER:~ivan petrov',
    );
    expect(entityKey(m('WATCH', 'КНДР', { id: 'LOC:KP' }))).toBeNull();
  });

  it('keeps no watch-list words and no organisations', () => {
    expect(entityKey(m('WATCH', 'КНДР'))).toBeNull();
    expect(entityKey(m('ORG', 'МИД'))).toBeNull();
  });

  it('keeps a person and a place of one name apart', () => {
    expect(entityKey(m('PER', 'Джорджия'))).not.toBe(entityKey(m('LOC', 'Джорджия')));
    expect(keyType('LOC:KP')).toBe('LOC');
    expect(keyType('NOPE:x')).toBeNull();
  });
});

describe('entityKey for cities', () => {
  it('files a city under its English name where Russian has another word for it', () => {
    for (const [ru, en] of [
      ['Москва', 'Moscow'],
      ['Пхеньян', 'Pyongyang'],
      ['Пекин', 'Beijing'],
      ['Киев', 'Kyiv'],
      ['Кремль', 'Kremlin'],
    ]) {
      expect(entityKey(m('LOC', ru as string)), ru).toBe(entityKey(m('LOC', en as string)));
    }
    expect(entityKey(m('LOC', 'Moscow'))).toMatch(/^LOC:~/);
  });

  it('files a city the list does not know by its own spelling', () => {
    expect(entityKey(m('LOC', 'Владивосток'))).toBe(entityKey(m('LOC', 'Vladivostok')));
    expect(entityKey(m('LOC', 'Урюпинск'))).not.toBe(entityKey(m('LOC', 'Moscow')));
  });
});

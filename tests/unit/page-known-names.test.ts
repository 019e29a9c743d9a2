import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { nameHeader, PageNames, stemsOf } from '../../lib/page/known-names';

const m = (text: string, at: number, type: Mention['type'], canonical = text): Mention => ({
  start: at,
  end: at + text.length,
  type,
  text,
  canonical,
});

describe('page names', () => {
  it('keeps inflection-proof stems of each word of a full name', () => {
    expect(stemsOf('Константин Асмолов')).toEqual(['Констант', 'Асмол']);
    expect(stemsOf('Ким Чен Ын')).toEqual(['Ким', 'Чен']);
    expect(stemsOf('В. Путин')).toEqual(['Пути']);
  });

  it('learns full names only, versions them, and says which texts may have missed one', () => {
    const names = new PageNames();
    expect(names.learn([m('Путин', 0, 'PER'), m('Россия', 0, 'LOC', 'Россия')])).toBe(false);
    expect(names.version).toBe(0);
    expect(names.learn([m('Константина Асмолова', 0, 'PER', 'Константин Асмолов')])).toBe(true);
    expect(names.learn([m('Асмолов', 0, 'PER', 'Константин Асмолов')])).toBe(false);
    expect(names.version).toBe(1);
    expect(names.relevantTo('— отметил Асмолову.')).toEqual(['Константин Асмолов']);
    expect(names.relevantTo('Пхеньян и Москва')).toEqual([]);
    expect(names.missedSince(0, 'сказал Асмолов')).toBe(true);
    expect(names.missedSince(1, 'сказал Асмолов')).toBe(false);
    expect(nameHeader(['Константин Асмолов', 'Ким Чен Ын'])).toBe(
      'Константин Асмолов.\nКим Чен Ын.\n',
    );
    expect(nameHeader([])).toBe('');
  });

  it('groups a lone surname under the one full name ending with it', () => {
    const names = new PageNames();
    names.learn([m('Vladimir Putin', 0, 'PER')]);
    expect(names.canonical({ type: 'PER', canonical: 'Putin' })).toBe('Vladimir Putin');
    expect(names.canonical({ type: 'LOC', canonical: 'Putin' })).toBe('Putin');
    names.learn([m('Lyudmila Putin', 0, 'PER')]);
    expect(names.canonical({ type: 'PER', canonical: 'Putin' })).toBe('Putin'); // ambiguous now
  });
});

import { describe, expect, it } from 'vitest';
import { isPlaceAdjective, withoutPlaceAdjectives } from '../../lib/eval/conventions';

describe('NEREL place adjectives', () => {
  it('are one-word -ск-/-цк- adjectives, in any case and capitalisation', () => {
    for (const w of ['российских', 'Московского', 'американский', 'немецкой', 'Курской']) {
      expect(isPlaceAdjective(w), w).toBe(true);
    }
    for (const w of ['Россия', 'Москва', 'Курская область', 'Пхеньяном', 'США']) {
      expect(isPlaceAdjective(w), w).toBe(false);
    }
  });

  it('are left out of LOC spans only, on the text the offsets point into', () => {
    const text = 'российские военные в Москве и Курская область; Московский университет';
    const span = (word: string, type: string) => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, type };
    };
    const spans = [
      span('российские', 'LOC'),
      span('Москве', 'LOC'),
      span('Курская область', 'LOC'),
      span('Московский', 'ORG'),
    ];
    expect(withoutPlaceAdjectives(text, spans).map((s) => text.slice(s.start, s.end))).toEqual([
      'Москве',
      'Курская область',
      'Московский',
    ]);
  });
});

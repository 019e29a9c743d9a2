/** lib/recognize/places.ts: a place's canonical name, in the nominative. */
import { describe, expect, it } from 'vitest';
import { placeCanonical, placeNounKind } from '../../lib/recognize/places';
import { docOf, tokensOf } from './recognize-doc';

describe('placeCanonical', () => {
  const doc = docOf('в Москве, в Курской области, над Корейским полуостровом', 'ru');
  const canonical = (words: string) => {
    const { start, end } = tokensOf(doc, words);
    return placeCanonical(doc, start, end);
  };

  it('names a city, a region and a feature in the nominative, adjective agreeing', () => {
    expect(canonical('Москве')).toBe('Москва');
    expect(canonical('Курской области')).toBe('Курская область');
    expect(canonical('Корейским полуостровом')).toBe('Корейский полуостров');
  });
});

describe('placeNounKind', () => {
  it('tells a settlement noun from others, and knows no ordinary noun', () => {
    expect(placeNounKind('город')).toBe('settlement');
    expect(placeNounKind('договор')).toBeUndefined();
  });
});

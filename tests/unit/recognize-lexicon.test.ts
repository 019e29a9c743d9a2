/** lib/recognize/lexicon.ts: world-city lookup. */
import { describe, expect, it } from 'vitest';
import { cityStemHeads, getLexicon } from '../../lib/recognize/lexicon';

describe('cityStemHeads', () => {
  it('holds each start of a stem that ends before a space or a lone hyphen', () => {
    const heads = cityStemHeads(['бад хомбург', 'нейи - сюр - сен', 'ростов-на-дону', 'рим']);
    expect([...heads].sort()).toEqual(
      [
        'бад',
        'нейи',
        'нейи ',
        'нейи -',
        'нейи - сюр',
        'нейи - сюр ',
        'нейи - сюр -',
        'ростов',
        'ростов-на',
      ].sort(),
    );
  });
});

describe('placeRu and cityStarts', () => {
  it('finds a city form, the same again from the kept answer, and no city for other words', () => {
    const lex = getLexicon();
    expect(lex.placeRu('балтиморе')).toBe('Балтимор');
    expect(lex.placeRu('балтиморе')).toBe('Балтимор');
    expect(lex.placeRu('бад хомбург')).toBe('Бад Хомбург');
    expect(lex.placeRu('пушкин')).toBeUndefined();
    expect(lex.placeRu('пушкин')).toBeUndefined();
  });

  it('says which words may start a city name of several tokens (any, until enough were asked)', () => {
    const lex = getLexicon();
    expect(lex.cityStarts('бад')).toBe(true);
    const answers = new Set<boolean>();
    for (let k = 0; k < 300; k++) answers.add(lex.cityStarts('путин'));
    expect(answers).toEqual(new Set([true, false]));
    expect(lex.cityStarts('путин')).toBe(false);
    expect(lex.cityStarts('бад')).toBe(true);
  });
});

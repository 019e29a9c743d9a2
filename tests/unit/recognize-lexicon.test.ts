/** lib/recognize/lexicon.ts: world-city forms to their names. */
import { describe, expect, it } from 'vitest';
import { cityFormHeads, cityNamesByForm, getLexicon } from '../../lib/recognize/lexicon';

describe('cityNamesByForm', () => {
  it('maps every listed form to the name, the stem and first ending when no name is given', () => {
    const names = cityNamesByForm('аахен\t,а,е,ом,у\nабеш\tе,ем,ю,я\tАбеше');
    expect(names.get('аахен')).toBe('Аахен');
    expect(names.get('аахеном')).toBe('Аахен');
    expect(names.get('абешем')).toBe('Абеше');
    expect(names.get('абеш')).toBeUndefined();
    expect(names.get('аахенах')).toBeUndefined();
  });

  it('gives a form two stems make to the longer stem, and a repeated stem to its first line', () => {
    const names = cityNamesByForm('сан\tа,ом\nсана\t,ом\tСана-Сити\nсан\tе\tДругой');
    expect(names.get('сана')).toBe('Сана-Сити');
    expect(names.get('санаом')).toBe('Сана-Сити');
    expect(names.get('саном')).toBe('Сана');
    expect(names.get('сане')).toBeUndefined();
  });

  it('ignores endings longer than a case ending and is empty for no data', () => {
    expect(cityNamesByForm('рим\t,ами,амиии').get('римамиии')).toBeUndefined();
    expect(cityNamesByForm('').size).toBe(0);
  });
});

describe('cityFormHeads', () => {
  it('holds each start of a form that ends before a space or a lone hyphen', () => {
    const heads = cityFormHeads(['бад хомбург', 'нейи - сюр - сен', 'ростов-на-дону', 'рим']);
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

  it('lets the shipped lexicon skip words no city of several tokens starts with', () => {
    const lex = getLexicon();
    expect(lex.cityStarts('бад')).toBe(true);
    expect(lex.cityStarts('путин')).toBe(false);
    expect(lex.placeRu('бад хомбург')).toBe('Бад Хомбург');
  });
});

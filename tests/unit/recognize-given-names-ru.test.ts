/** lib/recognize/given-names-ru.ts and the person-span rules that use it. */
import { describe, expect, it } from 'vitest';
import { nominativeGuesses, spellsGivenName } from '../../lib/recognize/given-names-ru';
import { personForSpan } from '../../lib/recognize/people';
import {
  complementedNotPeople,
  firstNameFromText,
  functionWordsNotPeople,
  latinNamesNotPeople,
  spelledFirstNames,
  splitPeople,
  surnamePlacesAfterFirstName,
} from '../../lib/recognize/person-spans';
import { proposeAll } from '../../lib/recognize/rules';
import type { Candidate, TokenizedText } from '../../lib/recognize/tokenized-text';
import { shown, tokenizedOf, tokensOf } from './recognize-tokenized-text';

const NAMES = new Set(['nikolaus', 'holly', 'charles', 'sam', 'janet']);
const isName = (key: string) => NAMES.has(key);

describe('spellsGivenName', () => {
  it('spells a transcribed name back into the list', () => {
    expect(spellsGivenName('николаус', isName)).toBe(true);
    expect(spellsGivenName('холли', isName)).toBe(true);
    expect(spellsGivenName('карлес', isName)).toBe(true);
    expect(spellsGivenName('джэнет', isName)).toBe(true);
  });

  it('finds no name in a word the list does not hold', () => {
    expect(spellsGivenName('космонавта', isName)).toBe(false);
    expect(spellsGivenName('англичанин', isName)).toBe(false);
  });
});

describe('nominativeGuesses', () => {
  it('gives the nominatives a declined name may come from', () => {
    expect(nominativeGuesses('николауса')).toContain('николаус');
    expect(nominativeGuesses('вирджинии')).toContain('вирджиния');
    expect(nominativeGuesses('холли')[0]).toBe('холли');
  });
});

const person = (tokenized: TokenizedText, words: string): Candidate => {
  const { start, end } = tokensOf(tokenized, words);
  return personForSpan(tokenized, start, end);
};

describe('first names before a lone surname', () => {
  it('takes the first name the text names the person in full with', () => {
    const tokenized = tokenizedOf('Янез Янша ушёл. Тогда Янез Янша промолчал.', 'ru');
    const first = personForSpan(tokenized, 0, 2);
    const lone = personForSpan(tokenized, 6, 7);
    const taken = new Uint8Array(tokenized.tokens.length);
    expect(shown(tokenized, firstNameFromText(tokenized, [first, lone], taken))).toEqual([
      'PER Янез Янша',
      'PER Янез Янша',
    ]);
  });

  it('leaves a function word at a sentence start out', () => {
    const tokenized = tokenizedOf('Об этом сказал он. Сам Мандела молчал.', 'ru');
    const taken = new Uint8Array(tokenized.tokens.length);
    expect(
      shown(tokenized, spelledFirstNames(tokenized, [person(tokenized, 'Мандела')], taken)),
    ).toEqual(['PER Мандела']);
  });
});

describe('words that are no person', () => {
  it('drops a capitalised noun with a genitive complement', () => {
    const tokenized = tokenizedOf('Он стал главой Службы безопасности страны.', 'ru');
    expect(
      shown(tokenized, complementedNotPeople(tokenized, [person(tokenized, 'Службы')])),
    ).toEqual([]);
  });

  it('keeps an adjective made from a name, as NEREL marks it', () => {
    const tokenized = tokenizedOf('Он лауреат Нобелевской премии мира.', 'ru');
    expect(
      shown(tokenized, complementedNotPeople(tokenized, [person(tokenized, 'Нобелевской')])),
    ).toEqual(['PER Нобелевской']);
  });

  it('drops a lone pronoun', () => {
    const tokenized = tokenizedOf('Новый сезон сериала «Доктор Кто» вышел.', 'ru');
    expect(shown(tokenized, functionWordsNotPeople(tokenized, [person(tokenized, 'Кто')]))).toEqual(
      [],
    );
  });

  it('drops a Latin name with the English possessive', () => {
    const tokenized = tokenizedOf('Картина продана на Christie’s за миллион.', 'ru');
    expect(
      shown(tokenized, latinNamesNotPeople(tokenized, [person(tokenized, 'Christie')])),
    ).toEqual([]);
  });
});

describe('two names in one tagged span', () => {
  const split = (text: string, words: string): string[] => {
    const tokenized = tokenizedOf(text, 'ru');
    proposeAll(tokenized);
    const { start, end } = tokensOf(tokenized, words);
    const c: Candidate = { start, end, type: 'PER', canonical: words, tier: 2, tagged: true };
    return shown(tokenized, splitPeople(tokenized, [c]));
  };

  it('cuts after a man’s full name in an oblique case before a nominative', () => {
    expect(
      split(
        'Кандидат из администрации Джорджа Буша-младшего Джэймс Коми заявил',
        'Джорджа Буша-младшего Джэймс Коми',
      ),
    ).toEqual(['PER Джорджа Буша-младшего', 'PER Джэймс Коми']);
  });

  it('keeps a name declined in every word together', () => {
    expect(split('Из книги Лаймена Фрэнка Баума взят сюжет', 'Лаймена Фрэнка Баума')).toEqual([
      'PER Лаймена Фрэнка Баума',
    ]);
  });

  it('cuts the genitive complement of a role off a full name', () => {
    expect(
      split('Ему ответил губернатор Висконсина Скотт Уокер вчера', 'Висконсина Скотт Уокер'),
    ).toEqual(['LOC Висконсина', 'PER Скотт Уокер']);
  });
});

describe('surnamePlacesAfterFirstName', () => {
  it('reads a place right after a lone first name in its case as the surname', () => {
    const tokenized = tokenizedOf(
      'Медаль с изображением президента Джорджа Вашингтона нашли',
      'ru',
    );
    const place = tokensOf(tokenized, 'Вашингтона');
    const loc: Candidate = { ...place, type: 'LOC', canonical: 'Вашингтон', tier: 2 };
    expect(
      shown(tokenized, surnamePlacesAfterFirstName(tokenized, [person(tokenized, 'Джорджа'), loc])),
    ).toEqual(['PER Джорджа Вашингтона']);
  });
});

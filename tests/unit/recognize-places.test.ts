/** lib/recognize/places.ts: a place's canonical name, in the nominative. */
import { describe, expect, it } from 'vitest';
import { placeAfterPreposition } from '../../lib/recognize/index';
import { getLexicon } from '../../lib/recognize/lexicon';
import {
  gazetteerPlaces,
  placeCanonical,
  placeNounKind,
  placesAfterPrepositions,
  unquotedOrganisations,
} from '../../lib/recognize/places';
import { createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';
import { tokenizedOf, tokensOf } from './recognize-tokenized-text';

describe('placeCanonical', () => {
  const tokenized = tokenizedOf('в Москве, в Курской области, над Корейским полуостровом', 'ru');
  const canonical = (words: string) => {
    const { start, end } = tokensOf(tokenized, words);
    return placeCanonical(tokenized, start, end);
  };

  it('names a city, a region and a feature in the nominative, adjective agreeing', () => {
    expect(canonical('Москве')).toBe('Москва');
    expect(canonical('Курской области')).toBe('Курская область');
    expect(canonical('Корейским полуостровом')).toBe('Корейский полуостров');
  });

  it("names a world city by its GeoNames Russian name, not by the dictionary's guessed lemma", () => {
    const text = tokenizedOf('куратор музея в Балтиморе', 'ru');
    const { start, end } = tokensOf(text, 'Балтиморе');
    expect(placeCanonical(text, start, end)).toBe('Балтимор');
    expect(getLexicon().placeRu('балтиморе')).toBe('Балтимор');
  });
});

describe('placeNounKind', () => {
  it('tells a settlement noun from others, and knows no ordinary noun', () => {
    expect(placeNounKind('город')).toBe('settlement');
    expect(placeNounKind('договор')).toBeUndefined();
  });
});

/** The words placesAfterPrepositions reads as places in a Russian text (nothing taken). */
function places(text: string): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  return placesAfterPrepositions(tokenized, new Uint8Array(tokens.length)).map((p) =>
    text.slice(tokens[p.start]?.start, tokens[p.end - 1]?.end),
  );
}

describe('placesAfterPrepositions', () => {
  it('reads an unknown capitalised word after в/из/близ as a place', () => {
    expect(places('Стрельба в Портапике стала самым массовым убийством.')).toEqual(['Портапике']);
    expect(places('Пожар в Чернобыле локализован.')).toEqual(['Чернобыле']);
    expect(places('Он вернулся из Торгау, а потом уехал.')).toEqual(['Торгау']);
    expect(places('В Портапике произошла стрельба.')).toEqual(['Портапике']);
  });

  it('leaves institutions, adjectives, surnames and longer names alone', () => {
    expect(places('Он работал в Институте русского языка.')).toEqual([]);
    expect(places('Дело рассмотрят в Следственном управлении.')).toEqual([]);
    expect(places('Почему в Рособрнадзоре сменилось руководство?')).toEqual([]);
    expect(places('Он учился во ВГИКе и в Министерстве работал.')).toEqual([]);
    expect(places('Всё решится в Иванове, говорят.')).toEqual([]);
    expect(places('Он жил в Нью Портапике долго.')).toEqual([]);
  });

  it('skips a word the text also writes in lower case, and taken tokens', () => {
    expect(places('Крупнейший в Мире завод. Весь мир знает.')).toEqual([]);
    const text = 'Стрельба в Портапике стала известна.';
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    const taken = new Uint8Array(tokens.length).fill(1);
    expect(placesAfterPrepositions(tokenized, taken)).toEqual([]);
  });

  it('reads compound names with capitalised parts, not those ending in a common noun', () => {
    expect(places('Бой прошёл в Оксон-Хилле (Мэриленд).')).toEqual(['Оксон-Хилле']);
    expect(places('Митинг прошёл в Гайд-парке вчера.')).toEqual([]);
  });

  it("looks through the tagger's one-word organisations in the prepositional after «в»", () => {
    /** What it finds when every token is an organisation's of its own. */
    const throughOrganisations = (text: string) => {
      const tokens = tokenize(text);
      const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
      const organisations = unquotedOrganisations(
        tokenized,
        tokens.map((_, i) => ({ start: i, end: i + 1, type: 'ORG' })),
      );
      const taken = new Uint8Array(tokens.length).fill(1);
      return placesAfterPrepositions(tokenized, taken, organisations).map(
        (p) => tokens[p.start]?.text,
      );
    };
    expect(throughOrganisations('Президент отдыхал в Мармарисе летом.')).toEqual(['Мармарисе']);
    expect(throughOrganisations('Фестиваль проходит в Парк-Сити, штат Юта.')).toEqual([
      'Парк-Сити',
    ]);
    expect(throughOrganisations('Он обратился в Думу летом.')).toEqual([]);
    expect(throughOrganisations('Так заявили в Минздраве вчера.')).toEqual([]);
  });
});

describe('placeAfterPreposition: a one-word person right after «в»', () => {
  /** The type placeAfterPreposition gives a one-word person span on `word`. */
  const typeOf = (text: string, word: string) => {
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    const i = tokens.findIndex((t) => t.text === word);
    return placeAfterPreposition(tokenized, {
      start: i,
      end: i + 1,
      type: 'PER',
      canonical: word,
      tier: 2,
    }).type;
  };

  it('is a place when the dictionary reads it only as a name in the prepositional case', () => {
    expect(typeOf('Фанаты собрались у стадиона в Шарлотте вчера.', 'Шарлотте')).toBe('LOC');
    expect(typeOf('Он учился в Астриде в Руанде.', 'Астриде')).toBe('LOC');
  });

  it('stays a person after other prepositions, and for people the news name alone', () => {
    expect(typeOf('Он говорил о Шарлотте вчера.', 'Шарлотте')).toBe('PER');
    expect(typeOf('Он разочаровался в Путине и уехал.', 'Путине')).toBe('PER');
  });
});

/** The world cities gazetteerPlaces finds in a Russian text (nothing taken), with their names. */
function cities(text: string): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  return gazetteerPlaces(tokenized, new Uint8Array(tokens.length)).map(
    (p) => `${text.slice(tokens[p.start]?.start, tokens[p.end - 1]?.end)}=${p.canonical}`,
  );
}

describe('gazetteerPlaces', () => {
  it('finds GeoNames cities in any case form, after an adjective or a preposition', () => {
    expect(cities('Отдых в мексиканском Канкуне закончился.')).toEqual(['Канкуне=Канкун']);
    expect(cities('Он жил в Антибе, потом в Нэшвилле.')).toEqual([
      'Антибе=Антиб',
      'Нэшвилле=Нэшвилл',
    ]);
    expect(cities('Куратор музея в Балтиморе Джефф Джером.')).toEqual(['Балтиморе=Балтимор']);
  });

  it('reads a city the tagger took for an organisation, exactly its words and unquoted', () => {
    const text = 'Он жил в Балтиморе и болел за «Балтимор».';
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    const spans = tokens
      .map((_t, i) => ({ start: i, end: i + 1, type: 'ORG' }))
      .filter((s) => tokens[s.start]?.text.startsWith('Балтимор'));
    const taken = new Uint8Array(tokens.length);
    for (const s of spans) taken[s.start] = 1;
    const found = gazetteerPlaces(tokenized, taken, unquotedOrganisations(tokenized, spans));
    expect(found.map((p) => tokens[p.start]?.text)).toEqual(['Балтиморе']);
  });

  it('leaves a city name inside a longer capitalised name alone', () => {
    expect(cities('Сенатор от штата Вермонт Берни Сандерс выступил.')).toEqual([]);
    expect(cities('Выступил сенатор Берни Сандерс.')).toEqual([]);
  });

  it('knows no first name, surname or common word as a city', () => {
    expect(getLexicon().placeRu('виктория')).toBeUndefined();
    expect(getLexicon().placeRu('пушкин')).toBeUndefined();
    expect(getLexicon().placeRu('мир')).toBeUndefined();
  });
});

/** lib/recognize/place-spans.ts: where a Russian place begins and ends, and which spans are places. */
import { describe, expect, it } from 'vitest';
import {
  curatedPlaceNotPerson,
  fullNameWords,
  joinLexiconPlaces,
  peopleAfterLocativePlaceNouns,
  placesAfterSettlementNouns,
  placesBeforeNames,
  placesInLists,
  seatsAsInstitutions,
  widenPlaces,
} from '../../lib/recognize/place-spans';
import type { Candidate, TokenizedText } from '../../lib/recognize/tokenized-text';
import { candidate, shown, tokenizedOf } from './recognize-tokenized-text';

/** Candidates for "TYPE words" specs, in text order. */
function spans(tokenized: TokenizedText, specs: string[]): Candidate[] {
  return specs.map((s) => {
    const [type, ...words] = s.split(' ');
    return candidate(tokenized, words.join(' '), type as Candidate['type'], 5);
  });
}

describe('widenPlaces', () => {
  it('takes in the form of state before a country', () => {
    const tokenized = tokenizedOf('Он родился в Республике Куба и жил в Королевстве Тонга.', 'ru');
    const out = widenPlaces(tokenized, spans(tokenized, ['LOC Куба', 'LOC Тонга']));
    expect(shown(tokenized, out)).toEqual(['LOC Республике Куба', 'LOC Королевстве Тонга']);
    expect(out.map((c) => c.canonical)).toEqual(['Республика Куба', 'Королевство Тонга']);
  });

  it('takes in a direction before a place, and nothing else', () => {
    const tokenized = tokenizedOf('Бои идут на востоке Украины, а в Москве спокойно.', 'ru');
    const out = widenPlaces(tokenized, spans(tokenized, ['LOC Украины', 'LOC Москве']));
    expect(shown(tokenized, out)).toEqual(['LOC востоке Украины', 'LOC Москве']);
    expect(out[0]?.canonical).toBe('восток Украины');
  });

  it('leaves a lower-case "республика" and a head already taken alone', () => {
    const tokenized = tokenizedOf(
      'Столица республики Татарстан. Президент Республики Корея прибыл.',
      'ru',
    );
    const out = widenPlaces(
      tokenized,
      spans(tokenized, ['LOC Татарстан', 'PER Республики', 'LOC Корея']),
    );
    expect(shown(tokenized, out)).toEqual(['LOC Татарстан', 'PER Республики', 'LOC Корея']);
  });
});

describe('seatsAsInstitutions', () => {
  const seat = (text: string, words: string) => {
    const tokenized = tokenizedOf(text, 'ru');
    const c = { ...candidate(tokenized, words, 'LOC', 5), canonical: 'Кремль' };
    return shown(tokenized, seatsAsInstitutions(tokenized, [c]));
  };

  it('keeps a seat of government where something is in, at or near it', () => {
    expect(seat('Встреча прошла в Кремле вечером.', 'Кремле')).toEqual(['LOC Кремле']);
    expect(seat('Пикет стоял у Кремля весь день.', 'Кремля')).toEqual(['LOC Кремля']);
  });

  it('drops it where it names the government', () => {
    expect(seat('Кремль заявил о переговорах.', 'Кремль')).toEqual([]);
    expect(seat('Об этом сообщается на сайте Кремля.', 'Кремля')).toEqual([]);
  });

  it('leaves other places alone', () => {
    const tokenized = tokenizedOf('Москва заявила протест.', 'ru');
    const c = { ...candidate(tokenized, 'Москва', 'LOC', 5), canonical: 'Москва' };
    expect(seatsAsInstitutions(tokenized, [c])).toEqual([c]);
  });
});

describe('curatedPlaceNotPerson', () => {
  it('reads a tagged person that is exactly a lexicon place as that place', () => {
    const tokenized = tokenizedOf('Делегация Соединённых Штатов прибыла.', 'ru');
    const c = candidate(tokenized, 'Соединённых Штатов', 'PER', 5);
    const out = curatedPlaceNotPerson(tokenized, c, new Set());
    expect(out.type).toBe('LOC');
    expect(out.canonical).toBe('США');
  });

  it('keeps the person where the text names someone in full with the word', () => {
    const tokenized = tokenizedOf('Менеджер Патриша Хьюстон заявила, что Хьюстон скорбит.', 'ru');
    const people = spans(tokenized, ['PER Патриша Хьюстон']);
    const lone = candidate(tokenized, 'Хьюстон', 'PER', 5, 1);
    expect(curatedPlaceNotPerson(tokenized, lone, fullNameWords(tokenized, people)).type).toBe(
      'PER',
    );
  });
});

describe('joinLexiconPlaces', () => {
  it('joins places the tagger cut where the lexicon knows the whole', () => {
    const tokenized = tokenizedOf(
      'Он жил в Боснии и Герцеговина давно. Потом в Сербии и Хорватии.',
      'ru',
    );
    const out = joinLexiconPlaces(
      tokenized,
      spans(tokenized, ['LOC Боснии', 'LOC Герцеговина', 'LOC Сербии', 'LOC Хорватии']),
    );
    expect(shown(tokenized, out)).toEqual([
      'LOC Боснии и Герцеговина',
      'LOC Сербии',
      'LOC Хорватии',
    ]);
  });
});

describe('placesInLists', () => {
  it('reads a word listed with places as a place', () => {
    const tokenized = tokenizedOf('Учился в Фейсалабаде, Гуджранвале и Карачи.', 'ru');
    const out = placesInLists(
      tokenized,
      spans(tokenized, ['LOC Фейсалабаде', 'LOC Карачи']),
      new Set(),
    );
    expect(shown(tokenized, out)).toEqual(['LOC Фейсалабаде', 'LOC Гуджранвале', 'LOC Карачи']);
  });

  it('turns a one-word tagged person joined by "и" to a place', () => {
    const tokenized = tokenizedOf('Переговоры вели Белград и Приштина.', 'ru');
    const out = placesInLists(
      tokenized,
      spans(tokenized, ['LOC Белград', 'PER Приштина']),
      new Set(),
    );
    expect(shown(tokenized, out)).toEqual(['LOC Белград', 'LOC Приштина']);
  });

  it('leaves names, adjectives, institutions and one-sided commas of people alone', () => {
    const tokenized = tokenizedOf(
      'Суд Греции и Государственный совет. Армии Югославии, Радичу присвоили звание. Гости из Москвы и Иван приехали.',
      'ru',
    );
    const out = placesInLists(
      tokenized,
      spans(tokenized, ['LOC Греции', 'LOC Югославии', 'PER Радичу', 'LOC Москвы']),
      new Set(),
    );
    expect(shown(tokenized, out)).toEqual([
      'LOC Греции',
      'LOC Югославии',
      'PER Радичу',
      'LOC Москвы',
    ]);
  });
});

describe('placesBeforeNames', () => {
  it('splits a place off the front of a person the tagger ran together', () => {
    const tokenized = tokenizedOf(
      'Премьер-министр Дании Хелле Торнинг-Шмитт и президент Сальвадора Франсиско Флорес.',
      'ru',
    );
    const out = placesBeforeNames(
      tokenized,
      spans(tokenized, ['PER Дании Хелле Торнинг-Шмитт', 'PER Сальвадора Франсиско Флорес']),
    );
    expect(shown(tokenized, out)).toEqual([
      'LOC Дании',
      'PER Хелле Торнинг-Шмитт',
      'LOC Сальвадора',
      'PER Франсиско Флорес',
    ]);
    expect(out[0]?.canonical).toBe('Дания');
  });

  it('leaves names that open with a first name or a place before one word alone', () => {
    const tokenized = tokenizedOf(
      'Картины Сальвадора Дали, слова Владимира Ильича Ленина и Питер Хиггс.',
      'ru',
    );
    const people = spans(tokenized, [
      'PER Сальвадора Дали',
      'PER Владимира Ильича Ленина',
      'PER Питер Хиггс',
    ]);
    expect(placesBeforeNames(tokenized, people)).toBe(people);
  });
});

describe('peopleAfterLocativePlaceNouns', () => {
  it('reads a person after "в" and a place noun in the prepositional as the place', () => {
    const tokenized = tokenizedOf(
      'Он умер в графстве Кент, жил в штате Южная Дакота, а полпред в округе Виктора Ишаева.',
      'ru',
    );
    const out = peopleAfterLocativePlaceNouns(
      tokenized,
      spans(tokenized, ['PER Кент', 'PER Южная Дакота', 'PER Виктора Ишаева']),
    );
    expect(shown(tokenized, out)).toEqual(['LOC Кент', 'LOC Южная Дакота', 'PER Виктора Ишаева']);
  });

  it('leaves a person after a place noun in another case alone', () => {
    const tokenized = tokenizedOf('Глава района Василий Петров приехал.', 'ru');
    const people = spans(tokenized, ['PER Василий Петров']);
    expect(peopleAfterLocativePlaceNouns(tokenized, people)).toBe(people);
  });
});

describe('placesAfterSettlementNouns', () => {
  it('takes the name after "в" and a place noun in the prepositional, whatever it looks like', () => {
    const tokenized = tokenizedOf(
      'Он родился в селе Солнцеве, похоронен в посёлке Привольный, жил у села Хохотуй.',
      'ru',
    );
    const out = placesAfterSettlementNouns(tokenized, []);
    expect(shown(tokenized, out)).toEqual(['LOC Солнцеве', 'LOC Привольный', 'LOC Хохотуй']);
  });

  it('carries a one-word place on over the rest of the name', () => {
    const tokenized = tokenizedOf('Взрыв произошёл в городе Сисайд Парк, штат Нью-Джерси.', 'ru');
    const out = placesAfterSettlementNouns(tokenized, spans(tokenized, ['LOC Сисайд']));
    expect(shown(tokenized, out)).toEqual(['LOC Сисайд Парк']);
  });
});

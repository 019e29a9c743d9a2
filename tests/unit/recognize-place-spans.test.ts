/** lib/recognize/place-spans.ts: where a Russian place begins and ends, and which spans are places. */
import { describe, expect, it } from 'vitest';
import type { Candidate, Doc } from '../../lib/recognize/document';
import {
  curatedPlaceNotPerson,
  fullNameWords,
  joinLexiconPlaces,
  placesInLists,
  seatsAsInstitutions,
  widenPlaces,
} from '../../lib/recognize/place-spans';
import { candidate, docOf, shown } from './recognize-doc';

/** Candidates for "TYPE words" specs, in text order. */
function spans(doc: Doc, specs: string[]): Candidate[] {
  return specs.map((s) => {
    const [type, ...words] = s.split(' ');
    return candidate(doc, words.join(' '), type as Candidate['type'], 5);
  });
}

describe('widenPlaces', () => {
  it('takes in the form of state before a country', () => {
    const doc = docOf('Он родился в Республике Куба и жил в Королевстве Тонга.', 'ru');
    const out = widenPlaces(doc, spans(doc, ['LOC Куба', 'LOC Тонга']));
    expect(shown(doc, out)).toEqual(['LOC Республике Куба', 'LOC Королевстве Тонга']);
    expect(out.map((c) => c.canonical)).toEqual(['Республика Куба', 'Королевство Тонга']);
  });

  it('takes in a direction before a place, and nothing else', () => {
    const doc = docOf('Бои идут на востоке Украины, а в Москве спокойно.', 'ru');
    const out = widenPlaces(doc, spans(doc, ['LOC Украины', 'LOC Москве']));
    expect(shown(doc, out)).toEqual(['LOC востоке Украины', 'LOC Москве']);
    expect(out[0]?.canonical).toBe('восток Украины');
  });

  it('leaves a lower-case "республика" and a head already taken alone', () => {
    const doc = docOf('Столица республики Татарстан. Президент Республики Корея прибыл.', 'ru');
    const out = widenPlaces(doc, spans(doc, ['LOC Татарстан', 'PER Республики', 'LOC Корея']));
    expect(shown(doc, out)).toEqual(['LOC Татарстан', 'PER Республики', 'LOC Корея']);
  });
});

describe('seatsAsInstitutions', () => {
  const seat = (text: string, words: string) => {
    const doc = docOf(text, 'ru');
    const c = { ...candidate(doc, words, 'LOC', 5), canonical: 'Кремль' };
    return shown(doc, seatsAsInstitutions(doc, [c]));
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
    const doc = docOf('Москва заявила протест.', 'ru');
    const c = { ...candidate(doc, 'Москва', 'LOC', 5), canonical: 'Москва' };
    expect(seatsAsInstitutions(doc, [c])).toEqual([c]);
  });
});

describe('curatedPlaceNotPerson', () => {
  it('reads a tagged person that is exactly a lexicon place as that place', () => {
    const doc = docOf('Делегация Соединённых Штатов прибыла.', 'ru');
    const c = candidate(doc, 'Соединённых Штатов', 'PER', 5);
    const out = curatedPlaceNotPerson(doc, c, new Set());
    expect(out.type).toBe('LOC');
    expect(out.canonical).toBe('США');
  });

  it('keeps the person where the text names someone in full with the word', () => {
    const doc = docOf('Менеджер Патриша Хьюстон заявила, что Хьюстон скорбит.', 'ru');
    const people = spans(doc, ['PER Патриша Хьюстон']);
    const lone = candidate(doc, 'Хьюстон', 'PER', 5, 1);
    expect(curatedPlaceNotPerson(doc, lone, fullNameWords(doc, people)).type).toBe('PER');
  });
});

describe('joinLexiconPlaces', () => {
  it('joins places the tagger cut where the lexicon knows the whole', () => {
    const doc = docOf('Он жил в Боснии и Герцеговина давно. Потом в Сербии и Хорватии.', 'ru');
    const out = joinLexiconPlaces(
      doc,
      spans(doc, ['LOC Боснии', 'LOC Герцеговина', 'LOC Сербии', 'LOC Хорватии']),
    );
    expect(shown(doc, out)).toEqual(['LOC Боснии и Герцеговина', 'LOC Сербии', 'LOC Хорватии']);
  });
});

describe('placesInLists', () => {
  it('reads a word listed with places as a place', () => {
    const doc = docOf('Учился в Фейсалабаде, Гуджранвале и Карачи.', 'ru');
    const out = placesInLists(doc, spans(doc, ['LOC Фейсалабаде', 'LOC Карачи']), new Set());
    expect(shown(doc, out)).toEqual(['LOC Фейсалабаде', 'LOC Гуджранвале', 'LOC Карачи']);
  });

  it('turns a one-word tagged person joined by "и" to a place', () => {
    const doc = docOf('Переговоры вели Белград и Приштина.', 'ru');
    const out = placesInLists(doc, spans(doc, ['LOC Белград', 'PER Приштина']), new Set());
    expect(shown(doc, out)).toEqual(['LOC Белград', 'LOC Приштина']);
  });

  it('leaves names, adjectives, institutions and one-sided commas of people alone', () => {
    const doc = docOf(
      'Суд Греции и Государственный совет. Армии Югославии, Радичу присвоили звание. Гости из Москвы и Иван приехали.',
      'ru',
    );
    const out = placesInLists(
      doc,
      spans(doc, ['LOC Греции', 'LOC Югославии', 'PER Радичу', 'LOC Москвы']),
      new Set(),
    );
    expect(shown(doc, out)).toEqual(['LOC Греции', 'LOC Югославии', 'PER Радичу', 'LOC Москвы']);
  });
});

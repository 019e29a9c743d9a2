/** lib/recognize/tokenized-text.ts: candidates copied into one shape. */
import { describe, expect, it } from 'vitest';
import { proposeAll } from '../../lib/recognize/rules';
import { taggedCandidates } from '../../lib/recognize/tagged';
import {
  asPlace,
  type Candidate,
  newCandidate,
  newPerson,
  personInfo,
  respanned,
  taggedCopy,
  uniformCandidate,
} from '../../lib/recognize/tokenized-text';
import { tokenizedOf, tokensOf } from './recognize-tokenized-text';

const place: Candidate = { start: 3, end: 4, type: 'LOC', canonical: 'Москва', tier: 3 };
const person: Candidate = {
  start: 0,
  end: 2,
  type: 'PER',
  canonical: 'Владимир Путин',
  tier: 3,
  person: { first: 'Владимир', surname: 'Путин', surnameKeys: ['путин'], full: true },
  cued: true,
};

describe('uniformCandidate', () => {
  it('keeps every value and gives candidates of any fields the same fields in one order', () => {
    const a = uniformCandidate(place);
    const b = uniformCandidate(person);
    expect(a).toEqual(place);
    expect(b).toEqual(person);
    expect(b.person).toBe(person.person);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.person).toBeUndefined();
  });
});

describe('taggedCopy', () => {
  it('copies a candidate as tagged with the given tier and leaves the original as it was', () => {
    const copy = taggedCopy(person, 5);
    expect(copy).toEqual({ ...person, tier: 5, tagged: true });
    expect(person.tier).toBe(3);
    expect(person.tagged).toBeUndefined();
    expect(Object.keys(copy)).toEqual(Object.keys(uniformCandidate(place)));
  });
});

describe('newCandidate, respanned, asPlace', () => {
  const shape = Object.keys(uniformCandidate(place));

  it('makes a new candidate in the one shape', () => {
    const c = newCandidate(1, 3, 'PER', 'Анна Каренина', 1);
    expect(c).toEqual({ start: 1, end: 3, type: 'PER', canonical: 'Анна Каренина', tier: 1 });
    expect(Object.keys(c)).toEqual(shape);
  });

  it('moves a copy to other tokens and name, keeping the rest', () => {
    const c = respanned(person, 1, 2, 'Путин');
    expect(c).toEqual({ ...person, start: 1, end: 2, canonical: 'Путин' });
    expect(person.start).toBe(0);
    expect(Object.keys(c)).toEqual(shape);
  });

  it('makes a new person in the one shape', () => {
    const info = personInfo({ surname: 'Ким', surnameKeys: ['ким'], full: false });
    const c = newPerson(2, 3, 'Ким', 2, info);
    expect(c).toEqual({ start: 2, end: 3, type: 'PER', canonical: 'Ким', tier: 2, person: info });
    expect(Object.keys(c)).toEqual(shape);
  });

  it('turns a copy into a place without a person', () => {
    const c = asPlace(person, 'Путин');
    expect(c).toEqual({ ...person, type: 'LOC', canonical: 'Путин', person: undefined });
    expect(c.person).toBeUndefined();
    expect(person.person).toBeDefined();
    expect(Object.keys(c)).toEqual(shape);
  });
});

describe('personInfo', () => {
  it('keeps the values and gives every person the same fields in the same order', () => {
    const short = personInfo({ surname: 'Ким', surnameKeys: ['ким'], full: false });
    const long = personInfo({
      first: 'Владимир',
      patronymic: 'Владимирович',
      surname: 'Путин',
      surnameKeys: ['путин'],
      full: true,
    });
    expect(Object.keys(short)).toEqual(Object.keys(long));
    expect(Object.keys(short)).toEqual([
      'first',
      'patronymic',
      'initials',
      'surname',
      'surnameKeys',
      'eastAsian',
      'full',
    ]);
    expect(short).toMatchObject({ surname: 'Ким', surnameKeys: ['ким'], full: false });
    expect(short.first).toBeUndefined();
    expect(long).toMatchObject({ first: 'Владимир', patronymic: 'Владимирович', full: true });
  });
});

describe('candidates as the rules and the tagger make them', () => {
  const shape = Object.keys(uniformCandidate(place));

  // Every later step reads these; candidates of more than four shapes make those reads slow.
  it('come in the one shape from every rule, in both languages', () => {
    const texts = [
      [
        'ru',
        'Владимир Путин и Ким Чен Ын подписали в Пхеньяне Договор о всеобъемлющем стратегическом партнёрстве. ' +
          'Статья 4 договора предусматривает взаимную помощь. В. В. Путин прибыл в селе Дорогинка, ' +
          'а соглашение 1994 года вступило в силу. Российских военных встретил Сергей Лавров.',
      ],
      [
        'en',
        'Kim Jong Un and Vladimir Putin signed the Treaty on Comprehensive Strategic Partnership in Pyongyang. ' +
          'Article 4 of the treaty provides for mutual assistance, and the 1994 agreement entered into force. ' +
          'The New START treaty expired; Unilever said on Monday.',
      ],
    ] as const;
    for (const [lang, text] of texts) {
      const tokenized = tokenizedOf(text, lang);
      proposeAll(tokenized);
      const types = new Set(tokenized.candidates.map((c) => c.type));
      expect([...types].sort()).toEqual(expect.arrayContaining(['LOC', 'TREATY']));
      if (lang === 'ru') expect(types.has('PER')).toBe(true);
      for (const c of tokenized.candidates) expect(Object.keys(c)).toEqual(shape);
    }
  });

  it('come in the one shape from the tagger spans of every kind', () => {
    const tokenized = tokenizedOf('Российские военные прибыли в Москву, сообщил Газпром.', 'ru');
    const span = (words: string, type: 'PER' | 'LOC' | 'GEA' | 'ORG') => ({
      ...tokensOf(tokenized, words),
      type,
    });
    const out = taggedCandidates(tokenized, [
      span('Российские', 'GEA'),
      span('Москву', 'LOC'),
      span('Газпром', 'ORG'),
    ]);
    expect(out.map((c) => [c.type, c.canonical, c.adjective])).toEqual([
      ['LOC', 'Россия', true],
      ['LOC', 'Москва', undefined],
      ['ORG', '', undefined],
    ]);
    for (const c of out) expect(Object.keys(c)).toEqual(shape);
  });
});

import { describe, expect, it } from 'vitest';
import {
  abbreviationsNotPeople,
  organisationNounNames,
  organisationsNotPeople,
  placesNotPeople,
  surnamesOverPlaces,
} from '../../lib/recognize/english';
import { createRecognizer } from '../../lib/recognize/index';
import { getLexicon } from '../../lib/recognize/lexicon';
import { type Candidate, createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';

/** An English document and PER spans given by the words they cover (first match). */
function setUp(text: string) {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'en');
  const person = (words: string, canonical = words): Candidate => {
    const want = tokenize(words).map((t) => t.text);
    for (let i = 0; i < tokens.length; i++) {
      if (want.every((w, k) => tokens[i + k]?.text === w))
        return { start: i, end: i + want.length, type: 'PER', canonical, tier: 2 };
    }
    throw new Error(`no ${words}`);
  };
  const texts = (cs: Candidate[]) =>
    cs.map(
      (c) =>
        `${c.type}:${tokens
          .slice(c.start, c.end)
          .map((t) => t.text)
          .join(' ')}`,
    );
  return { tokenized, person, texts };
}

describe('placesNotPeople', () => {
  it('reads a gazetteer place after a place preposition as the place', () => {
    const { tokenized, person, texts } = setUp(
      'He flew to Conakry and said his troops took Tavildara .',
    );
    expect(texts(placesNotPeople(tokenized, [person('Conakry')]))).toEqual(['LOC:Conakry']);
  });

  it('drops a gazetteer place standing elsewhere (a club or company named after a town)', () => {
    const { tokenized, person, texts } = setUp(
      'Bristol 28 Northampton 46 West Hartlepool 20 Orrell 13',
    );
    expect(texts(placesNotPeople(tokenized, [person('Hartlepool')]))).toEqual([]);
    const accented = setUp('Kecskemet beat Vasas 2-1 .');
    expect(
      accented.texts(placesNotPeople(accented.tokenized, [accented.person('Kecskemet')])),
    ).toEqual([]);
  });

  it('keeps places that are also words of people’s names, and people named in full', () => {
    const { tokenized, person, texts } = setUp(
      'Washington , who climbed back , beat Jordan . Taylor said . Kehl , the striker , scored .',
    );
    expect(
      texts(
        placesNotPeople(tokenized, [
          person('Washington'),
          person('Jordan'),
          person('Taylor'),
          person('Kehl', 'Frank Kehl'),
        ]),
      ),
    ).toEqual(['PER:Washington', 'PER:Jordan', 'PER:Taylor', 'PER:Kehl']);
  });

  it('leaves unknown words and non-person spans alone', () => {
    const { tokenized, person, texts } = setUp('Kowalczyk and Turin met .');
    const loc: Candidate = { ...person('Turin'), type: 'LOC' };
    expect(texts(placesNotPeople(tokenized, [person('Kowalczyk'), loc]))).toEqual([
      'PER:Kowalczyk',
      'LOC:Turin',
    ]);
  });
});

describe('organisationsNotPeople', () => {
  it('drops a person that is exactly a listed company or a train organisation', () => {
    const { tokenized, person, texts } = setUp(
      'Unilever said . Firms including Mobil and Nintendo .',
    );
    expect(
      texts(
        organisationsNotPeople(tokenized, [
          person('Unilever'),
          person('Mobil'),
          person('Nintendo'),
        ]),
      ),
    ).toEqual([]);
  });

  it('drops nationality words: the train split’s and the demonyms of country names, plurals too', () => {
    const { tokenized, person, texts } = setUp('Kuwaiti pledges . Tajik troops . Kuwaitis left .');
    expect(
      texts(
        organisationsNotPeople(tokenized, [person('Kuwaiti'), person('Tajik'), person('Kuwaitis')]),
      ),
    ).toEqual([]);
  });

  it('drops a maker after another name, unless a given name comes first', () => {
    const { tokenized, person, texts } = setUp(
      'Paul Tracy , Penske Mercedes-Benz , 54.620 . Ichiro Suzuki and Bob Honda met .',
    );
    expect(
      texts(
        organisationsNotPeople(tokenized, [
          person('Penske Mercedes-Benz'),
          person('Ichiro Suzuki'),
          person('Bob Honda'),
        ]),
      ),
    ).toEqual(['PER:Ichiro Suzuki', 'PER:Bob Honda']);
  });

  it('keeps first names, people named in full and longer names', () => {
    const { tokenized, person, texts } = setUp(
      'Nancy said . Unilever said . Kevin Lamarque took it .',
    );
    expect(
      texts(
        organisationsNotPeople(tokenized, [
          person('Nancy'),
          person('Unilever', 'Jan Unilever'),
          person('Kevin Lamarque'),
        ]),
      ),
    ).toEqual(['PER:Nancy', 'PER:Unilever', 'PER:Kevin Lamarque']);
  });
});

describe('abbreviationsNotPeople', () => {
  it('drops a month before a number and a lone honorific; reads a state abbreviation as the state', () => {
    const { tokenized, person, texts } = setUp(
      '( Jan 10 ) LONDON . Miss said . PONTIAC , Mich . 1996',
    );
    const out = abbreviationsNotPeople(tokenized, [person('Jan'), person('Miss'), person('Mich')]);
    expect(texts(out)).toEqual(['LOC:Mich']);
    expect(out[0]?.canonical).toBe('Michigan');
  });

  it('keeps the same words where they are names', () => {
    const { tokenized, person, texts } = setUp('Jan said . Mich , the coach , left .');
    expect(texts(abbreviationsNotPeople(tokenized, [person('Jan'), person('Mich')]))).toEqual([
      'PER:Jan',
      'PER:Mich',
    ]);
  });
});

describe('organisationNounNames', () => {
  it('reads a name after an organisation noun as the organisation throughout the text', () => {
    const { tokenized, person, texts } = setUp(
      'German retailer Promodes is in talks . Promodes declined . Jean Promodes spoke .',
    );
    const tokens = tokenized.tokens;
    const second = tokens.findIndex((t, k) => k > 3 && t.text === 'Promodes');
    const lone: Candidate = {
      start: second,
      end: second + 1,
      type: 'PER',
      canonical: 'Promodes',
      tier: 2,
    };
    const full = person('Jean Promodes');
    expect(texts(organisationNounNames(tokenized, [person('Promodes'), lone, full]))).toEqual([
      'PER:Jean Promodes',
    ]);
  });

  it('leaves names after other nouns alone', () => {
    const { tokenized, person, texts } = setUp('His striking partner Teddy Sheringham withdrew .');
    expect(texts(organisationNounNames(tokenized, [person('Teddy Sheringham')]))).toEqual([
      'PER:Teddy Sheringham',
    ]);
  });
});

describe('surnamesOverPlaces', () => {
  it('reads a lone place that is the surname of a person named in full as that person', () => {
    const { tokenized, person, texts } = setUp(
      'MaliVai Washington lost . Washington served . He flew to Washington . Jordan won .',
    );
    const place = (c: Candidate): Candidate => ({ ...c, type: 'LOC' });
    const full = person('MaliVai Washington');
    const tokens = tokenized.tokens;
    const at = (text: string, from: number): Candidate => {
      const i = tokens.findIndex((t, k) => k >= from && t.text === text);
      return { start: i, end: i + 1, type: 'LOC', canonical: text, tier: 2 };
    };
    const served = at('Washington', full.end);
    const flown = at('Washington', served.end);
    const jordan = place(person('Jordan'));
    const out = surnamesOverPlaces(tokenized, [full, served, flown, jordan]);
    expect(texts(out)).toEqual([
      'PER:MaliVai Washington',
      'PER:Washington',
      'LOC:Washington',
      'LOC:Jordan',
    ]);
    expect(out[1]?.canonical).toBe('MaliVai Washington');
  });
});

describe('English people on the whole pipeline', () => {
  const recognizer = createRecognizer();
  const people = (text: string) =>
    recognizer
      .recognize(text, { lang: 'en' })
      .filter((m) => m.type === 'PER')
      .map((m) => m.text);

  it('does not paint a listed company as a person', () => {
    expect(people('Unilever said on Friday that profits rose . Unilever shares fell .')).toEqual(
      [],
    );
  });
});

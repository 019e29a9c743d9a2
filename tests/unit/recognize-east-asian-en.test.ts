import { describe, expect, it } from 'vitest';
import { eastAsianNamesEn } from '../../lib/recognize/east-asian-en';
import { createRecognizer } from '../../lib/recognize/index';
import { getLexicon } from '../../lib/recognize/lexicon';
import { proposeAll } from '../../lib/recognize/rules';
import { createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';

/** The names the rule finds in an English text, as written. */
function names(text: string): string[] {
  const tokenized = createTokenizedText(text, tokenize(text), getLexicon(), 'en');
  proposeAll(tokenized);
  return eastAsianNamesEn(tokenized).map((c) => c.canonical);
}

describe('eastAsianNamesEn: family name first', () => {
  it('finds Chinese, Korean and Vietnamese names, also at the start of a sentence', () => {
    expect(names('Kim Jong Un ratified the treaty on Monday .')).toEqual(['Kim Jong Un']);
    expect(names('Xi Jinping met Moon Jae-in in Beijing .')).toEqual(['Xi Jinping', 'Moon Jae-in']);
    expect(names('Lee Teng-hui and Nguyen Xuan Phuc spoke .')).toEqual([
      'Lee Teng-hui',
      'Nguyen Xuan Phuc',
    ]);
    expect(names('Park Geun-hye was impeached .')).toEqual(['Park Geun-hye']);
  });

  it('reads Cantonese, Wade–Giles and Khmer spellings', () => {
    expect(names('Cheung Siu Man , 40 , was arrested . Tung Chee-hwa spoke .')).toEqual([
      'Cheung Siu Man',
      'Tung Chee-hwa',
    ]);
    expect(names('Nuon Chea and Khieu Ponnary met .')).toEqual(['Nuon Chea']);
  });

  it('keeps a given name to two syllables and stops at words that are not syllables', () => {
    // "Jinping" is two Pinyin syllables: a third word is not part of the name.
    expect(names('Xi Jinping Zhou said .')).toEqual([]);
    expect(names('Kim Beazley and Lee Westwood played .')).toEqual([]);
  });

  it('leaves places, organisations and auxiliaries alone', () => {
    expect(names('He flew to Hong Kong on Pan Am .')).toEqual([]);
    expect(names('Park Avenue and Sun Life are not people .')).toEqual([]);
  });
});

describe('eastAsianNamesEn: Japanese, given name first', () => {
  it('finds two words that spell out in Hepburn morae', () => {
    expect(names('Shinzo Abe and Ryutaro Hashimoto met .')).toEqual([
      'Shinzo Abe',
      'Ryutaro Hashimoto',
    ]);
  });

  it('leaves English words, places, other spellings and longer names alone', () => {
    expect(names('Gamba Osaka won . Banana Republic sold . Maria Callas sang .')).toEqual([]);
    expect(names('Asahi Glass Co rose .')).toEqual([]);
  });
});

describe('East Asian names on the whole pipeline', () => {
  it('marks the name the tagger missed, as one person', () => {
    const people = createRecognizer()
      .recognize('Kim Jong Un ratified the treaty on Monday .', { lang: 'en' })
      .filter((m) => m.type === 'PER')
      .map((m) => m.text);
    expect(people).toEqual(['Kim Jong Un']);
  });
});

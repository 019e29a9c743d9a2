/** lib/recognize/group.ts: every form of one person under one canonical name. */
import { describe, expect, it } from 'vitest';
import { groupPeople } from '../../lib/recognize/group';
import { getLexicon } from '../../lib/recognize/lexicon';
import { personForSpan } from '../../lib/recognize/people';
import {
  type Candidate,
  createTokenizedText,
  type TokenizedText,
} from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';
import { shown, tokenizedOf, tokensOf } from './recognize-tokenized-text';

const person = (tokenized: TokenizedText, words: string, nth = 0) => {
  const { start, end } = tokensOf(tokenized, words, nth);
  return personForSpan(tokenized, start, end);
};

describe('groupPeople', () => {
  it('files a lone surname and an initial under the full name seen, not under a namesake', () => {
    const tokenized = tokenizedOf(
      'Владимир Путин прибыл в Пхеньян. Путина встретил Ким Чен Ын. В. Путин и Николай Путин.',
      'ru',
    );
    const grouped = groupPeople(tokenized, [
      person(tokenized, 'Владимир Путин'),
      person(tokenized, 'Путина'),
      person(tokenized, 'Ким Чен Ын'),
      person(tokenized, 'В . Путин'),
      person(tokenized, 'Николай Путин'),
    ]);
    expect(grouped.map((c) => c.canonical)).toEqual([
      'Владимир Путин',
      'Владимир Путин',
      'Ким Чен Ын',
      'Владимир Путин',
      // Another first name: another person of the same surname.
      'Николай Путин',
    ]);
  });

  it('marks a surname standing alone once the text has named that person in full', () => {
    const tokenized = tokenizedOf(
      'Владимир Путин прибыл. Путин заявил, что Путину нравится.',
      'ru',
    );
    const grouped = groupPeople(tokenized, [person(tokenized, 'Владимир Путин')]);
    expect(shown(tokenized, grouped)).toEqual(['PER Владимир Путин', 'PER Путин', 'PER Путину']);
    expect(new Set(grouped.map((c) => c.canonical))).toEqual(new Set(['Владимир Путин']));
  });

  it('marks no lone surname in tokens the caller blocked', () => {
    const tokenized = tokenizedOf('Путин заявил. Позже Владимир Путин прибыл.', 'ru');
    const full = person(tokenized, 'Владимир Путин');
    const blocked = new Uint8Array(tokenized.tokens.length);
    const lone = tokensOf(tokenized, 'Путин');
    blocked[lone.start] = 1;
    expect(shown(tokenized, groupPeople(tokenized, [full], blocked))).toEqual([
      'PER Владимир Путин',
    ]);
    expect(shown(tokenized, groupPeople(tokenized, [full]))).toEqual([
      'PER Путин',
      'PER Владимир Путин',
    ]);
  });
});

/** groupPeople on a Russian text with one full name chosen, whose surname keys are given. */
function grouped(text: string, name: string, surnameKeys: string[]): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  const want = tokenize(name).map((t) => t.text);
  const start = tokens.findIndex((_, i) => want.every((w, k) => tokens[i + k]?.text === w));
  const person: Candidate = {
    start,
    end: start + want.length,
    type: 'PER',
    canonical: name,
    tier: 2,
    person: { first: want[0], surname: want[1] ?? '', surnameKeys, full: true },
  };
  return groupPeople(tokenized, [person]).map(
    (c) => `${text.slice(tokens[c.start]?.start, tokens[c.end - 1]?.end)}→${c.canonical}`,
  );
}

describe('groupPeople: lone surnames through the other nominatives of a full name', () => {
  it('finds a singular case form through a second nominative ("Сандерса" → "Сандерс")', () => {
    expect(
      grouped(
        'Голоса Берни Сандерса подсчитали. Байден одержал победу над Сандерсом в штате.',
        'Берни Сандерса',
        ['сандерса', 'сандерс'],
      ),
    ).toEqual(['Берни Сандерса→Берни Сандерса', 'Сандерсом→Берни Сандерса']);
  });

  it('leaves plural forms alone: a family is no person', () => {
    // The keys russianSurname gives "Скрипаля" after "Сергея" (genitive, masculine).
    expect(
      grouped(
        'Сергея Скрипаля навестили. Место отравления Скрипалей известно.',
        'Сергея Скрипаля',
        ['скрипалй', 'скрипаль', 'скрипаля'],
      ),
    ).toEqual(['Сергея Скрипаля→Сергея Скрипаля']);
  });
});

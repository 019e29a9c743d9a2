import { describe, expect, it } from 'vitest';
import { type Candidate, createDoc } from '../../lib/recognize/document';
import { groupPeople } from '../../lib/recognize/group';
import { getLexicon } from '../../lib/recognize/lexicon';
import { tokenize } from '../../lib/recognize/tokens';

/** groupPeople on a Russian text with one full name chosen, whose surname keys are given. */
function grouped(text: string, name: string, surnameKeys: string[]): string[] {
  const tokens = tokenize(text);
  const doc = createDoc(text, tokens, getLexicon(), 'ru');
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
  return groupPeople(doc, [person]).map(
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

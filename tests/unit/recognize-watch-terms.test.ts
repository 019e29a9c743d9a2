import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createWatchMatcher, mergeWatched } from '../../lib/recognize/watch-terms';

const texts = (text: string, terms: string[]) =>
  createWatchMatcher(terms)
    .find(text)
    .map((m) => [m.text, m.canonical]);

describe('watch list matching', () => {
  it('finds a Russian term in every case form', () => {
    const text =
      'Санкции продлены. Отмена санкций обсуждалась; с санкциями не согласны. О санкциях ни слова.';
    expect(texts(text, ['санкция'])).toEqual([
      ['Санкции', 'санкция'],
      ['санкций', 'санкция'],
      ['санкциями', 'санкция'],
      ['санкциях', 'санкция'],
    ]);
  });

  it('finds phrases word for word, inflected, and prefers the longest term', () => {
    const text =
      'Вопрос денуклеаризации Корейского полуострова. Корейский полуостров и Корейскому полуострову.';
    expect(texts(text, ['полуостров', 'Корейский полуостров', 'денуклеаризация'])).toEqual([
      ['денуклеаризации', 'денуклеаризация'],
      ['Корейского полуострова', 'Корейский полуостров'],
      ['Корейский полуостров', 'Корейский полуостров'],
      ['Корейскому полуострову', 'Корейский полуостров'],
    ]);
  });

  it('finds English terms in their inflected forms, ignoring case and ё/е', () => {
    expect(texts('New sanctions; the Sanction regime.', ['sanction'])).toEqual([
      ['sanctions', 'sanction'],
      ['Sanction', 'sanction'],
    ]);
    expect(texts('Всё решено, все согласны.', ['всё'])).toEqual([
      ['Всё', 'всё'],
      ['все', 'всё'],
    ]);
  });

  it('never joins a phrase across a sentence or line break, nor matches inside a word', () => {
    expect(texts('Корейский.\nПолуостров', ['Корейский полуостров'])).toEqual([]);
    expect(texts('санкционный', ['санкция'])).toEqual([]);
    expect(texts('ООНовский ООН', ['ООН'])).toEqual([['ООН', 'ООН']]);
  });

  it('has nothing to find with no terms, or terms without letters', () => {
    expect(createWatchMatcher([]).find('Санкции')).toEqual([]);
    expect(createWatchMatcher(['  ', '—']).size).toBe(0);
  });

  it('returns well-formed spans on any text (mixed scripts, emoji, combining marks)', () => {
    const matcher = createWatchMatcher(['санкция', 'New START', 'é']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (noise) => {
        const text = `${noise} санкции ${noise} New START`;
        let last = -1;
        for (const m of matcher.find(text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(text.slice(m.start, m.end)).toBe(m.text);
          last = m.end;
        }
      }),
    );
  });
});

describe('mergeWatched', () => {
  const m = (start: number, end: number, type: Mention['type']): Mention => ({
    start,
    end,
    type,
    text: 'x'.repeat(end - start),
    canonical: 'x',
  });

  it('lets the longer of two overlapping spans win, the reader term on a tie', () => {
    const watched = [m(5, 10, 'WATCH'), m(30, 36, 'WATCH'), m(50, 55, 'WATCH')];
    const found = [
      m(0, 4, 'PER'),
      m(8, 12, 'LOC'), // shorter than the term at 5–10: the term wins
      m(20, 25, 'TREATY'),
      m(28, 45, 'TREATY'), // a treaty name around the term at 30–36: the name stays whole
      m(50, 55, 'LOC'), // same length: the term wins
    ];
    expect(mergeWatched(watched, found).map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 4, 'PER'],
      [5, 10, 'WATCH'],
      [20, 25, 'TREATY'],
      [28, 45, 'TREATY'],
      [50, 55, 'WATCH'],
    ]);
  });

  it('never lets an organisation hide a term', () => {
    const merged = mergeWatched([m(0, 8, 'WATCH')], [m(0, 20, 'ORG'), m(30, 40, 'ORG')]);
    expect(merged.map((x) => [x.start, x.type])).toEqual([
      [0, 'WATCH'],
      [30, 'ORG'],
    ]);
  });
});

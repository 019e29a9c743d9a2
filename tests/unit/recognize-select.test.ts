/** lib/recognize/select.ts: which of the overlapping candidates a text keeps. */
import { describe, expect, it } from 'vitest';
import { selectCandidates } from '../../lib/recognize/select';
import { candidate, shown, tokenizedOf } from './recognize-tokenized-text';

describe('selectCandidates', () => {
  it('keeps the longer of two overlapping spans, and on equal length the more trusted', () => {
    const tokenized = tokenizedOf('Посол Южной Кореи в Москве', 'ru');
    tokenized.candidates.push(
      candidate(tokenized, 'Кореи', 'LOC', 3),
      candidate(tokenized, 'Южной Кореи', 'LOC', 1),
      candidate(tokenized, 'Москве', 'PER', 1),
      candidate(tokenized, 'Москве', 'LOC', 2),
    );
    expect(shown(tokenized, selectCandidates(tokenized))).toEqual([
      'LOC Южной Кореи',
      'LOC Москве',
    ]);
  });

  it('never outputs organisations, and returns spans in text order', () => {
    const tokenized = tokenizedOf('Заявление МИД КНДР и Сеула', 'ru');
    tokenized.candidates.push(
      candidate(tokenized, 'Сеула', 'LOC', 2),
      candidate(tokenized, 'МИД КНДР', 'ORG', 1),
    );
    expect(shown(tokenized, selectCandidates(tokenized))).toEqual(['LOC Сеула']);
  });

  it('in Russian, an organisation blocks only people and places it outranks inside it', () => {
    const tokenized = tokenizedOf('Заявление МИД КНДР', 'ru');
    tokenized.candidates.push(
      candidate(tokenized, 'МИД КНДР', 'ORG', 2),
      candidate(tokenized, 'КНДР', 'LOC', 3),
    );
    // A place inside an organisation's name is still a place, as the Russian corpora mark it.
    expect(shown(tokenized, selectCandidates(tokenized))).toEqual(['LOC КНДР']);
    const weaker = tokenizedOf('Заявление МИД КНДР', 'ru');
    weaker.candidates.push(
      candidate(weaker, 'МИД КНДР', 'ORG', 2),
      candidate(weaker, 'КНДР', 'LOC', 2),
    );
    expect(selectCandidates(weaker)).toEqual([]);
  });

  it('in English, an organisation blocks whatever it overlaps (flat names, as CoNLL marks them)', () => {
    const tokenized = tokenizedOf('the Bank of England said', 'en');
    tokenized.candidates.push(
      candidate(tokenized, 'Bank of England', 'ORG', 1),
      candidate(tokenized, 'England', 'LOC', 3),
    );
    expect(selectCandidates(tokenized)).toEqual([]);
  });

  it('ignores empty candidates', () => {
    const tokenized = tokenizedOf('Москва', 'ru');
    tokenized.candidates.push({ start: 0, end: 0, type: 'LOC', tier: 9, canonical: '' });
    expect(selectCandidates(tokenized)).toEqual([]);
  });
});

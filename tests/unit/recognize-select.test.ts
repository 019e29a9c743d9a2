/** lib/recognize/select.ts: which of the overlapping candidates a text keeps. */
import { describe, expect, it } from 'vitest';
import { selectCandidates } from '../../lib/recognize/select';
import { candidate, docOf, shown } from './recognize-doc';

describe('selectCandidates', () => {
  it('keeps the longer of two overlapping spans, and on equal length the more trusted', () => {
    const doc = docOf('Посол Южной Кореи в Москве', 'ru');
    doc.candidates.push(
      candidate(doc, 'Кореи', 'LOC', 3),
      candidate(doc, 'Южной Кореи', 'LOC', 1),
      candidate(doc, 'Москве', 'PER', 1),
      candidate(doc, 'Москве', 'LOC', 2),
    );
    expect(shown(doc, selectCandidates(doc))).toEqual(['LOC Южной Кореи', 'LOC Москве']);
  });

  it('never outputs organisations, and returns spans in text order', () => {
    const doc = docOf('Заявление МИД КНДР и Сеула', 'ru');
    doc.candidates.push(candidate(doc, 'Сеула', 'LOC', 2), candidate(doc, 'МИД КНДР', 'ORG', 1));
    expect(shown(doc, selectCandidates(doc))).toEqual(['LOC Сеула']);
  });

  it('in Russian, an organisation blocks only people and places it outranks inside it', () => {
    const doc = docOf('Заявление МИД КНДР', 'ru');
    doc.candidates.push(candidate(doc, 'МИД КНДР', 'ORG', 2), candidate(doc, 'КНДР', 'LOC', 3));
    // A place inside an organisation's name is still a place, as the Russian corpora mark it.
    expect(shown(doc, selectCandidates(doc))).toEqual(['LOC КНДР']);
    const weaker = docOf('Заявление МИД КНДР', 'ru');
    weaker.candidates.push(
      candidate(weaker, 'МИД КНДР', 'ORG', 2),
      candidate(weaker, 'КНДР', 'LOC', 2),
    );
    expect(selectCandidates(weaker)).toEqual([]);
  });

  it('in English, an organisation blocks whatever it overlaps (flat names, as CoNLL marks them)', () => {
    const doc = docOf('the Bank of England said', 'en');
    doc.candidates.push(
      candidate(doc, 'Bank of England', 'ORG', 1),
      candidate(doc, 'England', 'LOC', 3),
    );
    expect(selectCandidates(doc)).toEqual([]);
  });

  it('ignores empty candidates', () => {
    const doc = docOf('Москва', 'ru');
    doc.candidates.push({ start: 0, end: 0, type: 'LOC', tier: 9, canonical: '' });
    expect(selectCandidates(doc)).toEqual([]);
  });
});

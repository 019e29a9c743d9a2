/** lib/recognize/cue-nouns.ts: the noun before a name says what the name is. */
import { describe, expect, it } from 'vitest';
import { applyCueNouns, cuedPeople } from '../../lib/recognize/cue-nouns';
import { candidate, docOf, shown } from './recognize-doc';

describe('applyCueNouns', () => {
  it('takes a name after a band noun for no person, there and wherever it is written again', () => {
    const doc = docOf('группа Scorpions выступила. Scorpions приедут снова.', 'ru');
    const kept = applyCueNouns(doc, [
      candidate(doc, 'Scorpions', 'PER', 1),
      candidate(doc, 'Scorpions', 'PER', 1, 1),
    ]);
    expect(shown(doc, kept)).toEqual([]);
  });

  it('reads a person the tagger found after a settlement noun as a place, in quotes too', () => {
    for (const text of [
      'Она жила в городке Оук Ридж много лет.',
      'Она жила в городке “Оук Ридж” много лет.',
    ]) {
      const doc = docOf(text, 'ru');
      const [place] = applyCueNouns(doc, [candidate(doc, 'Оук Ридж', 'PER', 1)]);
      expect(place).toMatchObject({ type: 'LOC', canonical: 'Оук Ридж' });
    }
  });

  it('keeps a person after a settlement noun when the dictionary reads a full name', () => {
    const doc = docOf('Об этом заявил мэр города Сергей Собянин.', 'ru');
    const [kept] = applyCueNouns(doc, [candidate(doc, 'Сергей Собянин', 'PER', 1)]);
    expect(kept?.type).toBe('PER');
  });
});

describe('cuedPeople', () => {
  it('marks the name after a name noun as a person', () => {
    const doc = docOf('певец под псевдонимом ЗЕД-КЕЙ выступил', 'ru');
    expect(shown(doc, cuedPeople(doc, []))).toEqual(['PER ЗЕД-КЕЙ']);
  });
});

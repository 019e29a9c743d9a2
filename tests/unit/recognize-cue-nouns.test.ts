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
});

describe('cuedPeople', () => {
  it('marks the name after a name noun as a person', () => {
    const doc = docOf('певец под псевдонимом ДЖЕЙ-ЗИ выступил', 'ru');
    expect(shown(doc, cuedPeople(doc, []))).toEqual(['PER ДЖЕЙ-ЗИ']);
  });
});

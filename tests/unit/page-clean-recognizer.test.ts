import { describe, expect, it } from 'vitest';
import type { EntityType, Mention, PageRecognizer } from '../../lib/entities';
import { cleanMentions, cleanRecognizer } from '../../lib/page/clean-recognizer';
import { createWatchMatcher } from '../../lib/recognize/watch-terms';

describe('cleanMentions', () => {
  const m = (start: number, end: number, type: EntityType = 'PER'): Mention => ({
    start,
    end,
    type,
    text: 'x',
    canonical: 'x',
  });
  it('drops ORG, unselected types, out-of-bounds, empty and overlapping spans, and sorts', () => {
    const out = cleanMentions(
      [
        m(8, 9),
        m(0, 3),
        m(2, 4),
        m(3, 5, 'ORG'),
        m(5, 7, 'LOC'),
        m(6, 6),
        m(9, 12),
        m(-1, 1),
        m(4, 5, 'TREATY'),
      ],
      10,
      ['PER', 'LOC'],
    );
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 3, 'PER'],
      [5, 7, 'LOC'],
      [8, 9, 'PER'],
    ]);
  });
});

describe('cleanRecognizer', () => {
  const found: Mention[] = [
    { start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Putin' },
    { start: 6, end: 9, type: 'ORG', text: 'NATO', canonical: 'NATO' },
    { start: 3, end: 40, type: 'LOC', text: 'x', canonical: 'x' },
  ];
  const base = (answer: 'now' | 'later'): PageRecognizer => ({
    id: 'stub',
    recognize: () => (answer === 'now' ? found : Promise.resolve(found)),
  });

  it('cleans answers given at once and answers given later alike', async () => {
    const none = () => createWatchMatcher([]);
    const now = cleanRecognizer(base('now'), none).recognize('Putin NATO', {});
    const later = await cleanRecognizer(base('later'), none).recognize('Putin NATO', {});
    expect(now).toEqual([found[0]]);
    expect(later).toEqual([found[0]]);
  });

  it('reads the watch list at each call', () => {
    let list: string[] = [];
    const putin: PageRecognizer = { id: 'stub', recognize: () => [found[0] as Mention] };
    const r = cleanRecognizer(putin, () => createWatchMatcher(list));
    expect((r.recognize('Putin NATO', {}) as Mention[]).map((m) => m.type)).toEqual(['PER']);
    list = ['NATO'];
    expect((r.recognize('Putin NATO', {}) as Mention[]).map((m) => m.type)).toEqual([
      'PER',
      'WATCH',
    ]);
  });
});

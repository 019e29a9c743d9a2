import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { PageNames } from '../../lib/page/known-names';
import { applyAnswer, buildRequest } from '../../lib/page/recognition';
import type { Item } from '../../lib/page/recognition-queue';
import { bareSegment } from './page-segment';

const seg = bareSegment;

const per = (text: string, start: number, canonical = text): Mention => ({
  start,
  end: start + text.length,
  type: 'PER',
  text,
  canonical,
});

describe('one recognition batch', () => {
  it('puts the names known so far before the text, and none when no piece may name them', () => {
    const names = new PageNames();
    names.learn([per('Константин Асмолов', 0)]);
    const a = seg('Асмолову позвонили.', 1);
    const withName = buildRequest([{ seg: a, offset: 0, text: a.text, urgent: false }], names);
    expect(withName?.batch.text.startsWith('Константин Асмолов.\n')).toBe(true);
    expect(withName?.bodyLength).toBe(a.text.length);
    const b = seg('Погода хорошая.', 1);
    const without = buildRequest([{ seg: b, offset: 0, text: b.text, urgent: false }], names);
    expect(without?.batch.text).toBe(b.text);
    expect(buildRequest([], names)).toBeNull();
  });

  it('hands mentions back to their segments in segment offsets, finishing a segment with its last piece', () => {
    const names = new PageNames();
    const long = seg('Ivan Petrov came. Then Petrov left.', 2);
    const short = seg('Hi.', 1);
    const items: Item[] = [
      { seg: long, offset: 0, text: 'Ivan Petrov came. ', urgent: false },
      { seg: short, offset: 0, text: 'Hi.', urgent: false },
    ];
    const request = buildRequest(items, names);
    if (!request) throw new Error('expected a request');
    const found = applyAnswer(request, [per('Ivan Petrov', 0)], names);
    expect(found.map((f) => f.seg)).toEqual([short]); // the long one waits for its second piece
    expect(long.collected).toEqual([per('Ivan Petrov', 0)]);
    expect(names.version).toBe(1); // the full name is known from now on
    const rest = buildRequest(
      [{ seg: long, offset: 18, text: 'Then Petrov left.', urgent: false }],
      names,
    );
    if (!rest) throw new Error('expected a request');
    const header = rest.batch.headerLength;
    const done = applyAnswer(rest, [per('Petrov', header + 5, 'Ivan Petrov')], names);
    expect(done).toHaveLength(1);
    expect(done[0]?.result.mentions.map((m) => [m.start, m.canonical])).toEqual([
      [0, 'Ivan Petrov'],
      [23, 'Ivan Petrov'],
    ]);
    expect(long.collected).toEqual([]);
  });
});

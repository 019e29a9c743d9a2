import { describe, expect, it } from 'vitest';
import { revised } from '../../lib/arrays';

describe('revised', () => {
  it('gives back the same array when nothing changed', () => {
    const list = [{ n: 1 }, { n: 2 }];
    expect(revised(list, (x) => x)).toBe(list);
  });

  it('replaces and drops items in order, leaving the input as it was', () => {
    const list = [1, 2, 3, 4, 5];
    const out = revised(list, (x) => (x === 2 ? null : x === 4 ? 40 : x));
    expect(out).toEqual([1, 3, 40, 5]);
    expect(list).toEqual([1, 2, 3, 4, 5]);
  });

  it('passes each item its index, and handles an empty list and a first item dropped', () => {
    const seen: number[] = [];
    revised(['a', 'b'], (x, i) => {
      seen.push(i);
      return x;
    });
    expect(seen).toEqual([0, 1]);
    expect(revised([], () => null)).toEqual([]);
    expect(revised(['a', 'b'], (x) => (x === 'a' ? null : x))).toEqual(['b']);
  });
});

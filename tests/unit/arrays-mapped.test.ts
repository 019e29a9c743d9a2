import { describe, expect, it } from 'vitest';
import { mapped } from '../../lib/arrays';

describe('mapped', () => {
  it('gives what Array.prototype.map gives, in a new array', () => {
    const list = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const out = mapped(list, (x) => (x.n === 2 ? { n: 20 } : x));
    expect(out).toEqual(list.map((x) => (x.n === 2 ? { n: 20 } : x)));
    expect(out).not.toBe(list);
    expect(out[0]).toBe(list[0]);
    expect(list).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('passes each item its index, keeps nulls, and handles an empty list', () => {
    expect(mapped(['a', 'b', 'c'], (x, i) => (i === 1 ? null : `${x}${i}`))).toEqual([
      'a0',
      null,
      'c2',
    ]);
    expect(mapped([], (x) => x)).toEqual([]);
  });
});

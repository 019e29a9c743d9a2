import { describe, expect, it } from 'vitest';
import { medianOf } from '../../lib/arrays';

describe('medianOf', () => {
  it('takes the middle value, or the mean of the middle two, without reordering the input', () => {
    const values = [5, 1, 3];
    expect(medianOf(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([7])).toBe(7);
  });

  it('is NaN for no values', () => {
    expect(medianOf([])).toBeNaN();
  });
});

/** lib/notes/limits.ts: the numbers in import messages, written the same in every locale. */
import { describe, expect, it } from 'vitest';
import { formatCount, formatSize } from '../../lib/notes/limits';

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });
});

describe('formatSize', () => {
  it('gives whole binary units plainly, and rounds anything else up', () => {
    expect(formatSize(52_428_800)).toBe('50 MB');
    expect(formatSize(52_428_801)).toBe('50.1 MB');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(1000)).toBe('1000 bytes');
  });
});

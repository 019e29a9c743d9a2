import { describe, expect, it } from 'vitest';
import { memoized } from '../../lib/recognize/memo';

describe('memoized', () => {
  it('answers each key once while it is kept, null and false answers included', () => {
    const asked: string[] = [];
    const lookup = memoized((key: string) => {
      asked.push(key);
      return key === 'none' ? null : key.length > 3;
    });
    expect(lookup('none')).toBeNull();
    expect(lookup('none')).toBeNull();
    expect(lookup('abc')).toBe(false);
    expect(lookup('abc')).toBe(false);
    expect(lookup('abcd')).toBe(true);
    expect(asked).toEqual(['none', 'abc', 'abcd']);
  });

  it('empties its store when it holds `limit` answers, and answers the same afterwards', () => {
    const asked: string[] = [];
    const lookup = memoized((key: string) => {
      asked.push(key);
      return key.toUpperCase();
    }, 2);
    lookup('a');
    lookup('b');
    lookup('c'); // the store held 2: emptied before 'c' is kept
    expect(lookup('c')).toBe('C');
    expect(lookup('a')).toBe('A');
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

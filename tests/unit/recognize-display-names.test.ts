/** lib/recognize/display-names.ts: lookup keys written back as display names. */
import { describe, expect, it } from 'vitest';
import { displayLike, titleCase } from '../../lib/recognize/display-names';

describe('titleCase', () => {
  it('capitalises each part of a compound name but not its linking words', () => {
    expect(titleCase('нью-йорк')).toBe('Нью-Йорк');
    expect(titleCase('ростов-на-дону')).toBe('Ростов-на-Дону');
    expect(titleCase('южная корея')).toBe('Южная Корея');
  });
});

describe('displayLike', () => {
  it('writes the nominative key the way the text wrote its stem', () => {
    expect(displayLike('путин', 'Путина')).toBe('Путин');
    expect(displayLike('алексей', 'АЛЕКСЕЯ')).toBe('Алексей');
  });
});

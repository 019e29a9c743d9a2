import { describe, expect, it } from 'vitest';
import { parseTags } from '../../lib/notes/tags';

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and repeats ignoring case', () => {
    expect(parseTags(' КНДР, treaty   law ,,Россия, кндр ')).toEqual([
      'КНДР',
      'treaty law',
      'Россия',
    ]);
  });

  it('gives no tags for blank input', () => {
    expect(parseTags('  ,  ')).toEqual([]);
  });
});

/** lib/recognize/tokens.ts: the token grammar and what each token says of itself. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../lib/recognize/tokens';
import { runs } from '../setup/property-runs';

describe('tokenizer', () => {
  // The token grammar, as a regular expression: tokenize() scans for the same matches by hand.
  const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’ʼ][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;
  const pieces = [
    'a',
    'Z',
    'я',
    'Ё',
    'ё',
    'й',
    '-',
    '‐',
    '‑',
    "'",
    '’',
    'ʼ',
    ' ',
    '\n',
    '\t',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '.',
    '«',
    '5',
    '٣',
    'é',
    'ß',
    'İ',
    '\u0301',
    '😀',
    '𝐀',
    '\ud800',
    '\udc00',
    '中',
    'ا',
    '\u200b',
    '\u3000',
    's',
    'S',
    'Ⅻ',
    '²',
    '҂',
    'Ѐ',
    'ӧ',
    '\u1680',
  ];
  it('finds exactly the matches of the token grammar (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        // Possessives are split off words ("Clinton's" → "Clinton" "'s"): join them back.
        const joined: [number, number][] = [];
        for (const t of tokenize(text)) {
          const last = joined[joined.length - 1];
          if (last && last[1] === t.start && /^['’][sS]$/.test(t.text)) last[1] = t.end;
          else joined.push([t.start, t.end]);
        }
        const expected = [...text.matchAll(TOKEN_RE)].map((m) => [
          m.index as number,
          (m.index as number) + m[0].length,
        ]);
        expect(joined).toEqual(expected);
      }),
      { numRuns: runs(2000) },
    );
  });
});

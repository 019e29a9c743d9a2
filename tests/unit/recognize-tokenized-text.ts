/**
 * Test helper: the recognizer's working state (lib/recognize/tokenized-text.ts) for one text, so a rule
 * module can be tested on its own, with the spans written as the words they cover.
 */

import { getLexicon } from '../../lib/recognize/lexicon';
import {
  type Candidate,
  createTokenizedText,
  type Lang,
  type TokenizedText,
} from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';

export function tokenizedOf(text: string, lang: Lang): TokenizedText {
  return createTokenizedText(text, tokenize(text), getLexicon(), lang);
}

/** Token range [start, end) of the `nth` occurrence of the words `words` (split at spaces). */
export function tokensOf(
  tokenized: TokenizedText,
  words: string,
  nth = 0,
): { start: number; end: number } {
  const want = words.split(' ');
  let seen = 0;
  for (let i = 0; i + want.length <= tokenized.tokens.length; i++) {
    if (want.every((w, k) => tokenized.tokens[i + k]?.text === w)) {
      if (seen === nth) return { start: i, end: i + want.length };
      seen++;
    }
  }
  throw new Error(`"${words}" (occurrence ${nth}) is not in: ${tokenized.text}`);
}

export function candidate(
  tokenized: TokenizedText,
  words: string,
  type: Candidate['type'],
  tier: number,
  nth = 0,
): Candidate {
  const { start, end } = tokensOf(tokenized, words, nth);
  return { start, end, type, tier, canonical: words };
}

/** What a list of candidates covers, as "TYPE words" strings in text order. */
export function shown(tokenized: TokenizedText, spans: readonly Candidate[]): string[] {
  return spans.map((c) => {
    const from = tokenized.tokens[c.start]?.start ?? 0;
    const to = tokenized.tokens[c.end - 1]?.end ?? 0;
    return `${c.type} ${tokenized.text.slice(from, to)}`;
  });
}

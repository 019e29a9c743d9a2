/**
 * Test helper: the recognizer's working state (lib/recognize/document.ts) for one text, so a rule
 * module can be tested on its own, with the spans written as the words they cover.
 */
import { type Candidate, createDoc, type Doc, type Lang } from '../../lib/recognize/document';
import { getLexicon } from '../../lib/recognize/lexicon';
import { tokenize } from '../../lib/recognize/tokens';

export function docOf(text: string, lang: Lang): Doc {
  return createDoc(text, tokenize(text), getLexicon(), lang);
}

/** Token range [start, end) of the `nth` occurrence of the words `words` (split at spaces). */
export function tokensOf(doc: Doc, words: string, nth = 0): { start: number; end: number } {
  const want = words.split(' ');
  let seen = 0;
  for (let i = 0; i + want.length <= doc.tokens.length; i++) {
    if (want.every((w, k) => doc.tokens[i + k]?.text === w)) {
      if (seen === nth) return { start: i, end: i + want.length };
      seen++;
    }
  }
  throw new Error(`"${words}" (occurrence ${nth}) is not in: ${doc.text}`);
}

export function candidate(
  doc: Doc,
  words: string,
  type: Candidate['type'],
  tier: number,
  nth = 0,
): Candidate {
  const { start, end } = tokensOf(doc, words, nth);
  return { start, end, type, tier, canonical: words };
}

/** What a list of candidates covers, as "TYPE words" strings in text order. */
export function shown(doc: Doc, spans: readonly Candidate[]): string[] {
  return spans.map((c) => {
    const from = doc.tokens[c.start]?.start ?? 0;
    const to = doc.tokens[c.end - 1]?.end ?? 0;
    return `${c.type} ${doc.text.slice(from, to)}`;
  });
}

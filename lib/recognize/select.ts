/**
 * Chooses non-overlapping spans from the candidates: longer spans first, then more trusted ones.
 * Organisations are never output; in Russian texts they only block people and places of no
 * higher trust inside them (a place inside "МИД КНДР" is still a place, as the Russian corpora mark it), in
 * English texts they block whatever they overlap (CoNLL-style flat names).
 */
import type { Candidate, TokenizedText } from './tokenized-text';

export function selectCandidates(tokenized: TokenizedText): Candidate[] {
  const n = tokenized.tokens.length;
  const orgTier = new Int8Array(n);
  for (const c of tokenized.candidates) {
    if (c.type !== 'ORG') continue;
    for (let k = c.start; k < c.end; k++) orgTier[k] = Math.max(orgTier[k] as number, c.tier);
  }
  const blockedByOrg = (c: Candidate) => {
    for (let k = c.start; k < c.end; k++) if ((orgTier[k] as number) >= c.tier) return true;
    return false;
  };
  const pool = tokenized.candidates.filter(
    (c) =>
      c.end > c.start && (tokenized.lang === 'en' ? true : c.type !== 'ORG' && !blockedByOrg(c)),
  );
  pool.sort((a, b) => b.end - b.start - (a.end - a.start) || b.tier - a.tier || a.start - b.start);
  const taken = new Uint8Array(n);
  const chosen: Candidate[] = [];
  for (const c of pool) {
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.filter((c) => c.type !== 'ORG').sort((a, b) => a.start - b.start);
}

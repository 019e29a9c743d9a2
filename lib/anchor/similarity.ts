/**
 * How alike two short strings are, from 0 (nothing in common) to 1 (equal), by edit distance.
 * Used to compare a saved quote's context (prefix/suffix, ~32 characters) with the text around a
 * candidate match, so the inputs are small and a plain dynamic-programming distance is fast enough.
 */

/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // One row of the DP table at a time: row[j] = distance between a[0..i) and b[0..j).
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution =
        (row[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      next.push(Math.min(substitution, (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * Runs of whitespace count as one space: the page-text model may turn a line break into a space
 * (or the reverse) between two visits, and that is not a change a reader would notice.
 */
function squeezeSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** 1 − distance / longer length, after squeezing whitespace; two empty strings are equal (1). */
export function similarity(a: string, b: string): number {
  const x = squeezeSpace(a);
  const y = squeezeSpace(b);
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - editDistance(x, y) / longer;
}

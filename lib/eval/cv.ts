/**
 * Cross-validation arithmetic (scripts/eval-cv.ts; conventions in docs/recognition.md,
 * "Cross-validation"): which fold a document falls in, and the mean and spread of fold scores.
 */

/** FNV-1a, 32 bits, over UTF-16 code units: a fixed, platform-independent hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The fold (0 … k−1) of each document, by its key (unique within the list): documents are
 * ordered by a seeded hash of their key and dealt to the folds in turn. So the folds are
 * disjoint, cover every document, differ in size by one at most, and do not depend on the
 * order of the list; another seed gives another partition.
 */
export function assignFolds(keys: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error('at least two folds');
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`duplicate document key ${key}`);
    seen.add(key);
  }
  const order = keys
    .map((key, i) => ({ i, key, h: fnv1a(`${seed}\u0000${key}`) }))
    .sort((a, b) => a.h - b.h || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const folds = new Array<number>(keys.length);
  order.forEach((d, rank) => {
    folds[d.i] = rank % k;
  });
  return folds;
}

export interface Spread {
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
  sd: number;
}

export function meanAndSd(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, sd: 0 };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

/** The items of fold `i` (held out, scored) and the others (learned from), in list order. */
export function splitFold<T>(
  items: readonly T[],
  folds: readonly number[],
  i: number,
): { held: T[]; rest: T[] } {
  const held: T[] = [];
  const rest: T[] = [];
  items.forEach((item, k) => {
    (folds[k] === i ? held : rest).push(item);
  });
  return { held, rest };
}

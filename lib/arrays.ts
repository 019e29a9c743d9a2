/**
 * Array helpers for lists whose length a page or an input decides (mutation records, marks,
 * mentions, rows). Spreading such a list into a call (`push(...items)`, `Math.max(...values)`,
 * `new Highlight(...ranges)`) passes every item as an argument on the stack, and a large enough
 * list makes the engine throw RangeError: the work of that call is simply lost.
 */

/** Append every item to target, one by one; returns target. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = Number.NEGATIVE_INFINITY): number {
  let max = empty;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of the values, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Number.POSITIVE_INFINITY): number {
  let min = empty;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** The median of the values (the mean of the middle two for an even count); NaN for none. */
export function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Each item as `revise` gives it back, dropping those it gives null for: the same array when it
 * gave back every item unchanged (most rules change nothing on most texts, and copy nothing then).
 */
export function revised<T>(list: T[], revise: (item: T, index: number) => T | null): T[] {
  let out: T[] | null = null;
  for (let n = 0; n < list.length; n++) {
    const item = list[n] as T;
    const kept = revise(item, n);
    if (kept === item) {
      out?.push(item);
      continue;
    }
    out ??= list.slice(0, n);
    if (kept !== null) out.push(kept);
  }
  return out ?? list;
}

/**
 * `list.map(f)` as a packed array. The engine's optimised `Array.prototype.map` allocates its
 * result at full length before filling it, which gives a holey array, while the same call before
 * optimisation gives a packed one: a list of candidates made so reaches the recognizer's next
 * steps in a second array shape, and each of them, optimised for the first, is thrown away and
 * optimised again (docs/recognition.md, "What keeps the warm median under the settled figure").
 */
export function mapped<T, U>(list: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let n = 0; n < list.length; n++) out.push(f(list[n] as T, n));
  return out;
}

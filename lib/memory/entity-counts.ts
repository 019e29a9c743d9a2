/**
 * The per-entity article counts the hover card reads (table `entityCounts`, lib/notes/db.ts), as
 * pure functions: how a change of one article's keys moves the counts, and the counts of a set of
 * articles from scratch (the version-5 upgrade, and the tests' reference). Counting a very frequent
 * key's entries in the `keys` index takes longer than the card may (docs/memory.md), so the count
 * is kept beside the articles, in the transactions that change them.
 */

/** One row of `entityCounts`: how many remembered articles have the key. */
export interface EntityCount {
  key: string;
  count: number;
}

/**
 * How the counts change when an article's keys go from `before` to `after` (either absent: the
 * article is new, or forgotten): +1 for each key gained, −1 for each key lost, added into `into`.
 */
export function addCountChanges(
  into: Map<string, number>,
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): Map<string, number> {
  const had = new Set(before ?? []);
  const has = new Set(after ?? []);
  for (const key of has) if (!had.has(key)) into.set(key, (into.get(key) ?? 0) + 1);
  for (const key of had) if (!has.has(key)) into.set(key, (into.get(key) ?? 0) - 1);
  return into;
}

/** The count changes of one article's change (see addCountChanges). */
export function countChanges(
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): Map<string, number> {
  return addCountChanges(new Map(), before, after);
}

/** The counts of a set of articles, from scratch. */
export function countKeys(articles: Iterable<{ keys: readonly string[] }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) addCountChanges(counts, undefined, a.keys);
  return counts;
}

/**
 * The rows after applying `changes` to the `current` rows of the same keys (absent: 0): rows to
 * put, and keys whose count falls to 0 (or below, for a table that was wrong) to delete.
 */
export function appliedCounts(
  changes: ReadonlyMap<string, number>,
  current: ReadonlyArray<EntityCount | undefined>,
): { put: EntityCount[]; remove: string[] } {
  const put: EntityCount[] = [];
  const remove: string[] = [];
  let i = 0;
  for (const [key, change] of changes) {
    const count = (current[i]?.count ?? 0) + change;
    i += 1;
    if (change === 0) continue;
    if (count > 0) put.push({ key, count });
    else remove.push(key);
  }
  return { put, remove };
}

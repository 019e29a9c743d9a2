/**
 * Remembered articles found by entities and dates (the notes view's search box): the query is
 * parsed (search-query.ts), its names resolved to memory keys through the registers
 * (entity-names.ts), and the articles read through the `keys` and `lastVisit` indexes; only the
 * candidates those give are read and checked. docs/memory.md ("Search") says what matches.
 */
import { guarded, type NotesDb } from '../notes/db';
import { placeSpelling } from './entity-key';
import { articleNames, registeredKeys } from './entity-names';
import { latinKey } from './latin-key';
import type { RememberedArticle } from './model';
import { type DateRange, parseMemoryQuery } from './search-query';

/** A name of the query: the keys it may be filed under, and its spelling key. */
export interface EntityTerm {
  text: string;
  /** Keys from the registers (a registered person, a country, a treaty); empty when none knows it. */
  keys: string[];
  /** latinKey of the text: matched against the articles' names when no register knows it. */
  spelling: string;
}

export interface MemorySearch {
  terms: EntityTerm[];
  range: DateRange | null;
  /** Every article that matches. */
  total: number;
  /** The first `limit` of them, last read first. */
  articles: RememberedArticle[];
}

/** The longest run of words a name is looked up as ("Mohammed bin Salman Al Saud"). */
const MAX_NAME_WORDS = 5;

/**
 * A run of words split into names, longest first from the left: the longest words the registers
 * know make one term; words no register knows, side by side, make one term of their own.
 */
export function resolveTerms(run: readonly string[]): EntityTerm[] {
  const terms: EntityTerm[] = [];
  let unknown: string[] = [];
  const flush = () => {
    if (unknown.length === 0) return;
    const text = unknown.join(' ');
    const spelling = latinKey(text);
    if (spelling !== '') terms.push({ text, keys: [], spelling });
    unknown = [];
  };
  for (let i = 0; i < run.length; ) {
    let found: EntityTerm | null = null;
    for (let n = Math.min(MAX_NAME_WORDS, run.length - i); n >= 1 && !found; n--) {
      const text = run.slice(i, i + n).join(' ');
      const keys = registeredKeys(text);
      if (keys.length > 0) {
        found = { text, keys, spelling: latinKey(text) };
        i += n;
      }
    }
    if (found) {
      flush();
      terms.push(found);
    } else {
      unknown.push(run[i] as string);
      i += 1;
    }
  }
  flush();
  return terms;
}

/** The keys an unknown name is filed under when an article named it so (a spelling key). */
const spellingKeys = (term: EntityTerm) => [
  `PER:~${term.spelling}`,
  `LOC:~${placeSpelling(term.text)}`,
];

/** Whether one of the article's names, by spelling key, contains the term's words ("putin" in "vladimir putin"). */
function namedBySpelling(article: RememberedArticle, term: EntityTerm): boolean {
  const needle = ` ${term.spelling} `;
  return articleNames(article).some((n) => ` ${latinKey(n)} `.includes(needle));
}

/** Whether an article matches a term (its keys, or for an unknown name its names' spelling). */
export function articleMatches(article: RememberedArticle, term: EntityTerm): boolean {
  if (term.keys.length > 0) return term.keys.some((k) => article.keys.includes(k));
  return spellingKeys(term).some((k) => article.keys.includes(k)) || namedBySpelling(article, term);
}

function inRange(article: RememberedArticle, range: DateRange | null): boolean {
  if (!range) return true;
  return (
    (!range.from || article.lastVisit >= range.from) && (!range.to || article.lastVisit < range.to)
  );
}

/** The addresses of the articles filed under any of the keys (one index read per key). */
async function urlsWithAny(db: NotesDb, keys: readonly string[]): Promise<Set<string>> {
  const urls = new Set<string>();
  for (const list of await Promise.all(
    keys.map((k) => db.articles.where('keys').equals(k).primaryKeys()),
  )) {
    for (const url of list) urls.add(url);
  }
  return urls;
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

function rangeCollection(db: NotesDb, range: DateRange) {
  const from = range.from ?? '';
  const to = range.to ?? '\uffff';
  return db.articles.where('lastVisit').between(from, to, true, false);
}

/**
 * Search the memory; null when the query has nothing to search it by (no name, no date). An
 * unknown name narrows through the index only by its exact spelling keys; its other matches
 * (a surname inside a full name) are found among the candidates of the query's other terms or
 * dates, never by reading every article.
 */
export function searchMemory(
  db: NotesDb,
  query: string,
  options: { now?: Date; limit?: number } = {},
): Promise<MemorySearch | null> {
  const { runs, range } = parseMemoryQuery(query, options.now ?? new Date());
  const terms: EntityTerm[] = [];
  for (const run of runs) for (const term of resolveTerms(run)) terms.push(term);
  if (terms.length === 0 && !range) return Promise.resolve(null);
  const limit = options.limit ?? 50;
  return guarded('Could not search the reading memory', () =>
    db.transaction('r', db.articles, async () => {
      if (terms.length === 0 && range) {
        const total = await rangeCollection(db, range).count();
        const articles = await rangeCollection(db, range).reverse().limit(limit).toArray();
        return { terms, range, total, articles };
      }
      const known = terms.filter((t) => t.keys.length > 0);
      const unknown = terms.filter((t) => t.keys.length === 0);
      // Candidates from the indexes alone: every known name's articles, intersected.
      let candidates = null as Set<string> | null;
      for (const term of known) {
        const urls = await urlsWithAny(db, term.keys);
        candidates = candidates ? intersection(candidates, urls) : urls;
        if (candidates.size === 0) break;
      }
      if (!candidates && !range) {
        candidates = await urlsWithAny(db, spellingKeys(unknown[0] as EntityTerm));
      }
      // Newest first without reading records: the visit index lists addresses in time order.
      let ordered: string[] | null = null;
      if (range) {
        const inRange = (await rangeCollection(db, range).primaryKeys()) as string[];
        ordered = [];
        for (let i = inRange.length - 1; i >= 0; i--) {
          const url = inRange[i] as string;
          if (!candidates || candidates.has(url)) ordered.push(url);
        }
      }
      if (ordered && unknown.length === 0) {
        const first = await db.articles.bulkGet(ordered.slice(0, limit));
        const articles = first.filter((a): a is RememberedArticle => a !== undefined);
        return { terms, range, total: ordered.length, articles };
      }
      const read = await db.articles.bulkGet(ordered ?? [...(candidates ?? [])]);
      const matches = read
        .filter((a): a is RememberedArticle => a !== undefined)
        .filter((a) => inRange(a, range) && terms.every((t) => articleMatches(a, t)))
        .sort((a, b) => (a.lastVisit < b.lastVisit ? 1 : a.lastVisit > b.lastVisit ? -1 : 0));
      return { terms, range, total: matches.length, articles: matches.slice(0, limit) };
    }),
  );
}

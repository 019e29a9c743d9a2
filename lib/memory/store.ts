/**
 * The reading memory in the extension's database (lib/notes/db.ts, tables `articles` and
 * `entityCounts`): small functions over the database, shared by the background and Node tests.
 * Every change of articles updates the per-key counts in the same transaction
 * (lib/memory/entity-counts.ts), so the card's count is one read. Failures leave as NotesError
 * with a message the reader can act on.
 */
import { guarded, type NotesDb } from '../notes/db';
import { normalizeUrl } from '../notes/normalize-url';
import { addCountChanges, appliedCounts, countKeys } from './entity-counts';
import type { ArticleVisit, RememberedArticle } from './model';
import { mergeVisit } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Apply count changes to `entityCounts`; call inside a 'rw' transaction over it (and over
 * `articles`, whose change they describe).
 */
export async function applyCountChanges(
  db: NotesDb,
  changes: ReadonlyMap<string, number>,
): Promise<void> {
  if (changes.size === 0) return;
  const current = await db.entityCounts.bulkGet([...changes.keys()]);
  const { put, remove } = appliedCounts(changes, current);
  if (put.length > 0) await db.entityCounts.bulkPut(put);
  if (remove.length > 0) await db.entityCounts.bulkDelete(remove);
}

/**
 * Store articles (new, or replacing stored ones of the same address; no address twice) with their
 * counts; call inside a 'rw' transaction over `articles` and `entityCounts`.
 */
export async function putArticles(
  db: NotesDb,
  articles: readonly RememberedArticle[],
  /** The stored articles of the same addresses, when the caller has read them already. */
  stored?: ReadonlyArray<RememberedArticle | undefined>,
): Promise<void> {
  const before = stored ?? (await db.articles.bulkGet(articles.map((a) => a.url)));
  const changes = new Map<string, number>();
  articles.forEach((a, i) => {
    addCountChanges(changes, before[i]?.keys, a.keys);
  });
  await db.articles.bulkPut([...articles]);
  await applyCountChanges(db, changes);
}

/** Count every key again from the articles (a repair; the version-5 upgrade does the same). */
export function recountEntities(db: NotesDb): Promise<void> {
  return guarded('Could not count the reading memory', () =>
    db.transaction('rw', db.articles, db.entityCounts, async () => {
      const counts = countKeys(await db.articles.toArray());
      await db.entityCounts.clear();
      await db.entityCounts.bulkPut([...counts].map(([key, count]) => ({ key, count })));
    }),
  );
}

/** Remember a visit (or update what was remembered of the article) in one transaction. */
export function rememberArticle(
  db: NotesDb,
  visit: ArticleVisit,
  now: Date = new Date(),
): Promise<RememberedArticle> {
  return guarded('Could not remember the article', () =>
    db.transaction('rw', db.articles, db.entityCounts, async () => {
      const previous = await db.articles.get(normalizeUrl(visit.url));
      const article = mergeVisit(previous, visit, now);
      await db.articles.put(article);
      await applyCountChanges(db, addCountChanges(new Map(), previous?.keys, article.keys));
      return article;
    }),
  );
}

/** How many remembered articles mention the entity (one row of `entityCounts`). */
export function countArticlesWith(db: NotesDb, key: string): Promise<number> {
  return guarded(
    'Could not read the reading memory',
    async () => (await db.entityCounts.get(key))?.count ?? 0,
  );
}

/** The remembered articles that mention the entity, last read first. */
export function articlesWith(db: NotesDb, key: string): Promise<RememberedArticle[]> {
  return guarded('Could not read the reading memory', async () => {
    const articles = await db.articles.where('keys').equals(key).toArray();
    return articles.sort((a, b) => b.lastVisit.localeCompare(a.lastVisit));
  });
}

/** Delete the articles a query selects, and their counts; returns how many. */
async function forgetArticles(db: NotesDb, gone: readonly RememberedArticle[]): Promise<number> {
  const changes = new Map<string, number>();
  for (const a of gone) addCountChanges(changes, a.keys, undefined);
  await db.articles.bulkDelete(gone.map((a) => a.url));
  await applyCountChanges(db, changes);
  return gone.length;
}

/** Forget every article of a site (its host name, "www." ignored); returns how many. */
export function forgetSite(db: NotesDb, site: string): Promise<number> {
  const host = site.replace(/^www\./, '');
  return guarded('Could not forget the site', () =>
    db.transaction('rw', db.articles, db.entityCounts, async () =>
      forgetArticles(db, await db.articles.where('site').equals(host).toArray()),
    ),
  );
}

/** Forget articles not read for `days` days; returns how many. */
export function forgetOlderThan(
  db: NotesDb,
  days: number,
  now: Date = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return guarded('Could not trim the reading memory', () =>
    db.transaction('rw', db.articles, db.entityCounts, async () =>
      forgetArticles(db, await db.articles.where('lastVisit').below(cutoff).toArray()),
    ),
  );
}

/** Forget everything remembered (notes stay). */
export function clearMemory(db: NotesDb): Promise<void> {
  return guarded('Could not clear the reading memory', () =>
    db.transaction('rw', db.articles, db.entityCounts, async () => {
      await db.articles.clear();
      await db.entityCounts.clear();
    }),
  );
}

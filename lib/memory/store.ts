/**
 * The reading memory in the extension's database (lib/notes/db.ts, table `articles`): small
 * functions over the database, shared by the background and Node tests. Failures leave as
 * NotesError with a message the reader can act on.
 */
import { guarded, type NotesDb } from '../notes/db';
import { normalizeUrl } from '../notes/normalize-url';
import type { ArticleVisit, RememberedArticle } from './model';
import { mergeVisit } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Remember a visit (or update what was remembered of the article) in one transaction. */
export function rememberArticle(
  db: NotesDb,
  visit: ArticleVisit,
  now: Date = new Date(),
): Promise<RememberedArticle> {
  return guarded('Could not remember the article', () =>
    db.transaction('rw', db.articles, async () => {
      const article = mergeVisit(await db.articles.get(normalizeUrl(visit.url)), visit, now);
      await db.articles.put(article);
      return article;
    }),
  );
}

/** How many remembered articles mention the entity. */
export function countArticlesWith(db: NotesDb, key: string): Promise<number> {
  return guarded('Could not read the reading memory', () =>
    db.articles.where('keys').equals(key).count(),
  );
}

/** The remembered articles that mention the entity, last read first. */
export function articlesWith(db: NotesDb, key: string): Promise<RememberedArticle[]> {
  return guarded('Could not read the reading memory', async () => {
    const articles = await db.articles.where('keys').equals(key).toArray();
    return articles.sort((a, b) => b.lastVisit.localeCompare(a.lastVisit));
  });
}

/** Forget every article of a site (its host name, "www." ignored); returns how many. */
export function forgetSite(db: NotesDb, site: string): Promise<number> {
  const host = site.replace(/^www\./, '');
  return guarded('Could not forget the site', () =>
    db.articles.where('site').equals(host).delete(),
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
    db.articles.where('lastVisit').below(cutoff).delete(),
  );
}

/** Forget everything remembered (notes stay). */
export function clearMemory(db: NotesDb): Promise<void> {
  return guarded('Could not clear the reading memory', () => db.articles.clear());
}

/**
 * What the hover card says from the reading memory: in how many other articles the reader met an
 * entity, and the most recent of them. Runs in the background (the page never reads the memory).
 */
import { guarded, type NotesDb } from '../notes/db';
import { normalizeUrl } from '../notes/normalize-url';
import type { RememberedArticle } from './model';

/** The most recent other article, as the card shows it. */
export interface RecalledArticle {
  url: string;
  title: string;
  site: string;
  lastVisit: string;
}

export interface EntityRecall {
  /** Remembered articles that mention the entity, the one being read not counted. */
  count: number;
  /** The one of them read last; absent when count is 0. */
  latest?: RecalledArticle;
}

/**
 * Up to this many articles, the latest is found by reading them all by address; above it, by
 * reading the articles read last, newest first, in pages of WALK_PAGES sizes: an entity in more
 * than READ_ALL_UP_TO articles is met again soon. When none of those has it (its articles are all
 * old), its articles are read by address after all, so the walk never reads more than
 * WALK_PAGES' sum.
 */
export const READ_ALL_UP_TO = 64;
export const WALK_PAGES: readonly number[] = [16, 48, 128];

function recalled(a: RememberedArticle): RecalledArticle {
  return { url: a.url, title: a.title, site: a.site, lastVisit: a.lastVisit };
}

function latestOf(articles: ReadonlyArray<RememberedArticle | undefined>, skip: string) {
  let latest: RememberedArticle | undefined;
  for (const a of articles) {
    if (a && a.url !== skip && (!latest || a.lastVisit > latest.lastVisit)) latest = a;
  }
  return latest;
}

/** The article with the key read last (not `skip`), by address. */
async function latestByAddress(db: NotesDb, key: string, skip: string) {
  const urls = await db.articles.where('keys').equals(key).primaryKeys();
  return latestOf(await db.articles.bulkGet(urls), skip);
}

/** The article with the key read last (not `skip`), among the WALK_PAGES' sum read last. */
async function latestByWalk(db: NotesDb, key: string, skip: string) {
  let offset = 0;
  for (const size of WALK_PAGES) {
    const page = await db.articles
      .orderBy('lastVisit')
      .reverse()
      .offset(offset)
      .limit(size)
      .toArray();
    const found = page.find((a) => a.url !== skip && a.keys.includes(key));
    if (found || page.length < size) return found;
    offset += size;
  }
  return undefined;
}

/**
 * The card's line for an entity key; `reading` is the address of the article being read. The
 * count is the key's row of `entityCounts` (lib/memory/store.ts keeps it), less the article being
 * read when it has the key.
 */
export function recallEntity(db: NotesDb, key: string, reading?: string): Promise<EntityRecall> {
  const skip = reading ? normalizeUrl(reading) : '';
  return guarded('Could not read the reading memory', () =>
    db.transaction('r', db.articles, db.entityCounts, async () => {
      const [row, current] = await Promise.all([
        db.entityCounts.get(key),
        skip ? db.articles.get(skip) : undefined,
      ]);
      const count = Math.max(0, (row?.count ?? 0) - (current?.keys.includes(key) ? 1 : 0));
      if (count === 0) return { count: 0 };
      const latest =
        (count > READ_ALL_UP_TO ? await latestByWalk(db, key, skip) : undefined) ??
        (await latestByAddress(db, key, skip));
      return latest ? { count, latest: recalled(latest) } : { count };
    }),
  );
}

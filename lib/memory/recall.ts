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
 * walking the visit index newest first, which reaches a frequent entity's latest article in a
 * few steps. Either way the work stays small: a rare entity has few articles, a frequent one is
 * met again soon.
 */
export const READ_ALL_UP_TO = 64;

function recalled(a: RememberedArticle): RecalledArticle {
  return { url: a.url, title: a.title, site: a.site, lastVisit: a.lastVisit };
}

/** The card's line for an entity key; `reading` is the address of the article being read. */
export function recallEntity(db: NotesDb, key: string, reading?: string): Promise<EntityRecall> {
  const skip = reading ? normalizeUrl(reading) : '';
  return guarded('Could not read the reading memory', () =>
    db.transaction('r', db.articles, async () => {
      const urls = (await db.articles.where('keys').equals(key).primaryKeys()).filter(
        (url) => url !== skip,
      );
      if (urls.length === 0) return { count: 0 };
      let latest: RememberedArticle | undefined;
      if (urls.length <= READ_ALL_UP_TO) {
        for (const a of await db.articles.bulkGet(urls)) {
          if (a && (!latest || a.lastVisit > latest.lastVisit)) latest = a;
        }
      } else {
        latest = await db.articles
          .orderBy('lastVisit')
          .reverse()
          .filter((a) => a.url !== skip && a.keys.includes(key))
          .first();
      }
      return latest ? { count: urls.length, latest: recalled(latest) } : { count: urls.length };
    }),
  );
}

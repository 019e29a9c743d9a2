/**
 * The reading memory's records: one per article Glossa annotated, with the entities it met there.
 * Kept compact (parallel arrays, no repeated field names per entity, no names the registers
 * hold): docs/memory.md measures its size.
 */
import type { EntityType } from '../entities';

/** The kinds of entity the memory keeps: people, places and registered treaties. */
export type RememberedType = Extract<EntityType, 'PER' | 'LOC' | 'TREATY'>;

/** An article as stored. Times are ISO 8601 strings in UTC. */
export interface RememberedArticle {
  /** Normalized address (lib/notes/normalize-url.ts), the primary key. */
  url: string;
  title: string;
  /** The address's host name, for "Forget this site". */
  site: string;
  /** The page's language as the page declares it or recognition guessed it ("ru", "en"); '' unknown. */
  lang: string;
  firstVisit: string;
  lastVisit: string;
  /** Entity keys (lib/memory/entity-key.ts), most mentioned first; indexed, multi-entry. */
  keys: string[];
  /**
   * Per key, the name the article used most (its canonical form); '' for a registered key, whose
   * names the registers hold (lib/memory/record.ts storedName, entity-names.ts shownName).
   */
  names: string[];
  /** Per key, how many times the article mentioned it. */
  counts: number[];
}

/** One entity of an article, as the recorder hands it over. */
export interface ArticleEntity {
  key: string;
  name: string;
  count: number;
}

/** What the page knows of an article when it is remembered. */
export interface ArticleVisit {
  url: string;
  title: string;
  lang: string;
  entities: ArticleEntity[];
}

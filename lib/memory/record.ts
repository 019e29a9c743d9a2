/**
 * What the memory keeps of one visit, as pure functions: the mentions of a page grouped into its
 * entities, and a visit merged into what was remembered of the article before.
 */
import type { Mention } from '../entities';
import { isEntityId } from '../entity-id';
import { normalizeUrl } from '../notes/normalize-url';
import { siteOf } from '../notes/search';
import { entityKey } from './entity-key';
import type { ArticleEntity, ArticleVisit, RememberedArticle } from './model';

/** Entities kept per article, most mentioned first: a bound on storage, not on what is shown. */
export const MAX_ENTITIES_PER_ARTICLE = 60;
const MAX_TITLE = 300;
const MAX_NAME = 120;

/** Most mentioned first (ties by key), at most MAX_ENTITIES_PER_ARTICLE. */
export function mostMentioned(entities: ArticleEntity[]): ArticleEntity[] {
  return entities
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, MAX_ENTITIES_PER_ARTICLE);
}

/**
 * The name the record stores for an entity: the page's for a spelling key, none ('') for an
 * entity id (lib/entity-id.ts), whose names the registers hold in both languages (lib/memory/entity-names.ts
 * shownName gives them back): half a record was names, and Russian ones take two bytes a letter.
 */
export function storedName(key: string, name: string): string {
  return isEntityId(key) ? '' : name;
}

/** Entities as the record stores them: parallel columns. */
export function entityColumns(
  entities: readonly ArticleEntity[],
): Pick<RememberedArticle, 'keys' | 'names' | 'counts'> {
  return {
    keys: entities.map((e) => e.key),
    names: entities.map((e) => storedName(e.key, e.name)),
    counts: entities.map((e) => e.count),
  };
}

/** A mention, or a page's summary row of one entity (then with its count). */
export type EntityItem = Pick<Mention, 'type' | 'canonical' | 'treaty' | 'id'> & { count?: number };

/**
 * Mentions (or summary rows) grouped by memory key, each with the name used most and the count,
 * most mentioned first.
 */
export function articleEntities(items: Iterable<EntityItem>): ArticleEntity[] {
  const byKey = new Map<string, { count: number; names: Map<string, number> }>();
  for (const item of items) {
    const key = entityKey(item);
    if (!key) continue;
    const count = item.count ?? 1;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { count: 0, names: new Map() };
      byKey.set(key, entry);
    }
    entry.count += count;
    entry.names.set(item.canonical, (entry.names.get(item.canonical) ?? 0) + count);
  }
  const entities: ArticleEntity[] = [];
  for (const [key, { count, names }] of byKey) {
    let name = '';
    let best = 0;
    for (const [n, c] of names) {
      if (c > best) {
        name = n;
        best = c;
      }
    }
    entities.push({ key, name: name.slice(0, MAX_NAME), count });
  }
  return mostMentioned(entities);
}

/**
 * The article after this visit: first visit kept, last visit now; an entity keeps the larger of
 * its two counts (a second visit may have painted less of a page that loads lazily, or more).
 */
export function mergeVisit(
  previous: RememberedArticle | undefined,
  visit: ArticleVisit,
  now: Date,
): RememberedArticle {
  const time = now.toISOString();
  const merged = new Map<string, ArticleEntity>();
  if (previous) {
    previous.keys.forEach((key, i) => {
      merged.set(key, { key, name: previous.names[i] ?? '', count: previous.counts[i] ?? 0 });
    });
  }
  for (const e of visit.entities) {
    const before = merged.get(e.key);
    merged.set(e.key, before && before.count > e.count ? before : e);
  }
  const entities = mostMentioned([...merged.values()]);
  const url = normalizeUrl(visit.url);
  return {
    url,
    title: (visit.title.trim() || previous?.title || url).slice(0, MAX_TITLE),
    site: siteOf(url),
    lang: visit.lang || previous?.lang || '',
    firstVisit: previous?.firstVisit ?? time,
    lastVisit: time,
    ...entityColumns(entities),
  };
}

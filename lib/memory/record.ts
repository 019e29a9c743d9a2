/**
 * What the memory keeps of one visit, as pure functions: the mentions of a page grouped into its
 * entities, and a visit merged into what was remembered of the article before.
 */
import type { Mention } from '../entities';
import { normalizeUrl } from '../notes/normalize-url';
import { entityKey } from './entity-key';
import type { ArticleEntity, ArticleVisit, RememberedArticle } from './model';

/** Entities kept per article, most mentioned first: a bound on storage, not on what is shown. */
export const MAX_ENTITIES_PER_ARTICLE = 60;
const MAX_TITLE = 300;
const MAX_NAME = 120;

/** The page's mentions grouped by memory key, each with its most used name and its count. */
export function articleEntities(mentions: readonly Mention[]): ArticleEntity[] {
  const byKey = new Map<string, { count: number; names: Map<string, number> }>();
  for (const mention of mentions) {
    const key = entityKey(mention);
    if (!key) continue;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { count: 0, names: new Map() };
      byKey.set(key, entry);
    }
    entry.count += 1;
    entry.names.set(mention.canonical, (entry.names.get(mention.canonical) ?? 0) + 1);
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
  return entities
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, MAX_ENTITIES_PER_ARTICLE);
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
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
  const entities = [...merged.values()]
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, MAX_ENTITIES_PER_ARTICLE);
  const url = normalizeUrl(visit.url);
  return {
    url,
    title: (visit.title.trim() || previous?.title || url).slice(0, MAX_TITLE),
    site: siteOf(url),
    lang: visit.lang || previous?.lang || '',
    firstVisit: previous?.firstVisit ?? time,
    lastVisit: time,
    keys: entities.map((e) => e.key),
    names: entities.map((e) => e.name),
    counts: entities.map((e) => e.count),
  };
}

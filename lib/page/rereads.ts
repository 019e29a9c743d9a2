/**
 * What to read again after the page changed its own content (mutation records batched by
 * lib/page/dom-changes.ts): data in, a plan out. Only the blocks that changed are read again
 * (lib/page/changes.ts); articles appended below the first (endless article pages) are read as
 * new roots; when the article was replaced, or a client-side navigation moved it, the page is
 * read afresh.
 */
import { textChanges } from './changes';
import { findArticleRoot, isReadable, isSkippedElement } from './text';

export type Rereads =
  /** Start over from this root (text seen before is not recognized again: cache by text). */
  | { reset: Element }
  | {
      reset?: undefined;
      /** The article roots now (new articles included). */
      roots: Element[];
      /** New articles, read whole (before the removed text goes). */
      articles: Element[];
      /** Scopes to read again, each with its root. */
      reads: Array<{ scope: Element; root: Element }>;
      /** Nodes that left the page: their text's marks go now. */
      removed: Node[];
    };

const ARTICLE_SELECTOR = 'article, [itemprop=articleBody]';

const rootIn = (roots: readonly Element[], node: Node): Element | null => {
  for (const r of roots) if (r === node || r.contains(node)) return r;
  return null;
};

/** Articles added outside the current roots (the next story of an endless article page). */
export function newArticles(
  doc: Document,
  records: readonly MutationRecord[],
  roots: readonly Element[],
): Element[] {
  const found: Element[] = [];
  const body = doc.body;
  if (!body) return found;
  const all = [...roots];
  for (const r of records) {
    for (const node of r.addedNodes) {
      if (node.nodeType !== 1 || !node.isConnected || rootIn(all, node)) continue;
      const el = node as Element;
      const candidates = el.matches(ARTICLE_SELECTOR)
        ? [el]
        : [...el.querySelectorAll(ARTICLE_SELECTOR)];
      for (const c of candidates) {
        if (rootIn(all, c) || !isReadable(c, body) || isSkippedElement(c)) continue;
        if (!c.querySelector('p')) continue;
        all.push(c);
        found.push(c);
      }
    }
  }
  return found;
}

export function planRereads(
  doc: Document,
  records: readonly MutationRecord[],
  before: { roots: readonly Element[]; url: string },
): Rereads {
  const kept = before.roots.filter((r) => r.isConnected);
  // The article was replaced (a route change re-rendered it): read the page afresh.
  if (kept.length === 0) return { reset: findArticleRoot(doc) };
  if (before.url !== doc.URL) {
    // Client-side navigation: if the article is now elsewhere, start over there.
    const fresh = findArticleRoot(doc);
    if (!kept.some((r) => r === fresh || r.contains(fresh))) return { reset: fresh };
  }
  const added = newArticles(doc, records, kept);
  const roots = [...kept, ...added];
  const reads: Array<{ scope: Element; root: Element }> = [];
  const changes = textChanges(records, (node) => rootIn(roots, node));
  for (const scope of changes.scopes) {
    const root = rootIn(roots, scope);
    if (root) reads.push({ scope, root });
  }
  return { roots, articles: added, reads, removed: changes.removed };
}

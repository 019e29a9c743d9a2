/**
 * Following the page's own changes: which article roots and which address the document was last
 * read under, and what a batch of mutation records (lib/page/dom-changes.ts) means for them
 * (lib/page/rereads.ts plans it). The annotator is told what to do: read a scope again, drop the
 * text that left, or start over from a new root.
 */
import { planRereads } from './rereads';

export interface FollowingOptions {
  doc: Document;
  /** The article root read first. */
  root: Element;
  /** Start over from `root` (the article was replaced, or a navigation moved it). */
  reset: (root: Element) => void;
  /** Read `scope` (in article `root`) again: new text, ahead of the rest of the first pass. */
  read: (scope: Element, root: Element) => void;
  /** Text under `node` left the page: its marks go now, not when its block is read again. */
  drop: (node: Node) => void;
  /** Marks were taken away (some text left). */
  dropped: () => void;
}

export interface Following {
  /** Act on one batch of the page's mutation records. */
  changed(records: readonly MutationRecord[]): void;
  /** The article roots now (new articles appended below included). */
  readonly roots: readonly Element[];
}

export function createFollowing(options: FollowingOptions): Following {
  const { doc } = options;
  let roots: Element[] = [options.root];
  let url = doc.URL;
  return {
    get roots() {
      return roots;
    },
    changed(records) {
      const plan = planRereads(doc, records, { roots, url });
      url = doc.URL;
      if (plan.reset) {
        roots = [plan.reset];
        options.reset(plan.reset);
        return;
      }
      roots = plan.roots;
      // New articles are read whole, before the removed text goes.
      for (const article of plan.articles) options.read(article, article);
      for (const node of plan.removed) options.drop(node);
      for (const { scope, root } of plan.reads) options.read(scope, root);
      if (plan.removed.length > 0) options.dropped();
    },
  };
}

/**
 * What a batch of DOM mutations means for the page text: which subtrees must be read again and
 * which left the page. Reading again is kept as local as block boundaries allow:
 *
 * - text edited or inline content added/removed → the nearest enclosing block (its paragraph);
 * - a block-level element added or removed between other blocks → that element alone (an
 *   infinite-scroll item is read by itself, its container is not read again);
 * - hidden/aria-hidden/contenteditable/role changed → the element (or its block).
 *
 * Glossa's own nodes (the hover card host, fallback <mark>s while painting) are ignored.
 */
import { closestGlossaHost, isGlossaHost } from './shadow-host';
import { closestBlock, isBlock } from './text';

export interface TextChanges {
  /** Elements to read again (deduplicated: none contains another). */
  scopes: Element[];
  /** Nodes that left their parent: the text under them is gone (unless also re-added). */
  removed: Node[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Block tags as a selector, to spot an added element that holds blocks (a custom "card"). */
const BLOCK_CHILD =
  'p, div, article, section, li, h1, h2, h3, h4, h5, h6, blockquote, table, ul, ol, figure, main, header, footer, dl';

function isOurs(node: Node): boolean {
  return isGlossaHost(node);
}

/** Element whose edges separate its text from its neighbours': a block, or an element holding blocks. */
function isBlockish(node: Node | null): boolean {
  if (!node || node.nodeType !== ELEMENT_NODE) return false;
  const el = node as Element;
  return isBlock(el) || el.querySelector(BLOCK_CHILD) !== null;
}

/** A neighbour that cannot join its text with an inserted/removed block's surroundings. */
function isSeparating(node: Node | null): boolean {
  if (!node) return true;
  if (node.nodeType === TEXT_NODE) return (node as Text).data.trim() === '';
  if (node.nodeType !== ELEMENT_NODE) return true; // comments and the like
  return isBlockish(node) || isOurs(node);
}

/**
 * Turn mutation records into scopes to read again. `rootOf(node)` gives the article root a node
 * belongs to (or null when it is outside every root: then the change is ignored here).
 */
export function textChanges(
  records: readonly MutationRecord[],
  rootOf: (node: Node) => Element | null,
): TextChanges {
  const scopes = new Set<Element>();
  const removed: Node[] = [];

  const addScope = (node: Node) => {
    const root = rootOf(node);
    if (!root) return;
    scopes.add(closestBlock(node, root));
  };

  for (const r of records) {
    const target = r.target;
    if (closestGlossaHost(target)) continue;
    if (r.type === 'characterData') {
      if (target.isConnected) addScope(target);
      continue;
    }
    if (r.type === 'attributes') {
      if (!target.isConnected) continue;
      const root = rootOf(target);
      if (root)
        scopes.add(isBlock(target as Element) ? (target as Element) : closestBlock(target, root));
      continue;
    }
    // childList
    let rereadTarget = false;
    for (const node of r.removedNodes) {
      if (isOurs(node)) continue;
      removed.push(node);
      // A removed block between blocks leaves the surrounding text as it was.
      if (!(isBlockish(node) && isSeparating(r.previousSibling) && isSeparating(r.nextSibling))) {
        rereadTarget = true;
      }
    }
    for (const node of r.addedNodes) {
      if (isOurs(node) || !node.isConnected) continue;
      if (node.nodeType === TEXT_NODE || node.nodeType === ELEMENT_NODE) {
        const alone =
          isBlockish(node) && isSeparating(node.previousSibling) && isSeparating(node.nextSibling);
        if (alone) {
          if (rootOf(node)) scopes.add(node as Element);
        } else {
          rereadTarget = true;
        }
      }
    }
    if (rereadTarget && target.isConnected) addScope(target);
  }

  // Drop scopes inside other scopes (or detached since): each subtree is read once.
  const out: Element[] = [];
  for (const scope of scopes) {
    if (!scope.isConnected) continue;
    let inner = false;
    for (let el = scope.parentElement; el; el = el.parentElement) {
      if (scopes.has(el)) {
        inner = true;
        break;
      }
    }
    if (!inner) out.push(scope);
  }
  return { scopes: out, removed };
}

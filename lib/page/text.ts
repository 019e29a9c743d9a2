/**
 * The page text model: find the article, then read its visible text nodes into one string
 * whose offsets map 1:1 onto the nodes' data (see lib/page/types.ts).
 *
 * DOM-only (no layout, no getComputedStyle), so it runs the same in jsdom and in the browser,
 * and every step is linear in the number of nodes.
 */
import { isGlossaHost } from './shadow-host';
import type { PageText, TextChunk } from './types';

/** Elements whose whole subtree is never article text: chrome, code, form fields, embedded media. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'head',
  'nav',
  'aside',
  'footer',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'svg',
  'math',
  'canvas',
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'form',
  'dialog',
]);

/** ARIA landmarks that mean the same as the skipped sectioning tags. */
const SKIPPED_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
]);

/** Elements that start a new line when rendered: text on either side must not join. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Sectioning ancestors that make a <header> the header of a piece of content, not of the page. */
const CONTENT_SECTION = 'article, section, main, [role=main], [itemprop=articleBody]';

/** Candidates for "the article", most specific markup first (order does not matter for scoring). */
const ROOT_CANDIDATES = 'article, [itemprop=articleBody], main, [role=main]';

/** A candidate must hold at least this share of the page's paragraph text, or we read the body. */
const MIN_SHARE_OF_PAGE = 1 / 3;
/** An inner candidate holding at least this share of the best one's text is the tighter article. */
const MIN_SHARE_OF_BEST = 0.7;

/**
 * Whether an element's subtree is left out of the page text.
 *
 * Decision on <header>: a header with no article/section/main ancestor is the page's banner
 * (site name, menus) and is skipped; a header inside an article or section is that content's own
 * header (headline, standfirst) and is read.
 */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  // Glossa's own card host (lib/page/shadow-host.ts, a <div>): known by identity, not by a name.
  if (tag === 'div' && isGlossaHost(el)) return true;
  if (tag === 'header' && el.parentElement?.closest(CONTENT_SECTION) == null) return true;
  // Most of an article's elements carry no attributes: one native call instead of four.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/**
 * The nearest block element at or above `node`, stopping at `root` (returned when no block is
 * found below it). Text inside it never joins text outside it, so it can be re-read on its own.
 */
export function closestBlock(node: Node, root: Element): Element {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && el !== root) {
    if (isBlock(el)) return el;
    el = el.parentElement;
  }
  return root;
}

/** Whether `el` and every ancestor up to `root` (inclusive) are read: none is skipped. */
export function isReadable(el: Element, root: Element): boolean {
  let at: Element | null = el;
  while (at) {
    if (isSkippedElement(at)) return false;
    if (at === root) return true;
    at = at.parentElement;
  }
  return false; // not under root
}

/**
 * Pick the element holding the article.
 *
 * Heuristic: score each `article`, `[itemprop=articleBody]`, `main`, `[role=main]` by the length of
 * the `<p>` text inside it (paragraphs under nav/aside/footer/forms/hidden do not count). Take the
 * highest score; if several nested candidates qualify (`main > article`), take the innermost one
 * that still holds ≥ 70 % of that score, so page furniture beside the article is left out. Read
 * the whole body instead when no candidate has paragraph text or the best one holds less than a
 * third of the page's paragraph text (a feed of many small `<article>` cards, or a `main` that
 * is not where the text is).
 *
 * Cost: linear — each element's context is computed once and shared by the paragraphs under it.
 */
export function findArticleRoot(doc: Document): Element {
  const steps = articleRootInSteps(doc, Number.POSITIVE_INFINITY);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * findArticleRoot in steps of `perStep` paragraphs, so a caller can hand the main thread back
 * between them on a page with thousands of paragraphs. The last next() returns the root.
 */
export function* articleRootInSteps(doc: Document, perStep = 300): Generator<void, Element, void> {
  const body = doc.body ?? doc.documentElement;
  const candidates = [...body.querySelectorAll(ROOT_CANDIDATES)];
  if (candidates.length === 0) return body;

  const isCandidate = new Set<Element>(candidates);
  // Per ancestor, memoised: null when inside a skipped subtree, else the candidates enclosing it.
  // Paragraphs share parents, so the whole pass stays linear in the number of elements.
  const context = new Map<Element, Element[] | null>();
  const contextOf = (start: Element): Element[] | null => {
    const path: Element[] = [];
    let el: Element | null = start;
    let known: Element[] | null | undefined;
    while (el && el !== body) {
      known = context.get(el);
      if (known !== undefined) break;
      path.push(el);
      el = el.parentElement;
    }
    let result: Element[] | null = known === undefined ? [] : known;
    for (let i = path.length - 1; i >= 0; i--) {
      const at = path[i] as Element;
      if (result !== null) {
        if (isSkippedElement(at)) result = null;
        else if (isCandidate.has(at)) result = [...result, at];
      }
      context.set(at, result);
    }
    return result;
  };

  const score = new Map<Element, number>();
  let pageScore = 0;
  let counted = 0;
  for (const p of body.querySelectorAll('p')) {
    if (++counted % perStep === 0) yield;
    const len = (p.textContent ?? '').trim().length;
    if (len === 0) continue;
    const enclosing = contextOf(p);
    if (enclosing === null) continue;
    pageScore += len;
    for (const el of enclosing) score.set(el, (score.get(el) ?? 0) + len);
  }

  let best: Element | null = null;
  let bestScore = 0;
  for (const el of candidates) {
    const s = score.get(el) ?? 0;
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best || bestScore < pageScore * MIN_SHARE_OF_PAGE) return body;

  // Qualifying candidates inside `best` form a chain (two disjoint ones cannot both hold > 50 %),
  // and querySelectorAll lists ancestors before descendants, so the last one is the innermost.
  let root = best;
  for (const el of candidates) {
    if (el !== best && best.contains(el) && (score.get(el) ?? 0) >= bestScore * MIN_SHARE_OF_BEST) {
      root = el;
    }
  }
  return root;
}

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
const TEXT_NODE = 3;

function isWhitespace(s: string): boolean {
  return s.trim() === '';
}

function isGlossaMark(node: Node | null): boolean {
  return (
    node !== null &&
    node.nodeType === 1 &&
    (node as Element).localName === 'mark' &&
    (node as Element).hasAttribute('data-glossa')
  );
}

/**
 * A piece of a text node split by Glossa's <mark> fallback. Never dropped as indentation: the
 * node it came from was read whole, so its pieces must all be read for the text to stay the same.
 */
function isSplitPiece(node: Text): boolean {
  return (
    isGlossaMark(node.parentNode) ||
    isGlossaMark(node.previousSibling) ||
    isGlossaMark(node.nextSibling)
  );
}

/** One run of text between block edges: a paragraph, a heading, a list item. */
export interface TextSegment {
  /** The run's text; never starts with whitespace, never contains a block separator. */
  text: string;
  /** Its text nodes, offsets local to `text` (the first chunk starts at 0). */
  chunks: TextChunk[];
}

export interface TextWalk {
  /**
   * Read on for at most about `maxNodes` nodes, or until `timeUp()` says so (asked every 128
   * nodes: node costs vary too much for a count alone to bound a step's time); returns true once
   * the whole root is read. Resumable, so a huge page is read in slices between which the page
   * stays responsive.
   */
  step(maxNodes: number, timeUp?: () => boolean): boolean;
  /** Whether the walk lost its place because the page removed the node it stood on. */
  readonly lost: boolean;
}

export interface TextWalkHandlers {
  /** Each finished segment, in document order. */
  segment(segment: TextSegment): void;
  /** Frames met in readable (not skipped) parts of the root: their text is in another document. */
  frame?(frame: HTMLIFrameElement | HTMLFrameElement): void;
}

/**
 * Read an element's visible text as segments, in document order.
 *
 * Walks with a TreeWalker (elements and text only), descending and climbing by hand so that
 * leaving a block is seen as well as entering it, and stepping over skipped subtrees instead of
 * entering them. The walker has no JS filter on purpose: a filter callback per node costs many
 * times the rest of the walk (docs/architecture.md, "Measured figures behind the code").
 * Whitespace-only nodes next to a block boundary (source indentation) are dropped; everywhere
 * else node text is kept as is, so chunk offsets equal node.data offsets. No recursion: any depth of nesting is fine.
 */
export function createTextWalk(root: Element, on: TextWalkHandlers): TextWalk {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);

  let parts: string[] = [];
  let chunks: TextChunk[] = [];
  let length = 0;
  let heldSpace: Text | null = null; // whitespace-only node, kept only if no block edge follows
  let node: Node | null = walker.firstChild();
  let lost = false;

  const emit = (text: Text) => {
    chunks.push({ node: text, start: length, end: length + text.data.length });
    parts.push(text.data);
    length += text.data.length;
  };
  const flush = () => {
    if (chunks.length > 0) on.segment({ text: parts.join(''), chunks });
    parts = [];
    chunks = [];
    length = 0;
  };
  const crossBlockEdge = () => {
    flush();
    heldSpace = null;
  };
  const visitText = (text: Text) => {
    const data = text.data;
    if (data.length === 0) return;
    if (isWhitespace(data) && !isSplitPiece(text)) {
      // Leading indentation of a block, or a space that may still be followed by a block edge.
      if (length === 0) return;
      if (heldSpace) emit(heldSpace);
      heldSpace = text;
      return;
    }
    if (heldSpace) emit(heldSpace);
    heldSpace = null;
    emit(text);
  };

  const step = (maxNodes: number, timeUp?: () => boolean): boolean => {
    if (node && !node.isConnected && root.isConnected) {
      lost = true; // the page removed where we stood: the caller re-reads
      node = null;
    }
    let budget = maxNodes;
    let walked = 0;
    // Iterative pre/post-order walk: each node is entered once and left once.
    while (node && budget-- > 0) {
      // Every 128 nodes, and never before the first: each step moves on.
      if (++walked % 128 === 0 && timeUp?.()) break;
      if (node.nodeType === TEXT_NODE) {
        visitText(node as Text);
      } else if (isSkippedElement(node as Element)) {
        // Not read, but a skipped block (<pre>, <form>, <nav>) still separates the text around it.
        const el = node as Element;
        if (isBlock(el)) crossBlockEdge();
        if (on.frame && (el.localName === 'iframe' || el.localName === 'frame')) {
          on.frame(el as HTMLIFrameElement);
        }
      } else {
        if (isBlock(node as Element)) crossBlockEdge();
        const child = walker.firstChild();
        if (child) {
          node = child;
          continue;
        }
      }
      // Move on: the next sibling, or climb, leaving (and closing) each finished block.
      for (;;) {
        const next: Node | null = walker.nextSibling();
        if (next) {
          node = next;
          break;
        }
        const parent: Node | null = walker.parentNode();
        if (!parent || parent === root) {
          node = null;
          break;
        }
        if (isBlock(parent as Element)) crossBlockEdge();
        node = parent;
      }
    }
    if (node) return false;
    if (heldSpace) emit(heldSpace);
    heldSpace = null;
    flush();
    return true;
  };

  return {
    step,
    get lost() {
      return lost;
    },
  };
}

/** Join segments into one PageText: exactly one "\n" between two segments. */
export function joinSegments(segments: readonly TextSegment[], root: Element): PageText {
  const parts: string[] = [];
  const chunks: TextChunk[] = [];
  let length = 0;
  for (const seg of segments) {
    if (length > 0) {
      parts.push('\n');
      length += 1;
    }
    for (const c of seg.chunks) {
      chunks.push({ node: c.node, start: c.start + length, end: c.end + length });
    }
    parts.push(seg.text);
    length += seg.text.length;
  }
  return { text: parts.join(''), chunks, root };
}

/** Read a whole element's segments at once. */
export function readSegments(root: Element): TextSegment[] {
  const segments: TextSegment[] = [];
  const walk = createTextWalk(root, { segment: (s) => segments.push(s) });
  while (!walk.step(Number.POSITIVE_INFINITY));
  return segments;
}

/**
 * Read an element's visible text into a PageText: its segments joined, so a block boundary
 * between two pieces of text becomes exactly one "\n".
 */
export function readText(root: Element): PageText {
  return joinSegments(readSegments(root), root);
}

/** The article's visible text, with offsets that map back to its text nodes. */
export function extractPageText(doc: Document): PageText {
  const root = findArticleRoot(doc);
  // An editor (designMode, or an editable body/root) holds the user's own draft: leave it alone.
  if (doc.designMode === 'on' || root.closest('[contenteditable]:not([contenteditable="false"])')) {
    return { text: '', chunks: [], root };
  }
  return readText(root);
}

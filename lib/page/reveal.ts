/**
 * "Show me that": scroll the page to a painted mention and flash it briefly — the side panel's
 * entity buttons (next mention of this entity, cycling) and the jump commands (next / previous
 * mark, of any category or one).
 *
 * The marks are what is painted now (paint.ts's paintedRanges: the ranges handed to
 * `CSS.highlights`, or the `<mark data-glossa>` fallback's), each asked of the page controller
 * for its page-wide name (`markAt`, the same lookup the hover card uses). The flash is one more
 * highlight, `glossa-FLASH`, registered for a moment above the others: no DOM node is added or
 * changed. With the `<mark>` fallback (no Highlight API) the page scrolls but nothing flashes.
 *
 * Only the top document is searched: marks in same-origin frames are counted in the side panel
 * but not reached from here.
 */
import type { PaintedType } from '../entities';
import type { EntityRef, JumpDirection, RevealResult } from '../messages/types';
import { paintedRanges } from './paint';
import { liveRange } from './ranges';
import { addDefaultStyles } from './styles';

export const FLASH_HIGHLIGHT = 'glossa-FLASH';
/** How long a flash stays, in ms. */
export const FLASH_MS = 1600;

export const FLASH_CSS = `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.9); color: #000; text-decoration: underline solid rgb(204, 51, 0); }`;

/** One painted mention: its entity (page-wide canonical name) and its range. */
export interface Mark extends EntityRef {
  range: AbstractRange;
}

/** The painted mention whose text holds the DOM point, or null (PageController.markAt). */
export type MarkAt = (node: Node, offset: number) => Mark | null;

export interface RevealerOptions {
  doc: Document;
  /** Aborted when the content script is cut off from the extension: take everything away. */
  signal?: AbortSignal;
  markAt: MarkAt;
  flashMs?: number;
  /** Bring a range into view (tests inject one; browsers scroll the window). */
  scroll?: (range: AbstractRange) => void;
  /**
   * Whether a range is on screen now: true/false, or null where there is no layout (jsdom).
   * Decides where "next" starts: from the mark shown last if it is still in view, else from the
   * top of the viewport.
   */
  onScreen?: (range: AbstractRange) => boolean | null;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface Revealer {
  /** The next mention of entity after the one shown last (cycling), scrolled to and flashed. */
  reveal(entity: EntityRef): RevealResult;
  /** The next or previous painted mark (of one category, or of any), scrolled to and flashed. */
  jump(direction: JumpDirection, only?: PaintedType): RevealResult;
  /** Take the flash and its styles away. */
  dispose(): void;
}

interface HighlightLike {
  priority?: number;
}
interface RegistryLike {
  get(name: string): unknown;
  set(name: string, value: unknown): unknown;
  delete(name: string): boolean;
}
interface HighlightApi {
  registry: RegistryLike;
  Highlight: new (...ranges: AbstractRange[]) => HighlightLike;
}

/** The Highlight API of the document's window (as paint.ts finds it), or null. */
function highlightApi(doc: Document): HighlightApi | null {
  type Scope = { CSS?: { highlights?: RegistryLike }; Highlight?: unknown };
  for (const g of [doc.defaultView as unknown as Scope | null, globalThis as unknown as Scope]) {
    const registry = g?.CSS?.highlights;
    if (registry && typeof g?.Highlight === 'function') {
      return { registry, Highlight: g.Highlight as HighlightApi['Highlight'] };
    }
  }
  return null;
}

/** Document order of two boundary points: negative when a comes first. */
export function comparePoints(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  const position = aNode.compareDocumentPosition(bNode);
  if (position & 4 /* FOLLOWING */) return -1;
  if (position & 2 /* PRECEDING */) return 1;
  return 0;
}

const compareRanges = (a: AbstractRange, b: AbstractRange) =>
  comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);

/** Every painted mark of the document, in document order (ranges still on the page only). */
export function pageMarks(doc: Document, markAt: MarkAt): Mark[] {
  const marks: Mark[] = [];
  for (const { type, range } of paintedRanges(doc)) {
    if (!range.startContainer.isConnected) continue;
    // The page-wide canonical name, as the side panel lists it.
    const mark = markAt(range.startContainer, range.startOffset);
    if (mark) marks.push({ type, canonical: mark.canonical, range });
  }
  return marks.sort((a, b) => compareRanges(a.range, b.range));
}

function boxOf(doc: Document, r: AbstractRange): DOMRect | null {
  const range = liveRange(doc, r);
  if (!range || typeof range.getBoundingClientRect !== 'function') return null;
  return range.getBoundingClientRect();
}

/** Whether the range lies inside the window's viewport, with a margin; null without layout. */
export function rangeOnScreen(doc: Document, r: AbstractRange, margin = 0): boolean | null {
  const win = doc.defaultView;
  const box = boxOf(doc, r);
  if (!win || !box) return null;
  if (box.width === 0 && box.height === 0) return false;
  return box.top >= margin && box.bottom <= win.innerHeight - margin;
}

/**
 * Scroll so the range is in view: nested scroll boxes through its element, then the window so
 * the mention sits in the middle. A mention already well inside the viewport does not move.
 */
export function scrollToRange(doc: Document, r: AbstractRange): void {
  const win = doc.defaultView;
  if (!win) return;
  const margin = Math.min(60, win.innerHeight / 6);
  if (rangeOnScreen(doc, r, margin)) return;
  const node = r.startContainer;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (typeof element?.scrollIntoView === 'function') {
    element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  }
  const box = boxOf(doc, r);
  if (!box) return;
  const offset = box.top + box.height / 2 - win.innerHeight / 2;
  if (Math.abs(offset) >= 1) win.scrollBy({ top: offset, behavior: 'instant' });
}

/** The index to go to: after `from` (or at/after the viewport's first mark) in one direction. */
export function nextIndex(
  count: number,
  direction: JumpDirection,
  from: { index: number; exact: boolean } | null,
): number {
  if (count === 0) return -1;
  const step = direction === 'next' ? 1 : -1;
  if (!from) return direction === 'next' ? 0 : count - 1;
  // `exact`: from is a candidate itself (move past it); else it is where the next candidate
  // would be inserted (the next one is there, the previous one just before).
  const target = from.exact || direction === 'previous' ? from.index + step : from.index;
  return ((target % count) + count) % count;
}

/** Where `range` falls among sorted marks: its own index, or the index of the first after it. */
function locate(marks: readonly Mark[], range: AbstractRange): { index: number; exact: boolean } {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRanges((marks[mid] as Mark).range, range) < 0) lo = mid + 1;
    else hi = mid;
  }
  const at = marks[lo];
  const exact = at !== undefined && (at.range === range || compareRanges(at.range, range) === 0);
  return { index: lo, exact };
}

export function createRevealer(options: RevealerOptions): Revealer {
  const { doc, markAt } = options;
  const flashMs = options.flashMs ?? FLASH_MS;
  const scroll = options.scroll ?? ((r: AbstractRange) => scrollToRange(doc, r));
  const onScreen = options.onScreen ?? ((r: AbstractRange) => rangeOnScreen(doc, r));
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancel =
    options.clearTimeout ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));

  /** The mark shown last: "next" goes on from it while it is still on the page and in view. */
  let last: AbstractRange | null = null;
  let flashTimer: unknown = null;
  let flashing: HighlightLike | null = null;
  let removeStyles: (() => void) | null = null;

  const unflash = () => {
    if (flashTimer !== null) cancel(flashTimer);
    flashTimer = null;
    const api = highlightApi(doc);
    if (api && flashing && api.registry.get(FLASH_HIGHLIGHT) === flashing) {
      api.registry.delete(FLASH_HIGHLIGHT);
    }
    flashing = null;
  };

  const flash = (range: AbstractRange) => {
    unflash();
    const api = highlightApi(doc);
    if (!api) return;
    removeStyles ??= addDefaultStyles(doc, FLASH_CSS);
    const highlight = new api.Highlight(range);
    highlight.priority = 10; // above the entity and note highlights
    api.registry.set(FLASH_HIGHLIGHT, highlight);
    flashing = highlight;
    flashTimer = later(unflash, flashMs);
  };

  /** Where the reader is: the last mark shown (if still there and in view), else the viewport. */
  const position = (candidates: readonly Mark[]): { index: number; exact: boolean } | null => {
    if (last?.startContainer.isConnected && onScreen(last) !== false) {
      return locate(candidates, last);
    }
    last = null;
    // The first candidate on screen or below it; without layout, the start of the page.
    for (let i = 0; i < candidates.length; i++) {
      const range = (candidates[i] as Mark).range;
      const seen = onScreen(range);
      if (seen === null) return null;
      if (seen) return { index: i, exact: false };
      const box = boxOf(doc, range);
      if (box && box.top > 0) return { index: i, exact: false };
    }
    return { index: candidates.length, exact: false };
  };

  const show = (candidates: readonly Mark[], index: number): RevealResult => {
    const mark = candidates[index];
    if (!mark) return { ok: false, reason: 'not-found' };
    last = mark.range;
    try {
      scroll(mark.range);
    } finally {
      flash(mark.range);
    }
    return {
      ok: true,
      index,
      count: candidates.length,
      text: liveRange(doc, mark.range)?.toString() ?? '',
      entity: { type: mark.type, canonical: mark.canonical },
    };
  };

  const revealer: Revealer = {
    reveal(entity) {
      const marks = pageMarks(doc, markAt);
      if (marks.length === 0) return { ok: false, reason: 'not-painted' };
      const mine = marks.filter((m) => m.type === entity.type && m.canonical === entity.canonical);
      return show(mine, nextIndex(mine.length, 'next', position(mine)));
    },
    jump(direction, only) {
      const marks = pageMarks(doc, markAt);
      if (marks.length === 0) return { ok: false, reason: 'not-painted' };
      const candidates = only ? marks.filter((m) => m.type === only) : marks;
      return show(candidates, nextIndex(candidates.length, direction, position(candidates)));
    },
    dispose() {
      unflash();
      removeStyles?.();
      removeStyles = null;
      last = null;
    },
  };
  options.signal?.addEventListener('abort', () => revealer.dispose(), { once: true });
  return revealer;
}

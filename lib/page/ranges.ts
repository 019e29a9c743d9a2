/**
 * Page-text offsets ⇄ DOM positions. Chunks are sorted and non-overlapping, so every lookup is a
 * binary search; separators ("\n" between blocks) belong to no node.
 */
import type { PageText, TextChunk } from './types';

/** Index of the first chunk whose end is after `offset` (chunks.length if none). */
export function chunkIndexAfter(chunks: readonly TextChunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunks[mid] as TextChunk).end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last chunk whose start is before `offset` (-1 if none). */
export function chunkIndexBefore(chunks: readonly TextChunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunks[mid] as TextChunk).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The DOM boundary points of page-text offsets [start, end). A span that crosses nodes spans them;
 * ends that fall in a separator are pulled in to the nearest text. Null for an empty or
 * out-of-bounds span, or when the nodes no longer hold the text (the page changed). Builds no
 * Range: a StaticRange can be made straight from it (live Ranges cost on every page mutation).
 */
export function boundsFromOffsets(
  pageText: PageText,
  start: number,
  end: number,
): StaticRangeInit | null {
  const { chunks } = pageText;
  if (!(start >= 0 && end <= pageText.text.length && start < end)) return null;
  const first = chunks[chunkIndexAfter(chunks, start)];
  const last = chunks[chunkIndexBefore(chunks, end)];
  if (!first || !last) return null;
  const from = Math.max(start, first.start);
  const to = Math.min(end, last.end);
  if (from >= to) return null;
  const startOffset = from - first.start;
  const endOffset = to - last.start;
  if (startOffset > first.node.length || endOffset > last.node.length) return null;
  return { startContainer: first.node, startOffset, endContainer: last.node, endOffset };
}

/** A live DOM Range covering page-text offsets [start, end) (see boundsFromOffsets), or null. */
export function rangeFromOffsets(
  pageText: PageText,
  start: number,
  end: number,
  doc: Document,
): Range | null {
  const bounds = boundsFromOffsets(pageText, start, end);
  if (!bounds) return null;
  try {
    const range = doc.createRange();
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
    return range;
  } catch {
    return null; // a node was moved or removed by the page
  }
}

const chunkIndexCache = new WeakMap<PageText, Map<Text, number>>();

/** Position of a text node among the page text's chunks, or -1 if it holds no page text. */
export function chunkIndexOfNode(pageText: PageText, node: Node): number {
  let index = chunkIndexCache.get(pageText);
  if (!index) {
    index = new Map(pageText.chunks.map((c, i) => [c.node, i]));
    chunkIndexCache.set(pageText, index);
  }
  return index.get(node as Text) ?? -1;
}

/**
 * The page-text offset of any DOM boundary point, never null: inside a chunk's node it is exact;
 * anywhere else (an element, a skipped or dropped text node, outside the article) it snaps forward
 * to the start of the next page text (or to the end of the text).
 */
export function snapOffset(pageText: PageText, node: Node, offset: number): number {
  const { chunks } = pageText;
  const i = chunkIndexOfNode(pageText, node);
  if (i >= 0) {
    const chunk = chunks[i] as TextChunk;
    return chunk.start + Math.max(0, Math.min(offset, chunk.end - chunk.start));
  }
  const doc = node.ownerDocument ?? (node as Document);
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    point.setStart(node, 0);
  }
  point.collapse(true);
  // First chunk that is at or after the point: comparePoint(n, 0) is 1 when (n, 0) is after it.
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = chunks[mid] as TextChunk;
    let after: boolean;
    try {
      after = point.comparePoint(c.node, 0) >= 0;
    } catch {
      after = false; // chunk detached from the document: treat as before, keep searching right
    }
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return lo < chunks.length ? (chunks[lo] as TextChunk).start : pageText.text.length;
}

/**
 * The page-text offset of a DOM boundary point (as in a Range or a caret position), or null when
 * the point is outside the article root. Points inside the article but not in its text (an
 * element boundary, a skipped <code> block) snap to the next text.
 */
export function offsetFromPoint(pageText: PageText, node: Node, offset: number): number | null {
  if (node !== pageText.root && !pageText.root.contains(node)) return null;
  return snapOffset(pageText, node, offset);
}

/** A live Range over an abstract (static) one, for layout queries; null if no longer valid. */
export function liveRange(doc: Document, r: AbstractRange): Range | null {
  if (typeof (r as Range).getClientRects === 'function') return r as Range;
  try {
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null; // the page changed the text under it
  }
}

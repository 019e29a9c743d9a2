/**
 * What the entity card can be asked about: the painted mentions at a DOM point (CardSource), and
 * the hit test that turns a viewport point into the mention under it.
 */
import type { Mention } from '../entities';
import {
  type CaretPoint,
  defaultCaretAt,
  defaultRectsOf,
  type RectLike,
  rectAtPoint,
} from './hit-test';
import { chunkIndexOfNode, liveRange, rangeFromOffsets } from './ranges';
import type { PageText, TextChunk } from './types';

export interface CardHit {
  mention: Mention;
  /** The painted range of the mention (a StaticRange in browsers). */
  range: AbstractRange;
}

/** What the card says about a mention's entity. */
export interface EntityDescription {
  /** Its page-wide name. */
  canonical: string;
  /** How often the page mentions it. */
  count: number;
  /** Its id when a register knows it (lib/entity-id.ts), for what Glossa remembers of it. */
  id?: string;
}

export interface CardSource {
  /** Painted mentions whose text contains the DOM point (node, offset) or ends there. */
  lookup(node: Node, offset: number): readonly CardHit[];
  describe(mention: Mention): EntityDescription;
}

/** Index of the mention containing `offset` (start ≤ offset < end), or -1. */
export function mentionIndexAt(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((mentions[mid] as Mention).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && offset < (mentions[i] as Mention).end ? i : -1;
}

/** The painted mention under a viewport point, with the rect the point is in, or null. */
export function hitTest(
  doc: Document,
  source: CardSource,
  x: number,
  y: number,
  caretAt: (doc: Document, x: number, y: number) => CaretPoint | null = defaultCaretAt,
  rectsOf: (range: Range) => ArrayLike<RectLike> = defaultRectsOf,
): { mention: Mention; rect: RectLike } | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  // The caret lands between characters: over a mention's last half-character it sits at its end.
  for (const hit of source.lookup(caret.node, caret.offset)) {
    const range = liveRange(doc, hit.range);
    if (!range) continue;
    const rect = rectAtPoint(rectsOf(range), x, y);
    if (rect) return { mention: hit.mention, rect };
  }
  return null;
}

/**
 * A CardSource over one PageText and its painted mentions (sorted, non-overlapping): how a card
 * is driven when a whole text is painted at once (tests, tools).
 */
export function pageTextSource(
  doc: Document,
  pageText: PageText,
  mentions: readonly Mention[],
  count: (mention: Mention) => number,
): CardSource {
  return {
    lookup(node, offset) {
      const i = chunkIndexOfNode(pageText, node);
      if (i < 0) return [];
      const chunk = pageText.chunks[i] as TextChunk;
      const at = chunk.start + Math.max(0, Math.min(offset, chunk.end - chunk.start));
      const hits: CardHit[] = [];
      for (const o of [at, at - 1]) {
        const m = mentions[mentionIndexAt(mentions, o)];
        if (!m || hits.some((h) => h.mention === m)) continue;
        const range = rangeFromOffsets(pageText, m.start, m.end, doc);
        if (range) hits.push({ mention: m, range });
      }
      return hits;
    },
    describe: (mention) =>
      mention.id
        ? { canonical: mention.canonical, count: count(mention), id: mention.id }
        : { canonical: mention.canonical, count: count(mention) },
  };
}

/**
 * The article's text segments on the page now (runs of text between block edges, read by
 * lib/page/text.ts), with their recognized mentions and marks, found again from any of their text
 * nodes. Painting goes through the painter given (lib/page/paint.ts); `quietly` keeps Glossa's own
 * DOM changes (the <mark> fallback) from being seen as page changes.
 */
import type { Mention } from '../entities';
import { mentionIndexAt } from './card-source';
import type { Painter, TextPaint } from './paint';
import type { TextSegment } from './text';
import type { TextChunk } from './types';

export interface Segment {
  text: string;
  /** Words of the text, counted when first asked for (only the timing report reads them). */
  words: number | null;
  chunks: TextChunk[];
  root: Element;
  /** Recognized mentions in segment offsets, or null while waiting for recognition. */
  mentions: Mention[] | null;
  /** PageNames.version when recognized. */
  version: number;
  /** Mentions of pieces recognized so far, and how many pieces are still queued. */
  collected: Mention[];
  piecesLeft: number;
  paint: TextPaint | null;
  dead: boolean;
}

export interface Hit {
  mention: Mention;
  range: AbstractRange;
}

/** Words of a text: runs of non-space characters. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Whether a segment read again is the one already on the page: same text, same nodes. */
export function sameSegment(seg: Segment, read: TextSegment): boolean {
  return (
    seg.text === read.text &&
    seg.chunks.length === read.chunks.length &&
    seg.chunks.every((c, i) => c.node === read.chunks[i]?.node)
  );
}

/**
 * A scope read again: which old segments stay as they are, and which read segments are new
 * (pure). Segments whose nodes left the page while it was read are neither: a later change reads
 * that place again.
 */
export function matchReads(
  old: Iterable<Segment>,
  reads: readonly TextSegment[],
): { kept: Set<Segment>; fresh: TextSegment[] } {
  const byFirstNode = new Map<Text, Segment>();
  for (const seg of old) {
    const first = seg.chunks[0];
    if (first) byFirstNode.set(first.node, seg);
  }
  const kept = new Set<Segment>();
  const fresh: TextSegment[] = [];
  for (const read of reads) {
    if (read.chunks.some((c) => !c.node.isConnected)) continue;
    const same = byFirstNode.get((read.chunks[0] as TextChunk).node);
    if (same && !kept.has(same) && sameSegment(same, read)) kept.add(same);
    else fresh.push(read);
  }
  return { kept, fresh };
}

/** Painted mentions whose text holds `at` (a segment offset) or ends there. */
export function hitsAt(paint: TextPaint, at: number): Hit[] {
  const hits: Hit[] = [];
  const { mentions, ranges } = paint;
  for (const o of [at, at - 1]) {
    const i = mentionIndexAt(mentions, o);
    const m = mentions[i];
    const range = ranges[i];
    if (i >= 0 && m && range && !hits.some((h) => h.mention === m))
      hits.push({ mention: m, range });
  }
  return hits;
}

export interface Segments {
  readonly chars: number;
  readonly words: number;
  readonly size: number;
  readonly empty: boolean;
  /** A segment just read (not recognized yet). */
  add(read: TextSegment, root: Element): Segment;
  /** The segment left the page: its marks go. */
  drop(seg: Segment): void;
  paint(seg: Segment): void;
  unpaint(seg: Segment): void;
  /** Segments whose text nodes are under `scope`. */
  under(scope: Node): Set<Segment>;
  lookup(node: Node, offset: number): Hit[];
  painted(): Iterable<Mention>;
  [Symbol.iterator](): Iterator<Segment>;
  /** Forget them all (the painter takes the marks away). */
  clear(): void;
}

export function createSegments(
  doc: Document,
  painter: Painter,
  quietly: <T>(fn: () => T) => T,
  onMarks: (count: number) => void,
): Segments {
  const live = new Set<Segment>();
  const byNode = new Map<Text, Segment>();
  let chars = 0;

  const mapNodes = (seg: Segment, chunks: readonly TextChunk[]) => {
    for (const c of chunks) byNode.set(c.node, seg);
  };
  const unmapNodes = (seg: Segment, chunks: readonly TextChunk[]) => {
    for (const c of chunks) if (byNode.get(c.node) === seg) byNode.delete(c.node);
  };

  const unpaint = (seg: Segment) => {
    const paint = seg.paint;
    if (!paint) return;
    seg.paint = null;
    unmapNodes(seg, paint.chunks);
    quietly(() => painter.unpaint(paint));
    mapNodes(seg, seg.chunks);
  };

  const paint = (seg: Segment) => {
    if (seg.dead || !seg.mentions) return;
    unpaint(seg);
    if (seg.mentions.length === 0) return;
    const mentions = seg.mentions;
    const done = quietly(() =>
      painter.paint({ text: seg.text, chunks: seg.chunks, root: seg.root }, mentions),
    );
    seg.paint = done;
    mapNodes(seg, done.chunks);
    if (painter.mode === 'wrap') onMarks(done.mentions.length);
  };

  return {
    get chars() {
      return chars;
    },
    get words() {
      let n = 0;
      for (const seg of live) {
        seg.words ??= countWords(seg.text);
        n += seg.words;
      }
      return n;
    },
    get size() {
      return live.size;
    },
    get empty() {
      return byNode.size === 0;
    },
    add(read, root) {
      const seg: Segment = {
        text: read.text,
        words: null,
        chunks: read.chunks,
        root,
        mentions: null,
        version: 0,
        collected: [],
        piecesLeft: 0,
        paint: null,
        dead: false,
      };
      live.add(seg);
      chars += seg.text.length;
      mapNodes(seg, seg.chunks);
      return seg;
    },
    drop(seg) {
      if (seg.dead) return;
      seg.dead = true;
      unpaint(seg);
      unmapNodes(seg, seg.chunks);
      live.delete(seg);
      chars -= seg.text.length;
    },
    paint,
    unpaint,
    under(scope) {
      const found = new Set<Segment>();
      if (byNode.size === 0) return found;
      if (scope.nodeType === 3) {
        const seg = byNode.get(scope as Text);
        if (seg) found.add(seg);
        return found;
      }
      const walker = doc.createTreeWalker(scope, 0x4 /* SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const seg = byNode.get(n as Text);
        if (seg) found.add(seg);
      }
      return found;
    },
    lookup(node, offset) {
      const paint = byNode.get(node as Text)?.paint;
      const chunk = paint?.chunks.find((c) => c.node === node);
      if (!paint || !chunk) return [];
      return hitsAt(paint, chunk.start + Math.max(0, Math.min(offset, chunk.end - chunk.start)));
    },
    *painted() {
      for (const seg of live) if (seg.paint) yield* seg.paint.mentions;
    },
    [Symbol.iterator]: () => live.values(),
    clear() {
      live.clear();
      chars = 0;
      byNode.clear();
    },
  };
}

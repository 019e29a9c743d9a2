/** Which saved notes lie under a viewport point (lib/page/hit-test.ts for how a point is tested). */
import {
  type CaretPoint,
  defaultCaretAt,
  defaultRectsOf,
  type RectLike,
  rectAtPoint,
} from './hit-test';
import type { PlacedNote } from './note-anchoring';
import { chunkIndexOfNode, rangeFromOffsets } from './ranges';
import type { PageText, TextChunk } from './types';

/** The notes under a viewport point (overlapping notes: all of them, shortest first). */
export function notesAtPoint(
  doc: Document,
  pageText: PageText,
  placed: readonly PlacedNote[],
  x: number,
  y: number,
  caretAt: (doc: Document, x: number, y: number) => CaretPoint | null = defaultCaretAt,
  rectsOf: (range: Range) => ArrayLike<RectLike> = defaultRectsOf,
): { notes: PlacedNote[]; rect: RectLike } | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const i = chunkIndexOfNode(pageText, caret.node);
  if (i < 0) return null;
  const chunk = pageText.chunks[i] as TextChunk;
  const offset = chunk.start + Math.min(caret.offset, chunk.end - chunk.start);
  // The caret lands between characters: over a quote's last half-character it sits at its end.
  const candidates = placed.filter((p) => p.start <= offset && offset <= p.end);
  const hits: PlacedNote[] = [];
  let hitRect: RectLike | null = null;
  for (const p of candidates) {
    const range = rangeFromOffsets(pageText, p.start, p.end, doc);
    if (!range) continue;
    const rect = rectAtPoint(rectsOf(range), x, y);
    if (rect) {
      hits.push(p);
      hitRect ??= rect;
    }
  }
  if (!hitRect) return null;
  hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  return { notes: hits, rect: hitRect };
}

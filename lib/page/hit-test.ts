/**
 * Hit-testing a viewport point against text on the page, shared by the entity card and the note
 * card: highlights give no events, so the pointer's point is turned into a caret (text node,
 * offset), and a candidate range counts only if the point lies in one of its client rects (a
 * caret snaps to the nearest text, even from the margin).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Caret at a viewport point: caretPositionFromPoint (standard) or caretRangeFromPoint (WebKit). */
export function defaultCaretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p?.offsetNode ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Client rects of a range, as the browser lays it out. */
export const defaultRectsOf = (range: Range): ArrayLike<RectLike> => range.getClientRects();

const SLOP = 1; // px: rects are fractional; a pointer on the edge still counts

/** Whether a viewport point is in a rect (with a pixel of slop). */
export function pointInRect(rect: RectLike, x: number, y: number): boolean {
  return (
    x >= rect.left - SLOP &&
    x <= rect.right + SLOP &&
    y >= rect.top - SLOP &&
    y <= rect.bottom + SLOP
  );
}

/** The first of `rects` the point lies in, or null. */
export function rectAtPoint(rects: ArrayLike<RectLike>, x: number, y: number): RectLike | null {
  for (let r = 0; r < rects.length; r++) {
    const rect = rects[r] as RectLike;
    if (pointInRect(rect, x, y)) return rect;
  }
  return null;
}

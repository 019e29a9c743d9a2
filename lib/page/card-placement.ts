/**
 * Where a card goes next to the text it describes: pure placement (anchor rect, card size,
 * viewport → top-left corner), and one function that applies it to a card element. The entity
 * card opens below its mark and the note card above its quote, so both can be read at once.
 */
import type { RectLike } from './hit-test';

const GAP = 6; // px between the text and the card
const MARGIN = 4; // px kept from the viewport edges

export interface Size {
  width: number;
  height: number;
}

export interface Corner {
  left: number;
  top: number;
}

/** Left edge under the anchor, kept inside the viewport. */
function clampedLeft(anchor: RectLike, size: Size, viewport: Size): number {
  return Math.max(MARGIN, Math.min(anchor.left, viewport.width - size.width - MARGIN));
}

/** Below the anchor; above it when there is no room below and room above. */
export function placeBelow(anchor: RectLike, size: Size, viewport: Size): Corner {
  let top = anchor.bottom + GAP;
  if (top + size.height > viewport.height - MARGIN && anchor.top - GAP - size.height >= MARGIN) {
    top = anchor.top - GAP - size.height;
  }
  return { left: clampedLeft(anchor, size, viewport), top };
}

/** Above the anchor; below it (kept on screen) when there is no room above. */
export function placeAbove(anchor: RectLike, size: Size, viewport: Size): Corner {
  let top = anchor.top - GAP - size.height;
  if (top < MARGIN) top = Math.min(anchor.bottom + GAP, viewport.height - size.height - MARGIN);
  return { left: clampedLeft(anchor, size, viewport), top: Math.max(MARGIN, top) };
}

/** Move `card` (position: fixed) next to `anchor` as `place` says, in whole pixels. */
export function positionCard(
  card: HTMLElement,
  anchor: RectLike,
  place: (anchor: RectLike, size: Size, viewport: Size) => Corner,
): void {
  const win = card.ownerDocument.defaultView;
  const viewport = { width: win?.innerWidth ?? 1024, height: win?.innerHeight ?? 768 };
  const box = card.getBoundingClientRect();
  const size = { width: box.width || 0, height: box.height || 0 };
  const { left, top } = place(anchor, size, viewport);
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}

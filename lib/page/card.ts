/**
 * The hover card: what a painted mark is, and how often it occurs on the page.
 *
 * Highlights give no events, so the pointer is hit-tested: point → caret (text node, offset) →
 * page-text offset → mention (binary search) → confirm the point lies in one of the mention's
 * client rects (a caret snaps to the nearest text, even from the margin). Pointer moves are
 * coalesced to one hit test per animation frame.
 *
 * The card lives in an open shadow root on a `<glossa-card>` host appended to <html>, created on
 * first show and removed by destroy(). Built with textContent only; page CSS cannot reach it
 * (`all: initial` on the host, styles inside the shadow root).
 */
import { type EntityType, type Mention, TYPE_LABELS } from '../entities';
import { chunkIndexOfNode, rangeFromOffsets } from './ranges';
import { CARD_HOST_TAG } from './text';
import type { PageText, TextChunk } from './types';

export interface CardSource {
  /** The page text valid for the current painting (see Painting.pageText). */
  pageText(): PageText;
  /** Painted mentions, sorted by start, non-overlapping. */
  mentions(): readonly Mention[];
  /** Occurrences on the page of the entity this mention names. */
  count(mention: Mention): number;
}

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

export interface HoverCardOptions {
  /** Caret at a viewport point; defaults to caretPositionFromPoint / caretRangeFromPoint. */
  caretAt?: (doc: Document, x: number, y: number) => CaretPoint | null;
  /** Client rects of a range; defaults to range.getClientRects(). */
  rectsOf?: (range: Range) => ArrayLike<RectLike>;
  /** Run a callback before the next paint; defaults to requestAnimationFrame. */
  schedule?: (callback: () => void) => void;
}

export interface HoverCard {
  /** Show the card for a mention, placed next to `rect` (viewport coordinates). */
  show(mention: Mention, rect: RectLike): void;
  hide(): void;
  /** The mention the card is showing, or null when hidden. */
  readonly current: Mention | null;
  /** Remove listeners and the host element. */
  destroy(): void;
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

const SLOP = 1; // px: rects are fractional; a pointer on the edge still counts

function contains(rect: RectLike, x: number, y: number): boolean {
  return (
    x >= rect.left - SLOP &&
    x <= rect.right + SLOP &&
    y >= rect.top - SLOP &&
    y <= rect.bottom + SLOP
  );
}

/** The painted mention under a viewport point, with the rect the point is in, or null. */
export function hitTest(
  doc: Document,
  source: CardSource,
  x: number,
  y: number,
  caretAt: (doc: Document, x: number, y: number) => CaretPoint | null = defaultCaretAt,
  rectsOf: (range: Range) => ArrayLike<RectLike> = (r) => r.getClientRects(),
): { mention: Mention; rect: RectLike } | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const pageText = source.pageText();
  const i = chunkIndexOfNode(pageText, caret.node);
  if (i < 0) return null;
  const chunk = pageText.chunks[i] as TextChunk;
  const offset = chunk.start + Math.min(caret.offset, chunk.end - chunk.start);
  const mentions = source.mentions();
  // The caret lands between characters: over a mention's last half-character it sits at its end.
  const tried = new Set<number>();
  for (const o of [offset, offset - 1]) {
    const k = mentionIndexAt(mentions, o);
    if (k < 0 || tried.has(k)) continue;
    tried.add(k);
    const mention = mentions[k] as Mention;
    const range = rangeFromOffsets(pageText, mention.start, mention.end, doc);
    if (!range) continue;
    const rects = rectsOf(range);
    for (let r = 0; r < rects.length; r++) {
      const rect = rects[r] as RectLike;
      if (contains(rect, x, y)) return { mention, rect };
    }
  }
  return null;
}

export function occurrencesLabel(count: number): string {
  return count === 1 ? '1 occurrence on this page' : `${count} occurrences on this page`;
}

/** Okabe–Ito accents, matching the page highlights (lib/page/paint.ts). */
const ACCENT: Record<EntityType, string> = {
  PER: 'rgb(0, 114, 178)',
  LOC: 'rgb(213, 94, 0)',
  TREATY: 'rgb(0, 158, 115)',
  ORG: 'rgb(102, 102, 102)',
};

const HOST_STYLE =
  'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; ' +
  'z-index: 2147483647; pointer-events: none;';

const CARD_CSS = `
.card {
  position: fixed;
  box-sizing: border-box;
  max-width: 320px;
  padding: 8px 12px;
  border-left: 4px solid var(--accent);
  border-radius: 6px;
  background: #fff;
  color: #1a1a1a;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  white-space: normal;
  pointer-events: none;
}
.card[hidden] { display: none; }
.type { font-size: 12px; font-weight: 600; color: var(--accent); letter-spacing: 0.02em; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; overflow-wrap: anywhere; }
.count { font-size: 12px; color: #555; }
`;

const GAP = 6; // px between the mark and the card
const MARGIN = 4; // px kept from the viewport edges

export function createHoverCard(
  doc: Document,
  source: CardSource,
  options: HoverCardOptions = {},
): HoverCard {
  const win = doc.defaultView;
  const caretAt = options.caretAt ?? defaultCaretAt;
  const rectsOf = options.rectsOf ?? ((r: Range) => r.getClientRects());
  const schedule =
    options.schedule ??
    ((cb: () => void) =>
      win?.requestAnimationFrame ? win.requestAnimationFrame(() => cb()) : setTimeout(cb, 16));

  let host: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let typeEl: HTMLElement | null = null;
  let nameEl: HTMLElement | null = null;
  let countEl: HTMLElement | null = null;
  let current: Mention | null = null;
  let dismissed: Mention | null = null; // hidden with Escape: stays hidden until the pointer leaves it
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  let destroyed = false;

  const build = () => {
    host = doc.createElement(CARD_HOST_TAG);
    host.setAttribute('style', HOST_STYLE);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    typeEl = doc.createElement('div');
    typeEl.className = 'type';
    nameEl = doc.createElement('div');
    nameEl.className = 'name';
    countEl = doc.createElement('div');
    countEl.className = 'count';
    card.append(typeEl, nameEl, countEl);
    shadow.append(style, card);
    doc.documentElement.append(host);
  };

  const place = (rect: RectLike) => {
    if (!card) return;
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    const box = card.getBoundingClientRect();
    const width = box.width || 0;
    const height = box.height || 0;
    const left = Math.max(MARGIN, Math.min(rect.left, vw - width - MARGIN));
    let top = rect.bottom + GAP;
    if (top + height > vh - MARGIN && rect.top - GAP - height >= MARGIN) {
      top = rect.top - GAP - height; // no room below: show above the mark
    }
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  };

  const show = (mention: Mention, rect: RectLike) => {
    if (destroyed) return;
    if (!host) build();
    if (!card || !typeEl || !nameEl || !countEl) return;
    card.dataset.type = mention.type;
    card.style.setProperty('--accent', ACCENT[mention.type]);
    typeEl.textContent = TYPE_LABELS[mention.type];
    nameEl.textContent = mention.canonical;
    countEl.textContent = occurrencesLabel(source.count(mention));
    card.hidden = false;
    place(rect);
    current = mention;
  };

  const hide = () => {
    if (card) card.hidden = true;
    current = null;
  };

  const update = () => {
    pending = false;
    if (destroyed) return;
    try {
      const hit = hitTest(doc, source, lastX, lastY, caretAt, rectsOf);
      if (!hit) {
        dismissed = null;
        hide();
        return;
      }
      if (hit.mention === dismissed) return;
      dismissed = null;
      if (hit.mention !== current) show(hit.mention, hit.rect);
    } catch (err) {
      console.warn('[glossa] hover card failed', err);
      hide();
    }
  };

  const onPointerMove = (event: PointerEvent) => {
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending) return;
    pending = true;
    schedule(update);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && current) {
      dismissed = current;
      hide();
    }
  };
  const onLeave = (event: MouseEvent) => {
    if (!event.relatedTarget) hide(); // the pointer left the window
  };
  const onHide = () => hide();

  const listen = { capture: true, passive: true } as const;
  doc.addEventListener('pointermove', onPointerMove, listen);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('mouseout', onLeave, listen);
  doc.addEventListener('scroll', onHide, listen);
  win?.addEventListener('blur', onHide);

  return {
    show,
    hide,
    get current() {
      return current;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.removeEventListener('pointermove', onPointerMove, listen);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('mouseout', onLeave, listen);
      doc.removeEventListener('scroll', onHide, listen);
      win?.removeEventListener('blur', onHide);
      host?.remove();
      host = card = typeEl = nameEl = countEl = null;
      current = null;
    },
  };
}

/**
 * The hover card: what a painted mark is, and how often it occurs on the page.
 *
 * Highlights give no events, so the pointer is hit-tested: point → caret (text node, offset) →
 * the painted mentions at that caret (CardSource.lookup) → confirm the point lies in one of the
 * mention's client rects (a caret snaps to the nearest text, even from the margin). Pointer moves
 * are coalesced to one hit test per animation frame.
 *
 * The card lives in a closed shadow root on a plain host element appended to <html>
 * (lib/page/shadow-host.ts), created on first show and removed by destroy(). Built with
 * textContent only. What the page can and cannot do to it:
 * - page scripts cannot read the card: the root is closed, the host is a built-in element the page
 *   cannot pre-define, and only trusted (real) pointer moves show a card, so a page that
 *   dispatches synthetic events over the marks gets nothing shown;
 * - page CSS cannot select anything inside the shadow root, and the card's own styles do not leak
 *   out (they live in the shadow root, adopted as a constructed stylesheet — allowed under a
 *   strict Content-Security-Policy, unlike a <style> element or a style attribute);
 * - the host's own box is pinned by `!important` declarations set through the CSSOM, which beat
 *   any page rule (`html > div { display: none !important }`, `* { all: unset }`), and again by
 *   `:host` rules with `!important`, which win over the page's for a shadow host;
 * - a page that removes the host gets it back on the next show;
 * - not achievable: a page that hides or transforms <html> itself (then no card is shown; marks
 *   stay).
 */
import { type EntityType, type Mention, treatyInOtherLanguage } from '../entities';
import { tn, typeLabel } from '../i18n';
import { chunkIndexOfNode, liveRange, rangeFromOffsets } from './ranges';
import { createGlossaHost, HOST_BOX } from './shadow-host';
import type { PageText, TextChunk } from './types';

export interface CardHit {
  mention: Mention;
  /** The painted range of the mention (a StaticRange in browsers). */
  range: AbstractRange;
}

export interface CardSource {
  /** Painted mentions whose text contains the DOM point (node, offset) or ends there. */
  lookup(node: Node, offset: number): readonly CardHit[];
  /** What the card says about a mention: its page-wide name and how often that entity occurs. */
  describe(mention: Mention): { canonical: string; count: number };
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
  /**
   * Whether an event comes from the reader (defaults to event.isTrusted, which a page cannot forge);
   * tests that dispatch events themselves pass their own.
   */
  trusted?: (event: Event) => boolean;
}

const isTrusted = (event: Event): boolean => event.isTrusted;

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

/** Whether a viewport point is in a rect (with a pixel of slop); hit-testing of marks and notes. */
export function pointInRect(rect: RectLike, x: number, y: number): boolean {
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
  // The caret lands between characters: over a mention's last half-character it sits at its end.
  for (const hit of source.lookup(caret.node, caret.offset)) {
    const range = liveRange(doc, hit.range);
    if (!range) continue;
    const rects = rectsOf(range);
    for (let r = 0; r < rects.length; r++) {
      const rect = rects[r] as RectLike;
      if (pointInRect(rect, x, y)) return { mention: hit.mention, rect };
    }
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
    describe: (mention) => ({ canonical: mention.canonical, count: count(mention) }),
  };
}

/**
 * What the card adds for a registered treaty: its name in the other language than the mention's
 * (the English name on a Russian page, the Russian one on an English page) and the year it was
 * signed. Empty for other mentions.
 */
export function treatyLine(mention: Mention): string {
  return mention.treaty ? treatyInOtherLanguage(mention.treaty, mention.text) : '';
}

export function occurrencesLabel(count: number): string {
  return tn('occurrences', count);
}

/** Okabe–Ito accents, matching the page highlights (lib/page/paint.ts). */
const ACCENT: Record<EntityType, string> = {
  PER: 'rgb(0, 114, 178)',
  LOC: 'rgb(213, 94, 0)',
  TREATY: 'rgb(0, 158, 115)',
  WATCH: 'rgb(143, 85, 117)',
  ORG: 'rgb(102, 102, 102)',
};

/**
 * The type's name on the card, in its category's hue but dark enough on the white card (light
 * scheme) and light enough on the dark one to keep 4.5:1 (lib/colors.ts contrastRatio): the pure
 * Okabe–Ito accents (the card's left border) are too light on white for 12px text.
 */
const LABEL: Record<EntityType, { light: string; dark: string }> = {
  PER: { light: '#005f94', dark: '#6fc3f5' },
  LOC: { light: '#a84a00', dark: '#f5a05c' },
  TREATY: { light: '#00795a', dark: '#4fd1a8' },
  WATCH: { light: '#8f5575', dark: '#e2a3c6' },
  ORG: { light: '#555555', dark: '#bdbdbd' },
};

/** Light card by default; a dark one when the system prefers dark. */
const LABEL_CSS = `${Object.entries(LABEL)
  .map(([type, { light }]) => `.card[data-type="${type}"] { --label: ${light}; }`)
  .join('\n')}
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f23; color: #ececf0; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.6); }
  .count { color: #b8b8bf; }
${Object.entries(LABEL)
  .map(([type, { dark }]) => `  .card[data-type="${type}"] { --label: ${dark}; }`)
  .join('\n')}
}`;

const CARD_CSS = `
:host {
${HOST_BOX.map(([k, v]) => `  ${k}: ${v} !important;`).join('\n')}
}
.card {
  all: initial;
  display: block;
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
  direction: ltr;
  text-align: left;
  white-space: normal;
  pointer-events: none;
  visibility: visible;
  opacity: 1;
}
.card[hidden] { display: none; }
.type, .name, .treaty, .count { all: initial; display: block; font-family: inherit; color: inherit; }
.type { font-size: 12px; font-weight: 600; color: var(--label); letter-spacing: 0.02em; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; overflow-wrap: anywhere; }
.treaty { font-size: 13px; margin: 0 0 2px; overflow-wrap: anywhere; }
.treaty[hidden] { display: none; }
.count { font-size: 12px; color: #555; }
${LABEL_CSS}
`;

/** Give a shadow root its styles: a constructed sheet where possible (CSP-proof), else <style>. */
function styleShadow(doc: Document, shadow: ShadowRoot, css: string): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && typeof win.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in shadow) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // fall back to a <style> element below
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

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
  const trusted = options.trusted ?? isTrusted;
  const schedule =
    options.schedule ??
    ((cb: () => void) =>
      win?.requestAnimationFrame ? win.requestAnimationFrame(() => cb()) : setTimeout(cb, 16));

  let host: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let typeEl: HTMLElement | null = null;
  let nameEl: HTMLElement | null = null;
  let treatyEl: HTMLElement | null = null;
  let countEl: HTMLElement | null = null;
  let current: Mention | null = null;
  let dismissed: Mention | null = null; // hidden with Escape: stays hidden until the pointer leaves it
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  let destroyed = false;

  const build = () => {
    const created = createGlossaHost(doc);
    host = created.host;
    const shadow = created.root;
    styleShadow(doc, shadow, CARD_CSS);
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    typeEl = doc.createElement('div');
    typeEl.className = 'type';
    nameEl = doc.createElement('div');
    nameEl.className = 'name';
    treatyEl = doc.createElement('div');
    treatyEl.className = 'treaty';
    treatyEl.hidden = true;
    countEl = doc.createElement('div');
    countEl.className = 'count';
    card.append(typeEl, nameEl, treatyEl, countEl);
    shadow.append(card);
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
    // The page removed the host (a script that clears unknown nodes): put it back.
    if (host && !host.isConnected) doc.documentElement.append(host);
    if (!card || !typeEl || !nameEl || !treatyEl || !countEl) return;
    const { canonical, count } = source.describe(mention);
    card.dataset.type = mention.type;
    card.style.setProperty('--accent', ACCENT[mention.type]);
    typeEl.textContent = typeLabel(mention.type);
    nameEl.textContent = canonical;
    const treaty = treatyLine(mention);
    treatyEl.textContent = treaty;
    treatyEl.hidden = !treaty;
    countEl.textContent = occurrencesLabel(count);
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

  // Only the reader's own pointer and keys: a page can dispatch look-alike events (isTrusted false).
  const onPointerMove = (event: PointerEvent) => {
    if (!trusted(event)) return;
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending) return;
    pending = true;
    schedule(update);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (trusted(event) && event.key === 'Escape' && current) {
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
      host = card = typeEl = nameEl = treatyEl = countEl = null;
      current = null;
    },
  };
}

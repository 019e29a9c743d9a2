/**
 * The hover card: what a painted mark is, and how often it occurs on the page.
 *
 * Highlights give no events, so the pointer is hit-tested: point → caret (text node, offset) →
 * the painted mentions at that caret (CardSource.lookup) → confirm the point lies in one of the
 * mention's client rects (a caret snaps to the nearest text, even from the margin). Pointer moves
 * are coalesced to one hit test per animation frame.
 *
 * This module puts the parts together: hit-testing (lib/page/card-source.ts, hit-test.ts), the
 * pointer (hover-tracking.ts), the card's face (card-view.ts) and its place (card-placement.ts).
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
import type { Mention } from '../entities';
import { placeBelow, positionCard } from './card-placement';
import { type CardSource, hitTest } from './card-source';
import { type CardView, createCardView } from './card-view';
import type { RectLike } from './hit-test';
import { type HoverCardOptions, hoverDefaults, trackHover } from './hover-tracking';

export type { HoverCardOptions } from './hover-tracking';

export interface HoverCard {
  /** Show the card for a mention, placed next to `rect` (viewport coordinates). */
  show(mention: Mention, rect: RectLike): void;
  hide(): void;
  /** The mention the card is showing, or null when hidden. */
  readonly current: Mention | null;
  /** Remove listeners and the host element. */
  destroy(): void;
}

export function createHoverCard(
  doc: Document,
  source: CardSource,
  options: HoverCardOptions = {},
): HoverCard {
  const resolved = hoverDefaults(doc, options);
  let view: CardView | null = null;
  let current: Mention | null = null;
  let destroyed = false;

  const show = (mention: Mention, rect: RectLike) => {
    if (destroyed) return;
    view ??= createCardView(doc);
    // Not yet in the page, or the page removed it (a script that clears unknown nodes): put it back.
    if (!view.host.isConnected) doc.documentElement.append(view.host);
    view.fill(mention, source.describe(mention));
    positionCard(view.card, rect, placeBelow);
    current = mention;
  };

  const hide = () => {
    if (view) view.card.hidden = true;
    current = null;
  };

  const tracker = trackHover<Mention>({
    doc,
    options: resolved,
    active: () => !destroyed,
    at: (x, y) => {
      const hit = hitTest(doc, source, x, y, resolved.caretAt, resolved.rectsOf);
      return hit && { target: hit.mention, rect: hit.rect };
    },
    keyOf: (mention) => mention,
    shownKey: () => current,
    show,
    hide,
    failed: (err) => console.warn('[glossa] hover card failed', err),
  });
  tracker.start();

  return {
    show,
    hide,
    get current() {
      return current;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      tracker.stop();
      view?.host.remove();
      view = null;
      current = null;
    },
  };
}

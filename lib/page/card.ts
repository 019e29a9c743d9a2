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
 *
 * The reading memory's line (lib/page/card-memory.ts): for a person, place or registered treaty
 * the card asks the background what the memory says, and adds "Also in N articles you read", the
 * latest of them and a button to the entity's page, unless the card moved on meanwhile. Only
 * then does the card take the pointer: it stays while the pointer crosses from the mark onto it
 * (a short grace) and while it is over it, and its button opens the page on a trusted click only.
 * Nothing of the line reaches the page: it is text in the closed root, no attribute of the host
 * changes, and no event is dispatched.
 */
import type { Mention } from '../entities';
import type { CardMemory } from './card-memory';
import { placeBelow, positionCard } from './card-placement';
import { type CardSource, type EntityDescription, hitTest } from './card-source';
import { type CardView, createCardView } from './card-view';
import type { RectLike } from './hit-test';
import { type HoverCardOptions, hoverDefaults, trackHover } from './hover-tracking';

export type { HoverCardOptions } from './hover-tracking';

/** The entity card's options: the pointer's (HoverCardOptions) and the reading memory's. */
export interface EntityCardOptions extends HoverCardOptions {
  /** The reading memory's line; without it the card says nothing of the memory. */
  memory?: CardMemory;
  /** How long a card with the memory line stays after the pointer left its mark, in ms. */
  graceMs?: number;
}

/** Grace for the pointer to cross the gap between the mark and the card. */
export const CARD_GRACE_MS = 350;

/**
 * Whether a click on the card's button opens the entity page: only the reader's own (trusted)
 * click does, never one a page script dispatches.
 */
export function openOnTrustedClick(
  event: Event,
  trusted: (event: Event) => boolean,
  open: () => void,
): boolean {
  if (!trusted(event)) return false;
  open();
  return true;
}

/** Whether viewport point (x, y) lies in a box. */
function inBox(box: RectLike, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
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

export function createHoverCard(
  doc: Document,
  source: CardSource,
  options: EntityCardOptions = {},
): HoverCard {
  const resolved = hoverDefaults(doc, options);
  const { memory } = options;
  const graceMs = options.graceMs ?? CARD_GRACE_MS;
  let view: CardView | null = null;
  let current: Mention | null = null;
  /** The mark the card is shown for, and the memory key its button opens. */
  let anchor: RectLike | null = null;
  let openKey: string | null = null;
  let leaving: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  const stay = () => {
    clearTimeout(leaving);
    leaving = undefined;
  };

  const hide = () => {
    stay();
    if (view) view.card.hidden = true;
    current = null;
    openKey = null;
  };

  const open = () => {
    const key = openKey;
    if (!key || !memory) return;
    memory.open(key);
    hide();
  };

  /**
   * The memory's line for the mention shown, added when the answer comes, if still shown. Asked
   * under the page-wide name and id (a lone surname under the full name it stands for).
   */
  const askMemory = (mention: Mention, described: EntityDescription) => {
    if (!memory) return;
    const { id: _own, ...named } = mention;
    const entity: Mention = described.id
      ? { ...named, canonical: described.canonical, id: described.id }
      : { ...named, canonical: described.canonical };
    void memory.recall(entity).then((recall) => {
      if (destroyed || current !== mention || !view || !anchor) return; // the card moved on
      if (recall.count <= 0 || !recall.key) return;
      openKey = recall.key;
      view.showMemory(recall);
      positionCard(view.card, anchor, placeBelow); // taller now: it may go above the mark
    });
  };

  const show = (mention: Mention, rect: RectLike) => {
    if (destroyed) return;
    stay();
    view ??= createCardView(doc, (event) => {
      event.stopPropagation(); // the page's own click handlers are not the card's business
      openOnTrustedClick(event, resolved.trusted, open);
    });
    // Not yet in the page, or the page removed it (a script that clears unknown nodes): put it back.
    if (!view.host.isConnected) doc.documentElement.append(view.host);
    const described = source.describe(mention);
    view.fill(mention, described);
    positionCard(view.card, rect, placeBelow);
    current = mention;
    anchor = rect;
    openKey = null;
    askMemory(mention, described);
  };

  /** Off every mark: a card with the memory line waits a moment for the pointer to reach it. */
  const leave = () => {
    if (!view?.linked || current === null || graceMs <= 0) {
      hide();
      return;
    }
    leaving ??= setTimeout(hide, graceMs);
  };

  /** Whether the point is on the shown card, and the card takes the pointer. */
  const onCard = (x: number, y: number) =>
    current !== null &&
    !!view?.linked &&
    !view.card.hidden &&
    inBox(view.card.getBoundingClientRect(), x, y);

  const tracker = trackHover<Mention>({
    doc,
    options: resolved,
    active: () => !destroyed,
    at: (x, y) => {
      if (onCard(x, y) && current && anchor) {
        stay();
        return { target: current, rect: anchor };
      }
      const hit = hitTest(doc, source, x, y, resolved.caretAt, resolved.rectsOf);
      if (!hit) return null;
      stay(); // back on a mark (the same one: no new show)
      return { target: hit.mention, rect: hit.rect };
    },
    keyOf: (mention) => mention,
    shownKey: () => current,
    show,
    hide,
    leave,
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
      stay();
      view?.host.remove();
      view = null;
      current = null;
    },
  };
}

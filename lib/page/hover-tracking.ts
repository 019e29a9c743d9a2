/**
 * Following the reader's pointer for a hover card (the entity card and the note card): pointer
 * moves are coalesced to one hit test per animation frame; the card shows what is under the
 * pointer, hides when nothing is, when the page scrolls, the window loses focus or the pointer
 * leaves it; Escape hides it until the pointer leaves what it showed.
 *
 * Only the reader's own pointer and keys count: a page can dispatch look-alike events (isTrusted
 * false), and those never show a card. The card itself (what it shows, how) is the caller's.
 */
import { type CaretPoint, defaultCaretAt, defaultRectsOf, type RectLike } from './hit-test';

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

/** The options with every default filled in, for a card in `doc`. */
export function hoverDefaults(
  doc: Document,
  options: HoverCardOptions = {},
): Required<HoverCardOptions> {
  const win = doc.defaultView;
  return {
    caretAt: options.caretAt ?? defaultCaretAt,
    rectsOf: options.rectsOf ?? defaultRectsOf,
    trusted: options.trusted ?? ((event: Event) => event.isTrusted),
    schedule:
      options.schedule ??
      ((cb: () => void) =>
        win?.requestAnimationFrame ? win.requestAnimationFrame(() => cb()) : setTimeout(cb, 16)),
  };
}

export interface HoverTarget<T> {
  target: T;
  /** The client rect the pointer is in: the card is placed next to it. */
  rect: RectLike;
}

export interface HoverCardParts<T> {
  doc: Document;
  /** Resolved options (hoverDefaults). */
  options: Required<HoverCardOptions>;
  /** Whether pointer moves are hit-tested now. */
  active(): boolean;
  /** What is under a viewport point, or null. */
  at(x: number, y: number): HoverTarget<T> | null;
  /** Identity of a target: a target shown already is not shown again. */
  keyOf(target: T): unknown;
  /** keyOf what the card shows now, or null when it is hidden. */
  shownKey(): unknown;
  show(target: T, rect: RectLike): void;
  hide(): void;
  /**
   * The pointer moved off everything a card is for: hide (the default), or, for a card the
   * reader may move onto, after a short grace.
   */
  leave?(): void;
  /** A hit test threw: report it (the card is hidden). */
  failed(err: unknown): void;
}

export interface HoverTracker {
  start(): void;
  /** Stop following the pointer; false if it was not following it. */
  stop(): boolean;
}

export function trackHover<T>(parts: HoverCardParts<T>): HoverTracker {
  const { doc, options } = parts;
  const win = doc.defaultView;
  let dismissed: unknown = null; // hidden with Escape: stays hidden until the pointer leaves it
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  let listening = false;

  const update = () => {
    pending = false;
    if (!parts.active()) return;
    try {
      const hit = parts.at(lastX, lastY);
      if (!hit) {
        dismissed = null;
        if (parts.leave) parts.leave();
        else parts.hide();
        return;
      }
      const key = parts.keyOf(hit.target);
      if (key === dismissed) return;
      dismissed = null;
      if (parts.shownKey() !== key) parts.show(hit.target, hit.rect);
    } catch (err) {
      parts.failed(err);
      parts.hide();
    }
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!options.trusted(event)) return;
    lastX = event.clientX;
    lastY = event.clientY;
    if (pending) return;
    pending = true;
    options.schedule(update);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const shown = parts.shownKey();
    if (options.trusted(event) && event.key === 'Escape' && shown !== null) {
      dismissed = shown;
      parts.hide();
    }
  };
  const onLeave = (event: MouseEvent) => {
    if (!event.relatedTarget) parts.hide(); // the pointer left the window
  };
  const onHide = () => parts.hide();
  const listen = { capture: true, passive: true } as const;

  return {
    start() {
      if (listening) return;
      listening = true;
      doc.addEventListener('pointermove', onPointerMove, listen);
      doc.addEventListener('keydown', onKeyDown, true);
      doc.addEventListener('mouseout', onLeave, listen);
      doc.addEventListener('scroll', onHide, listen);
      win?.addEventListener('blur', onHide);
    },
    stop() {
      if (!listening) return false;
      listening = false;
      doc.removeEventListener('pointermove', onPointerMove, listen);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('mouseout', onLeave, listen);
      doc.removeEventListener('scroll', onHide, listen);
      win?.removeEventListener('blur', onHide);
      return true;
    },
  };
}

/**
 * The reader's saved notes on the page: find each selection note's quote again in the current
 * page text (lib/anchor), paint the found ones as one `glossa-NOTE` highlight, and show the note's
 * text and tags in a card while the pointer is over it. Notes whose quote is gone are reported as
 * orphaned (the popup lists them); nothing here ever deletes or changes a note.
 *
 * Its own module beside the entity painting (lib/page/controller.ts): it shares the page text
 * model and the hit-testing helpers, follows the same highlight switch, and never touches the
 * page's DOM (the card and the notice live in a closed shadow root on a host the page text reader
 * skips: lib/page/shadow-host.ts). A note's text and tags are put into that root only while the
 * reader's own pointer is over the note (trusted events only): nothing of them reaches anything a
 * page script can read. Without the Highlight API nothing is painted, but the card still works.
 */
import { reanchorNotes } from '../anchor/reanchor';
import { t } from '../i18n';
import type { ToBackgroundMessage } from '../messages/to-background';
import type { NoteAnchors, NotesForPage, Notice } from '../messages/types';
import type { Note } from '../notes/model';
import {
  type CaretPoint,
  defaultCaretAt,
  type HoverCardOptions,
  pointInRect,
  type RectLike,
} from './card';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import { chunkIndexOfNode, rangeFromOffsets } from './ranges';
import { createGlossaHost } from './shadow-host';
import { addDefaultStyles } from './styles';
import { extractPageText } from './text';
import type { PageText, TextChunk } from './types';

export const NOTE_HIGHLIGHT = 'glossa-NOTE';

/**
 * Okabe–Ito yellow (apart from the three entity hues for the common colour-vision deficiencies)
 * with a thick solid dark-gold underline: entity marks are thin solid, dashed or wavy.
 */
export const NOTE_CSS = `::highlight(${NOTE_HIGHLIGHT}) {
  background-color: rgba(240, 228, 66, 0.5);
  text-decoration: underline solid rgb(130, 100, 0);
  text-decoration-thickness: 2px;
}`;

/** A saved note found on the page: offsets into the page text it was anchored on. */
export interface PlacedNote {
  note: Note;
  start: number;
  end: number;
}

export interface NoteLayerOptions {
  doc: Document;
  /** Aborted when the content script is cut off from the extension: take everything away. */
  signal?: AbortSignal;
  /** Paint and show cards now? Follows the page's highlight switch (setEnabled). */
  enabled: boolean;
  /** Hit-testing and scheduling, as for the entity card (tests inject a fake layout). */
  card?: HoverCardOptions;
  /** Re-anchor when the page rewrites its text; false turns it off (tests). */
  domChanges?: DomChangeOptions | false;
  /** How long a notice stays on screen. */
  noticeMs?: number;
}

export interface NoteLayer {
  /** Replace the notes shown on this page (any kinds; only selection notes are placed). */
  show(notes: readonly Note[]): NoteAnchors;
  anchors(): NoteAnchors;
  /** Notes found on the page, by start. */
  placed(): readonly PlacedNote[];
  setEnabled(enabled: boolean): void;
  /** A short message at the corner of the page; false if it could not be shown. */
  notice(notice: Notice): boolean;
  /** The note card, for tests: the notes it shows, or null when hidden. */
  readonly cardNotes: readonly Note[] | null;
  dispose(): void;
}

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

/** Ask the extension for this page's saved notes; null when it cannot answer (never rejects). */
export async function fetchPageNotes(
  send: (message: ToBackgroundMessage<'glossa:notes-for-page'>) => Promise<unknown>,
  url: string,
): Promise<Note[] | null> {
  try {
    const answer = (await send({ type: 'glossa:notes-for-page', url })) as NotesForPage | undefined;
    if (answer?.ok && Array.isArray(answer.notes)) return answer.notes;
    if (answer && !answer.ok) log('saved notes unavailable:', answer.error);
    return null;
  } catch (err) {
    log('could not ask for saved notes', err);
    return null;
  }
}

/** The parts of the Highlight API used here (real in browsers; tests install a small fake). */
interface HighlightLike {
  priority?: number;
  add(range: Range): unknown;
}
interface HighlightApi {
  registry: {
    set(name: string, h: unknown): unknown;
    get(name: string): unknown;
    delete(name: string): boolean;
  };
  Highlight: new () => HighlightLike;
}

function highlightApi(): HighlightApi | null {
  const g = globalThis as { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: unknown };
  if (!g.CSS?.highlights || typeof g.Highlight !== 'function') return null;
  return { registry: g.CSS.highlights, Highlight: g.Highlight as HighlightApi['Highlight'] };
}

/** Same text read from the same nodes: the anchors are still right. */
function sameText(a: PageText, b: PageText): boolean {
  if (a.text !== b.text || a.chunks.length !== b.chunks.length) return false;
  return a.chunks.every((c: TextChunk, i) => c.node === b.chunks[i]?.node);
}

/** The notes under a viewport point (overlapping notes: all of them, shortest first). */
export function notesAtPoint(
  doc: Document,
  pageText: PageText,
  placed: readonly PlacedNote[],
  x: number,
  y: number,
  caretAt: (doc: Document, x: number, y: number) => CaretPoint | null = defaultCaretAt,
  rectsOf: (range: Range) => ArrayLike<RectLike> = (r) => r.getClientRects(),
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
    const rects = rectsOf(range);
    for (let r = 0; r < rects.length; r++) {
      const rect = rects[r] as RectLike;
      if (pointInRect(rect, x, y)) {
        hits.push(p);
        hitRect ??= rect;
        break;
      }
    }
  }
  if (!hitRect) return null;
  hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  return { notes: hits, rect: hitRect };
}

const CARD_CSS = `
.card, .notice {
  position: fixed;
  box-sizing: border-box;
  max-width: 340px;
  padding: 8px 12px;
  border-radius: 6px;
  background: #fff;
  color: #1a1a1a;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  white-space: normal;
  pointer-events: none;
}
.card { border-left: 4px solid rgb(130, 100, 0); }
.card[hidden], .notice[hidden] { display: none; }
.label { font-size: 12px; font-weight: 600; color: rgb(110, 85, 0); letter-spacing: 0.02em; }
.note + .note { border-top: 1px solid #ddd; margin-top: 6px; padding-top: 6px; }
.text { margin: 2px 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: hidden; }
.empty { color: #555; font-style: italic; }
.tags { font-size: 12px; color: #444; overflow-wrap: anywhere; }
.notice { right: 16px; bottom: 16px; border-left: 4px solid rgb(0, 114, 178); }
.notice.error { border-left-color: rgb(213, 94, 0); }
@media (prefers-color-scheme: dark) {
  .card, .notice { background: #1f1f23; color: #ececf0; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.6); }
  .card { border-left-color: rgb(224, 192, 96); }
  .label { color: rgb(224, 192, 96); }
  .note + .note { border-top-color: #3a3d44; }
  .empty, .tags { color: #b8b8bf; }
}
`;

const GAP = 6; // px between the quote and the card
const MARGIN = 4; // px kept from the viewport edges

/** "#КНДР #treaty-law": how tags read on the card. */
export function tagLine(tags: readonly string[]): string {
  return tags
    .map((t) => t.trim().replace(/^#+/, ''))
    .filter((t) => t !== '')
    .map((t) => `#${t}`)
    .join(' ');
}

export function startNoteLayer(options: NoteLayerOptions): NoteLayer {
  const { doc } = options;
  const win = doc.defaultView;
  const caretAt = options.card?.caretAt ?? defaultCaretAt;
  const rectsOf = options.card?.rectsOf ?? ((r: Range) => r.getClientRects());
  const trusted = options.card?.trusted ?? ((event: Event) => event.isTrusted);
  const schedule =
    options.card?.schedule ??
    ((cb: () => void) =>
      win?.requestAnimationFrame ? win.requestAnimationFrame(() => cb()) : setTimeout(cb, 16));

  let enabled = options.enabled;
  let notes: Note[] = [];
  let pageText: PageText | null = null;
  let placed: PlacedNote[] = [];
  let orphaned: string[] = [];
  let painted: { highlight: unknown; removeStyles: () => void } | null = null;
  let domChanges: DomChangeObserver | null = null;
  let listening = false;
  let disposed = false;

  // Card state
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let card: HTMLElement | null = null;
  let noticeEl: HTMLElement | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let current: PlacedNote[] | null = null;
  let dismissed: string | null = null;
  let pending = false;
  let lastX = 0;
  let lastY = 0;

  const anchors = (): NoteAnchors => ({
    anchored: placed.map((p) => p.note.id),
    orphaned: [...orphaned],
  });

  const anchor = (text: PageText) => {
    pageText = text;
    placed = [];
    orphaned = [];
    for (const p of reanchorNotes(text.text, notes)) {
      if (p.status === 'anchored') placed.push({ note: p.note, start: p.start, end: p.end });
      else orphaned.push(p.note.id);
    }
    placed.sort((a, b) => a.start - b.start || a.end - b.end);
  };

  const unpaint = () => {
    const p = painted;
    painted = null;
    if (!p) return;
    const api = highlightApi();
    // Only delete what is still ours: never remove a highlight someone else registered since.
    if (api && api.registry.get(NOTE_HIGHLIGHT) === p.highlight)
      api.registry.delete(NOTE_HIGHLIGHT);
    p.removeStyles();
  };

  const paint = () => {
    unpaint();
    const api = highlightApi();
    if (!enabled || !api || !pageText || placed.length === 0) return;
    const text = pageText;
    const ranges = placed
      .map((p) => rangeFromOffsets(text, p.start, p.end, doc))
      .filter((r): r is Range => r !== null);
    if (ranges.length === 0) return;
    // Added one by one: a page can hold more notes than a call takes arguments.
    const highlight = new api.Highlight();
    for (const range of ranges) highlight.add(range);
    // Below the entity highlights: the names inside a quote keep their own marks on top.
    highlight.priority = -1;
    const removeStyles = addDefaultStyles(doc, NOTE_CSS);
    api.registry.set(NOTE_HIGHLIGHT, highlight);
    painted = { highlight, removeStyles };
  };

  // ---- the card ----

  const ensureHost = () => {
    // The page removed the host (a script that clears unknown nodes): put it back.
    if (host) {
      if (!host.isConnected) doc.documentElement.append(host);
      return;
    }
    ({ host, root: shadow } = createGlossaHost(doc));
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    shadow.append(style);
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
    // Above the line by default: the entity card opens below it, so both can be read.
    let top = rect.top - GAP - height;
    if (top < MARGIN) top = Math.min(rect.bottom + GAP, vh - height - MARGIN);
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(Math.max(MARGIN, top))}px`;
  };

  const showCard = (hits: PlacedNote[], rect: RectLike) => {
    ensureHost();
    if (!shadow) return;
    if (!card) {
      card = doc.createElement('div');
      card.className = 'card';
      card.setAttribute('role', 'tooltip');
      shadow.append(card);
    }
    card.replaceChildren();
    const label = doc.createElement('div');
    label.className = 'label';
    label.textContent = hits.length === 1 ? t('yourNote') : t('yourNotes', hits.length);
    card.append(label);
    for (const { note } of hits) {
      const item = doc.createElement('div');
      item.className = 'note';
      const text = doc.createElement('div');
      text.className = note.text.trim() === '' ? 'text empty' : 'text';
      text.textContent = note.text.trim() === '' ? t('savedQuoteNoText') : note.text.trim();
      item.append(text);
      const tags = tagLine(note.tags);
      if (tags !== '') {
        const tagsEl = doc.createElement('div');
        tagsEl.className = 'tags';
        tagsEl.textContent = tags;
        item.append(tagsEl);
      }
      card.append(item);
    }
    card.hidden = false;
    place(rect);
    current = hits;
  };

  const hideCard = () => {
    if (card) {
      card.hidden = true;
      card.replaceChildren(); // the note's words stay on the page only while they are shown
    }
    current = null;
  };

  const key = (hits: readonly PlacedNote[]) => hits.map((h) => h.note.id).join(' ');

  const update = () => {
    pending = false;
    if (disposed || !enabled || !pageText) return;
    try {
      const hit = notesAtPoint(doc, pageText, placed, lastX, lastY, caretAt, rectsOf);
      if (!hit) {
        dismissed = null;
        hideCard();
        return;
      }
      const k = key(hit.notes);
      if (k === dismissed) return;
      dismissed = null;
      if (!current || key(current) !== k) showCard(hit.notes, hit.rect);
    } catch (err) {
      log('note card failed', err);
      hideCard();
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
      dismissed = key(current);
      hideCard();
    }
  };
  const onLeave = (event: MouseEvent) => {
    if (!event.relatedTarget) hideCard();
  };
  const onHide = () => hideCard();
  const listen = { capture: true, passive: true } as const;

  const startListening = () => {
    if (listening) return;
    listening = true;
    doc.addEventListener('pointermove', onPointerMove, listen);
    doc.addEventListener('keydown', onKeyDown, true);
    doc.addEventListener('mouseout', onLeave, listen);
    doc.addEventListener('scroll', onHide, listen);
    win?.addEventListener('blur', onHide);
  };
  const stopListening = () => {
    if (!listening) return;
    listening = false;
    doc.removeEventListener('pointermove', onPointerMove, listen);
    doc.removeEventListener('keydown', onKeyDown, true);
    doc.removeEventListener('mouseout', onLeave, listen);
    doc.removeEventListener('scroll', onHide, listen);
    win?.removeEventListener('blur', onHide);
    hideCard();
  };

  // ---- page changes ----

  const refresh = () => {
    try {
      if (disposed || !pageText) return;
      const fresh = extractPageText(doc);
      if (sameText(pageText, fresh)) return;
      anchor(fresh);
      hideCard();
      paint();
    } catch (err) {
      log('re-anchoring notes failed', err);
    }
  };

  /** Show what there is to show for the current notes and switch state. */
  const sync = () => {
    const active = enabled && !disposed && placed.length + orphaned.length > 0;
    paint();
    if (active && placed.length > 0) startListening();
    else stopListening();
    if (active && !domChanges && options.domChanges !== false) {
      // Notes need no hurry: re-anchor once the page has been quiet a moment, at most once a second.
      domChanges = observeDomChanges(
        doc,
        refresh,
        options.domChanges || { quietMs: 300, minIntervalMs: 1000 },
      );
    } else if (!active && domChanges) {
      domChanges.stop();
      domChanges = null;
    }
  };

  const show = (list: readonly Note[]): NoteAnchors => {
    if (disposed) return { anchored: [], orphaned: [] };
    try {
      notes = Array.isArray(list) ? list.filter((n) => n && n.kind === 'selection') : [];
      // Most pages have no notes: then there is nothing to anchor, so the page is not read.
      if (notes.length > 0) anchor(extractPageText(doc));
      else {
        pageText = null;
        placed = [];
        orphaned = [];
      }
      hideCard();
      sync();
    } catch (err) {
      log('showing notes failed', err);
      unpaint();
    }
    return anchors();
  };

  const setEnabled = (on: boolean) => {
    if (disposed || on === enabled) return;
    enabled = on;
    try {
      // The page may have changed while nothing was shown.
      if (on && pageText) refresh();
      sync();
    } catch (err) {
      log('switching notes failed', err);
    }
  };

  const notice = ({ ok, text }: Notice): boolean => {
    if (disposed) return false;
    try {
      ensureHost();
      if (!shadow) return false;
      if (!noticeEl) {
        noticeEl = doc.createElement('div');
        noticeEl.setAttribute('role', 'status');
        shadow.append(noticeEl);
      }
      noticeEl.className = ok ? 'notice' : 'notice error';
      noticeEl.setAttribute('role', ok ? 'status' : 'alert');
      noticeEl.textContent = t('notice', text);
      noticeEl.hidden = false;
      clearTimeout(noticeTimer);
      const el = noticeEl;
      noticeTimer = setTimeout(
        () => {
          el.hidden = true;
        },
        options.noticeMs ?? (ok ? 4000 : 10000),
      );
      return true;
    } catch (err) {
      log('notice failed', err);
      return false;
    }
  };

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    domChanges?.stop();
    domChanges = null;
    stopListening();
    unpaint();
    clearTimeout(noticeTimer);
    host?.remove();
    host = shadow = card = noticeEl = null;
  };
  options.signal?.addEventListener('abort', dispose, { once: true });

  return {
    show,
    anchors,
    placed: () => placed,
    setEnabled,
    notice,
    get cardNotes() {
      return current ? current.map((p) => p.note) : null;
    },
    dispose,
  };
}

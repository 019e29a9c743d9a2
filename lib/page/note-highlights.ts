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
 *
 * This module keeps the layer's state and switches; the jobs are in their own modules: finding
 * the notes (note-anchoring.ts), painting them (note-paint.ts), the pointer (hover-tracking.ts,
 * note-hit-test.ts), the card (note-card.ts) and the notice (note-notice.ts).
 */
import type { ToBackgroundMessage } from '../messages/to-background';
import type { NoteAnchors, NotesForPage, Notice } from '../messages/types';
import type { Note } from '../notes/model';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import {
  type HoverCardOptions,
  type HoverTracker,
  hoverDefaults,
  trackHover,
} from './hover-tracking';
import { type PlacedNote, placeNotes, sameText, selectionNotes } from './note-anchoring';
import { createNoteCard, type NoteCard } from './note-card';
import { notesAtPoint } from './note-hit-test';
import { createNoticeBox } from './note-notice';
import { createNoteOverlay } from './note-overlay';
import { type PaintedNotes, paintNotes, unpaintNotes } from './note-paint';
import { extractPageText } from './text';
import type { PageText } from './types';

export type { PlacedNote } from './note-anchoring';

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

/** Notes need no hurry: re-anchor once the page has been quiet a moment, at most once a second. */
const NOTE_DOM_CHANGES: DomChangeOptions = { quietMs: 300, minIntervalMs: 1000 };

const noteKey = (hits: readonly PlacedNote[]) => hits.map((h) => h.note.id).join(' ');

/** The note card follows the pointer over the notes `shown()` gives (null: none are shown). */
function followNotePointer(
  doc: Document,
  hover: Required<HoverCardOptions>,
  card: NoteCard,
  shown: () => { pageText: PageText; placed: readonly PlacedNote[] } | null,
): HoverTracker {
  const at = (x: number, y: number) => {
    const now = shown();
    const hit =
      now && notesAtPoint(doc, now.pageText, now.placed, x, y, hover.caretAt, hover.rectsOf);
    return hit ? { target: hit.notes, rect: hit.rect } : null;
  };
  return trackHover<PlacedNote[]>({
    doc,
    options: hover,
    active: () => shown() !== null,
    at,
    keyOf: noteKey,
    shownKey: () => (card.current ? noteKey(card.current) : null),
    show: (hits, rect) => card.show(hits, rect),
    hide: () => card.hide(),
    failed: (err) => log('note card failed', err),
  });
}

/** An observer while `on`, none otherwise: started or stopped as the switch changes. */
function observing(
  current: DomChangeObserver | null,
  on: boolean,
  start: () => DomChangeObserver,
): DomChangeObserver | null {
  if (on) return current ?? start();
  current?.stop();
  return null;
}

export function startNoteLayer(options: NoteLayerOptions): NoteLayer {
  const { doc } = options;
  const hover = hoverDefaults(doc, options.card);
  let enabled = options.enabled;
  let notes: Note[] = [];
  let pageText: PageText | null = null;
  let placed: PlacedNote[] = [];
  let orphaned: string[] = [];
  let painted: PaintedNotes | null = null;
  let domChanges: DomChangeObserver | null = null;
  let disposed = false;
  const overlay = createNoteOverlay(doc);
  const card = createNoteCard(doc, overlay);
  const noticeBox = createNoticeBox(
    doc,
    overlay,
    (err) => log('notice failed', err),
    options.noticeMs,
  );
  const pointer = followNotePointer(doc, hover, card, () =>
    !disposed && enabled && pageText ? { pageText, placed } : null,
  );

  const anchors = (): NoteAnchors => ({
    anchored: placed.map((p) => p.note.id),
    orphaned: [...orphaned],
  });

  const anchor = (text: PageText | null) => {
    pageText = text;
    ({ placed, orphaned } = text ? placeNotes(text.text, notes) : { placed: [], orphaned: [] });
  };

  const unpaint = () => {
    const p = painted;
    painted = null;
    if (p) unpaintNotes(p);
  };

  const paint = () => {
    unpaint();
    if (enabled && pageText) painted = paintNotes(doc, pageText, placed);
  };

  const refresh = () => {
    try {
      if (disposed || !pageText) return;
      const fresh = extractPageText(doc);
      if (sameText(pageText, fresh)) return;
      anchor(fresh);
      card.hide();
      paint();
    } catch (err) {
      log('re-anchoring notes failed', err);
    }
  };

  /** Show what there is to show for the current notes and switch state. */
  const sync = () => {
    const active = enabled && !disposed && placed.length + orphaned.length > 0;
    paint();
    if (active && placed.length > 0) pointer.start();
    else if (pointer.stop()) card.hide();
    if (options.domChanges !== false)
      domChanges = observing(domChanges, active, () =>
        observeDomChanges(doc, refresh, options.domChanges || NOTE_DOM_CHANGES),
      );
  };

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    domChanges?.stop();
    domChanges = null;
    if (pointer.stop()) card.hide();
    unpaint();
    noticeBox.dispose();
    overlay.remove();
  };
  options.signal?.addEventListener('abort', dispose, { once: true });

  return {
    show(list) {
      if (disposed) return { anchored: [], orphaned: [] };
      try {
        notes = selectionNotes(list);
        // Most pages have no notes: then there is nothing to anchor, so the page is not read.
        anchor(notes.length > 0 ? extractPageText(doc) : null);
        card.hide();
        sync();
      } catch (err) {
        log('showing notes failed', err);
        unpaint();
      }
      return anchors();
    },
    anchors,
    placed: () => placed,
    setEnabled(on) {
      if (disposed || on === enabled) return;
      enabled = on;
      try {
        // The page may have changed while nothing was shown.
        if (on && pageText) refresh();
        sync();
      } catch (err) {
        log('switching notes failed', err);
      }
    },
    notice: (notice) => !disposed && noticeBox.show(notice),
    get cardNotes() {
      return card.current ? card.current.map((p) => p.note) : null;
    },
    dispose,
  };
}

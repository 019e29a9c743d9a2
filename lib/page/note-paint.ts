/**
 * The found notes painted as one `glossa-NOTE` highlight (CSS Custom Highlight API), below the
 * entity highlights so the names inside a quote keep their own marks on top. Without the API
 * nothing is painted.
 */

import type { PlacedNote } from './note-anchoring';
import { rangeFromOffsets } from './ranges';
import { addDefaultStyles } from './styles';
import type { PageText } from './types';

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

/** What paintNotes registered: handed back to unpaintNotes. */
export interface PaintedNotes {
  highlight: unknown;
  removeStyles: () => void;
}

/** Paint the placed notes; null when there is nothing to paint or no Highlight API. */
export function paintNotes(
  doc: Document,
  pageText: PageText,
  placed: readonly PlacedNote[],
): PaintedNotes | null {
  const api = highlightApi();
  if (!api || placed.length === 0) return null;
  const ranges = placed
    .map((p) => rangeFromOffsets(pageText, p.start, p.end, doc))
    .filter((r): r is Range => r !== null);
  if (ranges.length === 0) return null;
  // Added one by one: a page can hold more notes than a call takes arguments.
  const highlight = new api.Highlight();
  for (const range of ranges) highlight.add(range);
  // Below the entity highlights: the names inside a quote keep their own marks on top.
  highlight.priority = -1;
  const removeStyles = addDefaultStyles(doc, NOTE_CSS);
  api.registry.set(NOTE_HIGHLIGHT, highlight);
  return { highlight, removeStyles };
}

/** Take the notes' highlight away (only if it is still ours) and its styles. */
export function unpaintNotes(painted: PaintedNotes): void {
  const api = highlightApi();
  // Only delete what is still ours: never remove a highlight someone else registered since.
  if (api && api.registry.get(NOTE_HIGHLIGHT) === painted.highlight)
    api.registry.delete(NOTE_HIGHLIGHT);
  painted.removeStyles();
}

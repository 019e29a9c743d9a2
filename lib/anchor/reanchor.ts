/**
 * Place every saved selection note of a page on the page's current text. A note whose quote can
 * no longer be found is reported as orphaned, with the note itself, so the caller can still list
 * it (with its quote) — a note is never dropped because its page changed.
 */
import type { Note, Selector } from '../notes/model';
import { anchor } from './anchor';

export type NotePlacement =
  | { note: Note; status: 'anchored'; start: number; end: number; score: number }
  | { note: Note; status: 'orphaned' };

/** The selectors to anchor a note by; a note saved with only its quote is anchored by that. */
function selectorsOf(note: Note): Selector[] {
  if (note.selectors && note.selectors.length > 0) return note.selectors;
  return note.quote
    ? [{ type: 'TextQuoteSelector', exact: note.quote, prefix: '', suffix: '' }]
    : [];
}

/** One placement per selection note, in the order given; page and entity notes are skipped. */
export function reanchorNotes(text: string, notes: readonly Note[]): NotePlacement[] {
  const placements: NotePlacement[] = [];
  for (const note of notes) {
    if (note.kind !== 'selection') continue;
    const found = anchor(text, selectorsOf(note));
    placements.push(found ? { note, status: 'anchored', ...found } : { note, status: 'orphaned' });
  }
  return placements;
}

/**
 * Where the reader's saved notes sit in the page text now: each selection note's quote found again
 * (lib/anchor), or the note reported as orphaned. Pure: page text and notes in, places out.
 */
import { reanchorNotes } from '../anchor/reanchor';
import type { Note } from '../notes/model';
import type { PageText, TextChunk } from './types';

/** A saved note found on the page: offsets into the page text it was anchored on. */
export interface PlacedNote {
  note: Note;
  start: number;
  end: number;
}

export interface NotePlaces {
  /** Notes found on the page, by start (then end). */
  placed: PlacedNote[];
  /** Ids of the notes whose quote is gone. */
  orphaned: string[];
}

/** The notes a page shows: selection notes only (a page note has no quote to find). */
export function selectionNotes(list: readonly Note[]): Note[] {
  return Array.isArray(list) ? list.filter((n) => n && n.kind === 'selection') : [];
}

/** Find each note's quote in `text`. */
export function placeNotes(text: string, notes: readonly Note[]): NotePlaces {
  const placed: PlacedNote[] = [];
  const orphaned: string[] = [];
  for (const p of reanchorNotes(text, notes)) {
    if (p.status === 'anchored') placed.push({ note: p.note, start: p.start, end: p.end });
    else orphaned.push(p.note.id);
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  return { placed, orphaned };
}

/** Same text read from the same nodes: the places found before are still right. */
export function sameText(a: PageText, b: PageText): boolean {
  if (a.text !== b.text || a.chunks.length !== b.chunks.length) return false;
  return a.chunks.every((c: TextChunk, i) => c.node === b.chunks[i]?.node);
}

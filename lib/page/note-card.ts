/**
 * The note card: the text and tags of the notes under the pointer, above their quote. A note's
 * words are in the card only while it is shown (the root is closed: no page script reads them).
 */
import { t } from '../i18n';
import { placeAbove, positionCard } from './card-placement';
import type { RectLike } from './hit-test';
import type { PlacedNote } from './note-anchoring';
import type { NoteOverlay } from './note-overlay';

/** "#КНДР #treaty-law": how tags read on the card. */
export function tagLine(tags: readonly string[]): string {
  return tags
    .map((t) => t.trim().replace(/^#+/, ''))
    .filter((t) => t !== '')
    .map((t) => `#${t}`)
    .join(' ');
}

/** The card's content for `hits`: a label, then each note's text (or a placeholder) and tags. */
export function noteCardContent(doc: Document, hits: readonly PlacedNote[]): HTMLElement[] {
  const div = (className: string, text: string) => {
    const el = doc.createElement('div');
    el.className = className;
    el.textContent = text;
    return el;
  };
  const label = div('label', hits.length === 1 ? t('yourNote') : t('yourNotes', hits.length));
  const items = hits.map(({ note }) => {
    const text = note.text.trim();
    const item = div('note', '');
    item.append(text === '' ? div('text empty', t('savedQuoteNoText')) : div('text', text));
    const tags = tagLine(note.tags);
    if (tags !== '') item.append(div('tags', tags));
    return item;
  });
  return [label, ...items];
}

export interface NoteCard {
  show(hits: PlacedNote[], rect: RectLike): void;
  hide(): void;
  /** The notes shown, or null when hidden. */
  readonly current: PlacedNote[] | null;
}

export function createNoteCard(doc: Document, overlay: NoteOverlay): NoteCard {
  let card: HTMLElement | null = null;
  let current: PlacedNote[] | null = null;
  return {
    show(hits, rect) {
      const root = overlay.root();
      if (!card) {
        card = doc.createElement('div');
        card.className = 'card';
        card.setAttribute('role', 'tooltip');
        root.append(card);
      }
      card.replaceChildren();
      for (const part of noteCardContent(doc, hits)) card.append(part);
      card.hidden = false;
      positionCard(card, rect, placeAbove);
      current = hits;
    },
    hide() {
      if (card) {
        card.hidden = true;
        card.replaceChildren(); // the note's words stay on the page only while they are shown
      }
      current = null;
    },
    get current() {
      return current;
    },
  };
}

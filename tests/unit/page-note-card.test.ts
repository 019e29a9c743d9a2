// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../lib/i18n';
import type { Note } from '../../lib/notes/model';
import type { PlacedNote } from '../../lib/page/note-anchoring';
import { createNoteCard, noteCardContent, tagLine } from '../../lib/page/note-card';
import { createNoteOverlay } from '../../lib/page/note-overlay';
import { glossaHosts, inGlossaRoots } from './glossa-hosts';

afterEach(() => {
  for (const host of glossaHosts()) host.remove();
});

const placed = (id: string, text: string, tags: string[] = []): PlacedNote => ({
  note: { id, text, tags } as unknown as Note,
  start: 0,
  end: 5,
});

describe('tagLine', () => {
  it('writes each tag once with one "#", skipping blank ones', () => {
    expect(tagLine(['КНДР', '##treaty-law', ' ', ' #sanctions '])).toBe(
      '#КНДР #treaty-law #sanctions',
    );
    expect(tagLine([])).toBe('');
  });
});

describe('noteCardContent', () => {
  it('labels one note, then gives its text and tags', () => {
    const [label, item, ...rest] = noteCardContent(document, [placed('a', ' Ratified. ', ['law'])]);
    expect(rest).toEqual([]);
    expect(label?.textContent).toBe(t('yourNote'));
    expect(item?.querySelector('.text')?.textContent).toBe('Ratified.');
    expect(item?.querySelector('.tags')?.textContent).toBe('#law');
  });

  it('says how many notes there are, and marks a note without text', () => {
    const parts = noteCardContent(document, [placed('a', 'x'), placed('b', '   ')]);
    expect(parts[0]?.textContent).toBe(t('yourNotes', 2));
    const empty = parts[2]?.querySelector('.text');
    expect(empty?.className).toBe('text empty');
    expect(empty?.textContent).toBe(t('savedQuoteNoText'));
    expect(parts[2]?.querySelector('.tags')).toBeNull();
  });
});

describe('createNoteCard', () => {
  const rect = { left: 10, top: 200, right: 60, bottom: 220 };

  it('shows the notes in a tooltip in the overlay, and knows what it shows', () => {
    const card = createNoteCard(document, createNoteOverlay(document));
    const hits = [placed('a', 'Ratified.')];
    card.show(hits, rect);
    const tooltip = inGlossaRoots('[role="tooltip"]');
    expect(tooltip?.hidden).toBe(false);
    expect(tooltip?.textContent).toContain('Ratified.');
    expect(card.current).toBe(hits);
  });

  it('keeps no note text once hidden', () => {
    const card = createNoteCard(document, createNoteOverlay(document));
    card.show([placed('a', 'private words')], rect);
    card.hide();
    const tooltip = inGlossaRoots('[role="tooltip"]');
    expect(tooltip?.hidden).toBe(true);
    expect(tooltip?.textContent).toBe('');
    expect(card.current).toBeNull();
  });
});

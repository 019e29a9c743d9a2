// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../lib/notes/model';
import { placeNotes, sameText, selectionNotes } from '../../lib/page/note-anchoring';
import { extractPageText } from '../../lib/page/text';
import { noteOn } from './page-note-fixtures';

beforeEach(() => {
  document.body.innerHTML =
    '<p>The treaty entered into force on 4 December.</p><p>Talks resume in <b>Pyongyang</b>.</p>';
});

describe('placeNotes', () => {
  it('finds each quote, ordered by where it starts', () => {
    const late = noteOn('Pyongyang');
    const early = noteOn('entered into force');
    const { text } = extractPageText(document);
    const { placed, orphaned } = placeNotes(text, [late, early]);
    expect(placed.map((p) => text.slice(p.start, p.end))).toEqual([
      'entered into force',
      'Pyongyang',
    ]);
    expect(placed.map((p) => p.note)).toEqual([early, late]);
    expect(orphaned).toEqual([]);
  });

  it('reports a note whose quote left the page as orphaned', () => {
    const gone = noteOn('Talks resume');
    document.body.innerHTML = '<p>The treaty entered into force on 4 December.</p>';
    const { placed, orphaned } = placeNotes(extractPageText(document).text, [gone]);
    expect(placed).toEqual([]);
    expect(orphaned).toEqual([gone.id]);
  });
});

describe('selectionNotes', () => {
  it('keeps selection notes only (a page note has no quote)', () => {
    const quote = noteOn('Pyongyang');
    const pageNote = { ...noteOn('treaty'), kind: 'page' } as Note;
    expect(selectionNotes([quote, pageNote])).toEqual([quote]);
  });

  it('treats something that is not a list as no notes', () => {
    expect(selectionNotes(null as unknown as Note[])).toEqual([]);
  });
});

describe('sameText', () => {
  it('is true for the same text read from the same nodes', () => {
    expect(sameText(extractPageText(document), extractPageText(document))).toBe(true);
  });

  it('is false when the page rewrote the same words into new nodes', () => {
    const before = extractPageText(document);
    const html = document.body.innerHTML;
    document.body.innerHTML = html;
    const after = extractPageText(document);
    expect(after.text).toBe(before.text);
    expect(sameText(before, after)).toBe(false);
  });

  it('is false when the text changed', () => {
    const before = extractPageText(document);
    (document.querySelector('b') as HTMLElement).textContent = 'Seoul';
    expect(sameText(before, extractPageText(document))).toBe(false);
  });
});

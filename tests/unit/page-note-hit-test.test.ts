// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaretPoint, RectLike } from '../../lib/page/hit-test';
import { placeNotes } from '../../lib/page/note-anchoring';
import { notesAtPoint } from '../../lib/page/note-hit-test';
import { chunkIndexAfter, offsetFromPoint } from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';
import type { PageText } from '../../lib/page/types';
import { noteOn } from './page-note-fixtures';

beforeEach(() => {
  document.body.innerHTML = '<p>The treaty on <b>strategic partnership</b> entered into force.</p>';
});

/** One line of 10-px characters, 20 px tall; the caret goes to the nearest character edge. */
function layout(pt: PageText) {
  const caretAt = (_doc: Document, x: number, y: number): CaretPoint | null => {
    if (y < 0 || y > 20) return null;
    const o = Math.max(0, Math.min(pt.text.length, Math.round(x / 10)));
    const c = pt.chunks[chunkIndexAfter(pt.chunks, o - 1)];
    return c ? { node: c.node, offset: Math.max(0, Math.min(o, c.end) - c.start) } : null;
  };
  const rectsOf = (range: Range): RectLike[] => {
    const s = offsetFromPoint(pt, range.startContainer, range.startOffset) ?? 0;
    const e = offsetFromPoint(pt, range.endContainer, range.endOffset) ?? 0;
    return [{ left: s * 10, right: e * 10, top: 0, bottom: 20 }];
  };
  return { caretAt, rectsOf };
}

function setUp() {
  const outer = noteOn('treaty on strategic partnership');
  const inner = noteOn('strategic');
  const pt = extractPageText(document);
  const { placed } = placeNotes(pt.text, [outer, inner]);
  const { caretAt, rectsOf } = layout(pt);
  const at = (offset: number, y = 10) =>
    notesAtPoint(document, pt, placed, offset * 10 + 5, y, caretAt, rectsOf);
  return { pt, outer, inner, at };
}

describe('notesAtPoint', () => {
  it('gives every note under the point, the shortest first', () => {
    const { pt, outer, inner, at } = setUp();
    const hit = at(pt.text.indexOf('strategic') + 2);
    expect(hit?.notes.map((p) => p.note)).toEqual([inner, outer]);
  });

  it('gives one note where only one covers the point, with the rect the point is in', () => {
    const { pt, outer, at } = setUp();
    const o = pt.text.indexOf('treaty') + 1;
    const hit = at(o);
    expect(hit?.notes.map((p) => p.note)).toEqual([outer]);
    expect(hit?.rect.left).toBe(pt.text.indexOf('treaty') * 10);
  });

  it('gives null off the notes and off the text', () => {
    const { pt, at } = setUp();
    expect(at(pt.text.indexOf('entered') + 2)).toBeNull();
    expect(at(pt.text.indexOf('treaty') + 1, 200)).toBeNull();
  });
});

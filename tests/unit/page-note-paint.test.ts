// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeNotes } from '../../lib/page/note-anchoring';
import { NOTE_CSS, NOTE_HIGHLIGHT, paintNotes, unpaintNotes } from '../../lib/page/note-paint';
import { extractPageText } from '../../lib/page/text';
import { noteOn } from './page-note-fixtures';

/** A minimal stand-in for the CSS Custom Highlight API, which jsdom lacks. */
class FakeHighlight extends Set<Range> {
  priority = 0;
}
const g = globalThis as unknown as Record<string, unknown>;
let registry: Map<string, unknown>;

beforeEach(() => {
  registry = new Map();
  g.Highlight = FakeHighlight;
  g.CSS = { highlights: registry };
  document.body.innerHTML = '<p>The treaty entered into force in <b>Pyongyang</b>.</p>';
});

afterEach(() => {
  delete g.Highlight;
  delete g.CSS;
  document.head.innerHTML = '';
});

function placed() {
  const pageText = extractPageText(document);
  const notes = [noteOn('treaty'), noteOn('Pyongyang')];
  return { pageText, placed: placeNotes(pageText.text, notes).placed };
}

describe('paintNotes', () => {
  it('paints every placed note as one highlight, below the entity highlights', () => {
    const { pageText, placed: list } = placed();
    const painted = paintNotes(document, pageText, list);
    expect(painted).not.toBeNull();
    const highlight = registry.get(NOTE_HIGHLIGHT) as FakeHighlight;
    expect([...highlight].map((r) => r.toString())).toEqual(['treaty', 'Pyongyang']);
    expect(highlight.priority).toBe(-1);
    expect(document.head.textContent).toContain(NOTE_CSS);
  });

  it('paints nothing without notes or without the Highlight API', () => {
    const { pageText, placed: list } = placed();
    expect(paintNotes(document, pageText, [])).toBeNull();
    delete g.Highlight;
    expect(paintNotes(document, pageText, list)).toBeNull();
    expect(registry.size).toBe(0);
  });
});

describe('unpaintNotes', () => {
  it('takes its highlight and styles away', () => {
    const { pageText, placed: list } = placed();
    const painted = paintNotes(document, pageText, list);
    if (!painted) throw new Error('not painted');
    unpaintNotes(painted);
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
    expect(document.head.textContent).not.toContain(NOTE_CSS);
  });

  it('leaves a highlight registered under the name since then alone', () => {
    const { pageText, placed: list } = placed();
    const painted = paintNotes(document, pageText, list);
    if (!painted) throw new Error('not painted');
    const someoneElse = new FakeHighlight();
    registry.set(NOTE_HIGHLIGHT, someoneElse);
    unpaintNotes(painted);
    expect(registry.get(NOTE_HIGHLIGHT)).toBe(someoneElse);
  });
});

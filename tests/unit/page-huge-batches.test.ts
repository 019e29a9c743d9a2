// @vitest-environment jsdom
/**
 * Lists whose length the page decides (mutation records, marks, ranges) are never spread into a
 * call: `push(...items)` passes each item as an argument, and past a stack's worth of arguments
 * the engine throws RangeError, so that batch of new content would never be annotated.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../lib/entities';
import { observeDomChanges } from '../../lib/page/dom-changes';
import { createPainter, paintedRanges, withSplitParts } from '../../lib/page/paint';
import { extractPageText } from '../../lib/page/text';
import type { TextChunk } from '../../lib/page/types';

/** More than any engine takes as arguments of one call. */
const HUGE = 200_000;
/** Building a DOM this large in jsdom takes a while on a shared machine. */
const SLOW = 60_000;

/** A page whose only text is `word ` HUGE times, and a mention for each word. */
function wordsPage(word: string): { mentions: Mention[] } {
  document.body.innerHTML = '';
  const p = document.createElement('p');
  p.textContent = `${word} `.repeat(HUGE);
  document.body.append(p);
  const mentions: Mention[] = [];
  for (let i = 0; i < HUGE; i++) {
    const start = i * (word.length + 1);
    mentions.push({ start, end: start + word.length, type: 'LOC', text: word, canonical: word });
  }
  return { mentions };
}

class FakeHighlight extends Set<AbstractRange> {}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('huge batches', () => {
  it(
    `hands over a batch of ${HUGE} mutation records in one piece`,
    async () => {
      const target = document.createElement('div');
      document.body.append(target);
      const batches: number[] = [];
      const watch = observeDomChanges(document, (records) => batches.push(records.length), {
        delayMs: 0,
        minIntervalMs: 0,
      });
      // Each attribute change is its own record, all delivered to the observer at once.
      for (let i = 0; i < HUGE; i++) target.toggleAttribute('hidden');
      try {
        await vi.waitFor(() => expect(batches).toEqual([HUGE]), { timeout: 20_000 });
      } finally {
        watch.stop();
      }
    },
    SLOW,
  );

  it(
    `lists ${HUGE} painted ranges of one painter`,
    () => {
      const g = globalThis as unknown as Record<string, unknown>;
      g.Highlight = FakeHighlight;
      g.CSS = { highlights: new Map() };
      try {
        const { mentions } = wordsPage('Oslo');
        const painter = createPainter(document, ['LOC']);
        expect(painter.mode).toBe('highlight');
        painter.paint(extractPageText(document), mentions);
        expect(painter.flush()).toBe(HUGE);
        expect(paintedRanges(document)).toHaveLength(HUGE);
        painter.dispose();
      } finally {
        delete g.Highlight;
        delete g.CSS;
      }
    },
    SLOW,
  );

  it(`puts ${HUGE} split parts of one text node in place of its chunk (<mark> fallback)`, () => {
    const node = document.createTextNode('Oslo');
    const chunk = (start: number): TextChunk => ({ node, start, end: start + 1 });
    const chunks = [chunk(0), chunk(1), chunk(HUGE + 1)];
    const parts = Array.from({ length: HUGE }, (_, i) => chunk(1 + i));
    const live = withSplitParts(chunks, new Map([[1, parts]]));
    expect(live).toHaveLength(HUGE + 2);
    expect(live[0]).toBe(chunks[0]);
    expect(live[1]).toBe(parts[0]);
    expect(live[HUGE]).toBe(parts[HUGE - 1]);
    expect(live[HUGE + 1]).toBe(chunks[2]);
  });
});

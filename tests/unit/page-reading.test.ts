// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPainter } from '../../lib/page/paint';
import { createReader, nextReadNodes } from '../../lib/page/reading';
import { createSegments } from '../../lib/page/segments';
import type { TextSegment } from '../../lib/page/text';

function reader() {
  const segments = createSegments(
    document,
    createPainter(document, ['PER'], { forceWrap: true }),
    (fn) => fn(),
    () => {},
  );
  const adopted: string[] = [];
  let t = 0;
  const r = createReader({
    segments,
    wrap: true,
    now: () => t++,
    adopt: (read: TextSegment, root, urgent) => {
      adopted.push(`${urgent ? '!' : ''}${read.text}`);
      segments.add(read, root);
    },
    onFrame: () => {},
    stepped: () => {},
  });
  const run = () => {
    while (r.busy) r.step();
  };
  return { r, run, adopted, segments };
}

describe('reading', () => {
  it('aims read steps at a few ms, within bounds', () => {
    expect(nextReadNodes(2000, 0.2)).toBe(2000); // too quick to measure
    expect(nextReadNodes(2000, 8)).toBe(1000);
    expect(nextReadNodes(2000, 1000)).toBe(500);
    expect(nextReadNodes(20_000, 1)).toBe(20_000);
  });

  it('adopts a first read as it comes, and on a re-read only the text that changed', () => {
    document.body.innerHTML = '<article><p>One.</p><p id="b">Two.</p></article>';
    const article = document.querySelector('article') as Element;
    const { r, run, adopted, segments } = reader();
    r.start(article, article, false);
    run();
    expect(adopted).toEqual(['One.', 'Two.']);
    (document.getElementById('b') as HTMLElement).textContent = 'Three.';
    r.start(article, article, true);
    run();
    expect(adopted).toEqual(['One.', 'Two.', '!Three.']);
    // "One." was kept, not read twice; the old "Two." node left the page (the annotator drops it).
    expect([...segments].filter((s) => s.text === 'One.')).toHaveLength(1);
  });
});

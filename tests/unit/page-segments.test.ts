// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createPainter } from '../../lib/page/paint';
import { countWords, createSegments, matchReads } from '../../lib/page/segments';
import { readSegments } from '../../lib/page/text';

const now = <T>(fn: () => T) => fn();

describe('segments', () => {
  it('counts words as runs of non-space characters', () => {
    expect(countWords('  Putin met\u00a0Lavrov\n in Moscow ')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('keeps a segment read again with the same text and nodes, and takes the rest as new', () => {
    document.body.innerHTML = '<article><p>Putin spoke.</p><p>Lavrov answered.</p></article>';
    const root = document.querySelector('article') as Element;
    const painter = createPainter(document, ['PER'], { forceWrap: true });
    const segments = createSegments(document, painter, now, () => {});
    const [first, second] = readSegments(root).map((s) => segments.add(s, root));
    expect(segments.chars).toBe('Putin spoke.'.length + 'Lavrov answered.'.length);
    // Words are counted when asked for (the timing report), not while the page is read.
    expect(first?.words).toBeNull();
    expect(segments.words).toBe(4);
    expect(first?.words).toBe(2);
    expect(segments.under(root)).toEqual(new Set([first, second]));
    (document.querySelectorAll('p')[1] as HTMLElement).textContent = 'Lavrov left.';
    const { kept, fresh } = matchReads(segments, readSegments(root));
    expect([...kept]).toEqual([first]);
    expect(fresh.map((s) => s.text)).toEqual(['Lavrov left.']);
    expect(segments.under(root)).toEqual(new Set([first])); // the old text node left
    expect(second?.text).toBe('Lavrov answered.');
  });

  it('paints, finds a mark from a point in its text, and lets go of it when dropped', () => {
    document.body.innerHTML = '<article><p>Yesterday Putin spoke.</p></article>';
    const root = document.querySelector('article') as Element;
    const painter = createPainter(document, ['PER'], { forceWrap: true });
    const marks: number[] = [];
    const segments = createSegments(document, painter, now, (n) => marks.push(n));
    const seg = segments.add(readSegments(root)[0] as never, root);
    const putin: Mention = { start: 10, end: 15, type: 'PER', text: 'Putin', canonical: 'Putin' };
    seg.mentions = [putin];
    segments.paint(seg);
    expect(marks).toEqual([1]);
    expect([...segments.painted()]).toEqual([putin]);
    const mark = document.querySelector('mark') as HTMLElement;
    expect(segments.lookup(mark.firstChild as Node, 2).map((h) => h.mention)).toEqual([putin]);
    segments.drop(seg);
    expect(document.querySelector('mark')).toBeNull();
    expect(segments.chars).toBe(0);
    expect(segments.words).toBe(0);
    expect([...segments]).toEqual([]);
  });
});

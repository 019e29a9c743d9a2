// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { hitTest, mentionIndexAt, pageTextSource } from '../../lib/page/card-source';
import { offsetFromPoint } from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';

const m = (start: number, end: number): Mention => ({
  start,
  end,
  type: 'PER',
  text: 'x',
  canonical: 'x',
});

describe('mentionIndexAt', () => {
  const mentions = [m(0, 5), m(10, 12), m(20, 30)];
  it('finds the mention containing an offset (start inclusive, end exclusive)', () => {
    expect(mentionIndexAt(mentions, 0)).toBe(0);
    expect(mentionIndexAt(mentions, 11)).toBe(1);
    expect(mentionIndexAt(mentions, 29)).toBe(2);
  });

  it('gives -1 between and after mentions, and on an empty list', () => {
    expect(mentionIndexAt(mentions, 5)).toBe(-1);
    expect(mentionIndexAt(mentions, 15)).toBe(-1);
    expect(mentionIndexAt(mentions, 30)).toBe(-1);
    expect(mentionIndexAt([], 0)).toBe(-1);
  });
});

function page() {
  document.body.innerHTML = '<p>Putin met <b>Xi</b> in Moscow.</p>';
  const pt = extractPageText(document);
  const at = (needle: string): Mention => {
    const start = pt.text.indexOf(needle);
    return { start, end: start + needle.length, type: 'PER', text: needle, canonical: needle };
  };
  const mentions = [at('Putin'), at('Xi'), at('Moscow')];
  return { pt, mentions };
}

describe('pageTextSource', () => {
  it('looks up the mention at a DOM point, and the one ending there', () => {
    const { pt, mentions } = page();
    const source = pageTextSource(document, pt, mentions, () => 2);
    const xi = document.querySelector('b')?.firstChild as Node;
    expect(source.lookup(xi, 1).map((h) => h.mention.text)).toEqual(['Xi']);
    // At the end of "Xi" the caret sits after it: that mention still counts.
    expect(source.lookup(xi, 2).map((h) => h.mention.text)).toEqual(['Xi']);
    expect(source.lookup(document.body, 0)).toEqual([]);
  });

  it('describes a mention by its canonical name and the count it is given', () => {
    const { pt, mentions } = page();
    const source = pageTextSource(document, pt, mentions, (mention) => mention.text.length);
    expect(source.describe(mentions[2] as Mention)).toEqual({ canonical: 'Moscow', count: 6 });
  });
});

describe('hitTest', () => {
  it('gives the mention whose rects hold the point, and null in the margin', () => {
    const { pt, mentions } = page();
    const source = pageTextSource(document, pt, mentions, () => 1);
    // One line of 10-px characters; the caret snaps to the nearest character.
    const caretAt = (_doc: Document, x: number) => {
      const o = Math.round(x / 10);
      const chunk = pt.chunks.find((c) => c.start <= o && o <= c.end) ?? pt.chunks[0];
      return chunk ? { node: chunk.node, offset: o - chunk.start } : null;
    };
    const rectsOf = (range: Range) => {
      const s = offsetFromPoint(pt, range.startContainer, range.startOffset) ?? 0;
      const e = offsetFromPoint(pt, range.endContainer, range.endOffset) ?? 0;
      return [{ left: s * 10, right: e * 10, top: 0, bottom: 20 }];
    };
    const putin = mentions[0] as Mention;
    expect(hitTest(document, source, 22, 10, caretAt, rectsOf)?.mention).toBe(putin);
    expect(hitTest(document, source, 22, 200, caretAt, rectsOf)).toBeNull();
    expect(hitTest(document, source, 22, 10, () => null, rectsOf)).toBeNull();
  });
});

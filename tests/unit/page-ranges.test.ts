// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  chunkIndexAfter,
  chunkIndexBefore,
  offsetFromPoint,
  rangeFromOffsets,
  snapOffset,
} from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';

function setup(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return { doc, pt: extractPageText(doc) };
}

describe('rangeFromOffsets', () => {
  it('maps a span inside one node', () => {
    const { doc, pt } = setup('<p>Hello Vladimir Putin today</p>');
    const start = pt.text.indexOf('Vladimir');
    const r = rangeFromOffsets(pt, start, start + 'Vladimir Putin'.length, doc);
    expect(r?.toString()).toBe('Vladimir Putin');
    expect(r?.startContainer).toBe(pt.chunks[0]?.node);
    expect(r?.startOffset).toBe(6);
  });

  it('gives one Range across nodes for a span crossing inline elements', () => {
    const { doc, pt } = setup('<p>the <b>New</b> <i>START</i> treaty</p>');
    const start = pt.text.indexOf('New');
    const r = rangeFromOffsets(pt, start, start + 'New START'.length, doc);
    expect(r?.toString()).toBe('New START');
    expect(r?.startContainer.parentElement?.localName).toBe('b');
    expect(r?.endContainer.parentElement?.localName).toBe('i');
  });

  it('maps every single character back to the same character', () => {
    const { doc, pt } = setup(
      '<h1>Title</h1><p>One <b>bold</b> <i>it</i>.</p><ul><li>A</li><li>B</li></ul><p>Россия</p>',
    );
    for (let i = 0; i < pt.text.length; i++) {
      const r = rangeFromOffsets(pt, i, i + 1, doc);
      if (pt.text[i] === '\n') {
        expect(r).toBeNull(); // a separator alone covers no text
      } else {
        expect(r?.toString()).toBe(pt.text[i]);
      }
    }
  });

  it('trims a span that starts or ends in a separator', () => {
    const { doc, pt } = setup('<p>first</p><p>second</p>');
    expect(pt.text).toBe('first\nsecond');
    expect(rangeFromOffsets(pt, 5, 12, doc)?.toString()).toBe('second');
    expect(rangeFromOffsets(pt, 0, 6, doc)?.toString()).toBe('first');
    const across = rangeFromOffsets(pt, 2, 9, doc);
    expect(across?.toString()).toBe('rstsec'); // Range.toString has no separator
    expect(across?.startContainer).toBe(pt.chunks[0]?.node);
    expect(across?.endContainer).toBe(pt.chunks[1]?.node);
  });

  it('returns null for empty, reversed or out-of-bounds spans and for stale nodes', () => {
    const { doc, pt } = setup('<p>abc</p>');
    expect(rangeFromOffsets(pt, 1, 1, doc)).toBeNull();
    expect(rangeFromOffsets(pt, 2, 1, doc)).toBeNull();
    expect(rangeFromOffsets(pt, -1, 2, doc)).toBeNull();
    expect(rangeFromOffsets(pt, 0, 4, doc)).toBeNull();
    const node = pt.chunks[0]?.node;
    if (node) node.data = 'a';
    expect(rangeFromOffsets(pt, 0, 3, doc)).toBeNull();
  });
});

describe('chunk search', () => {
  it('finds the chunk after and before an offset', () => {
    const { pt } = setup('<p>ab</p><p>cd</p><p>ef</p>'); // "ab\ncd\nef"
    expect(chunkIndexAfter(pt.chunks, 0)).toBe(0);
    expect(chunkIndexAfter(pt.chunks, 2)).toBe(1); // separator → next chunk
    expect(chunkIndexAfter(pt.chunks, 8)).toBe(3);
    expect(chunkIndexBefore(pt.chunks, 0)).toBe(-1);
    expect(chunkIndexBefore(pt.chunks, 3)).toBe(0);
    expect(chunkIndexBefore(pt.chunks, 4)).toBe(1);
  });
});

describe('offsetFromPoint', () => {
  it('maps a point in a text node to its offset, and round-trips with rangeFromOffsets', () => {
    const { doc, pt } = setup('<p>One <b>two</b> three</p><p>four</p>');
    for (let s = 0; s < pt.text.length; s++) {
      for (let e = s + 1; e <= pt.text.length; e++) {
        const r = rangeFromOffsets(pt, s, e, doc);
        if (!r) continue;
        const a = offsetFromPoint(pt, r.startContainer, r.startOffset);
        const b = offsetFromPoint(pt, r.endContainer, r.endOffset);
        // Trimmed only at separators: the mapped span is the original minus separator ends.
        expect(a).toBeGreaterThanOrEqual(s);
        expect(b).toBeLessThanOrEqual(e);
        expect(pt.text.slice(s, a ?? 0)).toMatch(/^\n?$/);
        expect(pt.text.slice(b ?? 0, e)).toMatch(/^\n?$/);
      }
    }
  });

  it('snaps element points and skipped text to the next page text', () => {
    const { pt } = setup('<p id="a">alpha <code>x()</code> beta</p><p id="b">gamma</p>');
    expect(pt.text).toBe('alpha  beta\ngamma');
    const a = pt.root.querySelector('#a') as Element;
    const b = pt.root.querySelector('#b') as Element;
    const code = pt.root.querySelector('code')?.firstChild as Node;
    expect(offsetFromPoint(pt, a, 0)).toBe(0);
    expect(offsetFromPoint(pt, code, 1)).toBe(pt.text.indexOf(' beta'));
    expect(offsetFromPoint(pt, b, 0)).toBe(pt.text.indexOf('gamma'));
    expect(offsetFromPoint(pt, b, 1)).toBe(pt.text.length);
    expect(offsetFromPoint(pt, pt.root, pt.root.childNodes.length)).toBe(pt.text.length);
  });

  it('returns null outside the article root', () => {
    const doc = new DOMParser().parseFromString(
      `<body><nav>menu</nav><article><p>${'Story text. '.repeat(5)}</p></article></body>`,
      'text/html',
    );
    const pt = extractPageText(doc);
    expect(pt.root.localName).toBe('article');
    const nav = doc.querySelector('nav')?.firstChild as Node;
    expect(offsetFromPoint(pt, nav, 1)).toBeNull();
    // snapOffset still orders it: before the article → 0.
    expect(snapOffset(pt, nav, 1)).toBe(0);
  });
});

// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityType, Mention } from '../../lib/entities';
import { highlightName, paintCss, paintMentions } from '../../lib/page/paint';
import { extractPageText } from '../../lib/page/text';
import type { PageText } from '../../lib/page/types';
import { runs } from '../setup/property-runs';

/** Mentions of `needle` (every occurrence) in the page text. */
function find(pt: PageText, needle: string, type: EntityType, canonical = needle): Mention[] {
  const out: Mention[] = [];
  for (let i = pt.text.indexOf(needle); i >= 0; i = pt.text.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length, type, text: needle, canonical });
  }
  return out;
}

function byStart(ms: Mention[]): Mention[] {
  return [...ms].sort((a, b) => a.start - b.start);
}

const ARTICLE = `<article><h1>Putin meets Kim in Pyongyang</h1>
  <p>President <b>Vladimir</b> Putin arrived in Pyongyang, where the <i>Treaty on Comprehensive
  Strategic Partnership</i> was signed.</p>
  <p>The Foreign Ministry of the DPRK said ratification would follow. Putin and Kim met twice.</p>
</article>`;

function setBody(html: string): PageText {
  document.body.innerHTML = html;
  return extractPageText(document);
}

/** Page text of the demo article, loaded into the global document. */
function mentionsFor(pt: PageText): Mention[] {
  return byStart([
    ...find(pt, 'Vladimir Putin', 'PER', 'Vladimir Putin'),
    ...find(pt, 'Kim', 'PER', 'Kim Jong Un'),
    ...find(pt, 'Pyongyang', 'LOC'),
    ...find(pt, 'Treaty on Comprehensive\n  Strategic Partnership', 'TREATY', 'Treaty'),
    ...find(pt, 'ratification', 'TREATY'),
    ...find(pt, 'Foreign Ministry of the DPRK', 'ORG'),
  ]);
}

describe('paintMentions: <mark> fallback (jsdom has no CSS.highlights)', () => {
  it('wraps each mention piece in mark[data-glossa] and restores innerHTML byte for byte', () => {
    const pt = setBody(ARTICLE);
    const before = document.body.innerHTML;
    const headBefore = document.head.innerHTML;
    const mentions = mentionsFor(pt);
    const painting = paintMentions(document, pt, mentions, ['PER', 'LOC', 'TREATY']);
    expect(painting.mode).toBe('wrap');

    const marks = [...document.querySelectorAll('mark[data-glossa]')];
    // "Vladimir Putin" crosses <b>: two marks. ORG is never painted.
    const texts = marks.map((m) => `${m.getAttribute('data-glossa')}:${m.textContent}`);
    expect(texts).toEqual([
      'PER:Kim',
      'LOC:Pyongyang',
      'PER:Vladimir',
      'PER: Putin',
      'LOC:Pyongyang',
      'TREATY:Treaty on Comprehensive\n  Strategic Partnership',
      'TREATY:ratification',
      'PER:Kim',
    ]);
    expect(document.body.textContent).toBe(
      new DOMParser().parseFromString(`<body>${ARTICLE}</body>`, 'text/html').body.textContent,
    );
    expect(painting.mentions.map((m) => m.type)).not.toContain('ORG');
    // jsdom lacks adoptedStyleSheets: the styles go into one <style> that unpaint removes.
    expect(document.head.querySelectorAll('style[data-glossa]')).toHaveLength(1);

    painting.unpaint();
    expect(document.body.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe(headBefore);
    expect(document.body.querySelectorAll('mark')).toHaveLength(0);
    painting.unpaint(); // twice is harmless
    expect(document.body.innerHTML).toBe(before);
  });

  it('keeps the original text nodes, so the page text stays valid after unpaint', () => {
    const pt = setBody(ARTICLE);
    const nodes = pt.chunks.map((c) => c.node);
    const data = nodes.map((n) => n.data);
    const painting = paintMentions(document, pt, mentionsFor(pt), ['PER', 'LOC', 'TREATY']);
    painting.unpaint();
    nodes.forEach((n, i) => {
      expect(n.isConnected).toBe(true);
      expect(n.data).toBe(data[i]);
    });
    // Adjacent text nodes were re-joined, not left split.
    expect(extractPageText(document).chunks.map((c) => c.node)).toEqual(nodes);
  });

  it('returns a page text re-pointed at the split nodes while painted', () => {
    const pt = setBody(ARTICLE);
    const painting = paintMentions(document, pt, mentionsFor(pt), ['PER', 'LOC', 'TREATY']);
    const live = painting.pageText;
    expect(live.text).toBe(pt.text);
    for (const c of live.chunks) {
      expect(c.node.isConnected).toBe(true);
      expect(live.text.slice(c.start, c.end)).toBe(c.node.data);
    }
    // The same as reading the painted page afresh (marks are inline, so no new separators).
    const fresh = extractPageText(document);
    expect(fresh.text).toBe(pt.text);
    expect(fresh.chunks.map((c) => [c.start, c.end])).toEqual(
      live.chunks.map((c) => [c.start, c.end]),
    );
    painting.unpaint();
  });

  it('paints only the selected types', () => {
    const pt = setBody(ARTICLE);
    const painting = paintMentions(document, pt, mentionsFor(pt), ['LOC']);
    const types = new Set([...document.querySelectorAll('mark')].map((m) => m.dataset.glossa));
    expect([...types]).toEqual(['LOC']);
    painting.unpaint();
  });

  it('restores the demo article exactly', () => {
    const html = readFileSync(resolve('tests/fixtures/demo/article.html'), 'utf8');
    const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
    const pt = setBody(body);
    const before = document.body.innerHTML;
    const mentions = byStart([
      ...find(pt, 'КНДР', 'LOC', 'КНДР'),
      ...find(pt, 'Асмолов', 'PER'),
      ...find(pt, 'ратификации', 'TREATY'),
      ...find(pt, 'Пхеньян', 'LOC'),
    ]);
    expect(mentions.length).toBeGreaterThan(20);
    const painting = paintMentions(document, pt, mentions, ['PER', 'LOC', 'TREATY']);
    expect(document.querySelectorAll('mark[data-glossa]').length).toBe(mentions.length);
    painting.unpaint();
    expect(document.body.innerHTML).toBe(before);
  });

  it('restores any page after painting any non-overlapping mentions (property)', () => {
    const inline = fc.constantFrom('b', 'i', 'a', 'span', 'em');
    const block = fc.constantFrom('p', 'div', 'li', 'h2', 'td');
    const word = fc.stringMatching(/^[a-zа-я😀 ]{1,8}$/u);
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc
          .tuple(fc.oneof(inline, block), fc.array(tie('node'), { maxLength: 4 }))
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(node, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(12),
            fc.constantFrom<EntityType>('PER', 'LOC', 'TREATY', 'ORG'),
          ),
          {
            maxLength: 10,
          },
        ),
        (parts, spans) => {
          const pt = setBody(`<div>${parts.join('')}</div>`);
          const before = document.body.innerHTML;
          const n = pt.text.length;
          const mentions: Mention[] = [];
          let last = 0;
          for (const [at, len, type] of spans.sort((a, b) => a[0] - b[0])) {
            const start = n === 0 ? 0 : Math.max(last, at % (n + 1));
            const end = Math.min(n, start + len + 1);
            if (start >= end) continue;
            const text = pt.text.slice(start, end);
            mentions.push({ start, end, type, text, canonical: text });
            last = end;
          }
          const painting = paintMentions(document, pt, mentions, ['PER', 'LOC', 'TREATY']);
          for (const c of painting.pageText.chunks) {
            expect(painting.pageText.text.slice(c.start, c.end)).toBe(c.node.data);
          }
          // Reading the painted page gives the same text and exactly the painting's chunks.
          const fresh = extractPageText(document);
          expect(fresh.text).toBe(pt.text);
          expect(fresh.chunks).toEqual(painting.pageText.chunks);
          expect(fresh.chunks.every((c, i) => c.node === painting.pageText.chunks[i]?.node)).toBe(
            true,
          );
          painting.unpaint();
          expect(document.body.innerHTML).toBe(before);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

/** A minimal stand-in for the CSS Custom Highlight API, which jsdom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** The text of a painted range (StaticRange has no toString: read it through a Range). */
function rangeText(r: AbstractRange): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

describe('paintMentions: CSS Custom Highlight API', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  let registry: Map<string, FakeHighlight>;
  let adopted: CSSStyleSheet[];

  beforeEach(() => {
    registry = new Map();
    g.Highlight = FakeHighlight;
    g.CSS = { highlights: registry };
    adopted = [];
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => adopted,
      set: (v: CSSStyleSheet[]) => {
        adopted = v;
      },
    });
  });
  afterEach(() => {
    delete g.Highlight;
    delete g.CSS;
    delete (document as unknown as Record<string, unknown>).adoptedStyleSheets;
  });

  it('registers glossa-PER, glossa-LOC, glossa-TREATY with one range per mention', () => {
    const pt = setBody(ARTICLE);
    const before = document.documentElement.outerHTML;
    const painting = paintMentions(document, pt, mentionsFor(pt), ['PER', 'LOC', 'TREATY']);
    expect(painting.mode).toBe('highlight');
    expect([...registry.keys()].sort()).toEqual(['glossa-LOC', 'glossa-PER', 'glossa-TREATY']);
    const texts = (name: string) => [...(registry.get(name) ?? [])].map(rangeText);
    expect(texts('glossa-PER')).toEqual(['Kim', 'Vladimir Putin', 'Kim']);
    expect(texts('glossa-LOC')).toEqual(['Pyongyang', 'Pyongyang']);
    expect(texts('glossa-TREATY')).toEqual([
      'Treaty on Comprehensive\n  Strategic Partnership',
      'ratification',
    ]);
    // No DOM change at all: styles come from one adopted stylesheet.
    expect(document.documentElement.outerHTML).toBe(before);
    expect(adopted).toHaveLength(1);
    const css = [...(adopted[0]?.cssRules ?? [])].map((r) => r.cssText).join('\n');
    expect(css).toContain('mark[data-glossa="PER"]');

    painting.unpaint();
    expect(registry.size).toBe(0);
    expect(adopted).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('registers only the selected types and leaves foreign highlights alone', () => {
    const pt = setBody(ARTICLE);
    const foreign = new FakeHighlight();
    registry.set('page-own', foreign);
    const painting = paintMentions(document, pt, mentionsFor(pt), ['TREATY']);
    expect([...registry.keys()].sort()).toEqual(['glossa-TREATY', 'page-own']);
    painting.unpaint();
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('keeps a stylesheet the page adopted', () => {
    const pageSheet = new CSSStyleSheet();
    adopted = [pageSheet];
    const pt = setBody(ARTICLE);
    const painting = paintMentions(document, pt, mentionsFor(pt), ['PER']);
    expect(adopted).toHaveLength(2);
    painting.unpaint();
    expect(adopted).toEqual([pageSheet]);
  });
});

describe('paintCss', () => {
  it('gives each type its own colour and underline style', () => {
    const css = paintCss(['PER', 'LOC', 'TREATY']);
    for (const t of ['PER', 'LOC', 'TREATY'] as const) {
      expect(css).toContain(`::highlight(${highlightName(t)})`);
    }
    const rules = css.split('\n').filter((l) => l.startsWith('::highlight'));
    const styles = rules.map((r) => /underline (\w+)/.exec(r)?.[1]);
    expect(new Set(styles).size).toBe(3);
    const backgrounds = rules.map((r) => /background-color: ([^;]+)/.exec(r)?.[1]);
    expect(new Set(backgrounds).size).toBe(3);
  });
});

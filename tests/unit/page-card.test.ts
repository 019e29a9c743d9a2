// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createHoverCard, type HoverCard } from '../../lib/page/card';
import {
  type CardSource,
  hitTest,
  mentionIndexAt,
  pageTextSource,
} from '../../lib/page/card-source';
import { occurrencesLabel, treatyLine } from '../../lib/page/card-view';
import type { CaretPoint, RectLike } from '../../lib/page/hit-test';
import { chunkIndexAfter, offsetFromPoint } from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';
import type { PageText } from '../../lib/page/types';
import { asReader, fromReader, glossaHosts, inGlossaRoots, rootOf } from './glossa-hosts';

/**
 * jsdom has no layout, so the tests lay the page text out on one line: offset o is at x = 10·o,
 * every character 10 px wide and 20 px tall. The caret goes to the nearest character edge.
 */
const W = 10;
const H = 20;

function fakeLayout(pt: PageText) {
  const caretAt = (_doc: Document, x: number, y: number): CaretPoint | null => {
    if (y < -100 || y > 100) return null;
    const o = Math.max(0, Math.min(pt.text.length, Math.round(x / W)));
    const i = chunkIndexAfter(pt.chunks, o - 1);
    const c = pt.chunks[i];
    if (!c) return null;
    return { node: c.node, offset: Math.max(0, Math.min(o, c.end) - c.start) };
  };
  const rectsOf = (range: Range): RectLike[] => {
    const s = offsetFromPoint(pt, range.startContainer, range.startOffset) ?? 0;
    const e = offsetFromPoint(pt, range.endContainer, range.endOffset) ?? 0;
    return [{ left: s * W, right: e * W, top: 0, bottom: H }];
  };
  return { caretAt, rectsOf };
}

function mention(pt: PageText, needle: string, type: Mention['type'], canonical: string): Mention {
  const start = pt.text.indexOf(needle);
  return { start, end: start + needle.length, type, text: needle, canonical };
}

function pointerMove(x: number, y: number): MouseEvent {
  const Ctor =
    (window as unknown as { PointerEvent?: typeof MouseEvent }).PointerEvent ?? MouseEvent;
  return new Ctor('pointermove', { clientX: x, clientY: y, bubbles: true });
}

/** The reader moves the pointer. */
function move(x: number, y: number) {
  document.dispatchEvent(asReader(pointerMove(x, y)));
}

function tooltip(): HTMLElement | null {
  return inGlossaRoots('[role="tooltip"]');
}

let card: HoverCard | null = null;

function setup(html = '<p>Talks between Putin and <b>Kim</b> in Pyongyang; Putin left.</p>') {
  document.body.innerHTML = html;
  const pt = extractPageText(document);
  const mentions = [
    mention(pt, 'Putin', 'PER', 'Vladimir Putin'),
    mention(pt, 'Kim', 'PER', 'Kim <b>Jong</b> Un'),
    mention(pt, 'Pyongyang', 'LOC', 'Pyongyang'),
  ];
  const second = pt.text.lastIndexOf('Putin');
  mentions.push({
    start: second,
    end: second + 5,
    type: 'PER',
    text: 'Putin',
    canonical: 'Vladimir Putin',
  });
  mentions.sort((a, b) => a.start - b.start);
  const source: CardSource = pageTextSource(
    document,
    pt,
    mentions,
    (m) => mentions.filter((x) => x.canonical === m.canonical).length,
  );
  const frames: Array<() => void> = [];
  const layout = fakeLayout(pt);
  card = createHoverCard(document, source, {
    ...layout,
    schedule: (cb) => frames.push(cb),
    trusted: fromReader,
  });
  const flush = () => {
    for (const f of frames.splice(0)) f();
  };
  /** Move the pointer to the middle of character `o`, on the text line. */
  const at = (o: number, y = H / 2) => {
    move(o * W + W / 2, y);
    flush();
  };
  return { pt, mentions, source, layout, frames, flush, at };
}

afterEach(() => {
  card?.destroy();
  card = null;
  document.body.innerHTML = '';
});

describe('mentionIndexAt', () => {
  const ms = [
    { start: 2, end: 5 },
    { start: 5, end: 7 },
    { start: 10, end: 12 },
  ] as Mention[];
  it('finds the mention containing an offset by binary search', () => {
    expect([0, 1, 2, 4, 5, 6, 7, 9, 10, 11, 12].map((o) => mentionIndexAt(ms, o))).toEqual([
      -1, -1, 0, 0, 1, 1, -1, -1, 2, 2, -1,
    ]);
    expect(mentionIndexAt([], 3)).toBe(-1);
  });
});

describe('hitTest', () => {
  it('finds the mention under the point, including the right half of its last character', () => {
    const { pt, source, layout, mentions } = setup();
    const kim = mentions.find((m) => m.text === 'Kim') as Mention;
    const inside = hitTest(
      document,
      source,
      (kim.start + 1) * W + 2,
      5,
      layout.caretAt,
      layout.rectsOf,
    );
    expect(inside?.mention).toBe(kim);
    // Right half of "m": the caret lands after it, at kim.end.
    const edge = hitTest(
      document,
      source,
      (kim.end - 1) * W + 8,
      5,
      layout.caretAt,
      layout.rectsOf,
    );
    expect(edge?.mention).toBe(kim);
    expect(pt.text.slice(kim.start, kim.end)).toBe('Kim');
  });

  it('misses when the point is beside the text even though a caret is found', () => {
    const { source, layout, mentions } = setup();
    const kim = mentions.find((m) => m.text === 'Kim') as Mention;
    expect(
      hitTest(document, source, (kim.start + 1) * W, 60, layout.caretAt, layout.rectsOf),
    ).toBeNull();
    expect(hitTest(document, source, 2 * W, 5, layout.caretAt, layout.rectsOf)).toBeNull();
  });
});

describe('hover card', () => {
  it('shows type, canonical name and count in a closed shadow root on a plain host', () => {
    const { at, mentions } = setup();
    expect(glossaHosts()).toEqual([]); // nothing added before a hover
    const putin = mentions[0] as Mention;
    at(putin.start + 2);
    const [host, ...more] = glossaHosts();
    expect(more).toEqual([]);
    if (!host) throw new Error('no card host');
    expect(host.parentElement).toBe(document.documentElement);
    // Issue 12: a <glossa-card> with an open root let the page read the card (and pre-define the
    // element). The host is a built-in element with no name, class or data of Glossa's.
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull();
    expect(rootOf(host)?.mode).toBe('closed');
    expect(host.getAttributeNames()).toEqual(['style']);
    expect(host.childNodes).toHaveLength(0);
    // The host's box is pinned through the CSSOM (with !important in browsers; jsdom drops the
    // priority, the e2e hostile-CSS test checks it for real).
    expect(host.style.getPropertyValue('all')).toBe('initial');
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
    const tip = tooltip() as HTMLElement;
    expect(tip.hidden).toBe(false);
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.querySelector('.type')?.textContent).toBe('Person');
    expect(tip.querySelector('.name')?.textContent).toBe('Vladimir Putin');
    expect(tip.querySelector('.count')?.textContent).toBe('2 occurrences on this page');
    expect(card?.current).toBe(putin);
  });

  it('builds the card from text only: markup in a name is not parsed', () => {
    const { at, mentions } = setup();
    const kim = mentions.find((m) => m.text === 'Kim') as Mention;
    at(kim.start + 1);
    const name = tooltip()?.querySelector('.name');
    expect(name?.textContent).toBe('Kim <b>Jong</b> Un');
    expect(name?.children).toHaveLength(0);
    expect(tooltip()?.querySelector('.count')?.textContent).toBe('1 occurrence on this page');
  });

  it('shows a registered treaty’s name in the other language and its year, and nothing for others', () => {
    document.body.innerHTML =
      '<p>Лидеры подписали Договор о всеобъемлющем стратегическом партнерстве в Пхеньяне.</p>';
    const pt = extractPageText(document);
    const name = 'Договор о всеобъемлющем стратегическом партнерстве';
    const treaty: Mention = {
      ...mention(pt, name, 'TREATY', name),
      treaty: {
        id: 'russia-dprk-partnership-2024',
        en: 'Treaty on Comprehensive Strategic Partnership between Russia and the DPRK',
        ru: 'Договор о всеобъемлющем стратегическом партнёрстве между Россией и КНДР',
        year: 2024,
      },
    };
    const place = mention(pt, 'Пхеньяне', 'LOC', 'Пхеньян');
    const mentions = [treaty, place];
    const frames: Array<() => void> = [];
    card = createHoverCard(
      document,
      pageTextSource(document, pt, mentions, () => 1),
      { ...fakeLayout(pt), schedule: (cb) => frames.push(cb), trusted: fromReader },
    );
    const at = (o: number) => {
      move(o * W + W / 2, H / 2);
      for (const f of frames.splice(0)) f();
    };
    at(treaty.start + 3);
    const line = tooltip()?.querySelector('.treaty') as HTMLElement;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe(
      'Treaty on Comprehensive Strategic Partnership between Russia and the DPRK · 2024',
    );
    expect(tooltip()?.querySelector('.name')?.textContent).toBe(name);
    at(place.start + 2);
    expect(tooltip()?.querySelector('.name')?.textContent).toBe('Пхеньян');
    expect(line.hidden).toBe(true);
    expect(line.textContent).toBe('');
  });

  it('switches between mentions and hides when the pointer leaves them', () => {
    const { at, mentions } = setup();
    const place = mentions.find((m) => m.type === 'LOC') as Mention;
    at((mentions[0] as Mention).start);
    expect(tooltip()?.querySelector('.name')?.textContent).toBe('Vladimir Putin');
    at(place.start + 3);
    expect(tooltip()?.querySelector('.type')?.textContent).toBe('Place');
    expect(tooltip()?.querySelector('.name')?.textContent).toBe('Pyongyang');
    at(1); // "alks" in "Talks"
    expect(tooltip()?.hidden).toBe(true);
    expect(card?.current).toBeNull();
    at(place.start + 3, 70); // below the line
    expect(tooltip()?.hidden).toBe(true);
  });

  it('hit-tests once per animation frame however many moves arrive', () => {
    const { frames, flush, mentions } = setup();
    const place = mentions.find((m) => m.type === 'LOC') as Mention;
    for (let i = 0; i < 10; i++) move(i * W, 5);
    move((place.start + 1) * W + 5, 5);
    expect(frames).toHaveLength(1);
    flush();
    // The frame used the latest position.
    expect(tooltip()?.querySelector('.name')?.textContent).toBe('Pyongyang');
  });

  it('hides on Escape and stays hidden until the pointer leaves that mention', () => {
    const { at, mentions } = setup();
    const place = mentions.find((m) => m.type === 'LOC') as Mention;
    at(place.start + 1);
    expect(tooltip()?.hidden).toBe(false);
    // A page's look-alike Escape does nothing; the reader's hides the card.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tooltip()?.hidden).toBe(false);
    document.dispatchEvent(
      asReader(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(tooltip()?.hidden).toBe(true);
    at(place.start + 2);
    expect(tooltip()?.hidden).toBe(true);
    at(1);
    at(place.start + 2);
    expect(tooltip()?.hidden).toBe(false);
  });

  it('places the card below the mark, or above it when there is no room', () => {
    const { mentions } = setup();
    const m = mentions[0] as Mention;
    card?.show(m, { left: 40, top: 100, right: 90, bottom: 120 });
    const tip = tooltip() as HTMLElement;
    expect(tip.style.left).toBe('40px');
    expect(tip.style.top).toBe('126px');
    tip.getBoundingClientRect = () => ({ width: 200, height: 80 }) as DOMRect;
    card?.show(m, {
      left: 40,
      top: window.innerHeight - 30,
      right: 90,
      bottom: window.innerHeight - 10,
    });
    expect(tip.style.top).toBe(`${window.innerHeight - 30 - 6 - 80}px`);
    card?.show(m, {
      left: window.innerWidth - 10,
      top: 100,
      right: window.innerWidth,
      bottom: 120,
    });
    expect(tip.style.left).toBe(`${window.innerWidth - 200 - 4}px`);
  });

  it('shows nothing for pointer moves a page script dispatches over a mark', () => {
    const { mentions, frames, flush } = setup();
    const putin = mentions[0] as Mention;
    // Issue 12: a page found the marks through CSS.highlights and hovered them itself.
    document.dispatchEvent(pointerMove((putin.start + 2) * W + W / 2, H / 2));
    expect(frames).toHaveLength(0);
    flush();
    expect(glossaHosts()).toEqual([]);
    expect(card?.current).toBeNull();
  });

  it('trusts only events the browser marks as the reader’s when not told otherwise', () => {
    document.body.innerHTML = '<p>Talks with Putin.</p>';
    const pt = extractPageText(document);
    const putin = mention(pt, 'Putin', 'PER', 'Vladimir Putin');
    const frames: Array<() => void> = [];
    card = createHoverCard(
      document,
      pageTextSource(document, pt, [putin], () => 1),
      {
        ...fakeLayout(pt),
        schedule: (cb) => frames.push(cb),
      },
    );
    // jsdom marks every dispatched event untrusted, as a browser marks a page script's.
    document.dispatchEvent(pointerMove((putin.start + 2) * W, H / 2));
    expect(frames).toHaveLength(0);
    expect(glossaHosts()).toEqual([]);
  });

  it('destroy removes the host and stops listening', () => {
    const { at, mentions, frames } = setup();
    at((mentions[0] as Mention).start + 1);
    expect(glossaHosts()).toHaveLength(1);
    card?.destroy();
    expect(glossaHosts()).toEqual([]);
    move(((mentions[0] as Mention).start + 1) * W, 5);
    expect(frames).toHaveLength(0);
  });
});

describe('treatyLine', () => {
  const info = { id: 'npt', en: 'Non-Proliferation Treaty', ru: 'ДНЯО', year: 1968 };
  const m = (text: string, treaty?: Mention['treaty']): Mention => ({
    start: 0,
    end: text.length,
    type: 'TREATY',
    text,
    canonical: text,
    ...(treaty ? { treaty } : {}),
  });
  it('names the treaty in the language the mention is not written in', () => {
    expect(treatyLine(m('ДНЯО', info))).toBe('Non-Proliferation Treaty · 1968');
    expect(treatyLine(m('NPT', info))).toBe('ДНЯО · 1968');
    expect(treatyLine(m('NPT', { id: 'x', en: 'X', ru: 'Икс' }))).toBe('Икс');
    expect(treatyLine(m('NPT'))).toBe('');
  });
});

describe('occurrencesLabel', () => {
  it('uses the singular for one', () => {
    expect(occurrencesLabel(1)).toBe('1 occurrence on this page');
    expect(occurrencesLabel(7)).toBe('7 occurrences on this page');
  });
});

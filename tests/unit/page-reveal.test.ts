// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityType, Mention, Recognizer } from '../../lib/entities';
import { type PageController, startPageController } from '../../lib/page/controller';
import { paintedRanges } from '../../lib/page/paint';
import {
  createRevealer,
  FLASH_HIGHLIGHT,
  nextIndex,
  pageMarks,
  type Revealer,
} from '../../lib/page/reveal';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const LEXICON: Array<[string, EntityType, string]> = [
  ['Vladimir Putin', 'PER', 'Vladimir Putin'],
  ['Putin', 'PER', 'Vladimir Putin'],
  ['Pyongyang', 'LOC', 'Pyongyang'],
  ['Moscow', 'LOC', 'Moscow'],
  ['ratification', 'TREATY', 'ratification'],
];

/** Marks every occurrence of the lexicon's words (longest first, no overlaps). */
const recognizer: Recognizer = {
  id: 'stub',
  recognize(text) {
    const out: Mention[] = [];
    const taken: boolean[] = [];
    for (const [word, type, canonical] of LEXICON) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (taken[i]) continue;
        for (let k = i; k < i + word.length; k++) taken[k] = true;
        out.push({ start: i, end: i + word.length, type, text: word, canonical });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

// "Vladimir <b>Putin</b>": one mention across two elements (two <mark>s in the fallback).
const ARTICLE = `<article><h1>Putin in Pyongyang</h1>
  <p>Vladimir <b>Putin</b> flew from Moscow to Pyongyang.</p>
  <p>The treaty awaits ratification.</p>
  <p>In Pyongyang, Putin met officials.</p></article>`;

/** A stand-in for the CSS Custom Highlight API, which jsdom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

function text(r: AbstractRange): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

let controller: PageController | null = null;
let revealer: Revealer | null = null;

interface Timer {
  fn: () => void;
  ms: number;
}

function start(forceWrap: boolean) {
  document.body.innerHTML = ARTICLE;
  controller = startPageController({
    doc: document,
    settings: structuredClone(DEFAULT_SETTINGS),
    createRecognizer: () => recognizer,
    now: () => 0,
    startedAt: 0,
    domChanges: false,
    articleCheck: false,
    card: false,
    forceWrap,
    budgetMs: Number.POSITIVE_INFINITY,
  });
  const c = controller;
  const scrolled: string[] = [];
  const timers: Timer[] = [];
  revealer = createRevealer({
    doc: document,
    markAt: (node, offset) => c.markAt(node, offset),
    scroll: (range) => scrolled.push(text(range)),
    onScreen: () => null, // no layout in jsdom: "next" starts from the top of the page
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => {},
    flashMs: 500,
  });
  return { controller: c, revealer, scrolled, timers };
}

afterEach(() => {
  revealer?.dispose();
  revealer = null;
  controller?.dispose();
  controller = null;
});

describe('pageMarks', () => {
  it('lists every painted mention once, in document order, with page-wide names', async () => {
    const { controller } = start(true);
    await controller.idle();
    const marks = pageMarks(document, (n, o) => controller.markAt(n, o));
    expect(marks.map((m) => `${m.type}:${m.canonical}:${text(m.range)}`)).toEqual([
      'PER:Vladimir Putin:Putin',
      'LOC:Pyongyang:Pyongyang',
      'PER:Vladimir Putin:Vladimir Putin', // two <mark>s, one mention
      'LOC:Moscow:Moscow',
      'LOC:Pyongyang:Pyongyang',
      'TREATY:ratification:ratification',
      'LOC:Pyongyang:Pyongyang',
      'PER:Vladimir Putin:Putin',
    ]);
    // The side panel's counts are the controller's summary: the same mentions.
    const counted = controller.state().entities.reduce((n, e) => n + e.count, 0);
    expect(counted).toBe(marks.length);
  });

  it('is empty once the highlights are off, and a page without marks reveals nothing', async () => {
    const { controller, revealer, scrolled } = start(true);
    await controller.idle();
    controller.setEnabled(false);
    expect(paintedRanges(document)).toEqual([]);
    expect(revealer.reveal({ type: 'LOC', canonical: 'Pyongyang' })).toEqual({
      ok: false,
      reason: 'not-painted',
    });
    expect(revealer.jump('next')).toEqual({ ok: false, reason: 'not-painted' });
    expect(scrolled).toEqual([]);
  });
});

describe('nextIndex', () => {
  it('starts at either end, moves past an exact position, and wraps', () => {
    expect(nextIndex(0, 'next', null)).toBe(-1);
    expect(nextIndex(3, 'next', null)).toBe(0);
    expect(nextIndex(3, 'previous', null)).toBe(2);
    expect(nextIndex(3, 'next', { index: 1, exact: true })).toBe(2);
    expect(nextIndex(3, 'next', { index: 2, exact: true })).toBe(0);
    expect(nextIndex(3, 'previous', { index: 0, exact: true })).toBe(2);
    // Between candidates (the last mark shown was of another entity): the one after, the one before.
    expect(nextIndex(3, 'next', { index: 1, exact: false })).toBe(1);
    expect(nextIndex(3, 'previous', { index: 1, exact: false })).toBe(0);
    expect(nextIndex(3, 'next', { index: 3, exact: false })).toBe(0);
  });
});

describe('revealer with the <mark> fallback', () => {
  it('cycles through one entity, then goes on from there with next / previous', async () => {
    const { controller, revealer, scrolled } = start(true);
    await controller.idle();
    const pyongyang = { type: 'LOC', canonical: 'Pyongyang' } as const;
    const got = [1, 2, 3, 4].map(() => revealer.reveal(pyongyang));
    expect(got.map((r) => (r.ok ? `${r.index + 1}/${r.count}` : r.reason))).toEqual([
      '1/3',
      '2/3',
      '3/3',
      '1/3',
    ]);
    expect(scrolled).toEqual(['Pyongyang', 'Pyongyang', 'Pyongyang', 'Pyongyang']);
    // From the first Pyongyang (mark 2 of 8): the next mark of any kind is Vladimir Putin.
    expect(revealer.jump('next')).toMatchObject({
      ok: true,
      index: 2,
      count: 8,
      text: 'Vladimir Putin',
    });
    expect(revealer.jump('previous')).toMatchObject({ ok: true, index: 1, text: 'Pyongyang' });
    // Per category: the next person after Pyongyang (mark 2) is the second of three.
    expect(revealer.jump('next', 'PER')).toMatchObject({
      ok: true,
      index: 1,
      count: 3,
      entity: { type: 'PER', canonical: 'Vladimir Putin' },
    });
    expect(revealer.jump('next', 'TREATY')).toMatchObject({ ok: true, text: 'ratification' });
    expect(revealer.reveal({ type: 'PER', canonical: 'Nobody' })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    // No Highlight API: scrolled, nothing flashed, the DOM left as painted.
    expect(document.querySelectorAll('[data-glossa-flash]')).toHaveLength(0);
  });
});

describe('revealer with the Highlight API', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  let registry: Map<string, FakeHighlight>;

  beforeEach(() => {
    registry = new Map();
    g.Highlight = FakeHighlight;
    g.CSS = { highlights: registry };
  });
  afterEach(() => {
    delete g.Highlight;
    delete g.CSS;
  });

  it('flashes the revealed mention as glossa-FLASH, above the others, without touching the DOM', async () => {
    const { controller, revealer, timers } = start(false);
    await controller.idle();
    expect(registry.get('glossa-LOC')?.size).toBe(4);
    const html = document.body.innerHTML;
    const first = revealer.reveal({ type: 'PER', canonical: 'Vladimir Putin' });
    expect(first).toMatchObject({ ok: true, index: 0, count: 3, text: 'Putin' });
    const flash = registry.get(FLASH_HIGHLIGHT);
    expect(flash?.priority).toBeGreaterThan(0);
    const [range] = [...(flash ?? [])];
    expect(range && text(range)).toBe('Putin');
    // The very range painted as glossa-PER.
    expect(registry.get('glossa-PER')?.has(range as AbstractRange)).toBe(true);
    expect(document.body.innerHTML).toBe(html);

    // The next one replaces it; when its time is up, the flash goes.
    revealer.reveal({ type: 'PER', canonical: 'Vladimir Putin' });
    const second = [...(registry.get(FLASH_HIGHLIGHT) ?? [])];
    expect(second.map(text)).toEqual(['Vladimir Putin']);
    const timer = timers.at(-1) as Timer;
    expect(timer.ms).toBe(500);
    timer.fn();
    expect(registry.has(FLASH_HIGHLIGHT)).toBe(false);

    // A flash name someone else registered meanwhile is not ours to delete.
    revealer.reveal({ type: 'LOC', canonical: 'Moscow' });
    const theirs = new FakeHighlight();
    registry.set(FLASH_HIGHLIGHT, theirs);
    (timers.at(-1) as Timer).fn();
    expect(registry.get(FLASH_HIGHLIGHT)).toBe(theirs);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityType, Mention, Recognizer } from '../../lib/entities';
import type { Message } from '../../lib/messages';
import { cleanMentions, type PageController, startPageController } from '../../lib/page/controller';
import { rangeFromOffsets } from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

/** Test-only recogniser: marks every occurrence of a few fixed words. */
const LEXICON: Array<[string, EntityType, string]> = [
  ['Putin', 'PER', 'Vladimir Putin'],
  ['Pyongyang', 'LOC', 'Pyongyang'],
  ['Moscow', 'LOC', 'Moscow'],
  ['ratification', 'TREATY', 'ratification'],
  ['Foreign Ministry', 'ORG', 'Foreign Ministry'],
];

function stubRecognizer(calls: { n: number; lang?: string }): Recognizer {
  return {
    id: 'stub',
    recognize(text, options) {
      calls.n += 1;
      calls.lang = options?.lang;
      const out: Mention[] = [];
      for (const [word, type, canonical] of LEXICON) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          out.push({ start: i, end: i + word.length, type, text: word, canonical });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const ARTICLE = `<nav>Moscow news</nav><article><h1>Putin in Pyongyang</h1>
  <p>Putin flew from Moscow to Pyongyang. The Foreign Ministry spoke of ratification.</p>
  <p>In Pyongyang, Putin met officials.</p></article>`;

let controller: PageController | null = null;

function start(
  html = ARTICLE,
  settings: Partial<Settings> = {},
  extra: { forceWrap?: boolean; throws?: boolean; watch?: boolean } = {},
) {
  document.body.innerHTML = html;
  document.documentElement.lang = 'en';
  const before = document.documentElement.outerHTML;
  const calls = { n: 0 } as { n: number; lang?: string };
  let clock = 100;
  controller = startPageController({
    doc: document,
    settings: { ...structuredClone(DEFAULT_SETTINGS), ...settings },
    createRecognizer: () => {
      if (extra.throws) throw new Error('boom');
      return stubRecognizer(calls);
    },
    now: () => {
      clock += 7;
      return clock;
    },
    startedAt: 100,
    forceWrap: extra.forceWrap,
    watch: extra.watch ? { quietMs: 5, minIntervalMs: 0 } : false,
  });
  return { controller, calls, before };
}

afterEach(() => {
  controller?.dispose();
  controller = null;
  document.getSelection()?.removeAllRanges();
});

describe('page controller', () => {
  it('reads the article, recognises, paints and summarises painted types only', () => {
    const { controller, calls } = start();
    const state = controller.state();
    expect(state.status).toBe('ready');
    expect(state.enabled).toBe(true);
    expect(state.page).toEqual({ url: document.location.href, title: document.title, lang: 'en' });
    expect(state.paintMs).toBe(7);
    expect(calls).toEqual({ n: 1, lang: 'en' });
    expect(state.entities).toEqual([
      { type: 'LOC', canonical: 'Pyongyang', count: 3, forms: ['Pyongyang'] },
      { type: 'PER', canonical: 'Vladimir Putin', count: 3, forms: ['Putin'] },
      { type: 'LOC', canonical: 'Moscow', count: 1, forms: ['Moscow'] }, // nav's "Moscow" is not read
      { type: 'TREATY', canonical: 'ratification', count: 1, forms: ['ratification'] },
    ]);
    // jsdom has no CSS.highlights: painted with the <mark> fallback.
    expect(document.querySelectorAll('mark[data-glossa]')).toHaveLength(8);
  });

  it('answers the three popup requests', () => {
    const { controller, before } = start();
    expect(controller.handle({ type: 'glossa:get-page' } as Message<'glossa:get-page'>)).toEqual(
      controller.state(),
    );
    expect(
      controller.handle({ type: 'glossa:get-selection' } as Message<'glossa:get-selection'>),
    ).toBeNull();

    const off = controller.handle({ type: 'glossa:set-enabled', enabled: false });
    expect(off.enabled).toBe(false);
    expect(off.status).toBe('ready');
    expect(off.entities).toHaveLength(4);
    expect(document.documentElement.outerHTML).toBe(before); // unpainted without reload

    const on = controller.handle({ type: 'glossa:set-enabled', enabled: true });
    expect(on.enabled).toBe(true);
    expect(document.querySelectorAll('mark[data-glossa]')).toHaveLength(8);
  });

  it('describes the current selection in page-text offsets, also while marks split the text', () => {
    const { controller } = start();
    const clean = (() => {
      controller.setEnabled(false);
      return extractPageText(document);
    })();
    controller.setEnabled(true); // painted again: text nodes are split by <mark>s
    const from = clean.text.indexOf('flew from Moscow');
    const to = from + 'flew from Moscow to Pyongyang'.length;
    const live = extractPageText(document); // same text, split nodes
    expect(live.chunks.length).toBeGreaterThan(clean.chunks.length);
    const range = rangeFromOffsets(live, from, to, document) as Range;
    const sel = document.getSelection() as Selection;
    sel.removeAllRanges();
    sel.addRange(range);
    const info = controller.handle({
      type: 'glossa:get-selection',
    } as Message<'glossa:get-selection'>);
    expect(info?.quote).toBe('flew from Moscow to Pyongyang');
    expect(info?.selectors[1]).toEqual({ type: 'TextPositionSelector', start: from, end: to });
    expect(info?.selectors[0].prefix).toBe(clean.text.slice(Math.max(0, from - 32), from));
  });

  it('paints nothing on a site the user turned off, until the popup turns it on', () => {
    document.body.innerHTML = ARTICLE;
    const host = document.location.hostname;
    const { controller, calls, before } = start(ARTICLE, { disabledSites: [host] });
    const state = controller.state();
    expect(state).toMatchObject({ enabled: false, status: 'skipped', entities: [] });
    expect(state.reason).toContain(host);
    expect(calls.n).toBe(0); // not even recognised
    expect(document.documentElement.outerHTML).toBe(before);

    const on = controller.setEnabled(true);
    expect(on).toMatchObject({ enabled: true, status: 'ready' });
    expect(on.paintMs).toBeGreaterThan(0);
    expect(calls.n).toBe(1);
    controller.setEnabled(false);
    controller.setEnabled(true);
    expect(calls.n).toBe(1); // recognised once per page
  });

  it('describes a selection even where highlighting is off', () => {
    const { controller } = start(ARTICLE, { enabled: false });
    const p = document.querySelector('article p') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()?.addRange(range);
    const info = controller.handle({
      type: 'glossa:get-selection',
    } as Message<'glossa:get-selection'>);
    expect(info?.quote).toBe((p.textContent ?? '').trim());
  });

  it('respects the master switch', () => {
    const { controller, before } = start(ARTICLE, { enabled: false });
    expect(controller.state()).toMatchObject({ enabled: false, status: 'skipped' });
    expect(controller.state().reason).toMatch(/turned off/);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('paints and lists only the types switched on', () => {
    const { controller } = start(ARTICLE, { types: { PER: false, LOC: true, TREATY: false } });
    expect(controller.state().entities.map((e) => e.type)).toEqual(['LOC', 'LOC']);
    const types = new Set([...document.querySelectorAll('mark')].map((m) => m.dataset.glossa));
    expect([...types]).toEqual(['LOC']);
  });

  it('skips a page with no article text', () => {
    const { controller, calls } = start('<nav>Only a menu</nav><form><input></form>');
    expect(controller.state()).toMatchObject({ status: 'skipped', enabled: true, entities: [] });
    expect(controller.state().reason).toMatch(/No article text/);
    expect(calls.n).toBe(0);
  });

  it('never throws into the page when recognition fails, and leaves it untouched', () => {
    const { controller, before } = start(ARTICLE, {}, { throws: true });
    expect(controller.state()).toMatchObject({ status: 'skipped' });
    expect(controller.state().reason).toMatch(/could not annotate/);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(() => controller.setEnabled(true)).not.toThrow();
  });

  it('skips pages that are not http(s)', () => {
    const doc = document.implementation.createHTMLDocument('local');
    doc.body.innerHTML = ARTICLE;
    const c = startPageController({
      doc,
      settings: structuredClone(DEFAULT_SETTINGS),
      createRecognizer: () => stubRecognizer({ n: 0 }),
      now: () => 0,
      startedAt: 0,
    });
    expect(c.state()).toMatchObject({ status: 'skipped' });
    expect(c.state().reason).toMatch(/http/);
    expect(doc.querySelectorAll('mark')).toHaveLength(0);
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('page controller: the page rewrites its text', () => {
  it('re-reads, re-recognises and repaints when the article text changes', async () => {
    const { controller, calls } = start(ARTICLE, {}, { watch: true });
    await settle();
    expect(calls.n).toBe(1); // painting with <mark>s is not mistaken for a page change
    const p = document.querySelector('article p:last-of-type') as HTMLElement;
    p.textContent = 'Later, Moscow and Moscow again.'; // a framework re-render
    await settle();
    expect(calls.n).toBe(2);
    const moscow = controller.state().entities.find((e) => e.canonical === 'Moscow');
    expect(moscow?.count).toBe(3);
    const marks = [...document.querySelectorAll('mark[data-glossa]')].map((m) => m.textContent);
    expect(marks.filter((t) => t === 'Moscow')).toHaveLength(3);
    expect(marks.filter((t) => t === 'Putin')).toHaveLength(2);
  });

  it('ignores changes outside the article text', async () => {
    const { calls } = start(ARTICLE, {}, { watch: true });
    (document.querySelector('nav') as HTMLElement).textContent = 'Putin news';
    document.body.setAttribute('class', 'scrolled');
    await settle();
    expect(calls.n).toBe(1);
  });

  it('annotates an article that arrives after the script ran', async () => {
    const { controller, calls } = start('<div id="app"></div>', {}, { watch: true });
    expect(controller.state().status).toBe('skipped');
    (document.getElementById('app') as HTMLElement).innerHTML = ARTICLE;
    await settle();
    expect(calls.n).toBe(1);
    expect(controller.state().status).toBe('ready');
    expect(document.querySelectorAll('mark[data-glossa]').length).toBeGreaterThan(0);
  });

  it('stops watching when turned off', async () => {
    const { controller, calls } = start(ARTICLE, {}, { watch: true });
    controller.setEnabled(false);
    (document.querySelector('article p') as HTMLElement).textContent = 'Moscow';
    await settle();
    expect(calls.n).toBe(1);
  });
});

describe('cleanMentions', () => {
  const m = (start: number, end: number, type: EntityType = 'PER'): Mention => ({
    start,
    end,
    type,
    text: 'x',
    canonical: 'x',
  });
  it('drops ORG, unselected types, out-of-bounds, empty and overlapping spans, and sorts', () => {
    const out = cleanMentions(
      [
        m(8, 9),
        m(0, 3),
        m(2, 4),
        m(3, 5, 'ORG'),
        m(5, 7, 'LOC'),
        m(6, 6),
        m(9, 12),
        m(-1, 1),
        m(4, 5, 'TREATY'),
      ],
      10,
      ['PER', 'LOC'],
    );
    expect(out.map((x) => [x.start, x.end, x.type])).toEqual([
      [0, 3, 'PER'],
      [5, 7, 'LOC'],
      [8, 9, 'PER'],
    ]);
  });
});

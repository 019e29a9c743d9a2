// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityType, Mention, PageRecognizer, Recognizer } from '../../lib/entities';
import {
  createDocAnnotator,
  type DocAnnotator,
  type RecognizedCache,
} from '../../lib/page/annotator';
import { PageNames } from '../../lib/page/known-names';

const WORDS: Array<[string, EntityType]> = [
  ['Putin', 'PER'],
  ['Moscow', 'LOC'],
  ['Pyongyang', 'LOC'],
  ['ratification', 'TREATY'],
];

function recognizer(log: string[]): Recognizer {
  return {
    id: 'stub',
    recognize(text) {
      log.push(text);
      const out: Mention[] = [];
      for (const [word, type] of WORDS) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          out.push({ start: i, end: i + word.length, type, text: word, canonical: word });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

describe('annotator: following the page', () => {
  let annotator: DocAnnotator | null = null;
  afterEach(() => {
    annotator?.dispose();
    annotator = null;
  });

  function start(html: string, log: string[], cache: RecognizedCache = new Map()) {
    document.body.innerHTML = html;
    const root = document.querySelector('article') as HTMLElement;
    annotator = createDocAnnotator({
      doc: document,
      root,
      types: ['PER', 'LOC', 'TREATY'],
      recognizer: () => recognizer(log),
      names: new PageNames(),
      cache,
      lang: 'en',
      now: () => performance.now(),
      budgetMs: Number.POSITIVE_INFINITY,
      domChanges: { delayMs: 1, minIntervalMs: 0 },
    });
    return { root, annotator };
  }

  it('in the <mark> fallback, leaves exactly the page the page made after edits, additions and removals', async () => {
    const log: string[] = [];
    const html =
      '<article><p id="a">Putin in Moscow.</p><p id="b">Pyongyang and ratification.</p></article>';
    const { annotator: a } = start(html, log);
    expect(document.querySelectorAll('mark')).toHaveLength(4);
    const mutate = (doc: Document) => {
      (doc.getElementById('b') as HTMLElement).append(' Putin again.');
      const p = doc.createElement('p');
      p.textContent = 'Moscow added.';
      doc.querySelector('article')?.append(p);
      doc.getElementById('a')?.remove();
    };
    mutate(document);
    await settle();
    await a.idle();
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Pyongyang',
      'ratification',
      'Putin',
      'Moscow',
    ]);
    a.dispose();
    const expected = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    mutate(expected);
    expect(document.body.innerHTML).toBe(expected.body.innerHTML);
    // Text nodes are whole again (no empty or split pieces left behind).
    const p = document.getElementById('b') as HTMLElement;
    expect([...p.childNodes].map((n) => (n as Text).data)).toEqual([
      'Pyongyang and ratification.',
      ' Putin again.',
    ]);
  });

  it('never recognizes the same text twice: a re-rendered paragraph with the same words costs nothing', async () => {
    const log: string[] = [];
    const { annotator: a } = start(
      '<article><p id="a">Putin in Moscow.</p><p>Other text.</p></article>',
      log,
    );
    const calls = log.length;
    const a1 = document.getElementById('a') as HTMLElement;
    a1.replaceWith(
      Object.assign(document.createElement('p'), { id: 'a', textContent: 'Putin in Moscow.' }),
    );
    await settle();
    await a.idle();
    expect(log.length).toBe(calls);
    expect(document.querySelectorAll('#a mark')).toHaveLength(2);
  });

  it('paints new articles appended after the first one (endless article pages)', async () => {
    const log: string[] = [];
    const { annotator: a } = start(
      '<main><article id="one"><p>Putin in Moscow.</p></article></main>',
      log,
    );
    const next = document.createElement('article');
    next.innerHTML = '<p>Pyongyang ratification.</p>';
    document.querySelector('main')?.append(next);
    await settle();
    await a.idle();
    expect([...next.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Pyongyang',
      'ratification',
    ]);
  });

  it('starts over on a new article when the page replaces the old one (client-side navigation)', async () => {
    const log: string[] = [];
    const { annotator: a } = start(
      '<main id="app"><article><p>Putin in Moscow.</p></article></main>',
      log,
    );
    const app = document.getElementById('app') as HTMLElement;
    history.pushState(null, '', '/story-2');
    app.innerHTML = '<article><p>Pyongyang only.</p></article>';
    await settle();
    await a.idle();
    expect([...a.painted()].map((m) => m.text)).toEqual(['Pyongyang']);
    history.pushState(null, '', '/');
  });
});

describe('annotator: with the Highlight API', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  let registry: Map<string, Set<AbstractRange>>;
  beforeEach(() => {
    registry = new Map();
    g.Highlight = class extends Set<AbstractRange> {};
    g.CSS = { highlights: registry };
  });
  afterEach(() => {
    delete g.Highlight;
    delete g.CSS;
  });

  it('registers static ranges, and releases the ranges of text that left the page', async () => {
    document.body.innerHTML =
      '<article><p id="a">Putin in Moscow.</p><p id="b">Pyongyang.</p></article>';
    const before = document.body.innerHTML;
    const a = createDocAnnotator({
      doc: document,
      root: document.querySelector('article') as HTMLElement,
      types: ['PER', 'LOC', 'TREATY'],
      recognizer: () => recognizer([]),
      names: new PageNames(),
      cache: new Map(),
      lang: 'en',
      now: () => performance.now(),
      budgetMs: Number.POSITIVE_INFINITY,
      domChanges: { delayMs: 1, minIntervalMs: 0 },
    });
    const size = () => [...registry.values()].reduce((n, h) => n + h.size, 0);
    expect(a.mode).toBe('highlight');
    expect(size()).toBe(3);
    expect(document.body.innerHTML).toBe(before); // no DOM change at all
    const range = [...(registry.get('glossa-PER') ?? [])][0] as AbstractRange;
    expect(range.constructor.name).toBe('StaticRange');
    const hits = a.lookup(range.startContainer, 2);
    expect(hits.map((h) => h.mention.text)).toEqual(['Putin']);
    document.getElementById('a')?.remove();
    await settle();
    expect(size()).toBe(1);
    a.dispose();
    expect(registry.size).toBe(0);
  });
});

describe('annotator: a recognizer in the background', () => {
  const g = globalThis as unknown as Record<string, unknown>;
  beforeEach(() => {
    g.Highlight = class extends Set<AbstractRange> {};
    g.CSS = { highlights: new Map() };
  });
  afterEach(() => {
    delete g.Highlight;
    delete g.CSS;
  });

  it('sends the first batch as soon as text is read, and reads on while the recognizer works', async () => {
    // 1,200 paragraphs: more nodes than the first read step takes.
    const paragraphs = Array.from({ length: 1200 }, (_, i) => `<p>Putin in Moscow, day ${i}.</p>`);
    document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
    const local = recognizer([]);
    const calls: Array<{ text: string }> = [];
    const answers: Array<() => void> = [];
    const remote: PageRecognizer = {
      id: 'remote',
      remote: true,
      recognize: (text) =>
        new Promise<Mention[]>((resolve) => {
          calls.push({ text });
          answers.push(() => resolve(local.recognize(text)));
        }),
    };
    const a = createDocAnnotator({
      doc: document,
      root: document.querySelector('article') as HTMLElement,
      types: ['PER', 'LOC', 'TREATY'],
      recognizer: () => remote,
      names: new PageNames(),
      cache: new Map(),
      lang: 'en',
      now: () => performance.now(),
      budgetMs: Number.POSITIVE_INFINITY,
      domChanges: false,
    });
    const days = (text: string) => [...text.matchAll(/day (\d+)\./g)].map((m) => m[1]);
    // The first batch went out after the first read step, with the article not read to its end
    // (all of it would fit one batch); the second with the rest, before any answer.
    expect(calls).toHaveLength(2);
    expect(days(calls[0]?.text ?? '').length).toBeLessThan(1200);
    expect(a.done).toBe(false);
    while (answers.length > 0) {
      answers.shift()?.();
      await settle(1);
    }
    expect(a.done).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    // Every paragraph was recognized exactly once, and all are painted.
    const all = calls.flatMap((c) => days(c.text));
    expect(all).toHaveLength(1200);
    expect(new Set(all).size).toBe(1200);
    expect([...a.painted()]).toHaveLength(2400);
    expect(a.timing.firstSentAt).toBeLessThan(a.timing.readAt ?? 0);
    a.dispose();
  });
});

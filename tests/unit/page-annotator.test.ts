// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityType, Mention, Recognizer } from '../../lib/entities';
import {
  createDocAnnotator,
  type DocAnnotator,
  type RecognizedCache,
} from '../../lib/page/annotator';
import { textChanges } from '../../lib/page/changes';
import { PageNames } from '../../lib/page/names';
import { createTextWalk, readSegments, readText, type TextSegment } from '../../lib/page/text';
import { watchPage } from '../../lib/page/watch';

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

/** Records of the mutations `change` makes, as a MutationObserver saw them. */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

describe('textChanges', () => {
  let article: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = `<nav>Menu</nav><article id="a">
      <p id="p1">Putin in <b>Moscow</b>.</p>
      <p id="p2">Second paragraph.</p>
      <div id="d">Loose text <span>inline</span> more.</div>
    </article>`;
    article = document.getElementById('a') as HTMLElement;
  });
  const rootOf = (node: Node) => (article.contains(node) ? article : null);
  const ids = (els: Element[]) => els.map((e) => e.id || e.localName).sort();

  it('re-reads only the paragraph whose text was edited', () => {
    const b = document.querySelector('b') as HTMLElement;
    const changes = textChanges(
      recordsOf(() => ((b.firstChild as Text).data = 'Pyongyang')),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['p1']);
  });

  it('reads a paragraph added between blocks by itself, not its container', () => {
    const p = document.createElement('p');
    p.id = 'new';
    p.textContent = 'New';
    const changes = textChanges(
      recordsOf(() => article.append(p)),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['new']);
  });

  it('re-reads the block around inline content added to it, or text appended', () => {
    const span = document.createElement('span');
    span.textContent = ' added';
    const d = document.getElementById('d') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => d.append(span)),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['d']);
    const p2 = document.getElementById('p2') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => p2.append(' more')),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['p2']);
  });

  it('reports removed nodes and reads nothing again when a block leaves from between blocks', () => {
    const p2 = document.getElementById('p2') as HTMLElement;
    const changes = textChanges(
      recordsOf(() => p2.remove()),
      rootOf,
    );
    expect(changes.removed).toEqual([p2]);
    expect(changes.scopes).toEqual([]);
  });

  it('reads an element again when it is hidden or shown', () => {
    const p1 = document.getElementById('p1') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => p1.setAttribute('hidden', '')),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['p1']);
  });

  it('ignores changes outside the article and keeps only the outermost of nested scopes', () => {
    const nav = document.querySelector('nav') as HTMLElement;
    expect(
      textChanges(
        recordsOf(() => (nav.textContent = 'Putin')),
        rootOf,
      ).scopes,
    ).toEqual([]);
    const changes = textChanges(
      recordsOf(() => {
        const p = document.createElement('p');
        p.id = 'outer';
        article.append(p);
        p.append(document.createElement('p'));
        p.append('text');
      }),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['outer']);
  });
});

describe('createTextWalk', () => {
  it('gives the same segments in small steps as in one go, and readText joins them', () => {
    document.body.innerHTML = `<article><h1>Title</h1>${'<p>Para <i>with</i> text.</p><ul><li>One</li><li>Two</li></ul>'.repeat(50)}</article>`;
    const root = document.querySelector('article') as HTMLElement;
    const all = readSegments(root);
    const stepped: TextSegment[] = [];
    const walk = createTextWalk(root, { segment: (s) => stepped.push(s) });
    let steps = 0;
    while (!walk.step(7)) steps++;
    expect(steps).toBeGreaterThan(50);
    expect(stepped.map((s) => s.text)).toEqual(all.map((s) => s.text));
    expect(readText(root).text).toBe(all.map((s) => s.text).join('\n'));
  });

  it('stops a step when its time is up, at most 128 nodes after, and resumes where it stopped', () => {
    document.body.innerHTML = `<article>${'<p>Para <i>with</i> text.</p>'.repeat(400)}</article>`;
    const root = document.querySelector('article') as HTMLElement;
    const all = readSegments(root);
    const stepped: TextSegment[] = [];
    const walk = createTextWalk(root, { segment: (s) => stepped.push(s) });
    let asked = 0;
    // Time is up at the first question: a step of up to a million nodes reads 127.
    expect(walk.step(1_000_000, () => ++asked > 0)).toBe(false);
    expect(asked).toBe(1);
    expect(stepped.length).toBeLessThan(40);
    let steps = 1;
    while (!walk.step(129, () => true)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(stepped.map((s) => s.text)).toEqual(all.map((s) => s.text));
  });

  it('notices when the page removes the node it stood on, and reports frames in readable content', () => {
    document.body.innerHTML =
      '<article><p>One</p><p id="gone">Two</p><iframe></iframe><nav><iframe id="n"></iframe></nav></article>';
    const root = document.querySelector('article') as HTMLElement;
    const frames: Element[] = [];
    const walk = createTextWalk(root, { segment: () => {}, frame: (f) => frames.push(f) });
    walk.step(3); // stands inside #gone
    document.getElementById('gone')?.remove();
    expect(walk.step(100)).toBe(true);
    expect(walk.lost).toBe(true);
    const again = createTextWalk(root, { segment: () => {}, frame: (f) => frames.push(f) });
    again.step(100);
    expect(frames.map((f) => f.id)).toEqual(['']); // the article's frame, not the nav's
  });
});

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
      watch: { delayMs: 1, minIntervalMs: 0 },
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
      watch: { delayMs: 1, minIntervalMs: 0 },
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

describe('watchPage', () => {
  it('hands over mutations in batches, keeps those seen before a pause, and stops', async () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const batches: number[] = [];
    const watch = watchPage(document, (records) => batches.push(records.length), {
      delayMs: 5,
      minIntervalMs: 0,
    });
    const p = document.getElementById('p') as HTMLElement;
    p.append('a');
    p.append('b');
    await settle(30);
    expect(batches).toEqual([2]);
    p.append('c');
    watch.pause();
    p.append('not seen');
    watch.resume();
    await settle(30);
    expect(batches).toEqual([2, 1]);
    watch.stop();
    p.append('d');
    await settle(30);
    expect(batches).toEqual([2, 1]);
  });
});

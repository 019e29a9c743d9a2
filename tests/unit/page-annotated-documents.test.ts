// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Mention, PageRecognizer } from '../../lib/entities';
import { createAnnotatedDocuments } from '../../lib/page/annotated-documents';
import { PageNames } from '../../lib/page/known-names';

const putin: PageRecognizer = {
  id: 'stub',
  recognize(text) {
    const out: Mention[] = [];
    for (let i = text.indexOf('Putin'); i >= 0; i = text.indexOf('Putin', i + 1)) {
      out.push({ start: i, end: i + 5, type: 'PER', text: 'Putin', canonical: 'Putin' });
    }
    return out;
  },
};

function documents(failed: unknown[] = [], recognizer: PageRecognizer = putin) {
  let changes = 0;
  const docs = createAnnotatedDocuments({
    doc: document,
    shared: () => ({
      types: ['PER'],
      recognizer: () => recognizer,
      names: new PageNames(),
      cache: new Map(),
      now: () => 0,
      budgetMs: Number.POSITIVE_INFINITY,
      forceWrap: true,
      domChanges: false,
    }),
    frames: true,
    card: false,
    describe: (m) => ({ canonical: m.canonical, count: 1 }),
    changed: () => changes++,
    progress: () => {},
    failed: (error) => failed.push(error),
  });
  return { docs, changes: () => changes };
}

describe('the annotated documents', () => {
  it('annotates the page from a root, finds the annotator of a node, and takes all away', async () => {
    document.body.innerHTML = '<article><p>Putin spoke.</p></article>';
    const { docs, changes } = documents();
    expect(docs.active).toBe(false);
    docs.start(document.querySelector('article') as Element);
    await docs.top()?.idle();
    expect(docs.active).toBe(true);
    expect([...docs.painted()].map((m) => m.text)).toEqual(['Putin']);
    const mark = document.querySelector('mark') as Element;
    expect(docs.of(mark.firstChild as Node)).toBe(docs.top());
    docs.stop();
    expect(docs.size).toBe(0);
    expect(document.querySelector('mark')).toBeNull();
    expect(changes()).toBeGreaterThan(0);
  });

  it("tells the caller when the page's own annotator fails", async () => {
    document.body.innerHTML = '<article><p>Putin spoke.</p></article>';
    const failed: unknown[] = [];
    const broken: PageRecognizer = {
      id: 'broken',
      recognize: () => {
        throw new Error('boom');
      },
    };
    const { docs } = documents(failed, broken);
    docs.start(document.querySelector('article') as Element);
    await docs.top()?.idle();
    expect(failed).toHaveLength(1);
    expect(document.querySelector('mark')).toBeNull();
  });
});

describe('an annotator that fails while it starts', () => {
  it('is not kept: the page is not annotated, its failure is told once, and idle() settles', async () => {
    document.body.innerHTML = '<article><p>Putin spoke.</p></article>';
    const failed: unknown[] = [];
    const docs = createAnnotatedDocuments({
      doc: document,
      shared: () => ({
        types: ['PER'],
        // Fails at once, inside the first (unbounded) slice.
        recognizer: () => {
          throw new Error('no recognizer');
        },
        names: new PageNames(),
        cache: new Map(),
        now: () => 0,
        budgetMs: Number.POSITIVE_INFINITY,
        forceWrap: true,
        domChanges: false,
      }),
      frames: false,
      card: false,
      describe: (m) => ({ canonical: m.canonical, count: 1 }),
      changed: () => {},
      progress: () => {},
      failed: (error) => failed.push(error),
    });
    docs.start(document.querySelector('article') as Element);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failed).toHaveLength(1);
    expect(docs.active).toBe(false);
    expect(docs.size).toBe(0);
    await docs.idle();
  });
});

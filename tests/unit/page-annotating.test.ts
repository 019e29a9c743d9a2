// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention, PageRecognizer } from '../../lib/entities';
import { createAnnotating } from '../../lib/page/annotating';
import { createPageClock } from '../../lib/page/paint-timing';
import { createPageStatus } from '../../lib/page/status';
import { createPageSwitches } from '../../lib/page/switches';
import { DEFAULT_SETTINGS } from '../../lib/settings';

/** Marks "Putin" (as Vladimir Putin once the full name was seen) and "Moscow". */
function recognizer(calls: string[], fail = false): PageRecognizer {
  return {
    id: 'stub',
    // Failing as the background's recognizer does: its answer rejects.
    ...(fail ? { remote: true } : {}),
    recognize(text) {
      calls.push(text);
      if (fail) return Promise.reject(new Error('recognizer down'));
      const out: Mention[] = [];
      for (const word of ['Vladimir Putin', 'Putin', 'Moscow']) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          if (out.some((m) => i >= m.start && i < m.end)) continue;
          const type = word === 'Moscow' ? 'LOC' : 'PER';
          out.push({ start: i, end: i + word.length, type, text: word, canonical: word });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

function setup(html: string, fail = false) {
  document.body.innerHTML = html;
  const calls: string[] = [];
  const failures: unknown[] = [];
  const status = createPageStatus();
  const annotating = createAnnotating({
    doc: document,
    switches: createPageSwitches({
      host: 'example.org',
      protocol: () => 'https:',
      settings: DEFAULT_SETTINGS,
      articleCheck: false,
    }),
    status,
    clock: createPageClock(() => performance.now(), 0),
    createRecognizer: () => recognizer(calls, fail),
    now: () => performance.now(),
    card: false,
    frames: false,
    forceWrap: true,
    domChanges: false,
    budgetMs: Number.POSITIVE_INFINITY,
    // As the controller does: a failure takes every mark away.
    failed: (error) => {
      failures.push(error);
      annotating.stop();
    },
  });
  const article = () => document.querySelector('article') as Element;
  return { annotating, status, calls, failures, article };
}

const marks = () => [...document.querySelectorAll('mark[data-glossa]')].map((m) => m.textContent);

describe('annotating the page', () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it('paints the article, is ready once painted, and names a mark page-wide', async () => {
    const t = setup(
      '<article><p>Vladimir Putin arrived in Moscow.</p><p>Putin spoke.</p></article>',
    );
    stop = t.annotating.stop;
    t.annotating.start(t.article);
    await t.annotating.documents.idle();
    expect(t.status.status).toBe('ready');
    expect(marks()).toEqual(['Vladimir Putin', 'Moscow', 'Putin']);
    const last = [...document.querySelectorAll('mark[data-glossa]')].at(-1)?.firstChild as Text;
    expect(t.annotating.markAt(last, 1)?.canonical).toBe('Vladimir Putin');
    expect(t.annotating.entities.list().map((e) => e.canonical)).toContain('Moscow');
    t.annotating.stop();
    expect(marks()).toEqual([]);
    expect(t.annotating.documents.active).toBe(false);
  });

  it('never recognizes a text twice, until the results are forgotten', async () => {
    const t = setup('<article><p>Putin in Moscow.</p></article>');
    stop = t.annotating.stop;
    t.annotating.start(t.article);
    await t.annotating.documents.idle();
    t.annotating.start(t.article); // already annotating: nothing happens
    t.annotating.stop();
    t.annotating.start(t.article);
    await t.annotating.documents.idle();
    expect(t.calls).toHaveLength(2); // the warm-up and the one batch
    t.annotating.stop();
    t.annotating.forgetResults();
    t.annotating.start(t.article);
    await t.annotating.documents.idle();
    expect(t.calls).toHaveLength(3);
  });

  it('skips a page without article text, and reports a failing recognizer', async () => {
    const empty = setup('<article></article>');
    empty.annotating.start(empty.article);
    await empty.annotating.documents.idle();
    expect([empty.status.status, empty.status.skip]).toEqual(['skipped', 'no-text']);
    empty.annotating.stop();

    const broken = setup('<article><p>Putin in Moscow.</p></article>', true);
    stop = broken.annotating.stop;
    broken.annotating.start(broken.article);
    await broken.annotating.documents.idle();
    expect(broken.failures).toHaveLength(1);
    expect(marks()).toEqual([]);
  });
});

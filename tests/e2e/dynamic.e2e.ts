/**
 * Pages that change after they load, in Chromium and Firefox ESR (tests/fixtures/dynamic/):
 * infinite scroll (the next story appended after the first <article>, old ones dropped), a
 * "Load more" button, client-side navigation with history.pushState, and lazy paragraphs (filled
 * placeholders, a hidden paragraph revealed). New text must be painted without recognizing the
 * unchanged text again, and text that leaves the page must leave no painted range behind. The time
 * from the page inserting text to its first painted range is measured in the page and recorded
 * (test-results/e2e-dynamic-timing.json), not bounded: a bound breaks on a busy machine.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messages/types';
import { type StaticServer, startServer } from '../../scripts/serve';
import { pollUntil } from './harness/common';
import { type Messenger, readHighlights, textsOf } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa } from './harness/suite';
import type { E2EPage } from './harness/types';

/** How long to wait for a paint before calling it missing: a deadline, not a speed target. */
const WAIT_MS = 10_000;
const TIMING_FILE = 'test-results/e2e-dynamic-timing.json';

/**
 * In the page: run `call` (a function the fixture defines), then wait until a glossa-* range lies
 * inside the element `selector` names (or whose id `call` returned). Returns ms from the moment the
 * fixture inserted the text (window.__insertedAt) to the first such range, or null after WAIT_MS.
 */
function paintedAfter(
  page: E2EPage,
  call: string,
  selector?: string,
  arg?: number,
): Promise<number | null> {
  return page.evaluate(
    async ({ call, selector, arg, waitMs }) => {
      const w = window as unknown as Record<string, unknown> & { __insertedAt?: number };
      const returned = (w[call] as ((arg?: number) => unknown) | undefined)?.(arg);
      const target = () =>
        selector ? document.querySelector(selector) : document.getElementById(String(returned));
      const started = performance.now();
      return new Promise<number | null>((resolve) => {
        const check = () => {
          const el = target();
          if (el && typeof CSS !== 'undefined' && CSS.highlights) {
            for (const [name, highlight] of CSS.highlights) {
              if (!name.startsWith('glossa-')) continue;
              for (const r of highlight) {
                if (el.contains(r.startContainer)) {
                  resolve(performance.now() - (w.__insertedAt ?? started));
                  return;
                }
              }
            }
          }
          if (performance.now() - started > waitMs) resolve(null);
          else setTimeout(check, 2);
        };
        check();
      });
    },
    { call, selector, arg, waitMs: WAIT_MS },
  );
}

/** Painted ranges whose text nodes are no longer in the document (must be none). */
function detachedRanges(page: E2EPage): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossa-')) continue;
      for (const r of highlight)
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) n++;
    }
    return n;
  });
}

async function ready(messenger: Messenger, page: E2EPage): Promise<PageState> {
  let last: PageState | undefined;
  return pollUntil(
    async () => {
      last = await messenger.state(page);
      return last.status === 'ready' ? last : undefined;
    },
    { timeoutMs: 15_000, describe: () => `Glossa not ready: ${JSON.stringify(last)}` },
  );
}

/** Wait until Glossa has no work queued (its recognizedChars stop changing). */
async function quiet(messenger: Messenger, page: E2EPage): Promise<PageState> {
  let previous = -1;
  return pollUntil(
    async () => {
      const state = await messenger.state(page);
      const chars = state.timing?.recognizedChars ?? 0;
      const done = state.status === 'ready' && chars === previous;
      previous = chars;
      return done ? state : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 150, describe: () => 'Glossa kept working' },
  );
}

const timings: Record<string, Record<string, number[]>> = {};
let server: StaticServer;

beforeAll(async () => {
  server = await startServer('tests/fixtures');
});

afterAll(async () => {
  await server?.close();
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(TIMING_FILE, 'utf8'));
  } catch {
    // first writer
  }
  Object.assign(all, timings, { measuredAt: new Date().toISOString() });
  await mkdir(path.dirname(TIMING_FILE), { recursive: true });
  await writeFile(TIMING_FILE, `${JSON.stringify(all, null, 2)}\n`);
});

for (const [browserName, launch] of LAUNCHERS) {
  describe(`dynamic pages in ${browserName}`, () => {
    const glossa = openGlossa(launch);
    const record = (what: string, ms: number | null) => {
      const byWhat = timings[browserName] ?? {};
      timings[browserName] = byWhat;
      const list = byWhat[what] ?? [];
      byWhat[what] = list;
      if (ms !== null) list.push(Math.round(ms));
    };

    async function openFixture(file: string): Promise<{ page: E2EPage; state: PageState }> {
      const page = await glossa.session.newPage(`${server.url}/dynamic/${file}`);
      const state = await ready(glossa.messenger, page);
      await quiet(glossa.messenger, page);
      return { page, state };
    }

    it('infinite scroll: paints each appended story, recognizing only it', async () => {
      const { page } = await openFixture('infinite-scroll.html');
      try {
        for (let i = 0; i < 3; i++) {
          const before = await quiet(glossa.messenger, page);
          const ms = await paintedAfter(page, 'appendStory');
          record('infinite-scroll', ms);
          expect(ms, `story ${i + 1} painted`).not.toBeNull();
          const after = await quiet(glossa.messenger, page);
          const added = await page.evaluate(
            () => (document.querySelector('#feed article:last-of-type')?.textContent ?? '').length,
          );
          const recognized =
            (after.timing?.recognizedChars ?? 0) - (before.timing?.recognizedChars ?? 0);
          // Only the new story's text went to the recognizer (the stories repeat after four:
          // then nothing at all is recognized again).
          expect(recognized).toBeLessThanOrEqual(added + 50);
        }
        // The feed drops its oldest story: its ranges are released.
        const painted = Object.values(await readHighlights(page)).flat().length;
        await page.evaluate(() => (window as unknown as { dropOldest(): string }).dropOldest());
        await pollUntil(
          async () => Object.values(await readHighlights(page)).flat().length < painted,
          { timeoutMs: 2000, describe: () => 'ranges of the removed story are still painted' },
        );
        expect(await detachedRanges(page)).toBe(0);
        const state = await quiet(glossa.messenger, page);
        expect(state.entities.reduce((n, e) => n + e.count, 0)).toBe(
          Object.values(await readHighlights(page)).flat().length,
        );
      } finally {
        await page.close();
      }
    });

    it('load more: paints the paragraphs a button loads, recognizing only them', async () => {
      const { page } = await openFixture('load-more.html');
      try {
        const moreChars = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('p.more')].reduce(
              (n, p) => n + (p.textContent ?? '').length,
              0,
            ),
          );
        for (let i = 0; i < 2; i++) {
          const before = await quiet(glossa.messenger, page);
          const charsBefore = await moreChars();
          const ms = await page.evaluate(async (waitMs) => {
            const count = document.querySelectorAll('p.more').length;
            (document.getElementById('more') as HTMLButtonElement).click();
            const w = window as unknown as { __insertedAt?: number };
            const started = performance.now();
            return new Promise<number | null>((resolve) => {
              const check = () => {
                const fresh = [...document.querySelectorAll('p.more')].slice(count);
                for (const [name, h] of CSS.highlights) {
                  if (!name.startsWith('glossa-')) continue;
                  for (const r of h) {
                    if (fresh.some((p) => p.contains(r.startContainer))) {
                      resolve(performance.now() - (w.__insertedAt ?? started));
                      return;
                    }
                  }
                }
                if (performance.now() - started > waitMs) resolve(null);
                else setTimeout(check, 2);
              };
              check();
            });
          }, WAIT_MS);
          record('load-more', ms);
          expect(ms, `batch ${i + 1} painted`).not.toBeNull();
          const after = await quiet(glossa.messenger, page);
          expect(after.entities.length).toBeGreaterThanOrEqual(before.entities.length);
          // Only the loaded paragraphs' text went to the recognizer.
          const recognized =
            (after.timing?.recognizedChars ?? 0) - (before.timing?.recognizedChars ?? 0);
          expect(recognized).toBeLessThanOrEqual((await moreChars()) - charsBefore + 50);
        }
        expect(await detachedRanges(page)).toBe(0);
      } finally {
        await page.close();
      }
    });

    it('history.pushState navigation: paints the new article and lets the old one go', async () => {
      const { page, state: first } = await openFixture('spa.html');
      try {
        expect(first.entities.map((e) => e.canonical)).toContain('Kim Jong Un');
        const before = await quiet(glossa.messenger, page);
        const ms = await paintedAfter(page, 'go', '#story-1', 1);
        record('spa', ms);
        expect(ms, 'new article painted').not.toBeNull();
        const after = await quiet(glossa.messenger, page);
        expect(after.page.url).toContain('?story=1');
        const names = after.entities.map((e) => e.canonical);
        expect(names).toContain('Olaf Scholz');
        expect(names).not.toContain('Kim Jong Un');
        expect(await detachedRanges(page)).toBe(0);
        const painted = await readHighlights(page);
        expect(textsOf(painted, 'PER')).toContain('Emmanuel Macron');
        expect(after.timing?.recognizedChars ?? 0).toBeGreaterThan(
          before.timing?.recognizedChars ?? 0,
        );

        // Back to the first story: text seen before is painted again without recognizing it.
        const seen = after.timing?.recognizedChars ?? 0;
        await page.evaluate(() => history.back());
        await pollUntil(
          async () =>
            (await glossa.messenger.state(page)).entities.some(
              (e) => e.canonical === 'Kim Jong Un',
            ),
          {
            timeoutMs: WAIT_MS,
            describe: () => 'first story not painted again after history.back()',
          },
        );
        const back = await quiet(glossa.messenger, page);
        expect(back.timing?.recognizedChars).toBe(seen);
        expect(await detachedRanges(page)).toBe(0);
      } finally {
        await page.close();
      }
    });

    it('lazy paragraphs: paints filled placeholders and revealed text', async () => {
      const { page } = await openFixture('lazy.html');
      try {
        // Scrolling fills the first placeholder and reveals the hidden paragraph.
        const ms = await page.evaluate(async (waitMs) => {
          const target = document.querySelector('[data-lazy="1"]') as HTMLElement;
          target.scrollIntoView();
          const w = window as unknown as { __insertedAt?: number };
          const started = performance.now();
          return new Promise<number | null>((resolve) => {
            const check = () => {
              if (w.__insertedAt !== undefined) {
                for (const [name, h] of CSS.highlights) {
                  if (!name.startsWith('glossa-')) continue;
                  for (const r of h) {
                    if (target.contains(r.startContainer)) {
                      resolve(performance.now() - w.__insertedAt);
                      return;
                    }
                  }
                }
              }
              if (performance.now() - started > waitMs) resolve(null);
              else setTimeout(check, 2);
            };
            check();
          });
        }, WAIT_MS);
        record('lazy', ms);
        expect(ms, 'lazy paragraph painted').not.toBeNull();
        await pollUntil(
          () =>
            page.evaluate(() => {
              const el = document.getElementById('reveal') as HTMLElement;
              for (const [name, h] of CSS.highlights) {
                if (!name.startsWith('glossa-')) continue;
                for (const r of h) if (el.contains(r.startContainer)) return true;
              }
              return false;
            }),
          { timeoutMs: WAIT_MS, describe: () => 'revealed paragraph not painted' },
        );
        const second = await paintedAfter(page, 'fillSecond', '[data-lazy="2"]');
        record('lazy', second);
        expect(second, 'second lazy paragraph painted').not.toBeNull();
      } finally {
        await page.close();
      }
    });
  });
}

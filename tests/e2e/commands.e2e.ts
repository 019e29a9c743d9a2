/**
 * Keyboard commands in Chromium and Firefox ESR: toggle the highlights, jump to the next / previous
 * mark (of any category, or of one). Shortcuts cannot be pressed from automation; the background
 * runs one function for a pressed shortcut and for 'glossa:run-command' from an extension page,
 * and the test sends that message — the same code runs (as notes.e2e.ts does for save-selection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../lib/messages/types';
import {
  type Messenger,
  openMessenger,
  paintedCount,
  textsOf,
  waitForGlossa,
  waitForNoHighlights,
} from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { type FlashView, waitForFlash } from './harness/reveal';
import { serveFixtures } from './harness/suite';
import type { BrowserSession, E2EPage } from './harness/types';

const server = serveFixtures();

for (const [browserName, launch] of LAUNCHERS) {
  describe(`keyboard commands in ${browserName}`, () => {
    let session: BrowserSession;
    let messenger: Messenger;
    /** An extension page kept open to ask the background, as a shortcut press would. */
    let ext: E2EPage;

    const run = (command: string, tabId: number) =>
      ext.evaluate(
        async ({ command, tabId }) => {
          type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
          try {
            return (await (g.browser ?? g.chrome)?.runtime.sendMessage({
              type: 'glossa:run-command',
              command,
              tabId,
            })) as CommandResult | undefined;
          } catch {
            return undefined; // nobody answered
          }
        },
        { command, tabId },
      );

    beforeAll(async () => {
      session = await launch({ headless: true, offline: true });
      messenger = await openMessenger(session);
      ext = await session.openExtensionPage('popup.html?tab=-1');
    });

    afterAll(async () => {
      await ext?.close().catch(() => {});
      await messenger?.close().catch(() => {});
      await session?.close();
    });

    it('next / previous mark scroll the page to each mark in document order and flash it', async () => {
      const page = await session.newPage(`${server.url}/sidepanel/article.html`);
      try {
        const painted = await waitForGlossa(session, page);
        const tabId = await messenger.tabIdOf(page);
        const seen: FlashView[] = [];
        let previous: FlashView | null = null;
        // Every mark once, in order: h1, the four far-apart paragraphs.
        const total = paintedCount(painted);
        for (let i = 0; i < total; i++) {
          const result = await run('next-mark', tabId);
          expect(result).toMatchObject({ ok: true, reveal: { ok: true, index: i, count: total } });
          previous = await waitForFlash(page, previous);
          if (result?.ok && result.reveal?.ok) expect(previous.text).toBe(result.reveal.text);
          expect(previous.inViewport).toBe(true);
          expect(previous.paintedAs).toHaveLength(1);
          seen.push(previous);
        }
        const tops = seen.map((f) => f.pageTop);
        expect(tops).toEqual([...tops].sort((a, b) => a - b));
        const last = seen.at(-1) as FlashView;
        expect(last.scrollY).toBeGreaterThan(3000); // the last paragraph is far down

        // Previous goes back one mark; next past the last wraps to the first.
        const back = await run('previous-mark', tabId);
        expect(back).toMatchObject({ ok: true, reveal: { ok: true, index: total - 2 } });
        const before = await waitForFlash(page, last);
        expect(before.pageTop).toBe(seen.at(-2)?.pageTop);
        await run('next-mark', tabId);
        const again = await waitForFlash(page, before);
        expect(again.pageTop).toBe(last.pageTop);
        const wrapped = await run('next-mark', tabId);
        expect(wrapped).toMatchObject({ ok: true, reveal: { ok: true, index: 0 } });
        const first = await waitForFlash(page, again);
        expect(first.pageTop).toBe(seen[0]?.pageTop);
        expect(first.scrollY).toBeLessThan(last.scrollY);
      } finally {
        await page.close();
      }
    });

    it('next place / previous treaty term stay within their category', async () => {
      const page = await session.newPage(`${server.url}/sidepanel/article.html`);
      try {
        const painted = await waitForGlossa(session, page);
        const tabId = await messenger.tabIdOf(page);
        const places = textsOf(painted, 'LOC');
        let previous: FlashView | null = null;
        for (let i = 0; i < 3; i++) {
          const result = await run('next-place', tabId);
          expect(result).toMatchObject({
            ok: true,
            reveal: { ok: true, index: i, count: places.length, entity: { type: 'LOC' } },
          });
          previous = await waitForFlash(page, previous);
          expect(previous.paintedAs).toEqual(['glossa-LOC']);
          expect(places).toContain(previous.text);
        }
        const treaty = await run('previous-treaty', tabId);
        expect(treaty).toMatchObject({
          ok: true,
          reveal: { ok: true, entity: { type: 'TREATY' } },
        });
        const flashed = await waitForFlash(page, previous);
        expect(flashed.paintedAs).toEqual(['glossa-TREATY']);
        expect(flashed.inViewport).toBe(true);
      } finally {
        await page.close();
      }
    });

    it('toggle-highlights takes every mark away and paints them again', async () => {
      const page = await session.newPage(`${server.url}/sidepanel/article.html`);
      try {
        const painted = paintedCount(await waitForGlossa(session, page));
        const tabId = await messenger.tabIdOf(page);
        const off = await run('toggle-highlights', tabId);
        expect(off).toMatchObject({ ok: true, state: { enabled: false } });
        await waitForNoHighlights(page, 3000);
        const nothing = await run('next-mark', tabId);
        expect(nothing).toMatchObject({ ok: true, reveal: { ok: false, reason: 'not-painted' } });
        const on = await run('toggle-highlights', tabId);
        expect(on).toMatchObject({ ok: true, state: { enabled: true } });
        const back = await waitForGlossa(session, page, { minRanges: painted, timeoutMs: 5000 });
        expect(paintedCount(back)).toBe(painted);
      } finally {
        await page.close();
      }
    });

    it('an unknown command, or one for a tab without Glossa, is refused with a reason', async () => {
      const bogus = await run('format-disk', 1);
      expect(bogus).toBeUndefined(); // not a page command: the background does not answer
      const noTab = await run('next-mark', 999_999);
      expect(noTab).toMatchObject({ ok: false, command: 'next-mark' });
    });
  });
}

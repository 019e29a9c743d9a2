/**
 * The side panel (Chrome side_panel / Firefox sidebar_action) in Chromium and Firefox ESR, opened
 * as an extension page aimed at the article's tab (sidepanel.html?tab=<id>), as the popup is in
 * the other suites. What a reader sees: the page's entities with counts that match what is painted,
 * a name button that scrolls the page to the next mention and flashes exactly that mention
 * (glossa-FLASH), cycling on repeated clicks, the list following new content and navigation, and
 * the page's saved notes.
 */
import { describe, expect, it } from 'vitest';
import type { EntitySummary, PaintedType } from '../../lib/entities';
import type { PageState, SaveSelectionResult } from '../../lib/messages/types';
import { pollUntil } from './harness/common';
import { clickByName, type Painted, readHighlights, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { selectText } from './harness/pages';
import { type FlashView, waitForFlash } from './harness/reveal';
import { openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

interface PanelRow {
  type: string;
  canonical: string;
  count: number;
  /** The row's name is a button (keyboard-usable), not plain text. */
  button: boolean;
}

interface PanelView {
  title: string;
  rows: PanelRow[];
  notes: string[];
  status: string;
}

/** The side panel as it is shown: title, entity rows (type, name, count), notes, reveal status. */
function readPanel(panel: E2EPage): Promise<PanelView> {
  return panel.evaluate(() => ({
    title: document.querySelector('h1')?.textContent ?? '',
    rows: [...document.querySelectorAll('li[data-canonical]')].map((li) => ({
      type: li.getAttribute('data-type') ?? '',
      canonical: li.querySelector('.entity-name')?.textContent ?? '',
      count: Number(li.querySelector('.entity-count')?.firstChild?.textContent ?? 'NaN'),
      button: li.querySelector('button.entity-reveal') !== null,
    })),
    notes: [...document.querySelectorAll('li.note')].map((n) => n.textContent ?? ''),
    status: document.querySelector('.reveal-status')?.textContent ?? '',
  }));
}

/** Wait until the panel shows what the page reports (every entity with its count). */
async function waitForPanel(
  panel: E2EPage,
  expected: () => Promise<PageState>,
  what: string,
): Promise<PanelView> {
  let last: PanelView | undefined;
  let want: EntitySummary[] = [];
  return pollUntil(
    async () => {
      const state = await expected();
      want = state.entities.filter((e) => e.type !== 'ORG');
      last = await readPanel(panel);
      const rows = last.rows.map((r) => `${r.type}:${r.canonical}:${r.count}`).sort();
      const wanted = want.map((e) => `${e.type}:${e.canonical}:${e.count}`).sort();
      return state.status === 'ready' && wanted.length > 0 && rows.join('|') === wanted.join('|')
        ? last
        : undefined;
    },
    {
      timeoutMs: 10_000,
      intervalMs: 100,
      describe: () =>
        `${what}: the panel shows ${JSON.stringify(last?.rows)}, the page reports ${JSON.stringify(want)}`,
    },
  );
}

const paintedOf = (painted: Painted, type: PaintedType) => painted[`glossa-${type}`] ?? [];

const server = serveFixtures();

for (const [browserName, launch] of LAUNCHERS) {
  describe(`side panel in ${browserName}`, () => {
    const glossa = openGlossa(launch);

    it('lists the entities with the counts painted, and a name click scrolls to and flashes each mention in turn', async () => {
      const page = await glossa.session.newPage(`${server.url}/sidepanel/article.html`);
      let panel: E2EPage | undefined;
      try {
        await waitForGlossa(glossa.session, page);
        const tabId = await glossa.messenger.tabIdOf(page);
        panel = await glossa.session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
        const shown = await waitForPanel(panel, () => glossa.messenger.state(page), 'first view');
        expect(shown.title).toBe('Putin and Kim sign a treaty in Pyongyang');
        expect(shown.rows.every((r) => r.button)).toBe(true);

        // Counts per category add up to the ranges painted on the page.
        const painted = await readHighlights(page);
        for (const type of ['PER', 'LOC', 'TREATY'] as const) {
          const listed = shown.rows.filter((r) => r.type === type).reduce((n, r) => n + r.count, 0);
          expect(listed, `${type} mentions listed vs painted`).toBe(
            paintedOf(painted, type).length,
          );
        }
        const pyongyang = shown.rows.find((r) => r.type === 'LOC' && r.canonical === 'Pyongyang');
        expect(pyongyang?.count).toBe(3);

        // Four clicks: the three mentions in document order, then back to the first.
        const flashes: FlashView[] = [];
        let previous: FlashView | null = null;
        for (let click = 1; click <= 4; click++) {
          await clickByName(panel, { selector: 'button', name: /next mention of Pyongyang/ });
          const k = ((click - 1) % 3) + 1;
          await pollUntil(
            async () => (await readPanel(panel as E2EPage)).status.includes(`${k} of 3`),
            { timeoutMs: 5000, describe: () => `the panel never said "${k} of 3"` },
          );
          previous = await waitForFlash(page, previous);
          flashes.push(previous);
        }
        for (const f of flashes) {
          expect(f.text).toBe('Pyongyang');
          expect(f.paintedAs).toEqual(['glossa-LOC']); // the flash is the painted mention itself
          expect(f.inViewport).toBe(true);
        }
        const [first, second, third, fourth] = flashes as [
          FlashView,
          FlashView,
          FlashView,
          FlashView,
        ];
        expect(first.pageTop).toBeLessThan(second.pageTop);
        expect(second.pageTop).toBeLessThan(third.pageTop);
        expect(fourth.pageTop).toBe(first.pageTop);
        // The third mention is far below the first screen: the page scrolled to it, and back.
        expect(second.scrollY).toBe(first.scrollY);
        expect(third.scrollY).toBeGreaterThan(second.scrollY + 500);
        expect(fourth.scrollY).toBeLessThan(third.scrollY);

        // Keyboard: a focused name button answers Enter.
        await panel.evaluate(() =>
          (document.querySelector('button[aria-label*="Vladivostok"]') as HTMLElement).focus(),
        );
        await panel.press('Enter');
        const vladivostok = await waitForFlash(page, previous);
        expect(vladivostok.text).toBe('Vladivostok');
        expect(vladivostok.inViewport).toBe(true);
        expect(vladivostok.scrollY).toBeGreaterThan(fourth.scrollY + 500);
      } finally {
        await panel?.close();
        await page.close();
      }
    });

    it('follows the page live: new content, saved notes and navigation', async () => {
      const page = await glossa.session.newPage(`${server.url}/sidepanel/article.html`);
      let panel: E2EPage | undefined;
      try {
        await waitForGlossa(glossa.session, page);
        const tabId = await glossa.messenger.tabIdOf(page);
        panel = await glossa.session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
        const before = await waitForPanel(panel, () => glossa.messenger.state(page), 'first view');
        expect(before.rows.some((r) => r.canonical === 'Xi Jinping')).toBe(false);
        const putin = (v: PanelView) => v.rows.find((r) => r.canonical === 'Vladimir Putin')?.count;

        // A live-blog update arrives: the panel lists the new names without being touched.
        await page.evaluate(() => (window as unknown as { addUpdate(): string }).addUpdate());
        const after = await waitForPanel(
          panel,
          async () => {
            const s = await glossa.messenger.state(page);
            return s.entities.some((e) => e.canonical === 'Xi Jinping')
              ? s
              : { ...s, entities: [] };
          },
          'after new content',
        );
        expect(after.rows.find((r) => r.canonical === 'Xi Jinping')).toMatchObject({
          type: 'PER',
          count: 2,
        });
        expect(after.rows.some((r) => r.type === 'LOC' && r.canonical === 'Beijing')).toBe(true);
        expect(putin(after)).toBe((putin(before) ?? 0) + 1);
        const painted = await readHighlights(page);
        for (const type of ['PER', 'LOC', 'TREATY'] as const) {
          const listed = after.rows.filter((r) => r.type === type).reduce((n, r) => n + r.count, 0);
          expect(listed).toBe(paintedOf(painted, type).length);
        }

        // A note saved on the page (as the shortcut does) shows up in the panel's notes.
        await selectText(page, 'mutual assistance clause');
        const ext = await glossa.session.openExtensionPage('popup.html?tab=-1');
        const saved = await ext.evaluate(async (tabId) => {
          type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
          return (await (g.browser ?? g.chrome)?.runtime.sendMessage({
            type: 'glossa:save-selection',
            tabId,
          })) as SaveSelectionResult;
        }, tabId);
        await ext.close();
        expect(saved.ok).toBe(true);
        await pollUntil(
          async () =>
            (await readPanel(panel as E2EPage)).notes.some((n) =>
              n.includes('mutual assistance clause'),
            ),
          { timeoutMs: 5000, describe: () => 'the saved note never appeared in the panel' },
        );

        // The tab goes to another article: the panel follows it.
        await page.goto(`${server.url}/demo/article.html`);
        const demo = await waitForPanel(
          panel,
          () => glossa.messenger.state(page),
          'after navigation',
        );
        expect(demo.title).toContain('Договор России и КНДР');
        expect(demo.rows.some((r) => r.canonical === 'Xi Jinping')).toBe(false);
        expect(demo.notes).toEqual([]);
      } finally {
        await panel?.close();
        await page.close();
      }
    });
  });
}

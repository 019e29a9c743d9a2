/**
 * Accessibility in real Chromium and Firefox ESR, in the light and the dark colour scheme: axe-core
 * (node_modules/axe-core, injected into each page) finds no serious or critical violation on the
 * popup, the options page, the notes view, an entity's page, the side panel, or the hover card on the demo article
 * (inside its closed shadow root, reached through the driver); and the popup works from the keyboard alone, with a visible focus ring.
 *
 * Each page's axe result is printed as one line: `[a11y] chromium dark popup: critical 0, …`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST, type Rgb } from '../../lib/colors';
import { pollUntil } from './harness/common';
import {
  clickByName,
  type Messenger,
  openMessenger,
  waitForGlossa,
  waitForHighlights,
  waitForNoHighlights,
} from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { paintedRangeCentre, waitForCard } from './harness/pages';
import { serveFixtures } from './harness/suite';
import type { BrowserSession, E2EPage } from './harness/types';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

interface AxeSummary {
  counts: Record<(typeof IMPACTS)[number], number>;
  passes: number;
  incomplete: number;
  /** Rules axe could not decide (e.g. colour contrast over an image): ids. */
  review: string[];
  /** "color-contrast (serious) ×2: .card .type" per violated rule. */
  violations: string[];
}

/** Load axe-core and a runner that summarises its result into the page, once. */
async function loadAxe(page: E2EPage): Promise<void> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { a11yRun?: unknown }).a11yRun === 'function',
  );
  if (loaded) return;
  await page.evaluateScript(`${AXE_SOURCE}\n;void 0;`);
  await page.evaluate(() => {
    (window as unknown as { a11yRun: (target: unknown) => Promise<unknown> }).a11yRun = async (
      target: unknown,
    ) => {
      type Node = { target: unknown[] };
      type Rule = { id: string; impact: string | null; nodes: Node[] };
      type Axe = {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: Rule[]; passes: Rule[]; incomplete: Rule[] }>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      const result = await axe.run(target, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      });
      const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
      for (const v of result.violations) {
        const impact = (v.impact ?? 'minor') as keyof typeof counts;
        counts[impact] += v.nodes.length;
      }
      return {
        counts,
        passes: result.passes.length,
        incomplete: result.incomplete.length,
        review: result.incomplete.map((v) => v.id),
        violations: result.violations.map(
          (v) =>
            `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
              .slice(0, 3)
              .map((n) => JSON.stringify(n.target))
              .join(' ')}`,
        ),
      };
    };
  });
}

/**
 * Inject axe-core (past the extension pages' CSP: the driver evaluates it) and run it on the page,
 * or on `context` (axe's context: e.g. a selector into a shadow root). WCAG 2.x A and AA rules and
 * best practices.
 */
async function runAxe(page: E2EPage, context?: unknown): Promise<AxeSummary> {
  await loadAxe(page);
  return page.evaluate(
    (context) =>
      (window as unknown as { a11yRun: (t: unknown) => Promise<AxeSummary> }).a11yRun(
        context ?? document,
      ),
    context,
  );
}

/**
 * axe on the visible hover card. axe cannot enter Glossa's closed shadow root (it reaches only what
 * the page's own DOM APIs reach), so the driver hands the root over and the test audits an exact
 * copy: the card's nodes, the root's own stylesheets and the host's box, in an open root at the
 * same place, removed afterwards.
 */
async function runAxeOnCard(page: E2EPage): Promise<AxeSummary | null> {
  await loadAxe(page);
  const copied = await page.evaluateWithTopShadowRoots((roots) => {
    const root = roots.find((r) => r.querySelector('.card[role="tooltip"]:not([hidden])'));
    if (!root) return false;
    const host = document.createElement('div');
    host.id = 'a11y-card-copy';
    host.setAttribute('style', root.host.getAttribute('style') ?? '');
    const open = host.attachShadow({ mode: 'open' });
    open.adoptedStyleSheets = [...root.adoptedStyleSheets];
    for (const child of root.children) open.append(child.cloneNode(true));
    document.documentElement.append(host);
    return true;
  });
  if (!copied) return null;
  try {
    return await runAxe(page, {
      include: [{ fromShadowDom: ['#a11y-card-copy', '.card[role="tooltip"]:not([hidden])'] }],
    });
  } finally {
    await page.evaluate(() => document.getElementById('a11y-card-copy')?.remove());
  }
}

function report(label: string, summary: AxeSummary): void {
  const counts = IMPACTS.map((i) => `${i} ${summary.counts[i]}`).join(', ');
  console.log(
    `[a11y] ${label}: ${counts}; rules passed ${summary.passes}, needs review ${summary.incomplete}` +
      (summary.review.length ? ` (${summary.review.join(', ')})` : '') +
      (summary.violations.length ? ` — ${summary.violations.join('; ')}` : ''),
  );
}

function expectNoSeriousViolations(label: string, summary: AxeSummary): void {
  report(label, summary);
  expect(
    summary.counts.critical + summary.counts.serious,
    `${label}: ${summary.violations.join('; ')}`,
  ).toBe(0);
}

/** The page sees the scheme asked for, and its background follows it. */
async function expectScheme(page: E2EPage, scheme: Scheme): Promise<void> {
  const seen = await page.evaluate(() => {
    const bg = getComputedStyle(document.documentElement).backgroundColor;
    const [r = 0, g = 0, b = 0] = (bg.match(/\d+/g) ?? []).map(Number);
    return {
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      light: matchMedia('(prefers-color-scheme: light)').matches,
      brightness: (r * 299 + g * 587 + b * 114) / 1000,
    };
  });
  expect(seen.dark, `prefers-color-scheme: dark on ${scheme}`).toBe(scheme === 'dark');
  expect(seen.light).toBe(scheme === 'light');
  if (scheme === 'dark') expect(seen.brightness).toBeLessThan(60);
  else expect(seen.brightness).toBeGreaterThan(200);
}

/** What has the focus, and whether the focus is drawn (an outline or a box-shadow ring). */
interface FocusView {
  tag: string;
  role: string;
  type: string;
  name: string;
  focusVisible: boolean;
  ring: boolean;
}

function readFocus(page: E2EPage): Promise<FocusView | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return {
      tag: el.localName,
      role: el.getAttribute('role') ?? '',
      type: el.getAttribute('type') ?? '',
      name: (el.getAttribute('aria-label') || label || el.textContent || '').trim(),
      focusVisible: el.matches(':focus-visible'),
      ring: outline || shadow,
    };
  });
}

/** Press Tab until the focus is on an element `want` accepts; every stop on the way shows a ring. */
async function tabTo(
  page: E2EPage,
  want: (f: FocusView) => boolean,
  what: string,
  maxTabs = 120,
): Promise<FocusView> {
  const stops: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.press('Tab');
    const focus = await readFocus(page);
    if (!focus) continue;
    stops.push(`${focus.tag}${focus.role ? `[${focus.role}]` : ''} ${focus.name.slice(0, 30)}`);
    expect(focus.focusVisible && focus.ring, `no visible focus on ${stops.at(-1)}`).toBe(true);
    if (want(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}; stops: ${stops.join(' | ')}`);
}

const server = serveFixtures();

for (const [browserName, launch] of LAUNCHERS) {
  for (const scheme of SCHEMES) {
    describe(`accessibility in ${browserName}, ${scheme} scheme`, () => {
      let session: BrowserSession;
      let messenger: Messenger;
      let article: E2EPage;
      let tabId: number;
      const label = (page: string) => `${browserName} ${scheme} ${page}`;

      beforeAll(async () => {
        session = await launch({ headless: true, offline: true, colorScheme: scheme });
        messenger = await openMessenger(session);
        article = await session.newPage(`${server.url}/demo/article.html`);
        await waitForGlossa(session, article);
        tabId = await messenger.tabIdOf(article);
        // A note on the page, so the popup, notes view and side panel list one.
        const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
        await popup.type('#note-text', 'A note to check');
        await clickByName(popup, { selector: 'button', name: 'Save note on page' });
        await pollUntil(
          () => popup.evaluate(() => document.querySelectorAll('li.note').length > 0),
          { timeoutMs: 10_000, describe: () => 'the note was never listed in the popup' },
        );
        await popup.close();
      });

      afterAll(async () => {
        await messenger?.close().catch(() => {});
        await session?.close();
      });

      it('popup: no serious or critical axe violations', async () => {
        const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
        try {
          await pollUntil(
            () => popup.evaluate(() => document.querySelectorAll('li[data-canonical]').length > 0),
            { timeoutMs: 10_000, describe: () => 'the popup never listed the entities' },
          );
          await expectScheme(popup, scheme);
          expectNoSeriousViolations(label('popup'), await runAxe(popup));
        } finally {
          await popup.close();
        }
      });

      it('options page: no serious or critical axe violations', async () => {
        const options = await session.openExtensionPage('options.html');
        try {
          await pollUntil(() => options.evaluate(() => document.querySelector('h1') !== null), {
            timeoutMs: 10_000,
            describe: () => 'the options page never rendered',
          });
          await expectScheme(options, scheme);
          expectNoSeriousViolations(label('options'), await runAxe(options));
        } finally {
          await options.close();
        }
      });

      it('notes view: no serious or critical axe violations', async () => {
        const notes = await session.openExtensionPage('notes.html');
        try {
          await pollUntil(() => notes.evaluate(() => document.querySelector('li.note') !== null), {
            timeoutMs: 10_000,
            describe: () => 'the notes view never listed the note',
          });
          await expectScheme(notes, scheme);
          expectNoSeriousViolations(label('notes view'), await runAxe(notes));
        } finally {
          await notes.close();
        }
      });

      it("entity page (the demo article's North Korea): no serious or critical axe violations", async () => {
        const entity = await session.openExtensionPage('notes.html#entity=LOC%3AKP');
        try {
          // The demo article is remembered shortly after it is painted; reload until it is listed.
          await pollUntil(
            async () => {
              if (
                await entity.evaluate(() => document.querySelector('.entity-articles li') !== null)
              )
                return true;
              await entity.reload();
              return undefined;
            },
            { timeoutMs: 20_000, describe: () => 'the entity page never listed the demo article' },
          );
          await expectScheme(entity, scheme);
          expectNoSeriousViolations(label('entity page'), await runAxe(entity));
        } finally {
          await entity.close();
        }
      });

      it('side panel: no serious or critical axe violations', async () => {
        const panel = await session.openExtensionPage(`sidepanel.html?tab=${tabId}`);
        try {
          await pollUntil(
            () =>
              panel.evaluate(() => document.querySelectorAll('button.entity-reveal').length > 0),
            { timeoutMs: 10_000, describe: () => 'the side panel never listed the entities' },
          );
          await expectScheme(panel, scheme);
          expectNoSeriousViolations(label('side panel'), await runAxe(panel));
        } finally {
          await panel.close();
        }
      });

      it('hover card (in its shadow root): no serious or critical axe violations', async () => {
        await article.bringToFront();
        const mark = await paintedRangeCentre(article, 'glossa-PER', 'Путин');
        await article.mouseMove(mark.x, mark.y);
        await waitForCard(article, (c) => c.text.includes('Владимир Путин'));
        // The card is in Glossa's closed shadow root: the driver hands the root over.
        const card = await article.evaluateWithTopShadowRoots((roots) => {
          const el = roots
            .map((r) => r.querySelector('.card[data-type]:not([hidden])') as HTMLElement | null)
            .find((c) => c !== null);
          if (!el) return null;
          return {
            background: getComputedStyle(el).backgroundColor,
            dark: matchMedia('(prefers-color-scheme: dark)').matches,
            texts: ['.type', '.name', '.count'].map((s) => {
              const part = el.querySelector(s) as HTMLElement;
              return { part: s, color: getComputedStyle(part).color, text: part.textContent };
            }),
          };
        });
        expect(card?.dark).toBe(scheme === 'dark');
        expect(card?.background).toBe(scheme === 'dark' ? 'rgb(31, 31, 35)' : 'rgb(255, 255, 255)');
        // Contrast of each line of the card on its background, measured from the computed colours
        // (axe leaves colour contrast of the fixed-position card for review).
        const rgb = (css: string) =>
          (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as unknown as Rgb;
        for (const { part, color, text } of card?.texts ?? []) {
          const ratio = contrastRatio(rgb(color), rgb(card?.background ?? ''));
          console.log(
            `[a11y] ${label('hover card')} ${part} "${text}": contrast ${ratio.toFixed(2)}:1`,
          );
          expect(ratio, `${part} contrast`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        }
        const summary = await runAxeOnCard(article);
        if (!summary) throw new Error('no visible hover card for axe');
        expectNoSeriousViolations(label('hover card'), summary);
        // axe really looked inside: rules ran on the card.
        expect(summary.passes).toBeGreaterThan(0);
        await article.mouseMove(5, 5);
      });

      it('popup from the keyboard alone: Tab to the highlight switch and the note editor, with a visible focus ring', async () => {
        const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
        // The space bar: Playwright and Puppeteer name it differently.
        const SPACE = browserName === 'firefox' ? ' ' : 'Space';
        try {
          await pollUntil(
            () => popup.evaluate(() => document.querySelectorAll('li[data-canonical]').length > 0),
            { timeoutMs: 10_000, describe: () => 'the popup never listed the entities' },
          );
          const toSwitch = () =>
            tabTo(popup, (f) => f.role === 'switch', 'the highlight switch', 20);
          const onOff = () =>
            popup.evaluate(
              () => (document.querySelector('[role="switch"]') as HTMLInputElement).checked,
            );

          // Space on the switch turns the highlights off on the page, and on again.
          await toSwitch();
          expect(await onOff()).toBe(true);
          await popup.press(SPACE);
          await waitForNoHighlights(article);
          await pollUntil(async () => (await onOff()) === false, {
            timeoutMs: 5_000,
            describe: () => 'the switch never showed off',
          });
          // The focus stays on the switch, still drawn: Space again turns them back on.
          const again = await readFocus(popup);
          expect(again?.role, 'the focus stayed on the switch').toBe('switch');
          expect(again?.focusVisible && again.ring).toBe(true);
          await popup.press(SPACE);
          await waitForHighlights(article);

          // Tab on to the note field, type, Tab to "Save note on page", Enter.
          await tabTo(popup, (f) => f.tag === 'textarea', 'the note field');
          for (const key of 'keyboard') await popup.press(key);
          await tabTo(popup, (f) => f.tag === 'button' && f.name === 'Save note on page', 'Save');
          await popup.press('Enter');
          await pollUntil(
            () =>
              popup.evaluate(() =>
                [...document.querySelectorAll('li.note .note-text')].some(
                  (n) => n.textContent === 'keyboard',
                ),
              ),
            { timeoutMs: 10_000, describe: () => 'the note typed from the keyboard was not saved' },
          );
          expect(await popup.evaluate(() => document.querySelector('.ok')?.textContent)).toBe(
            'Saved.',
          );
        } finally {
          await popup.close();
        }
      });
    });
  }
}

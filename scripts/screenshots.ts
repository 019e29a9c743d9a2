/**
 * `npm run screenshots`: the README's screens, made from the e2e setup so they never go stale —
 * the built extension in headless Chromium on the bundled demo article, in the light and the dark
 * colour scheme: the highlighted article, the hover card, the popup, the side panel, the notes view
 * and the options page; then, once an English article about the same places has been read, the
 * hover card with its reading-memory line, and (two more articles read) North Korea's entity page.
 * Writes docs/screens/NAME-light.png and NAME-dark.png.
 * Build first.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { entityHash } from '../lib/memory/entity-route';
import { MEMORY_NOTICE_KEY } from '../lib/memory/notice';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { pollUntil } from '../tests/e2e/harness/common';
import { findTabId, waitForGlossa } from '../tests/e2e/harness/glossa';
import { paintedRangeCentre, selectText, waitForCard } from '../tests/e2e/harness/pages';
import type { BrowserSession, E2EPage } from '../tests/e2e/harness/types';
import { startServer } from './serve';

const OUT = 'docs/screens';
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** The playwright page behind a harness page (Chromium only). */
const pw = (page: E2EPage) => (page as unknown as { page: Page }).page;

async function shoot(
  page: E2EPage,
  name: string,
  scheme: Scheme,
  size: { width: number; height: number },
  clip?: { x: number; y: number; width: number; height: number },
) {
  const p = pw(page);
  await p.setViewportSize(size);
  await p.emulateMedia({ colorScheme: scheme });
  await p.waitForTimeout(250); // let the scheme's styles and any re-render settle
  const file = path.join(OUT, `${name}-${scheme}.png`);
  await p.screenshot({ path: file, clip });
  console.log(`  ${file}`);
}

async function saveSelection(session: BrowserSession, page: E2EPage, quote: string) {
  await selectText(page, quote);
  const tabId = await findTabId(session, page);
  const ext = await session.openExtensionPage('notes.html');
  try {
    await ext.evaluate(async (tabId) => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
      await (g.browser ?? g.chrome)?.runtime.sendMessage({ type: 'glossa:save-selection', tabId });
    }, tabId);
  } finally {
    await ext.close();
  }
}

/** Run fn in an extension page (the extension's APIs are there), then close it. */
async function inExtensionPage<A>(
  session: BrowserSession,
  fn: (arg: A) => Promise<unknown>,
  arg: A,
): Promise<void> {
  const ext = await session.openExtensionPage('notes.html');
  try {
    await ext.evaluate(fn, arg);
  } finally {
    await ext.close();
  }
}

/** The hover card over «КНДР» once the reader has read another article about North Korea. */
async function shootMemoryCard(session: BrowserSession, article: E2EPage, fixtures: string) {
  const other = await session.newPage(`${fixtures}/memory/en-article.html`);
  await waitForGlossa(session, other);
  await other.close();
  for (const scheme of SCHEMES) {
    await article.bringToFront();
    await pw(article).emulateMedia({ colorScheme: scheme });
    await article.mouseMove(1, 1);
    const mark = await paintedRangeCentre(article, 'glossa-LOC', 'КНДР');
    await article.mouseMove(mark.x, mark.y);
    // The English article is remembered once its page settled: the line follows.
    await waitForCard(article, (c) => c.text.includes('Also in'), 15_000);
    await shoot(
      article,
      'card-memory',
      scheme,
      { width: 1100, height: 820 },
      // The card opens under the mark's left edge and is up to 320 px wide.
      {
        x: Math.max(0, mark.x - 140),
        y: Math.max(0, mark.y - 110),
        width: 480,
        height: 300,
      },
    );
  }
  await article.mouseMove(1, 1);
}

/** The entity page of North Korea once four articles about it were read, two in each language. */
async function shootEntityPage(session: BrowserSession, fixtures: string) {
  for (const path of ['/memory/ru-article.html', '/memory/en-treaty-article.html']) {
    const page = await session.newPage(`${fixtures}${path}`);
    await waitForGlossa(session, page);
    await page.close();
  }
  const view = await session.openExtensionPage(`notes.html${entityHash('LOC:KP')}`);
  try {
    await pollUntil(
      async () =>
        (await view.evaluate(() => document.querySelectorAll('.entity-articles li').length)) >= 4
          ? true
          : undefined,
      { timeoutMs: 20_000, describe: () => 'the entity page never listed four articles' },
    );
    for (const scheme of SCHEMES) {
      await pw(view).emulateMedia({ colorScheme: scheme });
      await pw(view).waitForTimeout(400);
      await shoot(view, 'entity-page', scheme, { width: 1000, height: 900 });
    }
  } finally {
    await view.close();
  }
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer('tests/fixtures');
  const session = await launchChromium({ headless: true, offline: true });
  try {
    const article = await session.newPage(`${server.url}/demo/article.html`);
    await waitForGlossa(session, article);
    const tabId = await findTabId(session, article);
    // The popup's one-time notice about the reading memory is read and dismissed: the screens
    // show the popup as it is every day after.
    await inExtensionPage(
      session,
      async (key) => {
        type Storage = { storage: { local: { set(items: object): Promise<void> } } };
        const g = globalThis as unknown as { browser?: Storage; chrome?: Storage };
        await (g.browser ?? g.chrome)?.storage.local.set({ [key]: true });
      },
      MEMORY_NOTICE_KEY,
    );
    // Two saved quotes, so the notes view and the popup have something to show.
    await saveSelection(
      session,
      article,
      'Соглашение вступило в силу 5 декабря после обмена ратификационными грамотами.',
    );
    await saveSelection(session, article, 'Договор сдерживает напряженность в регионе');
    await pollUntil(
      async () =>
        (await article.evaluate(() => CSS.highlights.get('glossa-NOTE')?.size ?? 0)) >= 2
          ? true
          : undefined,
      { timeoutMs: 10_000, describe: () => 'the saved quotes were not painted' },
    );

    for (const scheme of SCHEMES) {
      console.log(`${scheme}:`);
      await article.bringToFront();
      await pw(article).evaluate(() => window.scrollTo(0, 0));
      await article.mouseMove(1, 1);
      await shoot(article, 'article', scheme, { width: 1100, height: 820 });

      await pw(article).emulateMedia({ colorScheme: scheme });
      const mark = await paintedRangeCentre(article, 'glossa-PER', 'Путин');
      await article.mouseMove(mark.x, mark.y);
      await waitForCard(article, (c) => c.text.includes('Владимир Путин'));
      await shoot(
        article,
        'card',
        scheme,
        { width: 1100, height: 820 },
        {
          x: Math.max(0, mark.x - 220),
          y: Math.max(0, mark.y - 150),
          width: 440,
          height: 300,
        },
      );
      await article.mouseMove(1, 1);

      for (const [name, url, size] of [
        ['popup', `popup.html?tab=${tabId}`, { width: 400, height: 640 }],
        ['sidepanel', `sidepanel.html?tab=${tabId}`, { width: 380, height: 760 }],
        ['notes', 'notes.html', { width: 1000, height: 700 }],
        ['options', 'options.html', { width: 760, height: 900 }],
      ] as const) {
        const page = await session.openExtensionPage(url);
        try {
          await pw(page).emulateMedia({ colorScheme: scheme });
          // Wait for the page's own content (the Preact app) rather than a fixed delay.
          await pollUntil(
            async () =>
              (await page.evaluate(
                () => (document.getElementById('app')?.textContent ?? '').length,
              )) > 40
                ? true
                : undefined,
            { timeoutMs: 10_000, describe: () => `${name} rendered nothing` },
          );
          await pw(page).waitForTimeout(400);
          await shoot(page, name, scheme, size);
        } finally {
          await page.close();
        }
      }
    }
    console.log('reading memory:');
    await shootMemoryCard(session, article, server.url);
    await shootEntityPage(session, server.url);
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The reading memory in Chromium and Firefox ESR, as a reader meets it: a Russian and an English
 * article about the same people and treaty are remembered as two articles that share their
 * entities (КНДР and North Korea are one place, the two names of the Russia–DPRK treaty one
 * registered treaty); "Remember what I read" turned off in Options keeps the next article out;
 * "Clear memory" in Options, confirmed, empties the memory and leaves the notes alone; and (in
 * Chromium, where the extension is allowed in incognito) a private window's article is painted
 * but never kept. Read from the extension's own IndexedDB; then shown on the entity's page
 * (notes.html#entity=KEY) and found by the notes view's search.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { articleNames } from '../../lib/memory/entity-names';
import { entityHash } from '../../lib/memory/entity-route';
import type { RememberedArticle } from '../../lib/memory/model';
import type { SaveSelectionResult } from '../../lib/messages/types';
import type { Note } from '../../lib/notes/model';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { launchChromium, openPrivatePage } from './harness/chromium';
import { pollUntil, sleep } from './harness/common';
import { clearStore, readStore } from './harness/extension-db';
import { clickByName, paintedCount, readHighlights, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { paintedRangeCentre, selectText, waitForCard } from './harness/pages';
import { type GlossaSuite, openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

const RU_ARTICLE = '/memory/ru-article.html';
const EN_ARTICLE = '/memory/en-treaty-article.html';
/** A third article (same story, no treaty name), for the switches. */
const OTHER_ARTICLE = '/memory/en-article.html';
/** The register id both articles' treaty names resolve to (lib/recognize/curated/treaty-register.ts). */
const TREATY_KEY = 'TREATY:russia-dprk-partnership-2024';
const RU_TITLE = 'Путин и Ким Чен Ын обсудили первый год договора о партнёрстве';
const EN_TITLE = 'Putin and Kim mark a year of their partnership treaty';
/** A sentence of the Russian article, saved as a note before the memory is cleared. */
const NOTED = 'Эксперты в Москве отмечают, что за год объём торговли между странами заметно вырос';
/** The report goes out as soon as painting settles; a refused one leaves no trace to wait for. */
const REPORT_GRACE_MS = 1500;

const rememberedArticles = (ext: E2EPage) => readStore<RememberedArticle>(ext, 'articles');

/** Poll the memory until it holds `count` articles; the error says what it held. */
async function waitForArticles(ext: E2EPage, count: number): Promise<RememberedArticle[]> {
  let last: RememberedArticle[] = [];
  return pollUntil(
    async () => {
      last = await rememberedArticles(ext);
      return last.length === count ? last : undefined;
    },
    {
      timeoutMs: 20_000,
      describe: () =>
        `the memory never held ${count} articles (last: ${last.map((a) => a.url).join(', ') || 'none'})`,
    },
  );
}

/** Open a fixture page and wait until Glossa painted it and finished its first pass. */
async function visit(glossa: GlossaSuite, url: string): Promise<E2EPage> {
  const page = await glossa.session.newPage(url);
  const painted = await waitForGlossa(glossa.session, page);
  expect(paintedCount(painted), `marks painted on ${url}`).toBeGreaterThan(0);
  return page;
}

/** The name an article used for an entity key (names run parallel to keys). */
function nameOf(article: RememberedArticle | undefined, key: string): string | undefined {
  const at = article?.keys.indexOf(key) ?? -1;
  return at < 0 ? undefined : article?.names[at];
}

/** Options → Reading memory → "Remember what I read", clicked, until storage says `on`. */
async function setRememberReading(glossa: GlossaSuite, on: boolean): Promise<void> {
  const options = await glossa.session.openExtensionPage('options.html');
  try {
    const box = 'input[type="checkbox"][aria-describedby="memory-help"]';
    await pollUntil(() => options.evaluate((sel) => document.querySelector(sel) !== null, box), {
      timeoutMs: 10_000,
      describe: () => 'the Options page never showed the reading-memory switch',
    });
    const checked = () =>
      options.evaluate((sel) => (document.querySelector(sel) as HTMLInputElement).checked, box);
    expect(await checked()).toBe(!on);
    await clickByName(options, { selector: box, name: 'Remember what I read' });
    expect(await checked()).toBe(on);
    await pollUntil(
      async () => {
        const saved = (await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings | undefined;
        return saved?.rememberReading === on;
      },
      { timeoutMs: 10_000, describe: () => `"Remember what I read" was never saved as ${on}` },
    );
  } finally {
    await options.close();
  }
}

/** Save the selection of page as a note through the background, as the menu and shortcut do. */
async function saveSelectionAsNote(
  glossa: GlossaSuite,
  ext: E2EPage,
  page: E2EPage,
): Promise<SaveSelectionResult> {
  const tabId = await glossa.messenger.tabIdOf(page);
  return ext.evaluate(async (tabId) => {
    type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const api = (g.browser ?? g.chrome) as Runtime;
    return (await api.runtime.sendMessage({
      type: 'glossa:save-selection',
      tabId,
    })) as SaveSelectionResult;
  }, tabId);
}

for (const [browserName, launch] of LAUNCHERS) {
  describe(`the reading memory in ${browserName}`, () => {
    const fixtures = serveFixtures();
    const glossa = openGlossa(launch);
    let ext: E2EPage;

    beforeEach(async () => {
      ext ??= await glossa.session.openExtensionPage('popup.html?tab=-1');
      await glossa.messenger.setStorage({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
      await clearStore(ext, 'articles');
      await clearStore(ext, 'entityCounts');
      await clearStore(ext, 'notes');
    });

    it('remembers a Russian and then an English article about the same people and treaty, sharing their entities', async () => {
      const ru = await visit(glossa, `${fixtures.url}${RU_ARTICLE}`);
      const en = await visit(glossa, `${fixtures.url}${EN_ARTICLE}`);
      const articles = await waitForArticles(ext, 2);
      const byPath = (path: string) => articles.find((a) => a.url.endsWith(path));
      const ruArticle = byPath(RU_ARTICLE);
      const enArticle = byPath(EN_ARTICLE);
      expect(ruArticle?.lang).toMatch(/^ru/);
      expect(enArticle?.lang).toMatch(/^en/);
      expect(ruArticle?.title).toBe(RU_TITLE);
      expect(enArticle?.title).toBe(EN_TITLE);
      // One registered treaty, the two countries and the two leaders, across the two languages.
      for (const key of [TREATY_KEY, 'LOC:KP', 'LOC:RU', 'PER:vladimir-putin', 'PER:kim-jong-un']) {
        expect(ruArticle?.keys, `${key} in the Russian article`).toContain(key);
        expect(enArticle?.keys, `${key} in the English article`).toContain(key);
      }
      // A registered treaty's name is the register's (not stored), in each article's language.
      expect(nameOf(ruArticle, TREATY_KEY)).toBe('');
      expect(
        articleNames(ruArticle as RememberedArticle)[ruArticle?.keys.indexOf(TREATY_KEY) ?? -1],
      ).toMatch(/^Договор о всеобъемлющем стратегическом/);
      expect(
        articleNames(enArticle as RememberedArticle)[enArticle?.keys.indexOf(TREATY_KEY) ?? -1],
      ).toMatch(/^Treaty on Comprehensive Strategic/);
      const putin = (a?: RememberedArticle) => a?.keys.find((k) => /^PER:.*putin$/.test(k));
      expect(putin(ruArticle)).toBeDefined();
      expect(putin(ruArticle)).toBe(putin(enArticle));
      // Only registered treaties are kept: "ratification", "pact" and the like are not entities.
      for (const a of [ruArticle, enArticle]) {
        expect(a?.keys.filter((k) => k.startsWith('TREATY:'))).toEqual([TREATY_KEY]);
      }
      console.log(
        `[memory] ${browserName}: ru ${ruArticle?.keys.length} entities, en ${enArticle?.keys.length}; shared: ${ruArticle?.keys.filter((k) => enArticle?.keys.includes(k)).join(', ')}`,
      );
      await ru.close();

      // The second article's card: the treaty was met once before, in the Russian article.
      await en.bringToFront();
      const mark = await paintedRangeCentre(en, 'glossa-TREATY', 'Treaty on Comprehensive');
      await en.mouseMove(mark.x, mark.y);
      const card = await waitForCard(en, (c) => c.text.includes('Also in 1 article you read'));
      expect(card.text).toContain(RU_TITLE);
      await en.close();

      // The treaty's page lists both articles, each under its own title.
      const view = await glossa.session.openExtensionPage(`notes.html${entityHash(TREATY_KEY)}`);
      try {
        const titles = () =>
          view.evaluate(() =>
            [...document.querySelectorAll('.entity-articles a')].map((a) => a.textContent ?? ''),
          );
        const listed = await pollUntil(
          async () => {
            const t = await titles();
            return t.length === 2 ? t : undefined;
          },
          { timeoutMs: 15_000, describe: async () => `the page lists ${await titles()}` },
        );
        expect(listed.sort()).toEqual([EN_TITLE, RU_TITLE].sort());
      } finally {
        await view.close();
      }
    });

    it("shows an entity's page from what was read, links on to the entities seen with it, and finds the articles by search", async () => {
      for (const path of ['/demo/article.html', '/memory/en-article.html']) {
        const page = await glossa.session.newPage(`${fixtures.url}${path}`);
        await waitForGlossa(glossa.session, page);
        await page.close();
      }
      await pollUntil(
        async () => ((await rememberedArticles(ext)).length >= 2 ? true : undefined),
        { timeoutMs: 20_000, describe: async () => 'two articles were not remembered' },
      );
      const view = await glossa.session.openExtensionPage('notes.html#entity=LOC%3AKP');
      try {
        const page = () =>
          view.evaluate(() => ({
            heading: document.querySelector('h1')?.textContent ?? '',
            articles: [...document.querySelectorAll('.entity-articles a')].map(
              (a) => (a as HTMLAnchorElement).href,
            ),
            chart: document.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '',
            weeks: document.querySelectorAll('.entity-chart tbody tr').length,
            russia: document.querySelector('a[href="#entity=LOC%3ARU"]') !== null,
          }));
        const shown = await pollUntil(
          async () => {
            const p = await page();
            return p.articles.length === 2 ? p : undefined;
          },
          {
            timeoutMs: 15_000,
            describe: async () => `the page shows ${JSON.stringify(await page())}`,
          },
        );
        expect(shown.heading).not.toBe('');
        expect(shown.articles.sort()).toEqual(
          [`${fixtures.url}/demo/article.html`, `${fixtures.url}/memory/en-article.html`].sort(),
        );
        expect(shown.chart).toMatch(/^Mentions per week|^Упоминания по неделям/);
        expect(shown.weeks).toBeGreaterThan(0);
        expect(shown.russia).toBe(true);
        // A link to an entity seen with it opens that entity's page in place.
        await view.click('a[href="#entity=LOC%3ARU"]');
        // While the next page loads there is no heading at all, so wait for its own.
        const next = await pollUntil(
          async () => {
            const p = await page();
            return p.heading !== '' && p.heading !== shown.heading ? p : undefined;
          },
          {
            timeoutMs: 10_000,
            describe: async () => `the page shows ${JSON.stringify(await page())}`,
          },
        );
        expect(next.articles).toHaveLength(2);
        // The notes view's search finds them by the place's name in the other language.
        await view.goto(`${glossa.session.extensionOrigin}/notes.html`);
        await view.type('#notes-search', 'North Korea');
        await expect
          .poll(
            async () =>
              view.evaluate(
                () => document.querySelectorAll('.memory-results .entity-articles > li').length,
              ),
            { timeout: 10_000 },
          )
          .toBe(2);
        const errors = view.events().filter((e) => e.kind === 'error' || e.type === 'error');
        expect(errors).toEqual([]);
      } finally {
        await view.close();
      }
    });

    it('keeps nothing while "Remember what I read" is off in Options, and keeps again once it is on', async () => {
      await setRememberReading(glossa, false);
      const page = await visit(glossa, `${fixtures.url}${OTHER_ARTICLE}`);
      await sleep(REPORT_GRACE_MS);
      expect(await rememberedArticles(ext)).toEqual([]);
      // The switch back on, the same page again: kept. The switch, not the page, kept it out.
      await setRememberReading(glossa, true);
      await page.reload();
      await waitForGlossa(glossa.session, page);
      const kept = await waitForArticles(ext, 1);
      expect(kept.map((a) => a.url)).toEqual([`${fixtures.url}${OTHER_ARTICLE}`]);
      await page.close();
    });

    it('"Clear memory" in Options, once confirmed, forgets every article and keeps the notes', async () => {
      const ru = await visit(glossa, `${fixtures.url}${RU_ARTICLE}`);
      await selectText(ru, NOTED);
      const saved = await saveSelectionAsNote(glossa, ext, ru);
      expect(saved).toMatchObject({ ok: true });
      const en = await visit(glossa, `${fixtures.url}${EN_ARTICLE}`);
      await waitForArticles(ext, 2);
      const notesBefore = await readStore<Note>(ext, 'notes');
      expect(notesBefore.map((n) => n.quote)).toEqual([NOTED]);

      const options = await glossa.session.openExtensionPage('options.html');
      try {
        const countText = () =>
          options.evaluate(() => document.querySelector('.memory-count')?.textContent ?? '');
        await pollUntil(async () => /\b2 articles remembered/.test(await countText()), {
          timeoutMs: 10_000,
          describe: async () => `Options showed "${await countText()}", not 2 articles`,
        });
        await clickByName(options, { selector: 'button', name: 'Clear memory' });
        // The first click only asks; nothing is forgotten yet.
        expect(await rememberedArticles(ext)).toHaveLength(2);
        await clickByName(options, { selector: 'button', name: 'Forget them' });
        await waitForArticles(ext, 0);
        await pollUntil(async () => /\b0 articles remembered/.test(await countText()), {
          timeoutMs: 10_000,
          describe: async () => `Options showed "${await countText()}" after clearing`,
        });
      } finally {
        await options.close();
      }
      expect(await readStore<Note>(ext, 'notes')).toEqual(notesBefore);
      await ru.close();
      await en.close();
    });
  });
}

describe('the reading memory in a chromium private window', () => {
  const fixtures = serveFixtures();
  // Allowed in incognito, as a reader may: the content script then runs in the private window,
  // and the background's refusal (reason 'private') is what keeps the article out.
  const glossa = openGlossa(launchChromium, {
    headless: true,
    offline: true,
    chromiumAllowIncognito: true,
  });

  it('paints an article in an incognito window and keeps nothing of it', async () => {
    const ext = await glossa.session.openExtensionPage('popup.html?tab=-1');
    await glossa.messenger.setStorage({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
    await clearStore(ext, 'articles');
    await clearStore(ext, 'entityCounts');
    const url = `${fixtures.url}${RU_ARTICLE}`;
    const { page, tabIncognito, windowIncognito } = await openPrivatePage(glossa.session, url);
    // A real incognito window of this browser and profile (not a second profile or a driver's
    // separate context): the extension's tabs API, which the background reads, says so.
    expect({ tabIncognito, windowIncognito }).toEqual({
      tabIncognito: true,
      windowIncognito: true,
    });
    const painted = await waitForGlossa(glossa.session, page);
    expect(paintedCount(painted)).toBeGreaterThan(0);
    expect((await glossa.messenger.state(page)).status).toBe('ready');
    await sleep(REPORT_GRACE_MS);
    expect(await rememberedArticles(ext)).toEqual([]);
    await page.close();

    // The same article in an ordinary window is kept: the window, not the page, kept it out.
    const normal = await glossa.session.newPage(url);
    await waitForGlossa(glossa.session, normal);
    const kept = await waitForArticles(ext, 1);
    expect(kept.map((a) => a.url)).toEqual([url]);
    expect(paintedCount(await readHighlights(normal))).toBeGreaterThan(0);
    await normal.close();
    await ext.close();
  });
});

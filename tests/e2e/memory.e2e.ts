/**
 * The reading memory in Chromium and Firefox ESR: an annotated article is remembered under its
 * address with its people, places and registered treaties, one entity across Russian and English
 * (КНДР and North Korea are one place); with "Remember what I read" off nothing is kept. Read
 * from the extension's own IndexedDB; then shown on the entity's page (notes.html#entity=KEY) and
 * found by the notes view's search.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RememberedArticle } from '../../lib/memory/model';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';
import { pollUntil, sleep } from './harness/common';
import { paintedCount, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

/** Every remembered article, read in an extension page. */
function rememberedArticles(ext: E2EPage): Promise<RememberedArticle[]> {
  return ext.evaluate(
    () =>
      new Promise<RememberedArticle[]>((resolve, reject) => {
        const open = indexedDB.open('glossa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articles')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('articles').objectStore('articles').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as RememberedArticle[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

function clearArticles(ext: E2EPage): Promise<void> {
  return ext.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('glossa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articles')) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction('articles', 'readwrite');
          tx.objectStore('articles').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

for (const [browserName, launch] of LAUNCHERS) {
  describe(`the reading memory in ${browserName}`, () => {
    const fixtures = serveFixtures();
    const glossa = openGlossa(launch);
    let ext: E2EPage;

    beforeEach(async () => {
      ext ??= await glossa.session.openExtensionPage('popup.html?tab=-1');
      await glossa.messenger.setStorage({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
      await clearArticles(ext);
    });

    it('remembers a Russian and an English article about the same people and places, as one entity each', async () => {
      const ru = await glossa.session.newPage(`${fixtures.url}/demo/article.html`);
      await waitForGlossa(glossa.session, ru);
      const en = await glossa.session.newPage(`${fixtures.url}/memory/en-article.html`);
      await waitForGlossa(glossa.session, en);
      const articles = await pollUntil(
        async () => {
          const all = await rememberedArticles(ext);
          return all.length >= 2 ? all : undefined;
        },
        { timeoutMs: 20_000, describe: async () => 'two articles were not remembered' },
      );
      const byPath = (path: string) => articles.find((a) => a.url.endsWith(path));
      const ruArticle = byPath('/demo/article.html');
      const enArticle = byPath('/memory/en-article.html');
      expect(ruArticle?.lang).toMatch(/^ru/);
      expect(enArticle?.title).toBe('Moscow and Pyongyang put their defence treaty into force');
      // КНДР and North Korea, Россия and Russia: one key each, in both articles.
      for (const key of ['LOC:KP', 'LOC:RU']) {
        expect(ruArticle?.keys, `${key} in the Russian article`).toContain(key);
        expect(enArticle?.keys, `${key} in the English article`).toContain(key);
      }
      const putin = (a?: RememberedArticle) => a?.keys.find((k) => /^PER:.*putin$/.test(k));
      expect(putin(ruArticle)).toBeDefined();
      expect(putin(ruArticle)).toBe(putin(enArticle));
      console.log(
        `[memory] ${browserName}: ru ${ruArticle?.keys.length} entities, en ${enArticle?.keys.length}; shared: ${ruArticle?.keys.filter((k) => enArticle?.keys.includes(k)).join(', ')}`,
      );
      await ru.close();
      await en.close();
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
        await expect.poll(async () => (await page()).heading).not.toBe(shown.heading);
        expect((await page()).articles).toHaveLength(2);
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

    it('keeps nothing when "Remember what I read" is off', async () => {
      await glossa.messenger.setStorage({
        [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, rememberReading: false },
      });
      const page = await glossa.session.newPage(`${fixtures.url}/memory/en-article.html`);
      const painted = await waitForGlossa(glossa.session, page);
      expect(paintedCount(painted)).toBeGreaterThan(0); // painted as usual
      await sleep(1500); // the report goes out as soon as painting settles
      expect(await rememberedArticles(ext)).toEqual([]);
      // The same page, memory back on: kept. The switch, not the page, kept it out.
      await glossa.messenger.setStorage({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
      await page.reload();
      await waitForGlossa(glossa.session, page);
      const kept = await pollUntil(
        async () => {
          const all = await rememberedArticles(ext);
          return all.length > 0 ? all : undefined;
        },
        { timeoutMs: 20_000, describe: async () => 'the article was not remembered once on' },
      );
      expect(kept.map((a) => a.url)).toEqual([`${fixtures.url}/memory/en-article.html`]);
      await page.close();
    });
  });
}

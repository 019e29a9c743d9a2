/**
 * The options page in Chromium and Firefox ESR, as a reader uses it, with the demo article open in
 * another tab: a watch-list term appears on the page as its own category in the form the article
 * uses; a new colour repaints the page's marks; "only article pages" off lets a non-article page
 * be annotated; every change is saved in extension storage (and mirrored to sync storage).
 */
import { describe, expect, it } from 'vitest';
import { SITE_OVERRIDES_KEY } from '../../lib/page/site';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { pollUntil } from './harness/common';
import { clickByName, readHighlights, textsOf, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { setField } from './harness/pages';
import { openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

const server = serveFixtures();

/**
 * The background colour the browser gives the first painted person (the ::highlight style it
 * computes for that text), and how many stylesheets Glossa added to the page for it.
 */
function personStyle(page: E2EPage): Promise<{ background: string; addedSheets: number }> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('glossa-PER') as unknown as Iterable<AbstractRange>;
    const [range] = [...highlight];
    const el = range?.startContainer.parentElement;
    return {
      background: el ? getComputedStyle(el, '::highlight(glossa-PER)').backgroundColor : '',
      addedSheets:
        document.adoptedStyleSheets.length + document.querySelectorAll('style[data-glossa]').length,
    };
  });
}

for (const [browserName, launch] of LAUNCHERS) {
  describe(`options in ${browserName}`, () => {
    const glossa = openGlossa(launch);

    const reset = () =>
      glossa.messenger.setStorage({
        [SETTINGS_KEY]: DEFAULT_SETTINGS,
        [SITE_OVERRIDES_KEY]: { annotateAnyway: [] },
      });

    it('a watch-list term and a new colour reach the open article at once', async () => {
      const article = await glossa.session.newPage(`${server.url}/demo/article.html`);
      const options = await glossa.session.openExtensionPage('options.html');
      try {
        await waitForGlossa(glossa.session, article);
        expect(textsOf(await readHighlights(article), 'WATCH')).toEqual([]);

        // The reader adds "Генштаб"; the article says "начальник Генштаба ВС РФ".
        await setField(options, 'textarea', 'Генштаб\nсотрудничество');
        await clickByName(options, { selector: 'button', name: 'Save watch list' });
        const watched = await pollUntil(
          async () => {
            const texts = textsOf(await readHighlights(article), 'WATCH');
            return texts.includes('Генштаба') ? texts : undefined;
          },
          { timeoutMs: 10_000, describe: () => 'the watch-list term never appeared on the page' },
        );
        // Every inflected form of the second term, and nothing else.
        expect(new Set(watched)).toEqual(
          new Set(['Генштаба', 'Сотрудничество', 'сотрудничество', 'сотрудничества']),
        );
        const saved = (await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings;
        expect(saved.watchList).toEqual(['Генштаб', 'сотрудничество']);
        expect(saved.savedAt).toBeGreaterThan(0);
        // The background mirrors settings to the browser's sync storage (notes never go there).
        const synced = await pollUntil(
          async () => {
            const value = (await options.evaluate(async (key) => {
              const g = globalThis as unknown as {
                browser?: {
                  storage: { sync: { get(k: string): Promise<Record<string, unknown>> } };
                };
                chrome?: {
                  storage: { sync: { get(k: string): Promise<Record<string, unknown>> } };
                };
              };
              return (await (g.browser ?? g.chrome)?.storage.sync.get(key))?.[key];
            }, SETTINGS_KEY)) as Settings | undefined;
            return value?.watchList?.length === 2 ? value : undefined;
          },
          { timeoutMs: 10_000, describe: () => 'settings never reached storage.sync' },
        );
        expect(synced.savedAt).toBe(saved.savedAt);

        // The default colour comes from the manifest stylesheet: nothing added to the page.
        expect(await personStyle(article)).toEqual({
          background: 'rgba(86, 180, 233, 0.3)',
          addedSheets: 0,
        });
        // People in a deep blue: the page's highlight style changes, without a reload.
        await setField(options, '#color-PER', '#1f4e79');
        await pollUntil(
          async () =>
            (await personStyle(article)).background === 'rgba(31, 78, 121, 0.3)' ? true : undefined,
          {
            timeoutMs: 10_000,
            describe: () => 'the new colour never reached the page',
          },
        );
        expect((await personStyle(article)).addedSheets).toBe(1);
        expect(textsOf(await readHighlights(article), 'PER').length).toBeGreaterThan(0);
      } finally {
        await reset();
        await options.close();
        await article.close();
      }
    });

    it('"only article pages" off annotates a page that is not an article', async () => {
      const page = await glossa.session.newPage(
        `${server.url}/pages/search-results.html?q=putin+kim+treaty`,
      );
      const options = await glossa.session.openExtensionPage('options.html');
      try {
        await pollUntil(
          async () => ((await glossa.messenger.state(page)).skip === 'not-article' ? 1 : undefined),
          {
            timeoutMs: 15_000,
            describe: async () =>
              `the search page was not judged a non-article: ${JSON.stringify(await glossa.messenger.state(page))}`,
          },
        );
        await clickByName(options, {
          selector: 'input[type=checkbox]',
          name: /Annotate only article pages/,
        });
        const painted = await waitForGlossa(glossa.session, page, { timeoutMs: 15_000 });
        expect(Object.values(painted).flat().length).toBeGreaterThan(0);
        expect(((await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings).articlesOnly).toBe(
          false,
        );
      } finally {
        await reset();
        await options.close();
        await page.close();
      }
    });
  });
}

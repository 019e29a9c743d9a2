/**
 * The options page in Chromium and Firefox ESR, as a reader uses it, with the demo article open in
 * another tab: a watch-list term appears on the page as its own category in the form the article
 * uses; a new colour repaints the page's marks; "only article pages" off lets a non-article page
 * be annotated; a watch list kept to trusted sites stays off other sites' CSS.highlights until the
 * site is trusted; every change is saved in extension storage (and mirrored to sync storage).
 */
import { describe, expect, it } from 'vitest';
import { SITE_OVERRIDES_KEY } from '../../lib/page/site';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { readSynced, type SyncAreaLike } from '../../lib/settings-sync';
import { pollUntil } from './harness/common';
import { clickByName, readHighlights, textsOf, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { setField } from './harness/pages';
import { openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

const server = serveFixtures();

/** What the browser's storage.sync held, to read with Glossa's own reader. */
function memorySyncArea(items: Record<string, unknown>): SyncAreaLike {
  return {
    async get(keys) {
      const wanted = keys === null ? Object.keys(items) : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => k in items).map((k) => [k, items[k]]));
    },
    async set() {
      throw new Error('read only');
    },
  };
}

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
        // The background mirrors settings to the browser's sync storage, in pieces under its item
        // quota (notes never go there).
        const synced = await pollUntil(
          async () => {
            const items = (await options.evaluate(async () => {
              const g = globalThis as unknown as {
                browser?: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
                chrome?: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
              };
              return (await (g.browser ?? g.chrome)?.storage.sync.get(null)) ?? {};
            })) as Record<string, unknown>;
            const value = (await readSynced(memorySyncArea(items))).settings;
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

    it('a watch list kept to trusted sites is not in CSS.highlights elsewhere, and is once the site is trusted', async () => {
      await glossa.messenger.setStorage({
        [SETTINGS_KEY]: {
          ...DEFAULT_SETTINGS,
          watchList: ['Генштаб'],
          trustedOnly: { ...DEFAULT_SETTINGS.trustedOnly, WATCH: true },
        },
      });
      const article = await glossa.session.newPage(`${server.url}/demo/article.html`);
      const options = await glossa.session.openExtensionPage('options.html');
      try {
        const painted = await waitForGlossa(glossa.session, article);
        // The other categories are painted; the watch list is not registered at all.
        expect(textsOf(painted, 'PER').length).toBeGreaterThan(0);
        expect(await article.evaluate(() => CSS.highlights.has('glossa-WATCH'))).toBe(false);
        expect(
          Object.values(await readHighlights(article))
            .flat()
            .map((r) => r.text),
        ).not.toContain('Генштаба');
        // The reader trusts the site on the options page: the term appears without a reload.
        const host = new URL(server.url).hostname;
        await setField(options, '#trusted-site-input', host);
        await clickByName(options, { selector: 'button', name: 'Add trusted site' });
        await pollUntil(
          async () =>
            textsOf(await readHighlights(article), 'WATCH').includes('Генштаба') ? true : undefined,
          {
            timeoutMs: 10_000,
            describe: () => 'the watch-list term never appeared on the trusted site',
          },
        );
        expect(
          ((await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings).trustedSites,
        ).toEqual([host]);
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

/**
 * Per-site control in Chromium and Firefox ESR: the popup turns Glossa off for a site (the page is
 * cleared at once, and stays clear after a reload) and back on; settings changed in storage
 * (options page, another tab) apply live; pages that are not articles (search results, a web
 * mail client) are left alone until the reader asks to annotate the site anyway, which is
 * remembered too.
 */
import { describe, expect, it } from 'vitest';
import { SITE_OVERRIDES_KEY } from '../../lib/page/site';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings';
import { pollUntil } from './harness/common';
import {
  clickByName,
  openPopup,
  paintedCount,
  readHighlights,
  textsOf,
  waitForGlossa,
  waitForNoHighlights,
} from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa, serveFixtures } from './harness/suite';

const HOST = '127.0.0.1';

const server = serveFixtures();

for (const [browserName, launch] of LAUNCHERS) {
  describe(`per-site control in ${browserName}`, () => {
    const glossa = openGlossa(launch);

    /** Leave the profile as installed for the next test, whatever happened. */
    async function resetStorage() {
      await glossa.messenger.setStorage({
        [SETTINGS_KEY]: DEFAULT_SETTINGS,
        [SITE_OVERRIDES_KEY]: { annotateAnyway: [] },
      });
    }

    it('the popup turns Glossa off for the site, remembered across reloads, and on again', async () => {
      const page = await glossa.session.newPage(`${server.url}/demo/article.html`);
      try {
        const painted = paintedCount(await waitForGlossa(glossa.session, page));
        let { popup } = await openPopup(glossa.session, page);
        await clickByName(popup, {
          selector: 'input[type=checkbox]',
          name: new RegExp(`Glossa on ${HOST}`),
        });
        await waitForNoHighlights(page);
        const stored = (await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings;
        expect(stored.disabledSites).toEqual([HOST]);
        await popup.close();

        await page.reload();
        const state = await glossa.messenger.settled(page, 15_000);
        expect(state).toMatchObject({
          status: 'skipped',
          skip: 'site-off',
          enabled: false,
          site: { enabled: false },
        });
        expect(paintedCount(await readHighlights(page))).toBe(0);

        ({ popup } = await openPopup(glossa.session, page));
        await clickByName(popup, {
          selector: 'input[type=checkbox]',
          name: new RegExp(`Glossa on ${HOST}`),
        });
        const again = await waitForGlossa(glossa.session, page, { minRanges: painted });
        expect(paintedCount(again)).toBe(painted); // without a reload
        expect(
          ((await glossa.messenger.getStorage(SETTINGS_KEY)) as Settings).disabledSites,
        ).toEqual([]);
        await popup.close();
      } finally {
        await resetStorage();
        await page.close();
      }
    });

    it('settings changed elsewhere apply live: categories, the master switch, the site list', async () => {
      const page = await glossa.session.newPage(`${server.url}/demo/article.html`);
      try {
        const all = await waitForGlossa(glossa.session, page);
        expect(textsOf(all, 'PER').length).toBeGreaterThan(0);
        const set = (s: Partial<Settings>) =>
          glossa.messenger.setStorage({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...s } });

        await set({ types: { PER: false, LOC: true, TREATY: true, WATCH: true } });
        await pollUntil(async () => textsOf(await readHighlights(page), 'PER').length === 0, {
          timeoutMs: 3000,
          describe: () => 'people still painted after PER was switched off',
        });
        expect(textsOf(await readHighlights(page), 'LOC').length).toBe(textsOf(all, 'LOC').length);

        await set({ enabled: false });
        await waitForNoHighlights(page, 3000);
        await set({ disabledSites: [HOST] });
        await waitForNoHighlights(page, 3000);
        await set({});
        const back = await waitForGlossa(glossa.session, page, {
          minRanges: paintedCount(all),
          timeoutMs: 5000,
        });
        expect(paintedCount(back)).toBe(paintedCount(all));
      } finally {
        await resetStorage();
        await page.close();
      }
    });

    for (const [label, path] of [
      ['search results', 'pages/search-results.html?q=putin+kim+treaty'],
      ['a web mail client', 'pages/webmail.html'],
    ] as const) {
      it(`${label}: not annotated, until the reader asks to annotate the site anyway (remembered)`, async () => {
        const page = await glossa.session.newPage(`${server.url}/${path}`);
        try {
          const state = await glossa.messenger.settled(page, 15_000);
          expect(state).toMatchObject({
            status: 'skipped',
            skip: 'not-article',
            site: { article: false },
          });
          expect(paintedCount(await readHighlights(page))).toBe(0);

          const { popup } = await openPopup(glossa.session, page);
          await clickByName(popup, {
            selector: 'input[type=checkbox]',
            name: /even where pages do not look like articles/,
          });
          await waitForGlossa(glossa.session, page, { timeoutMs: 5000 });
          await popup.close();
          expect(await glossa.messenger.getStorage(SITE_OVERRIDES_KEY)).toEqual({
            annotateAnyway: [HOST],
          });

          await page.reload();
          await waitForGlossa(glossa.session, page, { timeoutMs: 5000 });
          expect((await glossa.messenger.state(page)).site).toMatchObject({ annotateAnyway: true });

          // Back to deciding per page.
          const tabId = await glossa.messenger.tabIdOf(page);
          await glossa.messenger.send(tabId, {
            type: 'glossa:set-annotate-anyway',
            enabled: false,
          });
          await page.reload();
          const after = await glossa.messenger.settled(page, 15_000);
          expect(after.skip).toBe('not-article');
          expect(paintedCount(await readHighlights(page))).toBe(0);
        } finally {
          await resetStorage();
          await page.close();
        }
      });
    }
  });
}

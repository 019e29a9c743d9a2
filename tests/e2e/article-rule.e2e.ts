/**
 * The article rule in Chromium and Firefox ESR: a page that declares itself a news article
 * (og:type=article, JSON-LD NewsArticle) and that Reader View's test accepts is annotated, even on
 * an older layout whose share bars, poll, gallery and comment buttons outnumber its prose by the
 * measure of the web-app rule (tests/fixtures/pages/old-news-layout.html). The marks stay in the
 * article: none in the comment thread, the forms or the page chrome around it.
 */
import { describe, expect, it } from 'vitest';
import { readHighlights, textsOf, waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa, serveFixtures } from './harness/suite';

const server = serveFixtures();

for (const [browserName, launch] of LAUNCHERS) {
  describe(`article rule in ${browserName}`, () => {
    const glossa = openGlossa(launch);

    it('marks people, places and treaty terms of a declared article on a crowded older news layout', async () => {
      const page = await glossa.session.newPage(`${server.url}/pages/old-news-layout.html`);
      try {
        const painted = await waitForGlossa(glossa.session, page);
        const state = await glossa.messenger.settled(page);
        expect(state).toMatchObject({ status: 'ready', site: { article: true } });
        expect(state.skip).toBeUndefined();

        expect(textsOf(painted, 'PER')).toEqual(
          expect.arrayContaining(['Ararat Mirzoyan', 'Jeyhun Bayramov', 'Nikol Pashinyan']),
        );
        expect(textsOf(painted, 'LOC')).toEqual(
          expect.arrayContaining(['Yerevan', 'Baku', 'Nagorno-Karabakh']),
        );
        expect(textsOf(painted, 'TREATY')).toEqual(
          expect.arrayContaining(['peace treaty', 'ratification']),
        );

        // Every mark is inside the article body (the comments name Moscow and Tehran too).
        const outside = await page.evaluate(() => {
          const body = document.querySelector('[itemprop=articleBody]');
          const stray: string[] = [];
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith('glossa-')) continue;
            for (const range of highlight) {
              if (!body?.contains(range.startContainer))
                stray.push(`${name} in .${range.startContainer.parentElement?.className}`);
            }
          }
          return stray;
        });
        expect(outside).toEqual([]);
        expect(
          Object.values(await readHighlights(page))
            .flat()
            .filter((r) => r.inChrome),
        ).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
}

/**
 * The hover card's line from the reading memory, in Chromium and Firefox ESR: after the reader
 * read an English article about North Korea, the card over «КНДР» on a Russian article says
 * "Also in 1 article you read" with that article's title; the page's own scripts find none of it;
 * the card stays while the reader's pointer moves onto its button, and goes when it leaves.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';
import { pollUntil, sleep } from './harness/common';
import { waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { paintedRangeCentre, readCards, waitForCard } from './harness/pages';
import { openGlossa, serveFixtures } from './harness/suite';
import type { E2EPage } from './harness/types';

const EN_TITLE = 'Moscow and Pyongyang put their defence treaty into force';

/** How many articles the reading memory keeps, read in an extension page. */
function articleCount(ext: E2EPage): Promise<number> {
  return ext.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('glossa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articles')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('articles').objectStore('articles').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

for (const [browserName, launch] of LAUNCHERS) {
  describe(`the card's reading-memory line in ${browserName}`, () => {
    const fixtures = serveFixtures();
    const glossa = openGlossa(launch);

    it('tells the reader where else they met КНДР; the page reads none of it', async () => {
      const ext = await glossa.session.openExtensionPage('popup.html?tab=-1');
      await glossa.messenger.setStorage({ [SETTINGS_KEY]: DEFAULT_SETTINGS });
      expect(await articleCount(ext)).toBe(0); // a fresh profile

      const en = await glossa.session.newPage(`${fixtures.url}/memory/en-article.html`);
      await waitForGlossa(glossa.session, en);
      await pollUntil(async () => ((await articleCount(ext)) >= 1 ? true : undefined), {
        timeoutMs: 20_000,
        describe: async () => 'the English article was not remembered',
      });
      await en.close();

      const ru = await glossa.session.newPage(`${fixtures.url}/demo/article.html`);
      try {
        await waitForGlossa(glossa.session, ru);
        await ru.bringToFront();
        const mark = await paintedRangeCentre(ru, 'glossa-LOC', 'КНДР');
        await ru.mouseMove(mark.x, mark.y);
        // The page being read is remembered too, but is not "another article you read".
        const card = await waitForCard(ru, (c) => c.text.includes('Also in 1 article you read'));
        expect(card.text).toContain(EN_TITLE);
        expect(card.text).toContain('Open in your reading memory');

        // Everything the page's own scripts can read of the document and Glossa's host.
        const readable = await ru.evaluate(() => {
          const html = document.documentElement;
          const hosts = [...html.children].filter(
            (el) => el !== document.head && el !== document.body,
          );
          return [
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a page can also read
            html.innerText,
            html.textContent ?? '',
            ...hosts.map((h) => `${h.outerHTML} ${String(h.shadowRoot)}`),
          ].join('\n');
        });
        expect(readable).not.toContain('Also in');
        expect(readable).not.toContain(EN_TITLE);

        // The reader moves onto the card's button: the card stays.
        const button = await ru.evaluateWithTopShadowRoots((roots) => {
          for (const root of roots) {
            const b = root.querySelector('button');
            if (!b) continue;
            const box = b.getBoundingClientRect();
            if (box.width > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          return null;
        });
        expect(button).not.toBeNull();
        if (!button) return;
        await ru.mouseMove((mark.x + button.x) / 2, (mark.y + button.y) / 2);
        await ru.mouseMove(button.x, button.y);
        await sleep(1000); // well past the grace for the crossing
        expect((await readCards(ru)).some((c) => c.visible && c.text.includes('Also in'))).toBe(
          true,
        );
        // Off the card: it goes.
        await ru.mouseMove(5, 5);
        await expect
          .poll(async () => (await readCards(ru)).some((c) => c.visible), { timeout: 5_000 })
          .toBe(false);
      } finally {
        await ru.close();
        await ext.close();
      }
    });
  });
}

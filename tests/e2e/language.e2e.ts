/**
 * Glossa speaks the browser's language: with the browser's UI in Russian, the popup, the notes
 * view and the hover card use public/_locales/ru/messages.json, chosen by the browser's own
 * i18n (nothing in Glossa picks the language).
 *
 * - Chromium: `--lang=ru` (and LANGUAGE=ru). This Chromium ships only the en-US UI pack, so its
 *   own menus stay English, but extensions get their messages in the language asked for (with
 *   `--lang=ru` alone, getUILanguage() even says en-US while getMessage answers in Russian).
 * - Firefox ESR: `intl.locale.requested` = ru only counts when a Russian language pack is
 *   installed (Debian's firefox-esr ships en-US alone; a langpack is firefox-esr-l10n-ru). The test
 *   installs an empty one of its own (a language pack add-on that only declares "ru", for this
 *   Firefox version; unsigned, so `extensions.langpacks.signatures.required` is off), before
 *   Glossa, so Firefox's app locale becomes ru.
 */
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { BROWSER_BINARIES, pollUntil } from './harness/common';
import { launchFirefox } from './harness/firefox';
import { type Messenger, openMessenger, waitForGlossa } from './harness/glossa';
import { paintedRangeCentre, waitForCard } from './harness/pages';
import { serveFixtures } from './harness/suite';
import type { BrowserName, BrowserSession, E2EPage, LaunchOptions } from './harness/types';

/** A Firefox language pack that declares Russian and carries nothing: enough for the app locale. */
async function emptyRussianLangpack(dir: string): Promise<string> {
  const binary = await realpath(BROWSER_BINARIES.firefox.path);
  const ini = await readFile(path.join(path.dirname(binary), 'application.ini'), 'utf8');
  const version = /^Version=(\S+)/m.exec(ini)?.[1];
  if (!version) throw new Error(`No Version= in ${path.dirname(binary)}/application.ini`);
  const major = version.split('.')[0];
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'Russian language pack (Glossa e2e, empty)',
      version: `${major}.0.1`,
      langpack_id: 'ru',
      browser_specific_settings: {
        gecko: {
          id: 'langpack-ru-e2e@glossa.local',
          strict_min_version: `${major}.0`,
          strict_max_version: `${major}.*`,
        },
      },
      languages: { ru: { chrome_resources: {}, version: '20250101000000' } },
      sources: { browser: { base_path: 'browser/' } },
    }),
  );
  return dir;
}

interface Russian {
  name: BrowserName;
  launch: (o: LaunchOptions) => Promise<BrowserSession>;
  options: (scratch: string) => Promise<LaunchOptions>;
}

const BROWSERS: Russian[] = [
  {
    name: 'chromium',
    launch: launchChromium,
    options: async () => ({ chromiumArgs: ['--lang=ru'], env: { LANGUAGE: 'ru' } }),
  },
  {
    name: 'firefox',
    launch: launchFirefox,
    options: async (scratch) => ({
      firefoxPrefs: {
        'intl.locale.requested': 'ru',
        'intl.accept_languages': 'ru, en',
        'extensions.langpacks.signatures.required': false,
      },
      firefoxAddonsFirst: [await emptyRussianLangpack(scratch)],
    }),
  },
];

const server = serveFixtures();

interface PopupText {
  lang: string;
  title: string;
  locale: string;
  headings: string[];
  switchLabel: string;
  buttons: string[];
}

function readPopup(popup: E2EPage): Promise<PopupText> {
  return popup.evaluate(() => {
    type I18n = { i18n: { getMessage(key: string): string } };
    const g = globalThis as unknown as { browser?: I18n; chrome?: I18n };
    return {
      lang: document.documentElement.lang,
      title: document.title,
      locale: (g.browser ?? g.chrome)?.i18n.getMessage('locale') ?? '',
      headings: [...document.querySelectorAll('h2, h3')].map((h) =>
        (h.firstChild?.textContent ?? '').trim(),
      ),
      switchLabel: document.querySelector('label.switch')?.textContent?.trim() ?? '',
      buttons: [...document.querySelectorAll('button')].map((b) => b.textContent?.trim() ?? ''),
    };
  });
}

for (const { name, launch, options } of BROWSERS) {
  describe(`Russian UI in ${name}`, () => {
    let session: BrowserSession;
    let messenger: Messenger;
    let scratch: string;

    beforeAll(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-ru-'));
      session = await launch({ headless: true, offline: true, ...(await options(scratch)) });
      messenger = await openMessenger(session);
    });

    afterAll(async () => {
      await messenger?.close().catch(() => {});
      await session?.close();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    });

    it('shows the popup, the notes view and the hover card in Russian', async () => {
      const article = await session.newPage(`${server.url}/demo/article.html`);
      let popup: E2EPage | undefined;
      let notes: E2EPage | undefined;
      try {
        await waitForGlossa(session, article);
        const tabId = await messenger.tabIdOf(article);
        popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
        const shown = await pollUntil(
          async () => {
            const text = await readPopup(popup as E2EPage);
            return text.headings.includes('Люди') ? text : undefined;
          },
          {
            timeoutMs: 10_000,
            describe: async () => `popup: ${JSON.stringify(await readPopup(popup as E2EPage))}`,
          },
        );
        console.log(
          `[language] ${name} popup: locale ${shown.locale}, <html lang=${shown.lang}>, headings ${shown.headings.join(' | ')}; switch "${shown.switchLabel}"`,
        );
        expect(shown.locale).toBe('ru');
        expect(shown.lang).toBe('ru');
        expect(shown.title).toBe('Glossa');
        expect(shown.headings).toEqual(
          expect.arrayContaining([
            'На этой странице',
            'Люди',
            'Места',
            'Договорные термины',
            'Новая заметка',
            'Заметки на этой странице',
            'Все заметки',
          ]),
        );
        expect(shown.switchLabel).toBe('Подсветка включена');
        expect(shown.buttons).toEqual(
          expect.arrayContaining(['Сохранить заметку к странице', 'Экспорт в JSON', 'Настройки']),
        );
        expect(shown.headings.join(' ')).not.toMatch(/On this page|People|New note/);

        notes = await session.openExtensionPage('notes.html');
        const heading = await pollUntil(
          () => (notes as E2EPage).evaluate(() => document.querySelector('h1')?.textContent),
          { timeoutMs: 10_000, describe: () => 'the notes view never rendered' },
        );
        expect(heading).toBe('Заметки Glossa');
        expect(await notes.evaluate(() => document.title)).toBe('Заметки Glossa');

        // The content script asks the same API: the hover card is Russian too.
        await article.bringToFront();
        const mark = await paintedRangeCentre(article, 'glossa-PER', 'Путин');
        await article.mouseMove(mark.x, mark.y);
        const card = await waitForCard(article, (c) => c.text.includes('Владимир Путин'));
        expect(card.text).toContain('Человек');
        expect(card.text).toMatch(/\d+ упоминани(е|я|й) на этой странице/);
      } finally {
        await notes?.close();
        await popup?.close();
        await article.close();
      }
    });
  });
}

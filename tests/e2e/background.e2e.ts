/**
 * The background's recognition in Chromium and Firefox ESR, as other senders reach it: a request
 * over the size bound is answered with an error before any work, and a burst of full-size requests
 * from one tab does not keep another tab waiting for all of it. The requests come from extension
 * pages opened as tabs: the background sees each as one more tab sending 'glossa:recognize'.
 * In Chromium, a service worker stopped as Chrome stops an idle one leaves the recognizer to the
 * offscreen host, which keeps its tables; a host that is gone is started again for the next page.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_RECOGNIZE_CHARS,
  type RecognizeResult,
  type RecognizerStatus,
} from '../../lib/messages/types';
import { launchChromium } from './harness/chromium';
import { pollUntil } from './harness/common';

import { waitForGlossa } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa, serveFixtures } from './harness/suite';
import type { BrowserSession, E2EPage } from './harness/types';

/** Send each text as 'glossa:recognize' from the extension page, all at once; the answers. */
function recognizeAll(ext: E2EPage, texts: string[]): Promise<Array<RecognizeResult | string>> {
  return ext.evaluate(async (texts) => {
    type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
    const runtime = (g.browser ?? g.chrome) as Runtime;
    return Promise.all(
      texts.map((text) =>
        runtime.runtime.sendMessage({ type: 'glossa:recognize', text, lang: 'en' }).then(
          (answer) => answer as RecognizeResult,
          (error: unknown) => `no answer: ${(error as Error).message}`,
        ),
      ),
    );
  }, texts);
}

const SENTENCE = 'Putin met Kim in Pyongyang. ';
const fullSize = () => SENTENCE.repeat(Math.floor(MAX_RECOGNIZE_CHARS / SENTENCE.length));

for (const [browserName, launch] of LAUNCHERS) {
  describe(`background recognition in ${browserName}`, () => {
    const glossa = openGlossa(launch);
    /** Two extension pages, two tabs to the background. */
    let one: E2EPage;
    let two: E2EPage;

    beforeAll(async () => {
      one = await glossa.session.openExtensionPage('popup.html?tab=-1');
      two = await glossa.session.openExtensionPage('popup.html?tab=-1');
    });
    afterAll(async () => {
      await one?.close().catch(() => {});
      await two?.close().catch(() => {});
    });

    it("answers a request over the size bound with an error; another tab's request is recognized", async () => {
      const [oversized] = await recognizeAll(one, ['a'.repeat(MAX_RECOGNIZE_CHARS + 1)]);
      expect(oversized).toEqual({
        ok: false,
        error: `a recognition request may carry at most ${MAX_RECOGNIZE_CHARS} characters; this one has ${MAX_RECOGNIZE_CHARS + 1}`,
      });
      const [fine] = await recognizeAll(two, [SENTENCE]);
      const names = typeof fine === 'object' && fine.ok ? fine.mentions.map((m) => m.text) : fine;
      expect(names).toEqual(['Putin', 'Kim', 'Pyongyang']);
    });

    it('a burst of full-size requests from one tab does not make another tab wait for all of it', async () => {
      const burst = 8;
      // Tab one sends its burst and returns at once; each answer is counted where tab two can
      // read it (localStorage is shared by the extension's pages).
      await one.evaluate(
        ({ texts }) => {
          type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as {
            browser?: Runtime;
            chrome?: Runtime;
            burst?: unknown;
          };
          const runtime = (g.browser ?? g.chrome) as Runtime;
          localStorage.setItem('answered', '0');
          g.burst = Promise.all(
            texts.map((text) =>
              runtime.runtime
                .sendMessage({ type: 'glossa:recognize', text, lang: 'en' })
                .then((answer) => {
                  localStorage.setItem(
                    'answered',
                    String(Number(localStorage.getItem('answered')) + 1),
                  );
                  return answer;
                }),
            ),
          );
        },
        { texts: Array.from({ length: burst }, fullSize) },
      );
      const other = await two.evaluate(async (text) => {
        type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
        const answer = (await (g.browser ?? g.chrome)?.runtime.sendMessage({
          type: 'glossa:recognize',
          text,
          lang: 'en',
        })) as RecognizeResult;
        return { answer, answeredBefore: Number(localStorage.getItem('answered')) };
      }, SENTENCE);
      const answers = await one.evaluate(
        () => (globalThis as unknown as { burst: Promise<RecognizeResult[]> }).burst,
      );
      console.log(
        `[background] ${browserName}: tab two answered after ${other.answeredBefore} of tab one's ${burst} full-size requests`,
      );
      expect(other.answer).toMatchObject({ ok: true });
      expect(other.answeredBefore).toBeLessThan(burst);
      const perRequest = 3 * Math.floor(MAX_RECOGNIZE_CHARS / SENTENCE.length);
      expect(answers.map((a) => (a.ok ? a.mentions.length : a.error))).toEqual(
        Array.from({ length: burst }, () => perRequest),
      );
    });
  });
}

/** Ask from an extension page (sendMessage reaches the recognizer host wherever it runs). */
async function fromExtensionPage<T>(
  session: BrowserSession,
  message: { type: string },
): Promise<T | undefined> {
  const ext = await session.openExtensionPage('notes.html');
  try {
    return (await ext.evaluate(async (m) => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
      return (g.browser ?? g.chrome)?.runtime.sendMessage(m).catch(() => undefined);
    }, message)) as T | undefined;
  } finally {
    await ext.close();
  }
}

/** The recognizer's status once its tables are built. */
async function readyStatus(session: BrowserSession): Promise<RecognizerStatus> {
  let status: RecognizerStatus | undefined;
  await pollUntil(
    async () => {
      status = await fromExtensionPage<RecognizerStatus>(session, {
        type: 'glossa:recognizer-status',
      });
      return status?.ready ? true : undefined;
    },
    { timeoutMs: 20_000, describe: () => `recognizer not ready: ${JSON.stringify(status)}` },
  );
  return status as RecognizerStatus;
}

/** The Chromium harness's browser context (CDP and service workers live there). */
const contextOf = (session: BrowserSession) =>
  (session as unknown as { context: BrowserContext }).context;

/**
 * Stop the extension's service worker as Chrome does after ~30 s idle (CDP
 * ServiceWorker.stopAllWorkers, as bench:page does), and wait until the browser reports it stopped.
 */
async function stopServiceWorker(session: BrowserSession): Promise<void> {
  const context = contextOf(session);
  const e2ePage = await session.newPage();
  try {
    const page = (e2ePage as unknown as { page: Page }).page;
    const cdp = await context.newCDPSession(page);
    let seen = 'no version reported';
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
        seen = ours.map((v) => v.runningStatus).join(', ');
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    let finished = false;
    void stopped.then(() => {
      finished = true;
    });
    await pollUntil(async () => (finished ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => `the service worker did not stop (${seen})`,
    });
    await cdp.detach();
  } finally {
    await e2ePage.close();
  }
}

describe('a stopped Chromium service worker (as after 30 s idle) and the offscreen recognizer host', () => {
  const fixtures = serveFixtures();
  const glossa = openGlossa(launchChromium);
  const article = (query: string) => `${fixtures.url}/demo/article.html?${query}`;

  async function paint(url: string): Promise<number> {
    const page = await glossa.session.newPage(url);
    try {
      const painted = await waitForGlossa(glossa.session, page);
      return Object.values(painted).reduce((n, ranges) => n + ranges.length, 0);
    } finally {
      await page.close();
    }
  }

  it('the next page is painted by the host, which kept its tables: not read or built again', async () => {
    const before = await readyStatus(glossa.session);
    expect(before).toMatchObject({ ready: true, host: 'offscreen' });
    const warmMarks = await paint(article('warm'));
    expect(warmMarks).toBeGreaterThan(0);

    await stopServiceWorker(glossa.session);
    expect(await paint(article('cold'))).toBe(warmMarks);

    const after = await readyStatus(glossa.session);
    // The same host, started once: same start time, same load and build figures.
    expect(after.startedAt).toBe(before.startedAt);
    expect(after.loadMs).toBe(before.loadMs);
    expect(after.warmMs).toBe(before.warmMs);
  });

  it('a host that is gone (as before the first page after browser start) is started again, and the page painted', async () => {
    const before = await readyStatus(glossa.session);
    const ext = await glossa.session.openExtensionPage('notes.html');
    try {
      await ext.evaluate(async () => {
        const g = globalThis as unknown as {
          chrome: { offscreen: { closeDocument(): Promise<void> } };
        };
        await g.chrome.offscreen.closeDocument();
      });
    } finally {
      await ext.close();
    }
    await stopServiceWorker(glossa.session);
    // The page's first request finds no host; the page asks the waking service worker to start
    // one, then asks again.
    expect(await paint(article('no-host'))).toBeGreaterThan(0);
    const after = await readyStatus(glossa.session);
    expect(after.host).toBe('offscreen');
    expect(after.startedAt).toBeGreaterThan(before.startedAt ?? Number.POSITIVE_INFINITY);
  });
});

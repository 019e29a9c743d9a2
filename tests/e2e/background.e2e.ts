/**
 * The background's recognition in Chromium and Firefox ESR, as other senders reach it: a request
 * over the size bound is answered with an error before any work, and a burst of full-size requests
 * from one tab does not keep another tab waiting for all of it. The requests come from extension
 * pages opened as tabs: the background sees each as one more tab sending 'glossa:recognize'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECOGNIZE_CHARS, type RecognizeResult } from '../../lib/messages/types';
import { LAUNCHERS } from './harness/launchers';
import { openGlossa } from './harness/suite';
import type { E2EPage } from './harness/types';

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

/**
 * The A/B of scripts/bench-recognize-ab.ts in headless Chromium (its `--chromium`): each version
 * as one classic script (data inside), fresh browser contexts taking turns between the two
 * versions (the order reversed every other round). In each context: `warm` passes over the text,
 * then `passes` timed ones. V8 in Chromium is newer than Node's and does not rank two versions
 * the same way, so a change for the extension is judged here too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { appendAll } from '../lib/arrays';
import { CHROMIUM_FLAGS } from '../tests/e2e/harness/chromium';
import { requireBrowser } from '../tests/e2e/harness/common';
import { startServer } from './serve';

export interface ChromiumAbOptions {
  /** Contexts per version. */
  contexts: number;
  warm: number;
  passes: number;
}

/** Per version (in the order of `scripts`), the timed passes' milliseconds over `text`. */
export async function chromiumPasses(
  dir: string,
  scripts: readonly string[],
  text: string,
  lang: string,
  options: ChromiumAbOptions,
): Promise<number[][]> {
  const pages = scripts.map((script, k) => {
    const page = `ab-${k}.html`;
    writeFileSync(
      join(dir, page),
      `<!doctype html><meta charset="utf-8"><script src="${script.split('/').pop()}"></script>`,
    );
    return page;
  });
  const server = await startServer(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? requireBrowser('chromium'),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const times: number[][] = scripts.map(() => []);
  try {
    for (let round = 0; round < options.contexts; round++) {
      for (let j = 0; j < pages.length; j++) {
        const k = round % 2 ? pages.length - 1 - j : j;
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${server.url}/${pages[k]}`);
          const out = await page.evaluate(
            ({ text, lang, warm, passes }) => {
              const g = (
                window as unknown as {
                  GlossaRecognizer: {
                    createRecognizer(): { recognize(t: string, o: { lang: string }): unknown };
                  };
                }
              ).GlossaRecognizer;
              const rec = g.createRecognizer();
              for (let i = 0; i < warm; i++) rec.recognize(text, { lang });
              const ms: number[] = [];
              for (let i = 0; i < passes; i++) {
                const t0 = performance.now();
                rec.recognize(text, { lang });
                ms.push(performance.now() - t0);
              }
              return ms;
            },
            { text, lang, warm: options.warm, passes: options.passes },
          );
          appendAll(times[k] as number[], out);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

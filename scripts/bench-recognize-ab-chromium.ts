/**
 * The A/B of scripts/bench-recognize-ab.ts in headless Chromium (its `--chromium`): each version
 * as one classic script (data inside), fresh browser contexts taking turns between the two
 * versions (the order reversed every other round). In each context: `warm` passes over the text,
 * then `passes` timed ones. V8 in Chromium is newer than Node's and does not rank two versions
 * the same way, so a change for the extension is judged here too.
 *
 * With `samePage`, both versions load into one page and their timed passes alternate there, as
 * the Node A/B alternates them in one process: the two then share one heap, its collections and
 * the compiler's threads, which separate contexts do not (docs/recognition.md compares the two).
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAll } from '../lib/arrays';
import { inChromium, scriptPage } from './bench-recognize-browser';
import { startServer } from './serve';
import { turnOrder } from './taking-turns';

export interface ChromiumAbOptions {
  /** Contexts per version. */
  contexts: number;
  warm: number;
  passes: number;
  /** Both versions in one page, passes alternated (one page per round). */
  samePage?: boolean;
}

interface PassArgs {
  text: string;
  lang: string;
  warm: number;
  passes: number;
}

/** What one version's classic script puts on `window` (as `GlossaRecognizer`). */
interface RecognizerScript {
  createRecognizer(): { recognize(t: string, o: { lang: string }): unknown };
}

/** Runs inside the page: the warm-up passes, then the timed ones (ms each). */
function timedPasses({ text, lang, warm, passes }: PassArgs): number[] {
  const rec = (
    window as unknown as { GlossaRecognizer: RecognizerScript }
  ).GlossaRecognizer.createRecognizer();
  for (let i = 0; i < warm; i++) rec.recognize(text, { lang });
  const ms: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    rec.recognize(text, { lang });
    ms.push(performance.now() - t0);
  }
  return ms;
}

/**
 * Runs inside a page with both versions (`window.V0`, `window.V1`): the warm-up passes of each,
 * then `passes` timed ones of each, taking turns (the order reversed every other pass: turnOrder's
 * order, written out because a function run in the page cannot import).
 */
function alternatedPasses({ text, lang, warm, passes }: PassArgs): number[][] {
  const w = window as unknown as { V0: RecognizerScript; V1: RecognizerScript };
  const recs = [w.V0.createRecognizer(), w.V1.createRecognizer()];
  for (let i = 0; i < warm; i++) for (const rec of recs) rec.recognize(text, { lang });
  const ms: number[][] = [[], []];
  for (let i = 0; i < passes; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      (recs[k] as (typeof recs)[number]).recognize(text, { lang });
      (ms[k] as number[]).push(performance.now() - t0);
    }
  }
  return ms;
}

/** A page in `dir` loading the two scripts as `window.V0` and `window.V1`; its file name. */
function bothVersionsPage(dir: string, scripts: readonly string[]): string {
  const tags = scripts.map((script, k) => {
    copyFileSync(script, join(dir, `ab-${k}.js`));
    return `<script src="ab-${k}.js"></script>\n<script>window.V${k} = window.GlossaRecognizer;</script>`;
  });
  writeFileSync(
    join(dir, 'ab-both.html'),
    `<!doctype html><meta charset="utf-8">\n${tags.join('\n')}`,
  );
  return 'ab-both.html';
}

/** Per version (in the order of `scripts`), the timed passes' milliseconds over `text`. */
export async function chromiumPasses(
  dir: string,
  scripts: readonly string[],
  text: string,
  lang: string,
  options: ChromiumAbOptions,
): Promise<number[][]> {
  if (options.samePage && scripts.length !== 2)
    throw new Error('a same-page A/B takes two versions');
  const pages = options.samePage
    ? [bothVersionsPage(dir, scripts)]
    : scripts.map((script, k) => scriptPage(dir, `ab-${k}`, script));
  const server = await startServer(dir);
  const times: number[][] = scripts.map(() => []);
  const args: PassArgs = { text, lang, warm: options.warm, passes: options.passes };
  try {
    await inChromium(async (open) => {
      for (let round = 0; round < options.contexts; round++) {
        if (options.samePage) {
          const both = await open(`${server.url}/${pages[0]}`, alternatedPasses, args);
          for (const [k, ms] of both.entries()) appendAll(times[k] as number[], ms);
          continue;
        }
        for (const k of turnOrder(round, pages.length)) {
          appendAll(
            times[k] as number[],
            await open(`${server.url}/${pages[k]}`, timedPasses, args),
          );
        }
      }
    });
  } finally {
    await server.close();
  }
  return times;
}

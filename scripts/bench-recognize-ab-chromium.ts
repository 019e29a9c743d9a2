/**
 * The A/B of scripts/bench-recognize-ab.ts in headless Chromium (its `--chromium`): each version
 * as one classic script (data inside), fresh browser contexts taking turns between the two
 * versions (the order reversed every other round). In each context: `warm` passes over the text,
 * then `passes` timed ones. V8 in Chromium is newer than Node's and does not rank two versions
 * the same way, so a change for the extension is judged here too.
 */
import { appendAll } from '../lib/arrays';
import { inChromium, scriptPage } from './bench-recognize-browser';
import { startServer } from './serve';
import { turnOrder } from './taking-turns';

export interface ChromiumAbOptions {
  /** Contexts per version. */
  contexts: number;
  warm: number;
  passes: number;
}

interface PassArgs {
  text: string;
  lang: string;
  warm: number;
  passes: number;
}

/** Runs inside the page: the warm-up passes, then the timed ones (ms each). */
function timedPasses({ text, lang, warm, passes }: PassArgs): number[] {
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
}

/** Per version (in the order of `scripts`), the timed passes' milliseconds over `text`. */
export async function chromiumPasses(
  dir: string,
  scripts: readonly string[],
  text: string,
  lang: string,
  options: ChromiumAbOptions,
): Promise<number[][]> {
  const pages = scripts.map((script, k) => scriptPage(dir, `ab-${k}`, script));
  const server = await startServer(dir);
  const times: number[][] = scripts.map(() => []);
  const args: PassArgs = { text, lang, warm: options.warm, passes: options.passes };
  try {
    await inChromium(async (open) => {
      for (let round = 0; round < options.contexts; round++) {
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

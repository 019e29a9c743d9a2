/**
 * The shipped recognizer in the two browsers the extension installs in (`npm run bench:recognize
 * -- --browser`): headless Chromium (playwright-core) and Firefox ESR (puppeteer-core over
 * WebDriver BiDi), each loading a page from a loopback server that runs the shipped code as a
 * classic script and fetches recognizer/lexicon.json and recognizer/model.bin, as the extension's
 * host does in its worker or background page. Then the Node bench's protocol over the same
 * texts: the cold start (script + data + the first two calls), two warm-up rounds of both texts,
 * the median of 7 passes per language. A fresh browser context per run. With a baseline (issue 3's
 * code as one classic script, its data compiled in, as its extension loaded it), its contexts take
 * turns with ours.
 */

import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { medianOf } from '../lib/arrays';
import { CHROMIUM_FLAGS } from '../tests/e2e/harness/chromium';
import { requireBrowser } from '../tests/e2e/harness/common';
import { startServer } from './serve';
import { turnOrder } from './taking-turns';

export interface BrowserResult {
  /** Script tag: read, parse, compile and run the top level of the shipped code. */
  scriptMs: number;
  /** Both data files fetched and installed (JSON parse of the lexicon, the weights as bytes). */
  dataMs: number;
  /** The first two calls (the Node probe's two sentences): tables built, caches cold. */
  firstCallsMs: number;
  /** Cold start as in Node: script + data + first two calls. */
  coldStartMs: number;
  /** Throughput inside the page, as in Node: after two warm-up rounds, median of 7 passes. */
  mbPerSecond: { en: number; ru: number };
  runs: number;
  /** The baseline in the same browser, run for run: its cold start and throughput. */
  baseline?: Omit<BrowserResult, 'baseline' | 'runs'>;
}

/** The files the page needs: the shipped code built as a classic script, and the data files. */
export interface BrowserBundle {
  /**
   * IIFE exposing `GlossaRecognizer.createRecognizer`, `.loadRecognizerData` and the host's
   * `.packageFileReader`.
   */
  script: string;
  /** The package's data files at their paths (recognizer/lexicon.json, recognizer/model.bin). */
  packageDir: string;
  /** The baseline: a classic script exposing `GlossaRecognizer.createRecognizer`, data inside. */
  baselineScript?: string;
}

interface PageArgs {
  en: string;
  ru: string;
  cold: { en: string; ru: string };
}

interface PageRun {
  script: number;
  data: number;
  first: number;
  enMs: number;
  ruMs: number;
}

/**
 * Runs inside the page. No named inner functions: the bundler that runs this script would add
 * helpers for their names that the page does not have.
 */
async function pageRun({ en, ru, cold }: PageArgs): Promise<PageRun> {
  type Rec = { recognize(text: string, o: { lang: string }): unknown };
  const w = window as unknown as {
    t0: number;
    t1: number;
    GlossaRecognizer: {
      createRecognizer(): Rec;
      /** Absent from a script with its data inside (the baseline). */
      loadRecognizerData?(read: (file: string) => Promise<unknown>): Promise<void>;
      packageFileReader?(
        getURL: (path: string) => string,
        fetchFile: (url: string) => Promise<Response>,
      ): (file: string) => Promise<unknown>;
    };
  };
  const a = performance.now();
  // As the host reads them: the package paths, served from the page's own origin.
  const g = w.GlossaRecognizer;
  if (g.loadRecognizerData && g.packageFileReader) {
    await g.loadRecognizerData(
      g.packageFileReader(
        (path) => path,
        (url) => fetch(url),
      ),
    );
  }
  const b = performance.now();
  const rec = w.GlossaRecognizer.createRecognizer();
  rec.recognize(cold.ru, { lang: 'ru' });
  rec.recognize(cold.en, { lang: 'en' });
  const first = performance.now() - b;
  for (let k = 0; k < 2; k++) {
    rec.recognize(en, { lang: 'en' });
    rec.recognize(ru, { lang: 'ru' });
  }
  const medians: number[] = [];
  for (const [text, lang] of [
    [en, 'en'],
    [ru, 'ru'],
  ] as const) {
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      const s = performance.now();
      rec.recognize(text, { lang });
      times.push(performance.now() - s);
    }
    medians.push(times.sort((x, y) => x - y)[3] as number);
  }
  return {
    script: w.t1 - w.t0,
    data: b - a,
    first,
    enMs: medians[0] as number,
    ruMs: medians[1] as number,
  };
}

/** One fresh browser context: open the page, run `run(args)` in it, close. */
export type OpenPage = <A, R>(url: string, run: (args: A) => R | Promise<R>, args: A) => Promise<R>;

/** Headless Chromium for `runs`, each `open` in a fresh context. */
export async function inChromium(runs: (open: OpenPage) => Promise<void>): Promise<void> {
  const pw = await import('playwright-core');
  const browser = await pw.chromium.launch({
    executablePath: process.env.CHROMIUM ?? requireBrowser('chromium'),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    await runs(async (url, run, args) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        // Playwright types the argument as it arrives in the page (unboxed): the same plain data.
        return (await page.evaluate(run as (arg: unknown) => unknown, args)) as Awaited<
          ReturnType<typeof run>
        >;
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
  }
}

async function inFirefox(runs: (open: OpenPage) => Promise<void>): Promise<void> {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? requireBrowser('firefox'),
    headless: true,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // The script runs for seconds on purpose.
      'dom.max_script_run_time': 0,
    },
  });
  try {
    await runs(async (url, run, args) => {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        return (await page.evaluate(run as (arg: unknown) => unknown, args)) as Awaited<
          ReturnType<typeof run>
        >;
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
  }
}

const ENGINES = { Chromium: inChromium, 'Firefox ESR': inFirefox } as const;

/**
 * A page in `dir` that loads `script` (copied beside it as `file`.js) as a classic script, with
 * `window.t0` and `window.t1` taken before and after it; its file name.
 */
export function scriptPage(dir: string, file: string, script: string): string {
  copyFileSync(script, join(dir, `${file}.js`));
  writeFileSync(
    join(dir, `${file}.html`),
    `<!doctype html><meta charset="utf-8"><script>window.t0 = performance.now();</script>
<script src="${file}.js"></script>
<script>window.t1 = performance.now();</script>`,
  );
  return `${file}.html`;
}

/**
 * Fresh contexts per version and browser. Five, not three: on this machine one context's
 * throughput moves by a quarter from the next one's, and the median of three moved the ratio
 * across 1 between runs of the same code (docs/recognition.md).
 */
const BROWSER_RUNS = 5;

/**
 * The figures per browser (BROWSER_RUNS fresh contexts each); a browser that cannot be started is
 * left out with one line on stderr.
 */
export async function browserCost(
  dir: string,
  bundle: BrowserBundle,
  texts: { en: string; ru: string },
  cold: { en: string; ru: string },
): Promise<Record<string, BrowserResult>> {
  cpSync(bundle.packageDir, dir, { recursive: true });
  const pages = [scriptPage(dir, 'recognizer', bundle.script)];
  if (bundle.baselineScript) pages.push(scriptPage(dir, 'baseline', bundle.baselineScript));
  const server = await startServer(dir);
  const out: Record<string, BrowserResult> = {};
  const speed = (chars: number, ms: number) => chars / 1e6 / (ms / 1000);
  const figures = (rows: PageRun[]) => {
    const m = (f: (r: PageRun) => number) => medianOf(rows.map(f));
    return {
      scriptMs: m((r) => r.script),
      dataMs: m((r) => r.data),
      firstCallsMs: m((r) => r.first),
      coldStartMs: m((r) => r.script + r.data + r.first),
      mbPerSecond: {
        en: m((r) => speed(texts.en.length, r.enMs)),
        ru: m((r) => speed(texts.ru.length, r.ruMs)),
      },
      runs: rows.length,
    };
  };
  try {
    for (const [name, engine] of Object.entries(ENGINES)) {
      const rows: PageRun[][] = pages.map(() => []);
      try {
        await engine(async (open) => {
          for (let run = 0; run < BROWSER_RUNS; run++) {
            // Ours and the baseline take turns, the order reversed every other run.
            for (const k of turnOrder(run, pages.length)) {
              rows[k]?.push(await open(`${server.url}/${pages[k]}`, pageRun, { ...texts, cold }));
            }
          }
        });
      } catch (err) {
        console.error(`${name} left out: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      const ours = figures(rows[0] as PageRun[]);
      const base = rows[1] ? figures(rows[1]) : undefined;
      out[name] = {
        ...ours,
        ...(base && { baseline: base }),
      };
    }
  } finally {
    await server.close();
  }
  return out;
}

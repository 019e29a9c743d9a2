/**
 * `npm run bench:memory`: the reading memory at 5,000 remembered articles with 40 entities each
 * (scripts/bench-memory-data.ts, seeded), measured twice with the same code
 * (scripts/bench-memory-core.ts):
 *
 * 1. in Node, with fake-indexeddb and Preact in jsdom, as the notes benchmarks measure the notes
 *    view (both far slower than a browser: upper bounds);
 * 2. in Chromium (/usr/bin/chromium, headless, a fresh profile on disk), over its own IndexedDB and
 *    DOM, bundled with esbuild; left out with --browser no or when Chromium is not installed.
 *
 * Medians and 90th percentiles of: recording one article (rememberArticle, which runs in the
 * background's service worker, off the page's main thread); the card's lookup (recallEntity) for a
 * frequent, a middling and a rare entity; the entity page's data (loadEntityPage) and the page
 * rendered (components/EntityPage, from render() to the entity's name in the DOM); a search of
 * the memory by entities and dates; storage per article (the record as JSON; as structured clone
 * in Node; the origin's storage growth by navigator.storage.estimate in Chromium). Each beside a
 * baseline in the same process: a plain put, a plain get by address, the page of an entity
 * nothing is remembered about.
 *
 *   npx tsx scripts/bench-memory.ts [--articles 5000] [--entities 40] [--runs 30] [--node yes|no] [--browser yes|no] [--json]
 *
 * The results are also written to test-results/bench-memory.json.
 */
import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { openNotesDb } from '../lib/notes/db';
import { CHROMIUM_FLAGS } from '../tests/e2e/harness/chromium';
import { requireBrowser } from '../tests/e2e/harness/common';
import type { BenchResult } from './bench-memory-core';
import { installJsdomGlobals } from './jsdom-globals';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '5000' },
    entities: { type: 'string', default: '40' },
    runs: { type: 'string', default: '30' },
    node: { type: 'string', default: 'yes' },
    browser: { type: 'string', default: 'yes' },
    json: { type: 'boolean', default: false },
  },
});
const OPTIONS = {
  articles: Number(values.articles),
  entities: Number(values.entities),
  runs: Math.max(20, Number(values.runs)),
};
const OUT = 'test-results/bench-memory.json';

async function inNode(): Promise<BenchResult> {
  const jsdomWindow = installJsdomGlobals([
    'window',
    'document',
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'MutationObserver',
  ]);
  // Imported after the globals exist.
  const { runMemoryBench } = await import('./bench-memory-core');
  const db = openNotesDb(`glossa-bench-memory-${Date.now()}`);
  try {
    return await runMemoryBench(
      {
        where: `Node ${process.version}, fake-indexeddb, Preact in jsdom`,
        db,
        doc: jsdomWindow.document,
        cloneSize: (record) => serialize(record).length,
      },
      OPTIONS,
    );
  } finally {
    db.close();
    jsdomWindow.close();
  }
}

async function inChromium(): Promise<BenchResult> {
  const bundle = await build({
    entryPoints: [path.resolve('scripts/bench-memory-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const profile = await mkdtemp(path.join(tmpdir(), 'glossa-bench-memory-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    // localhost: a secure context (navigator.storage), answered by the route, no server.
    const origin = 'http://localhost:8123';
    await context.route(`${origin}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/bench.js') {
        return route.fulfill({ contentType: 'text/javascript', body: script });
      }
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><body><script src="/bench.js"></script></body></html>',
      });
    });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    page.setDefaultTimeout(0);
    return await page.evaluate((options) => window.glossaMemoryBench(options), OPTIONS);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    glossaMemoryBench: (options: typeof OPTIONS) => Promise<BenchResult>;
  }
}

async function main(): Promise<void> {
  const { formatResult } = await import('./bench-memory-core');
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  const results: Array<BenchResult & { load: string }> = [];
  const show = (result: BenchResult, loadBefore: string) => {
    const withLoad = { ...result, load: `${loadBefore} → ${load()}` };
    results.push(withLoad);
    if (!values.json) {
      console.log(
        `\n${formatResult(
          result,
          `Glossa reading memory: ${result.articles} articles × ${result.entities} entities, ${result.where}, ${result.runs} runs each; load average (1, 5, 15 min) ${withLoad.load}`,
        )}`,
      );
    }
  };
  let before = load();
  if (values.node !== 'no') show(await inNode(), before);
  let browser = values.browser !== 'no';
  if (browser) {
    try {
      requireBrowser('chromium');
    } catch (error) {
      console.log(`\n(Chromium left out: ${(error as Error).message.split('\n')[0]})`);
      browser = false;
    }
  }
  if (browser) {
    before = load();
    show(await inChromium(), before);
  }
  await mkdir(path.dirname(OUT), { recursive: true });
  const json = JSON.stringify({ command: process.argv.slice(1).join(' '), results }, null, 2);
  await writeFile(OUT, `${json}\n`);
  if (values.json) console.log(json);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

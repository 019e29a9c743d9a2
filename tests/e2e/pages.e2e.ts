/**
 * Glossa on every saved real page of ../shared/pages (index.json) in Chromium and Firefox ESR.
 * Per page: Glossa throws nothing (the site's own script errors are recorded, not blamed), paints
 * inside the article and nothing in navigation, footers, forms or scripts, and shifts no block
 * element (boxes compared with Glossa off and on). Pages Glossa judges not to be articles must
 * show no marks and report 'skipped'. A summary table goes to test-results/pages-summary.md/.json.
 *
 * "Inside the article" is judged independently: Mozilla Readability (the Firefox Reader View
 * extractor) is run on the same HTML in Node, and a mark counts as inside when the text around it
 * occurs in Readability's article text (or title). Readability and Glossa disagree on some page
 * furniture (a photo caption, a byline), so that share is asserted in aggregate and reported per
 * page; the chrome check is strict per page.
 *
 * Speed: one browser session per browser, offline (requests off 127.0.0.1 fail at once), one
 * extension page kept open for messages.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, startServer } from '../../scripts/serve';
import { pollUntil, sleep } from './harness/common';
import { HIGHLIGHT_PREFIX, type Messenger, openMessenger } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { sharedData } from './harness/shared';
import type { BrowserSession, E2EPage, PageEvent } from './harness/types';

const PAGES = sharedData('real-page suite', 'pages', 'GLOSSA_PAGES_DIR', 'index.json');
const PAGES_DIR = PAGES.dir;
const SUMMARY_MD = 'test-results/pages-summary.md';
const SUMMARY_JSON = 'test-results/pages-summary.json';
const READABILITY_CACHE = 'test-results/.readability-cache.json';

interface IndexEntry {
  name: string;
  file: string;
  bytes: number;
  lang: string | null;
  title: string;
}

interface PaintedMark {
  type: string;
  text: string;
  /** Inside nav, footer, form, script… (what Glossa must never paint). */
  chrome: string | null;
  /** The mark's text with some of its paragraph around it. */
  context: string;
}

export interface PageRow {
  page: string;
  lang: string | null;
  bytes: number;
  status: string;
  skip: string | null;
  words: number;
  marks: Record<'PER' | 'LOC' | 'TREATY', number>;
  /** Content-script start → first marks / whole article painted (ms). */
  firstPaintMs: number | null;
  paintMs: number | null;
  longestSliceMs: number | null;
  /** The recognizer's first call (its one-time table build), and Glossa's longest own step. */
  recognizerFirstCallMs: number | null;
  longestOwnStepMs: number | null;
  loadMs: number;
  /** Share of marks whose context occurs in Readability's article text. */
  inArticle: number | null;
  chromeMarks: number;
  boxes: number;
  /** Block elements whose box moved by more than 1 px because of Glossa. */
  shifted: number;
  /** Block elements moved by a multi-column container re-balancing after a reflow (Firefox). */
  rebalanced: number;
  /** Block elements the page moved by itself between two measurements (not blamed). */
  pageMoved: number;
  siteErrors: number;
  glossaErrors: string[];
}

const results: Record<string, PageRow[]> = {};

function readIndex(): IndexEntry[] {
  if (!PAGES.present) return []; // the suite is skipped (one line printed says why)
  // Read synchronously at collection time: one test per page.
  return JSON.parse(readFileSync(path.join(PAGES_DIR, 'index.json'), 'utf8')) as IndexEntry[];
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** jsdom ships no types (and @types/jsdom is not a dependency): the two names used here. */
interface Jsdom {
  JSDOM: new (
    html: string,
    options: { url: string; virtualConsole: unknown },
  ) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => unknown;
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as Jsdom;

/** Readability's article text of a saved page, computed once (cached across runs by size). */
let readabilityCache: Record<string, { bytes: number; text: string }> | null = null;
async function articleText(entry: IndexEntry): Promise<string> {
  if (!readabilityCache) {
    try {
      readabilityCache = JSON.parse(await readFile(READABILITY_CACHE, 'utf8'));
    } catch {
      readabilityCache = {};
    }
  }
  const cache = readabilityCache as Record<string, { bytes: number; text: string }>;
  const hit = cache[entry.name];
  if (hit && hit.bytes === entry.bytes) return hit.text;
  // jsdom's CSS parser trips over some real stylesheets; styles do not matter to Readability.
  const html = (await readFile(path.join(PAGES_DIR, entry.file), 'utf8')).replace(
    /<style[\s\S]*?<\/style>/gi,
    '',
  );
  const dom = new JSDOM(html, {
    url: 'http://127.0.0.1/page.html',
    virtualConsole: new VirtualConsole(),
  });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  const text = normalize(`${article?.title ?? ''} ${article?.textContent ?? ''}`);
  cache[entry.name] = { bytes: entry.bytes, text };
  await mkdir(path.dirname(READABILITY_CACHE), { recursive: true });
  await writeFile(READABILITY_CACHE, JSON.stringify(cache));
  return text;
}

/** Every glossa-* range with where it sits (page world). */
function readMarks(page: E2EPage): Promise<PaintedMark[]> {
  return page.evaluate((prefix) => {
    const CHROME =
      'nav, footer, form, script, style, noscript, template, aside, textarea, input, select, ' +
      'button, code, pre, svg, [role=navigation], [role=contentinfo], [role=search], ' +
      '[role=complementary], [contenteditable]:not([contenteditable=false])';
    const BLOCK =
      'p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, figcaption, caption, div, section, article, main, body';
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const out: Array<{ type: string; text: string; chrome: string | null; context: string }> = [];
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix) || name === `${prefix}NOTE`) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const common = range.commonAncestorContainer;
        const el = common.nodeType === 1 ? (common as Element) : common.parentElement;
        if (!el) continue;
        let chrome: string | null = el.closest(CHROME)?.localName ?? null;
        const header = el.closest('header');
        if (
          !chrome &&
          header &&
          !header.parentElement?.closest('article, section, main, [role=main]')
        ) {
          chrome = 'header';
        }
        const text = range.toString();
        const block = squash(el.closest(BLOCK)?.textContent ?? '');
        const at = block.indexOf(squash(text));
        const context =
          at >= 0 ? block.slice(Math.max(0, at - 30), at + squash(text).length + 30) : squash(text);
        out.push({ type: name.slice(prefix.length), text, chrome, context });
      }
    }
    return out;
  }, HIGHLIGHT_PREFIX);
}

/** Boxes of the page's block elements in document coordinates, by a stable per-element id. */
function readBoxes(page: E2EPage): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __glossaBoxIds?: WeakMap<Element, number>;
      __glossaBoxEls?: Element[];
    };
    w.__glossaBoxIds ??= new WeakMap();
    w.__glossaBoxEls ??= [];
    const ids = w.__glossaBoxIds;
    const byId = w.__glossaBoxEls;
    const out: Record<string, number[]> = {};
    const els = document.querySelectorAll(
      'p, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, blockquote, figure, figcaption, table, tr, article, section, main, aside, nav, header, footer, div, img, pre',
    );
    const limit = Math.min(els.length, 4000);
    for (let i = 0; i < limit; i++) {
      const el = els[i] as Element;
      let id = ids.get(el);
      if (id === undefined) {
        id = byId.length;
        byId.push(el);
        ids.set(el, id);
      }
      const b = el.getBoundingClientRect();
      out[id] = [b.left + scrollX, b.top + scrollY, b.width, b.height];
    }
    return out;
  });
}

/** Of the given box ids, those inside a multi-column container (page world). */
function inMultiColumn(page: E2EPage, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return page.evaluate((ids) => {
    const w = window as unknown as { __glossaBoxEls?: Element[] };
    return ids.filter((id) => {
      for (let el = w.__glossaBoxEls?.[Number(id)]?.parentElement; el; el = el.parentElement) {
        const cs = getComputedStyle(el);
        if (cs.columnCount !== 'auto' || cs.columnWidth !== 'auto') return true;
      }
      return false;
    });
  }, ids);
}

function moved(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b) return false;
  return a.some((v, i) => Math.abs(v - (b[i] as number)) > 1);
}

function highlightCount(page: E2EPage): Promise<number> {
  return page.evaluate((prefix) => {
    let n = 0;
    if (typeof CSS === 'undefined' || !CSS.highlights) return 0;
    for (const [name, h] of CSS.highlights)
      if (name.startsWith(prefix) && !name.endsWith('NOTE')) n += h.size;
    return n;
  }, HIGHLIGHT_PREFIX);
}

/**
 * Errors that come from Glossa: our extension's URL in the stack or source location, or a
 * "[glossa]" log. (Saved pages may mention other extensions' URLs: those are the site's.)
 */
export function glossaEvents(events: readonly PageEvent[], extensionOrigin: string): PageEvent[] {
  return events.filter(
    (e) =>
      (e.kind === 'error' || e.type === 'error' || e.type === 'warning' || e.type === 'warn') &&
      (`${e.where}\n${e.kind === 'error' ? e.text : ''}`.includes(extensionOrigin) ||
        e.text.includes('[glossa]')),
  );
}

/**
 * Navigate and wait for the load event. Some saved pages make WebDriver BiDi reject the navigate
 * command ("Address rejected": their scripts rewrite the address as they load) although the page
 * loads fine: then wait for the page itself.
 */
async function open(page: E2EPage, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (error) {
    await pollUntil(
      () =>
        page
          .evaluate(() => ({ href: location.href, ready: document.readyState }))
          .then((s) => s.href.split('#')[0] === url && s.ready === 'complete'),
      { timeoutMs: 20_000, describe: () => `${url} did not load: ${(error as Error).message}` },
    );
  }
}

const index = readIndex();
let server: StaticServer;

beforeAll(async () => {
  if (PAGES.present) server = await startServer(PAGES_DIR);
});

afterAll(async () => {
  await server?.close();
  await writeSummary(results);
});

for (const [browserName, launch] of LAUNCHERS) {
  describe.skipIf(!PAGES.present)(`real pages in ${browserName}`, () => {
    let session: BrowserSession;
    let messenger: Messenger;
    const rows: PageRow[] = [];

    beforeAll(async () => {
      session = await launch({ headless: true, offline: true });
      messenger = await openMessenger(session);
      results[browserName] = rows;
    });

    afterAll(async () => {
      await messenger?.close().catch(() => {});
      await session?.close();
    });

    for (const entry of index) {
      it(`${entry.name}: no Glossa error, marks in the article only, no layout shift`, async () => {
        const reference = articleText(entry); // computed while the browser loads the page
        const page = await session.newPage();
        try {
          const started = Date.now();
          await open(page, `${server.url}/${entry.file}`);
          const loadMs = Date.now() - started;
          const state = await messenger.settled(page);
          const marks = await readMarks(page);
          const row: PageRow = {
            page: entry.name,
            lang: entry.lang,
            bytes: entry.bytes,
            status: state.status,
            skip: state.skip ?? null,
            words: state.timing?.words ?? 0,
            marks: { PER: 0, LOC: 0, TREATY: 0 },
            firstPaintMs: round(state.timing?.firstPaintMs),
            paintMs: round(state.paintMs),
            longestSliceMs: round(state.timing?.longestSliceMs),
            recognizerFirstCallMs: round(state.timing?.warmMs),
            longestOwnStepMs: round(
              Math.max(
                state.timing?.longestBatchMs ?? 0,
                state.timing?.longestReadMs ?? 0,
                state.timing?.longestPaintMs ?? 0,
                state.timing?.judgeMs ?? 0,
              ),
            ),
            loadMs,
            inArticle: null,
            chromeMarks: marks.filter((m) => m.chrome).length,
            boxes: 0,
            shifted: 0,
            rebalanced: 0,
            pageMoved: 0,
            siteErrors: 0,
            glossaErrors: [],
          };
          for (const m of marks) {
            if (m.type in row.marks) row.marks[m.type as keyof PageRow['marks']] += 1;
          }
          rows.push(row);

          if (state.status === 'skipped') {
            // Not annotated (not an article, or nothing to read): nothing may be painted.
            expect(marks, `${entry.name} is skipped (${state.skip}) but has marks`).toEqual([]);
          } else {
            expect(state.status).toBe('ready');
            const text = await reference;
            const inside = marks.filter(
              (m) => text.includes(normalize(m.context)) || text.includes(normalize(m.text)),
            );
            row.inArticle = marks.length ? inside.length / marks.length : null;

            // Layout: block boxes with Glossa on, off, and on again.
            const tabId = await messenger.tabIdOf(page);
            const on1 = await readBoxes(page);
            const set = (enabled: boolean) =>
              messenger.send(tabId, {
                type: 'glossa:set-enabled',
                enabled,
              });
            await set(false);
            expect(await highlightCount(page)).toBe(0);
            const off = await readBoxes(page);
            await set(true);
            await messenger.settled(page);
            const on2 = await readBoxes(page);
            row.boxes = Object.keys(off).length;
            const suspects: string[] = [];
            for (const id of Object.keys(off)) {
              const a = on1[id];
              const b = off[id];
              const c = on2[id];
              if (moved(a, c)) row.pageMoved += 1;
              else if (moved(a, b) && moved(c, b)) suspects.push(id);
            }
            // Firefox reflows lines under a changed highlight; a multi-column container may then
            // balance its columns differently (a 1 px padding change does the same on those
            // pages). Counted apart, not blamed: nothing of Glossa takes room.
            const inColumns = await inMultiColumn(page, suspects);
            row.rebalanced = inColumns.length;
            row.shifted = suspects.length - inColumns.length;
          }

          await sleep(50); // late console messages of this page
          const events = page.events();
          const ours = glossaEvents(events, session.extensionOrigin);
          row.glossaErrors = ours.map((e) => `${e.type}: ${e.text}`.slice(0, 300));
          row.siteErrors =
            events.filter((e) => e.kind === 'error').length -
            ours.filter((e) => e.kind === 'error').length;

          expect(ours, `errors from Glossa on ${entry.name}`).toEqual([]);
          expect(state.skip === 'error', `Glossa stepped back on ${entry.name}`).toBe(false);
          expect(
            marks.filter((m) => m.chrome).map((m) => `${m.text} in <${m.chrome}>`),
            `marks in page chrome on ${entry.name}`,
          ).toEqual([]);
          expect(row.shifted, `block elements shifted by Glossa on ${entry.name}`).toBe(0);
        } finally {
          await page.close();
        }
      }, 60_000);
    }

    it('paints mostly inside the article, and paints the articles it accepts', () => {
      const painted = rows.filter((r) => r.inArticle !== null);
      const shares = painted.map((r) => r.inArticle as number).sort((a, b) => a - b);
      const median = shares[Math.floor(shares.length / 2)] ?? 0;
      const weighted =
        painted.reduce((n, r) => n + (r.inArticle as number) * total(r), 0) /
        Math.max(
          1,
          painted.reduce((n, r) => n + total(r), 0),
        );
      console.log(
        `[pages] ${browserName}: ${rows.length} pages, ${painted.length} painted, ` +
          `${rows.filter((r) => r.status === 'skipped').length} skipped; marks inside the article: median ${(median * 100).toFixed(0)} %, overall ${(weighted * 100).toFixed(0)} %`,
      );
      expect(rows.length).toBe(index.length);
      expect(median).toBeGreaterThanOrEqual(0.9);
      expect(weighted).toBeGreaterThanOrEqual(0.8);
      // The article heuristic must not throw away the real articles of the corpus.
      expect(rows.filter((r) => r.skip === 'not-article').length).toBeLessThanOrEqual(3);
    });
  });
}

function total(r: PageRow): number {
  return r.marks.PER + r.marks.LOC + r.marks.TREATY;
}

function round(v: number | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null;
}

function median(values: number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

async function writeSummary(all: Record<string, PageRow[]>): Promise<void> {
  if (Object.keys(all).length === 0) return;
  const lines: string[] = [
    '# Glossa on real pages',
    '',
    `Pages: ${PAGES_DIR}/index.json. Generated ${new Date().toISOString()} by tests/e2e/pages.e2e.ts.`,
    'Times are from the content script start (ms); "in article" is the share of marks whose',
    "surrounding text occurs in Mozilla Readability's article text.",
    '',
  ];
  const headline: Record<string, unknown> = {};
  for (const [browser, rows] of Object.entries(all)) {
    const painted = rows.filter((r) => r.status === 'ready');
    const h = {
      pages: rows.length,
      annotated: painted.length,
      skipped: rows.length - painted.length,
      medianPaintMs: median(painted.map((r) => r.paintMs ?? Number.NaN)),
      maxPaintMs: Math.max(0, ...painted.map((r) => r.paintMs ?? 0)),
      medianFirstPaintMs: median(painted.map((r) => r.firstPaintMs ?? Number.NaN)),
      maxLongestSliceMs: Math.max(0, ...painted.map((r) => r.longestSliceMs ?? 0)),
      maxLongestOwnStepMs: Math.max(0, ...painted.map((r) => r.longestOwnStepMs ?? 0)),
      medianRecognizerFirstCallMs: median(
        painted.map((r) => r.recognizerFirstCallMs ?? Number.NaN),
      ),
      medianInArticle: median(painted.map((r) => r.inArticle ?? Number.NaN)),
      marks: painted.reduce((n, r) => n + total(r), 0),
      shifted: rows.reduce((n, r) => n + r.shifted, 0),
      rebalanced: rows.reduce((n, r) => n + r.rebalanced, 0),
      chromeMarks: rows.reduce((n, r) => n + r.chromeMarks, 0),
      glossaErrors: rows.reduce((n, r) => n + r.glossaErrors.length, 0),
      siteErrors: rows.reduce((n, r) => n + r.siteErrors, 0),
    };
    headline[browser] = h;
    lines.push(
      `## ${browser}`,
      '',
      `${h.pages} pages: ${h.annotated} annotated, ${h.skipped} skipped. Paint median ${h.medianPaintMs} ms (max ${h.maxPaintMs}), ` +
        `first marks median ${h.medianFirstPaintMs} ms, longest slice ${h.maxLongestSliceMs} ms (Glossa's own steps at most ${h.maxLongestOwnStepMs} ms; the recognizer's first call, its one-time table build, median ${h.medianRecognizerFirstCallMs} ms), ` +
        `${h.marks} marks, median ${pct(h.medianInArticle)} inside the article; ` +
        `${h.shifted} boxes shifted by Glossa (${h.rebalanced} re-balanced in multi-column lists), ${h.chromeMarks} marks in page chrome, ${h.glossaErrors} Glossa errors ` +
        `(${h.siteErrors} errors from the sites' own scripts).`,
      '',
      '| page | lang | status | words | PER | LOC | TREATY | first marks ms | painted ms | longest slice ms | recognizer 1st call ms | longest own step ms | in article | boxes | shifted | rebalanced | site errors |',
      '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of rows) {
      lines.push(
        `| ${r.page} | ${r.lang ?? ''} | ${r.status}${r.skip ? ` (${r.skip})` : ''} | ${r.words} | ${r.marks.PER} | ${r.marks.LOC} | ${r.marks.TREATY} | ${r.firstPaintMs ?? ''} | ${r.paintMs ?? ''} | ${r.longestSliceMs ?? ''} | ${r.recognizerFirstCallMs ?? ''} | ${r.longestOwnStepMs ?? ''} | ${pct(r.inArticle)} | ${r.boxes} | ${r.shifted} | ${r.rebalanced} | ${r.siteErrors} |`,
      );
    }
    lines.push('');
  }
  await mkdir(path.dirname(SUMMARY_MD), { recursive: true });
  await writeFile(SUMMARY_MD, `${lines.join('\n')}\n`);
  await writeFile(
    SUMMARY_JSON,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), pagesDir: PAGES_DIR, headline, pages: all }, null, 2)}\n`,
  );
}

function pct(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v * 100)} %` : '';
}

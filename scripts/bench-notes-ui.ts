/**
 * The notes view at scale: components/NotesView rendered by Preact in jsdom over 10,000 notes
 * (the same seeded notes as scripts/bench-notes.ts), timing what a reader waits for:
 *
 * - opening the view: load every note from IndexedDB (fake-indexeddb) and render the first rows;
 * - the same first render with the notes already in memory (what the view itself costs);
 * - each keystroke of a search, from the input event to the updated list in the DOM (and the
 *   first keystroke right after opening, which also builds the search index);
 * - choosing a tag filter, and "Show more".
 *
 *   npx tsx scripts/bench-notes-ui.ts [--notes 10000] [--runs 20] [--json]
 *
 * jsdom is slower than a browser at DOM work, and fake-indexeddb much slower than IndexedDB, so
 * these are upper bounds; the end-to-end suite measures the same view in real Chromium and Firefox.
 * Keystrokes run inside preact/test-utils' act(), which renders synchronously, so each sample
 * is exactly the work one keystroke causes.
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import type { NotesDb } from '../lib/notes/db';
import { openNotesDb } from '../lib/notes/db';
import type { Note } from '../lib/notes/model';
import { makeNotes, printStats, type Stat, stat, time } from './bench-notes-data';
import { installJsdomGlobals } from './jsdom-globals';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const NOTE_COUNT = Number(values.notes);
const RUNS = Math.max(20, Number(values.runs));
const QUERIES = ['соглашение', 'ratificati'];

/** The slice of jsdom used here (it ships no type declarations, and @types/jsdom is not installed). */
// A browser-like global scope for Preact and the component (document, events, FileReader…).
const jsdomWindow = installJsdomGlobals([
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLSelectElement',
  'Event',
  'InputEvent',
  'MouseEvent',
  'FileReader',
  'requestAnimationFrame',
  'cancelAnimationFrame',
]);
const { document } = jsdomWindow;

/** Resolve once `ready()` holds, checking after every macrotask (IndexedDB work is async). */
async function until(ready: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('the notes view did not render in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Everything the view reads from the database, answered from memory. */
function memoryDb(notes: Note[]): NotesDb {
  const copy = (list: Note[]) => list.map((n) => ({ ...n }));
  const newest = [...notes].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const table = {
    toArray: async () => copy(notes),
    orderBy: () => ({
      reverse: () => ({
        limit: (n: number) => ({ toArray: async () => copy(newest.slice(0, n)) }),
      }),
    }),
    where: () => ({
      equals: (url: string) => ({
        toArray: async () => copy(notes.filter((n) => n.url === url)),
      }),
    }),
  };
  const db = {
    notes: table,
    transaction: (_mode: string, _table: unknown, work: () => unknown) => work(),
  };
  return db as unknown as NotesDb;
}

const rows = (root: Element) => root.querySelectorAll('[data-note-id]').length;

/** Every note loaded: the status line counts them all ("10,000 notes on 200 pages."). */
const allLoaded = (root: Element) =>
  / on [\d,]+ pages?\.$/.test(root.querySelector('[role="status"]')?.textContent ?? '');

async function openView(db: NotesDb): Promise<{ ms: number; allMs: number; root: HTMLElement }> {
  const root = document.createElement('div');
  document.body.append(root);
  const t0 = performance.now();
  render(h(NotesView, { db }), root);
  await until(() => rows(root) > 0);
  const ms = performance.now() - t0;
  await until(() => allLoaded(root));
  return { ms, allMs: performance.now() - t0, root };
}

function close(root: HTMLElement): void {
  render(null, root);
  root.remove();
}

function input(root: HTMLElement, selector: string, value: string, type: 'input' | 'change') {
  const el = root.querySelector(selector) as HTMLInputElement | HTMLSelectElement;
  el.value = value;
  el.dispatchEvent(new jsdomWindow.Event(type, { bubbles: true }));
}

// Imported after the globals exist.
const { NotesView } = await import('../components/NotesView');

async function main(): Promise<void> {
  const notes = makeNotes(NOTE_COUNT);
  const db = openNotesDb(`glossa-bench-ui-${Date.now()}`);
  await db.notes.bulkAdd(notes);
  const stats: Stat[] = [];
  let renderedRows = 0;

  // Warm-up (JIT, module init), not counted.
  close((await openView(db)).root);

  const openIdb: number[] = [];
  const allIdb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { ms, allMs, root } = await openView(db);
    openIdb.push(ms);
    allIdb.push(allMs);
    renderedRows = rows(root);
    close(root);
  }
  stats.push(stat('open: first rows on screen (fake-indexeddb, first screen read first)', openIdb));
  stats.push(stat(`open: all ${NOTE_COUNT} notes loaded and listed (search ready)`, allIdb));

  const memory = memoryDb(notes);
  const openMemory: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { allMs, root } = await openView(memory);
    openMemory.push(allMs);
    close(root);
  }
  stats.push(
    stat(`open: all ${NOTE_COUNT} notes listed, read from memory (no IndexedDB)`, openMemory),
  );

  // The very first keystroke after opening also builds the search index (normally built while
  // the browser is idle after the first rows are shown).
  const firstKey: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { root } = await openView(memory);
    const [ms] = await time(() => act(() => input(root, '#notes-search', 'с', 'input')));
    firstKey.push(ms);
    close(root);
  }
  stats.push(stat('first keystroke right after opening (builds the search index)', firstKey));

  const { root } = await openView(memory);
  for (const query of QUERIES) {
    const perKeystroke: number[] = [];
    let matches = '';
    for (let run = 0; run <= RUNS; run++) {
      for (let i = 1; i <= query.length; i++) {
        const [ms] = await time(() =>
          act(() => input(root, '#notes-search', query.slice(0, i), 'input')),
        );
        if (run > 0) perKeystroke.push(ms); // run 0 warms up (and builds the index)
      }
      matches = root.querySelector('[role="status"]')?.textContent ?? '';
      act(() => input(root, '#notes-search', '', 'input'));
    }
    stats.push(stat(`search "${query}", one keystroke → list updated (${matches})`, perKeystroke));
  }

  const tagFilter: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const [on] = await time(() => act(() => input(root, '#filter-tag', 'тема 4', 'change')));
    act(() => input(root, '#filter-tag', '', 'change'));
    if (run > 0) tagFilter.push(on);
  }
  stats.push(stat('choose a tag filter → list updated', tagFilter));

  const more: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Show more');
    if (!button) throw new Error('no "Show more" button');
    const [ms] = await time(() => act(() => button.click()));
    if (run > 0) more.push(ms);
    // Back to the first rows for the next sample.
    act(() => input(root, '#notes-search', 'x', 'input'));
    act(() => input(root, '#notes-search', '', 'input'));
  }
  stats.push(stat('"Show more" (100 more rows)', more));
  close(root);
  db.close();

  if (values.json) {
    console.log(
      JSON.stringify(
        { notes: NOTE_COUNT, runs: RUNS, renderedRows, node: process.version, stats },
        null,
        2,
      ),
    );
    return;
  }
  console.log('');
  printStats(
    `Glossa notes benchmark (view): ${NOTE_COUNT} notes, Preact in jsdom, ${renderedRows} rows rendered at first, Node ${process.version}, medians of ${RUNS} runs (ms)`,
    stats,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => jsdomWindow.close());

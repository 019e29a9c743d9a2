/**
 * The reading memory benchmark's measurements, run the same way in Node (fake-indexeddb, Preact
 * in jsdom: scripts/bench-memory.ts) and in Chromium (real IndexedDB and DOM: the page bundled
 * from scripts/bench-memory-page.ts). Medians and 90th percentiles, each beside a baseline run in
 * the same process.
 */
import { h, render } from 'preact';
import { EntityPage } from '../components/EntityPage';
import { maxOf } from '../lib/arrays';
import { isEntityId } from '../lib/entity-id';
import { loadEntityPage } from '../lib/memory/entity-page';
import { searchMemory } from '../lib/memory/memory-search';
import type { RememberedArticle } from '../lib/memory/model';
import { READ_ALL_UP_TO, recallEntity } from '../lib/memory/recall';
import { mergeVisit } from '../lib/memory/record';
import { putArticles, rememberArticle } from '../lib/memory/store';
import type { NotesDb } from '../lib/notes/db';
import { BENCH_NOW, type BenchVisit, makeVisits } from './bench-memory-data';

export interface Row {
  name: string;
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  unit: 'ms' | 'bytes';
  bound?: string;
}

export interface BenchResult {
  where: string;
  articles: number;
  entities: number;
  runs: number;
  fillMs: number;
  rows: Row[];
  ratios: Record<string, string>;
}

export interface BenchEnv {
  where: string;
  db: NotesDb;
  doc: Document;
  /** Bytes the origin's storage uses (navigator.storage.estimate), where there is such a thing. */
  storageUsage?: () => Promise<number | undefined>;
  /** Bytes of a record as the browser's IndexedDB is handed it, where it can be measured. */
  cloneSize?: (record: RememberedArticle) => number;
}

export function row(
  name: string,
  samples: number[],
  unit: Row['unit'] = 'ms',
  bound?: string,
): Row {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const mid = s.length / 2;
  const median = s.length % 2 ? at(0.5) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  const out: Row = {
    name,
    runs: s.length,
    median,
    p90: at(0.9),
    min: s[0] ?? 0,
    max: s.at(-1) ?? 0,
    unit,
  };
  if (bound) out.bound = bound;
  return out;
}

async function timed(work: () => unknown): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function samples(runs: number, work: (i: number) => unknown): Promise<number[]> {
  await work(-1); // warm-up, not counted
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timed(() => work(i)));
  return out;
}

/** From render() to the page's heading (or its "nothing remembered" line) in the DOM. */
async function renderPage(env: BenchEnv, key: string): Promise<number> {
  const root = env.doc.createElement('div');
  env.doc.body.append(root);
  // Watched, not polled: a polling loop would queue a task between every two of IndexedDB's.
  const shown = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the entity page did not render in time')),
      60_000,
    );
    const observer = new MutationObserver(() => {
      if (root.querySelector('h1') === null) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
  const t0 = performance.now();
  render(h(EntityPage, { db: env.db, entityKey: key, now: () => BENCH_NOW }), root);
  await shown;
  const ms = performance.now() - t0;
  render(null, root);
  root.remove();
  return ms;
}

function keyCounts(records: readonly RememberedArticle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) for (const k of r.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function nearest(counts: Map<string, number>, target: number): [string, number] {
  let best: [string, number] = ['', Number.POSITIVE_INFINITY];
  for (const [k, c] of counts) {
    if (Math.abs(c - target) < Math.abs(best[1] - target)) best = [k, c];
  }
  return best;
}

export async function runMemoryBench(
  env: BenchEnv,
  options: { articles: number; entities: number; runs: number },
): Promise<BenchResult> {
  const { articles, entities, runs } = options;
  const visits = makeVisits(articles + runs + 1, entities);
  const stored = visits.slice(0, articles);
  const fresh = visits.slice(articles);
  const visitAt = (i: number) => fresh[Math.max(0, i + 1)] as BenchVisit;
  const records = stored.map((v) => mergeVisit(undefined, v.visit, v.time));
  const { db } = env;
  const rows: Row[] = [];

  // Storage growth from the first half to all of them: what each article adds, its index
  // entries included, without the database's fixed cost.
  const half = records.length >> 1;
  // Filled as an import fills it (putArticles: the records and the per-entity counts).
  const fill = (part: RememberedArticle[]) =>
    db.transaction('rw', db.articles, db.entityCounts, () => putArticles(db, part));
  let fillMs = await timed(() => fill(records.slice(0, half)));
  const usageBefore = await env.storageUsage?.();
  fillMs += await timed(() => fill(records.slice(half)));
  const usageAfter = await env.storageUsage?.();

  // Recording: a new article into the full memory, against a plain put of the same record.
  rows.push(
    row(
      "record one article (rememberArticle: in the background's service worker, off the page's main thread)",
      await samples(runs, (i) => rememberArticle(db, visitAt(i).visit, visitAt(i).time)),
    ),
  );
  rows.push(
    row(
      '  baseline: one plain put of the same record',
      await samples(runs, (i) =>
        db.articles.put(mergeVisit(undefined, visitAt(i).visit, BENCH_NOW)),
      ),
    ),
  );

  const counts = keyCounts(records);
  const [frequent, frequentN] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const picks = [
    ['frequent', frequent, frequentN],
    ['middling', ...nearest(counts, 50)],
    ['rare', ...nearest(counts, 2)],
  ] as const;
  const reading = (stored[0] as BenchVisit).visit.url;
  for (const [label, key, n] of picks) {
    rows.push(
      row(
        `card lookup (recallEntity), ${label}: ${key} in ${n} articles`,
        await samples(runs, () => recallEntity(db, key, reading)),
        'ms',
        '≤ 10 ms',
      ),
    );
  }
  // The card's worst case: an entity in more articles than are read by address, whose latest
  // article is the furthest down the visit order (the walk ends and the addresses are read).
  const order = new Map(
    [...records]
      .sort((a, b) => (a.lastVisit < b.lastVisit ? 1 : a.lastVisit > b.lastVisit ? -1 : 0))
      .map((r, i) => [r.url, i]),
  );
  const depth = new Map<string, number>();
  for (const r of records) {
    const at = order.get(r.url) ?? 0;
    for (const k of r.keys) depth.set(k, Math.min(depth.get(k) ?? at, at));
  }
  let deepest: [string, number, number] = ['', 0, -1];
  for (const [k, n] of counts) {
    const d = depth.get(k) ?? 0;
    if (n > READ_ALL_UP_TO && d > deepest[2]) deepest = [k, n, d];
  }
  if (deepest[0]) {
    rows.push(
      row(
        `card lookup (recallEntity), the deepest walk: ${deepest[0]} in ${deepest[1]} articles, the latest ${deepest[2] + 1}th by visit`,
        await samples(runs, () => recallEntity(db, deepest[0], reading)),
        'ms',
        '≤ 10 ms',
      ),
    );
  }
  // The floor of any exact count from the index, for the frequent key.
  rows.push(
    row(
      `  baseline: the keys index's count of ${frequent} alone (Dexie count; the card reads entityCounts instead)`,
      await samples(runs, () => db.articles.where('keys').equals(frequent).count()),
    ),
  );
  const someUrl = (records[articles >> 1] as RememberedArticle).url;
  rows.push(
    row(
      '  baseline: one plain get of a record by its address',
      await samples(runs, () => db.articles.get(someUrl)),
    ),
  );

  for (const [label, key, n] of picks) {
    rows.push(
      row(
        `entity page data (loadEntityPage), ${label}: ${n} articles`,
        await samples(runs, () => loadEntityPage(db, key, { now: BENCH_NOW })),
      ),
    );
    rows.push(
      row(
        `entity page rendered (data + Preact, to the name in the DOM), ${label}: ${n} articles`,
        await samples(runs, () => renderPage(env, key)),
        'ms',
        '≤ 150 ms',
      ),
    );
  }
  rows.push(
    row(
      '  baseline: render the page of an entity nothing is remembered about',
      await samples(runs, () => renderPage(env, 'PER:~nobody at all')),
    ),
  );

  for (const query of ['Путин last month', 'Kim Jong Un ДСНВ 2026-11', 'since 2026-11-29']) {
    let found = 0;
    const ms = await samples(runs, async () => {
      found = (await searchMemory(db, query, { now: BENCH_NOW }))?.total ?? 0;
    });
    rows.push(row(`search "${query}" (${found} articles)`, ms));
  }

  const encoder = new TextEncoder();
  let registered = 0;
  let entitiesKept = 0;
  for (const r of records) {
    entitiesKept += r.keys.length;
    for (const k of r.keys) if (isEntityId(k)) registered += 1;
  }
  const share = `${((100 * registered) / Math.max(1, entitiesKept)).toFixed(0)}% of entities registered`;
  rows.push(
    row(
      `storage per article: the record as JSON (UTF-8), ${share}`,
      records.map((r) => encoder.encode(JSON.stringify(r)).length),
      'bytes',
      '≤ 2 KB',
    ),
  );
  // The same records as the recorder stored them before registered keys lost their names.
  const withAllNames = records.map((r, i) => {
    const names = new Map((stored[i] as BenchVisit).visit.entities.map((e) => [e.key, e.name]));
    return { ...r, names: r.keys.map((k) => names.get(k) ?? '') };
  });
  rows.push(
    row(
      '  the same records with every name stored (the format before)',
      withAllNames.map((r) => encoder.encode(JSON.stringify(r)).length),
      'bytes',
    ),
  );
  if (env.cloneSize) {
    const size = env.cloneSize;
    rows.push(
      row(
        'storage per article: structured clone (v8.serialize)',
        records.map((r) => size(r)),
        'bytes',
      ),
    );
  }
  if (usageBefore !== undefined && usageAfter !== undefined) {
    rows.push(
      row(
        `storage per article on disk, index entries and the database's logs included: usage grew ${usageAfter - usageBefore} bytes for the second ${articles - half} articles (navigator.storage.estimate)`,
        [(usageAfter - usageBefore) / (articles - half)],
        'bytes',
        '(record: ≤ 2 KB)',
      ),
    );
  }

  const ratio = (a: string, b: string) => {
    const x = rows.find((r) => r.name.startsWith(a));
    const y = rows.find((r) => r.name.startsWith(b));
    return x && y && y.median > 0 ? `${(x.median / y.median).toFixed(1)}×` : 'n/a';
  };
  return {
    where: env.where,
    articles,
    entities,
    runs,
    fillMs,
    rows,
    ratios: {
      'record / plain put': ratio('record one', '  baseline: one plain put'),
      'card (frequent) / plain get': ratio(
        'card lookup (recallEntity), frequent',
        '  baseline: one plain get',
      ),
      'card (rare) / plain get': ratio(
        'card lookup (recallEntity), rare',
        '  baseline: one plain get',
      ),
      'page (frequent) / empty page': ratio(
        'entity page rendered (data + Preact, to the name in the DOM), frequent',
        '  baseline: render',
      ),
      'page (middling) / empty page': ratio(
        'entity page rendered (data + Preact, to the name in the DOM), middling',
        '  baseline: render',
      ),
    },
  };
}

/** The result as the table both runs print. */
export function formatResult(result: BenchResult, header: string): string {
  const lines = [header, ''];
  const width = maxOf(
    result.rows.map((r) => r.name.length),
    20,
  );
  lines.push(
    `${'what'.padEnd(width)}  ${'median'.padStart(9)}  ${'p90'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  unit   bound`,
  );
  for (const r of result.rows) {
    const f = (n: number) => (r.unit === 'ms' ? n.toFixed(2) : String(Math.round(n))).padStart(9);
    lines.push(
      `${r.name.padEnd(width)}  ${f(r.median)}  ${f(r.p90)}  ${f(r.min)}  ${f(r.max)}  ${r.unit.padEnd(5)}  ${r.bound ?? ''}`,
    );
  }
  lines.push('');
  lines.push(
    `ratios of medians, same process: ${Object.entries(result.ratios)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}`,
  );
  lines.push(
    `(filling the memory: putArticles of ${result.articles} records, in two transactions, ${result.fillMs.toFixed(0)} ms, once)`,
  );
  return lines.join('\n');
}

/**
 * Notes at scale: 10,000 notes in fake-indexeddb (Node), timed as the notes view will use them.
 * Reports medians over at least 20 runs of loading every note, building the search index,
 * filtering (tag, site, entity), and searching one query per keystroke of a 10-character query.
 *
 *   npx tsx scripts/bench-notes.ts [--notes 10000] [--runs 25] [--json]
 *
 * The notes are generated from a fixed seed (same notes every run): Russian and English text,
 * 200 pages on 20 sites, 40 tags, a fifth of them notes on entities (scripts/bench-notes-data.ts).
 * The rendering half — the notes view itself — is scripts/bench-notes-ui.ts; `npm run bench:notes`
 * runs both.
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { allNotes, openNotesDb } from '../lib/notes/db';
import { exportJson } from '../lib/notes/export-json';
import { applyImport, planImport } from '../lib/notes/import';
import { buildSearchIndex, filterNotes, searchNotes } from '../lib/notes/search';
import { makeNotes, printStats, repeat, type Stat, stat, time } from './bench-notes-data';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '25' },
    json: { type: 'boolean', default: false },
  },
});
const NOTE_COUNT = Number(values.notes);
const RUNS = Math.max(20, Number(values.runs));

async function main(): Promise<void> {
  const notes = makeNotes(NOTE_COUNT);
  const db = openNotesDb(`glossa-bench-${Date.now()}`);
  const stats: Stat[] = [];
  const [createMs] = await time(() => db.notes.bulkAdd(notes));
  stats.push(stat(`store ${NOTE_COUNT} notes (one bulkAdd, once)`, [createMs]));

  stats.push(await repeat('load all notes (allNotes: read + sort)', RUNS, () => allNotes(db)));
  const loaded = await allNotes(db);
  if (loaded.length !== NOTE_COUNT)
    throw new Error(`loaded ${loaded.length} notes, expected ${NOTE_COUNT}`);

  stats.push(await repeat('build search index', RUNS, () => buildSearchIndex(loaded)));
  const index = buildSearchIndex(loaded);

  for (const query of ['соглашение', 'ratificati']) {
    const perKeystroke: number[] = [];
    const perQuery: number[] = [];
    let matches = 0;
    for (let run = 0; run <= RUNS; run++) {
      let total = 0;
      for (let i = 1; i <= query.length; i++) {
        const [ms, found] = await time(() => filterNotes(index, { query: query.slice(0, i) }));
        if (run > 0) perKeystroke.push(ms); // run 0 is the warm-up
        total += ms;
        matches = found.length;
      }
      if (run > 0) perQuery.push(total);
    }
    stats.push(stat(`search "${query}", one keystroke (index built)`, perKeystroke));
    stats.push(
      stat(`search "${query}", all ${query.length} keystrokes (${matches} matches)`, perQuery),
    );
  }
  stats.push(
    await repeat('search one keystroke without an index (index + filter)', RUNS, () =>
      searchNotes(loaded, { query: 'соглашение' }),
    ),
  );
  // The baseline, in this same process: the search anyone would write first — lower-case every
  // note's text, quote and title and test includes() — run on each keystroke.
  const baseline = await repeat('baseline: naive scan of every note, one keystroke', RUNS, () =>
    loaded.filter((n) =>
      `${n.text}\n${n.quote ?? ''}\n${n.pageTitle}\n${n.tags.join(' ')}`
        .toLowerCase()
        .includes('соглашение'),
    ),
  );
  stats.push(baseline);
  stats.push(await repeat('filter by tag', RUNS, () => filterNotes(index, { tags: ['тема 4'] })));
  stats.push(await repeat('filter by site', RUNS, () => filterNotes(index, { site: 'site7.ru' })));
  stats.push(
    await repeat('filter by entity', RUNS, () =>
      filterNotes(index, { entity: { canonical: 'Ким Чен Ын' } }),
    ),
  );
  stats.push(
    await repeat('filter by site + tag + query', RUNS, () =>
      filterNotes(index, { site: 'site2.ru', tags: ['тема 0'], query: 'договор' }),
    ),
  );

  const json = exportJson(loaded, new Date());
  stats.push(
    await repeat(`export native JSON (${(json.length / 1e6).toFixed(1)} M chars)`, RUNS, () =>
      exportJson(loaded, new Date()),
    ),
  );
  stats.push(
    await repeat('validate that export for import (planImport)', RUNS, () => planImport(json)),
  );
  const plan = planImport(json);
  if (!plan.ok) throw new Error(plan.error);
  stats.push(
    await repeat('re-import it: merge, nothing changes (applyImport)', RUNS, () =>
      applyImport(db, plan.plan),
    ),
  );
  db.close();

  if (values.json) {
    console.log(
      JSON.stringify({ notes: NOTE_COUNT, runs: RUNS, node: process.version, stats }, null, 2),
    );
    return;
  }
  printStats(
    `Glossa notes benchmark (data): ${NOTE_COUNT} notes, fake-indexeddb, Node ${process.version}, medians of ${RUNS} runs (ms)`,
    stats,
  );
  const keystroke = stats.find((x) => x.name.startsWith('search "соглашение", one keystroke'));
  if (keystroke) {
    console.log(
      `\nratio: one search keystroke ${keystroke.median.toFixed(2)} ms (indexed) vs ${baseline.median.toFixed(2)} ms (baseline naive scan): ${(baseline.median / keystroke.median).toFixed(1)}× faster`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

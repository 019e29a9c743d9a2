/**
 * Scores the recognizer on an annotated corpus file:
 *   npx tsx scripts/eval.ts FILE.jsonl [--types PER,LOC] [--map LAW=TREATY] [--json]
 *     [--without-place-adjectives] (NEREL's one-word place adjectives left out of gold and output)
 *     [--treaty-sample N] (recall on treaty-like LAW spans and N TREATY marks to read)
 *   npx tsx scripts/eval.ts --treaties [--set DIR] [--json] (the treaty dev set, docs/treaty-set.md)
 * Exact-span and overlap P/R/F1 per type and micro (gold spans with nested:true ignored).
 * By default the painted types (PER, LOC, TREATY) that occur in the gold data are scored.
 */
import { readFileSync } from 'node:fs';
import { PAINTED_TYPES } from '../lib/entities';
import { withoutPlaceAdjectives } from '../lib/eval/conventions';
import { parseCorpus } from '../lib/eval/corpus';
import { listErrors } from '../lib/eval/errors';
import { formatReport, type ScoredDocument, scoreDocuments, treatyRecall } from '../lib/eval/score';
import { formatTreatySetReport, scoreTreatySet } from '../lib/eval/treaty-set';
import { createRecognizer, type MergePolicy, setMergePolicy } from '../lib/recognize/index';
import { CORPORA, corporaAvailable, loadTreatySet, withTexts } from './treaty-set-source';

function usage(): never {
  console.error(
    'usage: npx tsx scripts/eval.ts FILE.jsonl [--types PER,LOC] [--map LAW=TREATY] [--json] [--without-place-adjectives] [--errors N] [--treaty-sample N]\n' +
      '       npx tsx scripts/eval.ts --treaties [--set DIR] [--json]',
  );
  process.exit(2);
}

/**
 * Treaty check (issue 3): recall on the treaty-like LAW spans of the gold data, and a
 * deterministic sample of `sample` TREATY marks with context, for reading (precision review).
 */
function printTreaties(scored: ScoredDocument[], texts: string[], sample: number): void {
  const r = treatyRecall(scored.map((s, i) => ({ ...s, text: texts[i] as string })));
  const pct = (x: number, n: number) => (n ? ((100 * x) / n).toFixed(1) : '—');
  console.log(
    `\nTreaty-like LAW spans: ${r.gold}; TREATY exact ${r.exact} (${pct(r.exact, r.gold)}%), overlapping ${r.overlap} (${pct(r.overlap, r.gold)}%)`,
  );
  for (const m of r.missed) console.log(`  missed: ${m.text}`);
  const marks: string[] = [];
  scored.forEach((s, i) => {
    const text = texts[i] as string;
    for (const p of s.predicted) {
      if (p.type !== 'TREATY') continue;
      const ctx = `${text.slice(Math.max(0, p.start - 40), p.start)}[${text.slice(p.start, p.end)}]${text.slice(p.end, p.end + 40)}`;
      marks.push(ctx.replace(/\s+/g, ' '));
    }
  });
  const step = Math.max(1, marks.length / sample);
  console.log(
    `TREATY marks: ${marks.length}; a sample of ${Math.min(sample, marks.length)} to review:`,
  );
  for (let k = 0; k < sample && Math.floor(k * step) < marks.length; k++) {
    console.log(`  ${k + 1}. ${marks[Math.floor(k * step)]}`);
  }
}

/** The treaty dev set (tests/fixtures/treaty-set): overlap recall on R spans, precision on marks. */
function evalTreatySet(json: boolean, dir: string | undefined): void {
  if (!corporaAvailable()) {
    console.log(`treaty set: ${CORPORA} is missing (the set stores offsets only); nothing scored`);
    return;
  }
  let items: ReturnType<typeof withTexts>;
  try {
    items = withTexts(loadTreatySet(dir));
  } catch (err) {
    console.error(`treaty set: ${(err as Error).message}`);
    process.exit(1);
  }
  const recognizer = createRecognizer();
  const report = scoreTreatySet(
    items.map(({ entry, text }) => ({
      id: entry.id,
      lang: entry.lang,
      text,
      spans: entry.spans,
      marks: recognizer.recognize(text, { lang: entry.lang }).filter((m) => m.type === 'TREATY'),
    })),
  );
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatTreatySetReport(report));
}

function main(argv: string[]) {
  let file: string | undefined;
  let types: string[] | undefined;
  // (set below when --types is absent)
  const goldTypeMap: Record<string, string> = {};
  let json = false;
  let errors = 0;
  let treaties = 0;
  let treatySet = false;
  let treatySetDir: string | undefined;
  let withoutAdjectives = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--errors') errors = Number(argv[++i] ?? usage());
    else if (a === '--treaty-sample') treaties = Number(argv[++i] ?? usage());
    else if (a === '--treaties') treatySet = true;
    else if (a === '--set') treatySetDir = argv[++i] ?? usage();
    else if (a === '--without-place-adjectives') withoutAdjectives = true;
    else if (a === '--policy') {
      // Experiments: --policy adjectives=false,fallbackTier=3
      const p: Record<string, boolean | number> = {};
      for (const pair of (argv[++i] ?? usage()).split(',')) {
        const [k, v] = pair.split('=');
        if (!k || v === undefined) usage();
        p[k] = v === 'true' ? true : v === 'false' ? false : Number(v);
      }
      setMergePolicy(p as Partial<MergePolicy>);
    } else if (a === '--types') types = (argv[++i] ?? usage()).split(',').filter(Boolean);
    else if (a === '--map') {
      for (const pair of (argv[++i] ?? usage()).split(',')) {
        const [from, to] = pair.split('=');
        if (!from || !to) usage();
        goldTypeMap[from] = to;
      }
    } else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) {
      console.error(`unknown option: ${a}`);
      usage();
    } else if (!file) file = a;
    else usage();
  }
  if (treatySet) {
    if (file) usage();
    evalTreatySet(json, treatySetDir);
    return;
  }
  if (!file) usage();
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    process.exit(1);
  }
  const docs = parseCorpus(content);
  const recognizer = createRecognizer();
  const scored: ScoredDocument[] = [];
  const errorLines: string[] = [];
  const texts: string[] = [];
  let chars = 0;
  const started = performance.now();
  for (const d of docs) {
    chars += d.text.length;
    let predicted = recognizer.recognize(d.text, d.lang ? { lang: d.lang } : undefined);
    let gold = d.entities ?? [];
    if (withoutAdjectives) {
      // NEREL's place adjectives left out on both sides (lib/eval/conventions.ts).
      gold = withoutPlaceAdjectives(d.text, gold);
      predicted = withoutPlaceAdjectives(d.text, predicted);
    }
    scored.push({ gold, predicted });
    texts.push(d.text);
    if (errors > 0) listErrors(d.text, gold, predicted, types, goldTypeMap, errorLines);
  }
  const seconds = (performance.now() - started) / 1000;
  if (!types) {
    const goldTypes = new Set<string>();
    for (const d of docs)
      for (const e of d.entities ?? []) goldTypes.add(goldTypeMap[e.type] ?? e.type);
    types = PAINTED_TYPES.filter((t) => goldTypes.has(t));
  }
  const report = scoreDocuments(scored, { types, goldTypeMap });
  if (json) {
    console.log(
      JSON.stringify(
        { file, documents: docs.length, characters: chars, seconds, types, report },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `${file}: ${docs.length} documents, ${chars} characters, ${(chars / 1e6 / seconds).toFixed(2)} MB/s (one cold pass, lexicon loading included)`,
    );
    console.log(formatReport(report));
  }
  if (treaties > 0) printTreaties(scored, texts, treaties);
  if (errors > 0) {
    // Deterministic sample: every k-th error line.
    const step = Math.max(1, Math.floor(errorLines.length / errors));
    for (let i = 0; i < errorLines.length && i / step < errors; i += step)
      console.log(errorLines[i]);
  }
}

main(process.argv.slice(2));

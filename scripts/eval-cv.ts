/**
 * Cross-validation of the recognizer (run: npm run eval:cv), the yardstick for recognition
 * changes; conventions in docs/recognition.md, "Cross-validation".
 *
 *   npx tsx scripts/eval-cv.ts [--folds 5] [--seed 1] [--corpus nerel,conll2003,factru] [--json]
 *     [--retrain] [--verbose] [--errors FILE]
 *
 * Each corpus (NEREL train+dev, CoNLL-2003 train+dev, factRuEval dev) is cut into k folds of
 * whole documents. For fold i, a lexicon and a tagger are built from every NEREL and CoNLL-2003
 * document outside fold i (factRuEval is never learned from), and fold i of every corpus is
 * scored with them. A "train→dev" row builds from the train splits only and scores the dev
 * splits (the dev report). Built artifacts are cached in .cache/cv/ (scripts/cv-cache.ts), so a
 * change of the rules re-scores in seconds; --retrain rebuilds them.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { withoutPlaceAdjectives } from '../lib/eval/conventions';
import { assignFolds, meanAndSd, type Spread, splitFold } from '../lib/eval/cv';
import { type PRF, type ScoredDocument, type ScoreReport, scoreDocuments } from '../lib/eval/score';
import { createRecognizer } from '../lib/recognize/index';
import { lexiconFromData } from '../lib/recognize/lexicon';
import type { LexiconData } from '../lib/recognize/lexicon-format';
import { loadModel, type ModelData } from '../lib/recognize/model/weights';
import { buildLexiconData, lexiconJson } from './build-lexicon';
import {
  type Artifacts,
  artifactKey,
  buildHash,
  CACHE_DIR,
  ROOT,
  readArtifacts,
  rulesHash,
  writeArtifacts,
} from './cv-cache';
import { DEFAULT_TRAIN_OPTIONS, modelJson, trainModel } from './train';
import {
  CORPORA_DIR,
  documentKey,
  readCorpusFile,
  type TrainingDocument,
  type TrainingSet,
} from './training-data';

const TYPES = ['PER', 'LOC'] as const;

interface CorpusSpec {
  name: string;
  files: string[];
  /** Learned from (fold-wise); factRuEval is only scored. */
  learned: 'ru' | 'en' | null;
  /** The dev split the train→dev row scores. */
  dev: string;
  /** What the scores count (see docs/recognition.md). */
  scoring: 'exact' | 'exact-no-adjectives' | 'overlap';
  note: string;
}

const CORPORA: readonly CorpusSpec[] = [
  {
    name: 'nerel',
    files: ['nerel-train.jsonl', 'nerel-dev.jsonl'],
    learned: 'ru',
    dev: 'nerel-dev.jsonl',
    scoring: 'exact-no-adjectives',
    note: 'exact spans, one-word place adjectives left out of gold and output',
  },
  {
    name: 'conll2003',
    files: ['conll2003-train.jsonl', 'conll2003-dev.jsonl'],
    learned: 'en',
    dev: 'conll2003-dev.jsonl',
    scoring: 'exact',
    note: 'exact spans',
  },
  {
    name: 'factru',
    files: ['factru-dev.jsonl'],
    learned: null,
    dev: 'factru-dev.jsonl',
    scoring: 'overlap',
    note: 'overlapping spans (exact below); never learned from',
  },
];

interface Options {
  folds: number;
  seed: number;
  corpora: string[];
  json: boolean;
  retrain: boolean;
  verbose: boolean;
  /** Where to write the held-out folds' errors (JSON lines), for error analysis. */
  errors: string | null;
}

function usage(): never {
  console.error(
    'usage: npx tsx scripts/eval-cv.ts [--folds 5] [--seed 1] [--corpus nerel,conll2003,factru] [--json] [--retrain] [--verbose] [--errors FILE]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    folds: 5,
    seed: 1,
    corpora: CORPORA.map((c) => c.name),
    json: false,
    retrain: false,
    verbose: false,
    errors: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--folds') o.folds = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--corpus') o.corpora = (argv[++i] ?? usage()).split(',').filter(Boolean);
    else if (a === '--json') o.json = true;
    else if (a === '--retrain') o.retrain = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--errors') o.errors = argv[++i] ?? usage();
    else usage();
  }
  if (!Number.isInteger(o.folds) || o.folds < 2) usage();
  if (!Number.isInteger(o.seed)) usage();
  for (const c of o.corpora) {
    if (!CORPORA.some((s) => s.name === c)) {
      console.error(`unknown corpus ${c}`);
      usage();
    }
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Scores

/** P/R/F1 per type and micro, as fractions. */
type Scores = Record<(typeof TYPES)[number] | 'micro', PRF>;

interface Scored {
  docs: number;
  scores: Scores;
  /** factRuEval: the exact-span scores beside the overlap ones. */
  exact?: Scores;
}

function pick(report: ScoreReport, overlap: boolean): Scores {
  const prf = (t: ScoreReport['micro']): PRF => {
    const s = overlap ? t.overlap : t;
    return { precision: s.precision, recall: s.recall, f1: s.f1 };
  };
  const byType = (type: string) => {
    const t = report.types.find((r) => r.type === type);
    return t ? prf(t) : { precision: 0, recall: 0, f1: 0 };
  };
  return { PER: byType('PER'), LOC: byType('LOC'), micro: prf(report.micro) };
}

/** One error of a held-out document (a line of --errors FILE). */
interface ErrorLine {
  corpus: string;
  fold: number;
  tokenized: string;
  /** FP: predicted without an exact gold match; FN: gold without an exact predicted match. */
  kind: 'FP' | 'FN';
  type: string;
  start: number;
  end: number;
  text: string;
  context: string;
  /** Spans of the other side of that type overlapping it (boundary errors). */
  overlapping: string[];
  /** Gold spans of any type overlapping it, as "TYPE/orig_type text" (for confusions). */
  gold: string[];
}

function errorsOf(
  d: TrainingDocument,
  gold: ScoredDocument['gold'],
  predicted: ScoredDocument['predicted'],
  at: { corpus: string; fold: number },
): ErrorLine[] {
  const out: ErrorLine[] = [];
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const text = (s: { start: number; end: number }) => d.text.slice(s.start, s.end);
  for (const type of TYPES) {
    const g = gold.filter((s) => s.type === type && !s.nested);
    const p = predicted.filter((s) => s.type === type);
    const sides = [
      ['FP', p, g],
      ['FN', g, p],
    ] as const;
    for (const [kind, mine, theirs] of sides) {
      for (const s of mine) {
        if (theirs.some((t) => t.start === s.start && t.end === s.end)) continue;
        out.push({
          ...at,
          tokenized: d.id,
          kind,
          type,
          start: s.start,
          end: s.end,
          text: text(s),
          context:
            `${d.text.slice(Math.max(0, s.start - 50), s.start)}[${text(s)}]${d.text.slice(s.end, s.end + 50)}`.replace(
              /\n/g,
              ' ',
            ),
          overlapping: theirs.filter((t) => overlaps(s, t)).map(text),
          gold: d.entities
            .filter((e) => overlaps(s, e))
            .map((e) => `${e.type}/${(e as { orig_type?: string }).orig_type ?? ''} ${text(e)}`),
        });
      }
    }
  }
  return out;
}

function score(
  recognize: (d: TrainingDocument) => ScoredDocument['predicted'],
  docs: readonly TrainingDocument[],
  spec: CorpusSpec,
  errors?: { sink: ErrorLine[]; fold: number },
): Scored {
  const scored: ScoredDocument[] = docs.map((d) => {
    let predicted = recognize(d);
    let gold: ScoredDocument['gold'] = d.entities;
    if (spec.scoring === 'exact-no-adjectives') {
      gold = withoutPlaceAdjectives(d.text, gold);
      predicted = withoutPlaceAdjectives(d.text, predicted);
    }
    if (errors) {
      const at = { corpus: spec.name, fold: errors.fold };
      for (const e of errorsOf(d, gold, predicted, at)) errors.sink.push(e);
    }
    return { gold, predicted };
  });
  const report = scoreDocuments(scored, { types: TYPES });
  const out: Scored = { docs: docs.length, scores: pick(report, spec.scoring === 'overlap') };
  if (spec.scoring === 'overlap') out.exact = pick(report, false);
  return out;
}

type SpreadScores = Record<keyof Scores, Record<keyof PRF, Spread>>;

function spreadOf(rows: readonly Scores[]): SpreadScores {
  const of = (k: keyof Scores) => ({
    precision: meanAndSd(rows.map((r) => r[k].precision)),
    recall: meanAndSd(rows.map((r) => r[k].recall)),
    f1: meanAndSd(rows.map((r) => r[k].f1)),
  });
  return { PER: of('PER'), LOC: of('LOC'), micro: of('micro') };
}

// ---------------------------------------------------------------------------------------------
// Artifacts

interface Built {
  key: string;
  cached: boolean;
  /** The rule modules changed since the artifacts were built (their rule features are older). */
  staleRules: boolean;
  seconds: number;
  recognize: (d: TrainingDocument) => ScoredDocument['predicted'];
}

const TRAIN_OPTIONS = { ...DEFAULT_TRAIN_OPTIONS };
const { log: _log, ...TRAIN_OPTIONS_KEY } = TRAIN_OPTIONS;
// The trainer's experiment switch (scripts/train.ts) changes the build: it enters the key when set.
if (process.env.GLOSSA_RULE_FEATURES === '0')
  Object.assign(TRAIN_OPTIONS_KEY, { ruleFeatures: false });

async function artifactsFor(
  training: TrainingSet,
  build: string,
  rules: string,
  opts: Options,
  label: string,
): Promise<Built> {
  const started = performance.now();
  const trainingDocs = [...training.ru, ...training.en];
  const key = artifactKey({
    build,
    training: trainingDocs.map(documentKey),
    options: TRAIN_OPTIONS_KEY,
  });
  let artifacts = opts.retrain ? null : readArtifacts(CACHE_DIR, key);
  const cached = artifacts !== null;
  if (!artifacts) {
    progress(`${label}: building the lexicon from ${trainingDocs.length} documents`);
    const { data } = await buildLexiconData(training);
    const lexicon = lexiconJson(data);
    progress(`${label}: training the tagger`);
    const model = modelJson(
      trainModel(trainingDocs, lexiconFromData(JSON.parse(lexicon) as LexiconData), {
        ...TRAIN_OPTIONS,
        log: opts.verbose ? (line) => progress(`${label}: ${line}`) : () => {},
      }),
    );
    artifacts = {
      lexicon,
      model,
      meta: { rules, built: new Date().toISOString(), seconds: secondsSince(started) },
    } satisfies Artifacts;
    writeArtifacts(CACHE_DIR, key, artifacts);
  }
  // Both come back from their JSON text, built now or cached: the same scores either way.
  const recognizer = createRecognizer({
    lexicon: lexiconFromData(JSON.parse(artifacts.lexicon) as LexiconData),
    tagger: loadModel(JSON.parse(artifacts.model) as ModelData),
  });
  return {
    key,
    cached,
    staleRules: artifacts.meta.rules !== rules,
    seconds: secondsSince(started),
    recognize: (d) => recognizer.recognize(d.text, d.lang ? { lang: d.lang } : undefined),
  };
}

function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}

function progress(line: string): void {
  console.error(`[eval:cv] ${line}`);
}

// ---------------------------------------------------------------------------------------------
// Report

const pct = (x: number) => (100 * x).toFixed(1);
/** Column width: room for "95.1 ± 0.5". */
const WIDTH = 10;
const pm = (s: Spread) => `${pct(s.mean)} ± ${pct(s.sd)}`;

function row(label: string, docs: string, cells: string[], width: number): string {
  return `${label.padEnd(12)} ${docs.padStart(5)}  ${cells.map((c) => c.padStart(width)).join(' ')}`;
}

function header(width: number): string {
  const cols: string[] = [];
  for (const t of [...TYPES, 'micro']) for (const m of ['P', 'R', 'F1']) cols.push(`${t} ${m}`);
  return row('', 'docs', cols, width);
}

function cellsOf(s: Scores): string[] {
  const out: string[] = [];
  for (const t of [...TYPES, 'micro'] as const) {
    out.push(pct(s[t].precision), pct(s[t].recall), pct(s[t].f1));
  }
  return out;
}

function spreadCells(s: SpreadScores): string[] {
  const out: string[] = [];
  for (const t of [...TYPES, 'micro'] as const) {
    out.push(pm(s[t].precision), pm(s[t].recall), pm(s[t].f1));
  }
  return out;
}

interface CorpusResult {
  corpus: string;
  files: string[];
  scoring: CorpusSpec['scoring'];
  documents: number;
  folds: Scored[];
  mean: SpreadScores;
  meanExact?: SpreadScores;
  trainDev: Scored & { file: string };
}

function printCorpus(r: CorpusResult, spec: CorpusSpec): void {
  console.log(`\n${r.corpus}: ${r.files.join(' + ')}, ${r.documents} documents; ${spec.note}`);
  const tables: [string, (s: Scored) => Scores | undefined, SpreadScores | undefined][] = [
    [spec.scoring === 'overlap' ? 'overlap' : 'exact', (s) => s.scores, r.mean],
  ];
  if (r.meanExact) tables.push(['exact', (s) => s.exact, r.meanExact]);
  for (const [name, get, mean] of tables) {
    if (tables.length > 1) console.log(`  ${name}:`);
    console.log(header(WIDTH));
    r.folds.forEach((f, i) => {
      const s = get(f);
      if (s) console.log(row(`fold ${i + 1}`, String(f.docs), cellsOf(s), WIDTH));
    });
    if (mean) console.log(row('mean ± sd', String(r.documents), spreadCells(mean), WIDTH));
    const td = get(r.trainDev);
    if (td) console.log(row('train→dev', String(r.trainDev.docs), cellsOf(td), WIDTH));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<void> {
  const opts = parseArgs(argv);
  const started = performance.now();
  const loadStart = loadavg();
  const specs = CORPORA.filter((c) => opts.corpora.includes(c.name));
  const docsOf = new Map<string, TrainingDocument[]>();
  const foldOf = new Map<string, number[]>();
  for (const spec of CORPORA) {
    const docs = spec.files.flatMap(readCorpusFile);
    docsOf.set(spec.name, docs);
    foldOf.set(spec.name, assignFolds(docs.map(documentKey), opts.folds, opts.seed));
  }
  const corpusFiles = CORPORA.flatMap((c) => c.files).map((f) => join(CORPORA_DIR, f));
  const build = buildHash(ROOT, corpusFiles);
  const rules = rulesHash(ROOT);
  const split = (name: string, i: number) =>
    splitFold(docsOf.get(name) as TrainingDocument[], foldOf.get(name) as number[], i);
  /** The documents of a language's learned corpora outside fold i (all of them for i = −1). */
  const learned = (lang: 'ru' | 'en', i: number) =>
    CORPORA.filter((c) => c.learned === lang).flatMap((c) => split(c.name, i).rest);

  const foldResults = new Map<string, Scored[]>(specs.map((s) => [s.name, []]));
  const builds: { label: string; key: string; cached: boolean; seconds: number }[] = [];
  let stale = false;
  const errorLines: ErrorLine[] = [];
  for (let i = 0; i < opts.folds; i++) {
    const training = { ru: learned('ru', i), en: learned('en', i) };
    const label = `fold ${i + 1}/${opts.folds}`;
    const built = await artifactsFor(training, build, rules, opts, label);
    stale ||= built.staleRules;
    builds.push({ label, key: built.key, cached: built.cached, seconds: built.seconds });
    for (const spec of specs) {
      const errors = opts.errors ? { sink: errorLines, fold: i + 1 } : undefined;
      foldResults
        .get(spec.name)
        ?.push(score(built.recognize, split(spec.name, i).held, spec, errors));
    }
    progress(`${label} scored (${built.cached ? 'cached' : 'built'} ${built.key})`);
  }

  // train→dev: the train splits learned, the dev splits scored (what the dev report shows).
  const isTrain = (d: TrainingDocument) => d.file.endsWith('-train.jsonl');
  const trainSet: TrainingSet = {
    ru: learned('ru', -1).filter(isTrain),
    en: learned('en', -1).filter(isTrain),
  };
  const trainDevBuilt = await artifactsFor(trainSet, build, rules, opts, 'train→dev');
  stale ||= trainDevBuilt.staleRules;
  builds.push({
    label: 'train→dev',
    key: trainDevBuilt.key,
    cached: trainDevBuilt.cached,
    seconds: trainDevBuilt.seconds,
  });

  const results: CorpusResult[] = specs.map((spec) => {
    const folds = foldResults.get(spec.name) as Scored[];
    const devDocs = (docsOf.get(spec.name) as TrainingDocument[]).filter(
      (d) => d.file === spec.dev,
    );
    const r: CorpusResult = {
      corpus: spec.name,
      files: spec.files,
      scoring: spec.scoring,
      documents: (docsOf.get(spec.name) as TrainingDocument[]).length,
      folds,
      mean: spreadOf(folds.map((f) => f.scores)),
      trainDev: { file: spec.dev, ...score(trainDevBuilt.recognize, devDocs, spec) },
    };
    if (spec.scoring === 'overlap') r.meanExact = spreadOf(folds.map((f) => f.exact as Scores));
    return r;
  });
  if (opts.errors) {
    writeFileSync(opts.errors, errorLines.map((e) => `${JSON.stringify(e)}\n`).join(''));
    progress(`${errorLines.length} errors of the held-out folds written to ${opts.errors}`);
  }
  const seconds = secondsSince(started);
  const loadEnd = loadavg();
  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          folds: opts.folds,
          seed: opts.seed,
          types: TYPES,
          results,
          builds,
          staleRules: stale,
          loadAverage: { start: loadStart, end: loadEnd },
          seconds,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `Cross-validation: ${opts.folds} folds of whole documents (seed ${opts.seed}); P / R / F1 in %, mean ± sample sd over the folds`,
  );
  for (const r of results) printCorpus(r, specs.find((s) => s.name === r.corpus) as CorpusSpec);
  const reused = builds.filter((b) => b.cached).length;
  console.log(
    `\nArtifacts: ${reused} of ${builds.length} from ${CACHE_DIR} (--retrain rebuilds them)`,
  );
  if (stale) {
    console.log(
      'Note: rule modules changed since some cached artifacts were trained (the tagger reads rule features); --retrain for final figures.',
    );
  }
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `Wall time ${seconds.toFixed(1)} s; load average ${la(loadStart)} at start, ${la(loadEnd)} at end`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

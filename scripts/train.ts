/**
 * Trains the recognizer's sequence tagger (run: npm run train) and writes
 * lib/recognize/data/model.json.
 *
 *   npx tsx scripts/train.ts [--splits train,dev] [--epochs N] [--bits B] [--prune P] [--seed S]
 *     [--eval] [--out FILE]
 *
 * Data: NEREL and CoNLL-2003, by default their train and dev splits (scripts/training-data.ts),
 * with the lexicon the recognizer ships (build it first: its entries are features). --eval
 * scores the finished raw tagger on the dev splits: meaningful with --splits train only; the
 * cross-validation (npm run eval:cv, which calls trainModel per fold) is the yardstick. Model: averaged structured perceptron (Collins 2002) over hashed features
 * (lib/recognize/model/features.ts) with Viterbi decoding, BIO labels. Afterwards weights are
 * pruned (slots whose largest weight is small are dropped) and quantized to one signed byte.
 *
 * Deterministic: fixed seed for the shuffling, documents in file order, stable sort orders, so
 * two runs write identical bytes.
 */

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPlaceAdjective } from '../lib/eval/conventions';
import { type ScoredDocument, scoreDocuments } from '../lib/eval/score';
import { pickLanguage } from '../lib/recognize/language';
import { getLexicon, type Lexicon } from '../lib/recognize/lexicon';
import {
  type DocumentEvidence,
  setDocumentEvidence,
  type TokenTable,
  tokenTable,
} from '../lib/recognize/model/features';
import {
  decodeSegment,
  type EmissionWeights,
  featureEmission,
  L,
  LABELS,
  labelSpans,
  type Segment,
  segments,
} from '../lib/recognize/model/tagger';
import { encodeSlots, loadModel, type ModelData, toBase64 } from '../lib/recognize/model/weights';
import { proposeAll, ruleCodes } from '../lib/recognize/rules';
import { createTokenizedText } from '../lib/recognize/tokenized-text';
import { type Token, tokenize } from '../lib/recognize/tokens';
import { seededRandom } from './seeded-random';
import {
  isEntryPoint,
  parseSplits,
  readCorpusFile,
  readTrainingSet,
  SHIPPED_SPLITS,
  type Split,
  type TrainingDocument,
} from './training-data';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** How the tagger is trained (the CLI's options without its input and output). */
export interface TrainOptions {
  epochs: number;
  bits: number;
  prune: number;
  /** Train with document evidence from a jackknifed first pass (see features.ts). */
  stack: boolean;
  priorEpochs: number;
  seed: number;
  /** Models trained with different shuffling seeds whose weights are averaged (see trainModel). */
  ensemble: number;
  /** Progress lines (epochs, folds); stderr by default. */
  log: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = {
  epochs: 8,
  bits: 21,
  prune: 0.6,
  stack: true,
  priorEpochs: 6,
  seed: 20240601,
  ensemble: 1,
  log: (line) => console.error(line),
};

interface Options extends TrainOptions {
  eval: boolean;
  out: string;
  splits: Split[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    ...DEFAULT_TRAIN_OPTIONS,
    eval: false,
    out: join(ROOT, 'lib/recognize/data/model.json'),
    splits: [...SHIPPED_SPLITS],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--splits') o.splits = parseSplits(argv[++i] ?? '');
    else if (a === '--epochs') o.epochs = Number(argv[++i]);
    else if (a === '--bits') o.bits = Number(argv[++i]);
    else if (a === '--prune') o.prune = Number(argv[++i]);
    else if (a === '--eval') o.eval = true;
    else if (a === '--no-stack') o.stack = false;
    else if (a === '--prior-epochs') o.priorEpochs = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--ensemble') o.ensemble = Number(argv[++i]);
    else if (a === '--out') o.out = argv[++i] as string;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Gold labels

interface GoldEntity {
  start: number;
  end: number;
  type: string;
  orig_type?: string;
  nested?: boolean;
}

/** Other names that help the tagger tell people and places from what they are not. */
const NEREL_MISC = new Set(['EVENT', 'WORK_OF_ART', 'PRODUCT', 'AWARD', 'FACILITY', 'LAW']);

function labelName(type: string, first: boolean): string {
  return `${first ? 'B' : 'I'}-${type}`;
}

/** Token labels for one document: PER and LOC first, then ORG and other names where free. */
export function goldLabels(tokens: readonly Token[], entities: readonly GoldEntity[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  const taken = new Uint8Array(tokens.length);
  const tier = (e: GoldEntity): number =>
    e.type === 'PER' || e.type === 'LOC'
      ? 0
      : e.type === 'ORG'
        ? 1
        : e.type === 'OTHER' && !e.orig_type
          ? 2
          : 2;
  const usable = entities.filter(
    (e) =>
      !e.nested &&
      (e.type === 'PER' ||
        e.type === 'LOC' ||
        e.type === 'ORG' ||
        (e.type === 'OTHER' && (e.orig_type === 'MISC' || e.orig_type === undefined)) ||
        NEREL_MISC.has(e.orig_type ?? '')),
  );
  usable.sort(
    (a, b) => tier(a) - tier(b) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const e of usable) {
    let from = -1;
    let to = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.end <= e.start) continue;
      if (t.start >= e.end) break;
      if (from < 0) from = i;
      to = i + 1;
    }
    if (from < 0) continue;
    let free = true;
    for (let i = from; i < to; i++) if (taken[i]) free = false;
    if (!free) continue;
    let type = e.type === 'PER' || e.type === 'LOC' || e.type === 'ORG' ? e.type : 'MSC';
    if (type === 'LOC' && to === from + 1 && isPlaceAdjective((tokens[from] as Token).key)) {
      type = 'GEA';
    }
    for (let i = from; i < to; i++) {
      taken[i] = 1;
      labels[i] = LABELS.indexOf(labelName(type, i === from) as (typeof LABELS)[number]);
    }
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Data

interface Sample {
  table: TokenTable;
  /** Document evidence from a jackknifed first pass (training with --stack). */
  evidence?: DocumentEvidence | null;
  lang: number;
  gold: Uint8Array;
  segs: Segment[];
}

function langCode(text: string, lang?: string): number {
  const l = pickLanguage(text, lang);
  return l === 'ru' ? 1 : l === 'en' ? 2 : 3;
}

function load(
  docs: readonly TrainingDocument[],
  lex: Lexicon,
  withGold: boolean,
): { samples: Sample[]; docs: ScoredDocumentSource[] } {
  const samples: Sample[] = [];
  const sources: ScoredDocumentSource[] = [];
  for (const d of docs) {
    const tokens = tokenize(d.text);
    const lang = pickLanguage(d.text, d.lang);
    const tokenized = createTokenizedText(d.text, tokens, lex, lang);
    let rules: Uint8Array | undefined;
    if (process.env.GLOSSA_RULE_FEATURES !== '0') {
      proposeAll(tokenized);
      rules = ruleCodes(tokenized);
    }
    const table = tokenTable(tokenized, rules);
    const gold = withGold
      ? goldLabels(tokens, (d.entities ?? []) as GoldEntity[])
      : new Uint8Array(tokens.length);
    const segs = segments(table);
    // A name cut by a segment boundary starts afresh: the decoder never begins with I-.
    for (const seg of segs) {
      const name = LABELS[gold[seg.start] as number] as string;
      if (name.startsWith('I-')) gold[seg.start] = LABELS.indexOf(`B-${name.slice(2)}` as never);
    }
    samples.push({ table, lang: langCode(d.text, d.lang), gold, segs });
    sources.push({ tokens, gold: d.entities ?? [] });
  }
  return { samples, docs: sources };
}

interface ScoredDocumentSource {
  tokens: Token[];
  gold: ScoredDocument['gold'];
}

// ---------------------------------------------------------------------------------------------
// Averaged structured perceptron

class Perceptron implements EmissionWeights {
  readonly w: Float32Array;
  readonly u: Float32Array;
  readonly tw = new Float64Array((L + 1) * L);
  readonly tu = new Float64Array((L + 1) * L);
  readonly transitions = new Float32Array((L + 1) * L);
  readonly mask: number;
  c = 1;
  constructor(bits: number) {
    this.mask = (1 << bits) - 1;
    this.w = new Float32Array((this.mask + 1) * L);
    this.u = new Float32Array((this.mask + 1) * L);
  }
  add(ids: Uint32Array, count: number, scores: Float32Array): void {
    for (let f = 0; f < count; f++) {
      const base = (((ids[f] as number) & this.mask) >>> 0) * L;
      for (let y = 0; y < L; y++) scores[y] = (scores[y] as number) + (this.w[base + y] as number);
    }
  }
  update(ids: Uint32Array, count: number, y: number, delta: number): void {
    for (let f = 0; f < count; f++) {
      const k = (((ids[f] as number) & this.mask) >>> 0) * L + y;
      this.w[k] = (this.w[k] as number) + delta;
      this.u[k] = (this.u[k] as number) + this.c * delta;
    }
  }
  updateTransition(p: number, y: number, delta: number): void {
    const k = p * L + y;
    this.tw[k] = (this.tw[k] as number) + delta;
    this.tu[k] = (this.tu[k] as number) + this.c * delta;
    this.transitions[k] = this.tw[k] as number;
  }
  /** Averaged weights (w − u / c), in place. */
  average(): void {
    for (let k = 0; k < this.w.length; k++) {
      this.w[k] = (this.w[k] as number) - (this.u[k] as number) / this.c;
    }
    for (let k = 0; k < this.tw.length; k++) {
      this.transitions[k] = (this.tw[k] as number) - (this.tu[k] as number) / this.c;
    }
  }
}

function train(samples: Sample[], opts: TrainOptions): Perceptron {
  const model = new Perceptron(opts.bits);
  const units: [number, number][] = [];
  samples.forEach((s, si) => {
    s.segs.forEach((_, gi) => {
      units.push([si, gi]);
    });
  });
  const random = seededRandom(opts.seed);
  const ids: Uint32Array[] = [];
  const counts: number[] = [];
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = units.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = units[i] as [number, number];
      units[i] = units[j] as [number, number];
      units[j] = tmp;
    }
    let errors = 0;
    let tokens = 0;
    const started = performance.now();
    for (const [si, gi] of units) {
      const s = samples[si] as Sample;
      const seg = s.segs[gi] as Segment;
      // Evidence dropout: the runtime's first pass runs the same model without evidence, so the
      // model must be good in both modes.
      s.table.evidence = s.evidence && random() < 0.5 ? s.evidence : null;
      const pred = new Uint8Array(s.table.n);
      ids.length = 0;
      counts.length = 0;
      const emission = featureEmission(s.table, s.lang, model, (_i, f, c) => {
        ids.push(f.slice(0, c));
        counts.push(c);
      });
      decodeSegment(seg, emission, model.transitions, pred, false);
      let wrong = false;
      for (let t = seg.start; t < seg.end; t++) {
        tokens++;
        const g = s.gold[t] as number;
        const p = pred[t] as number;
        if (g !== p) {
          errors++;
          wrong = true;
          const f = ids[t - seg.start] as Uint32Array;
          model.update(f, f.length, g, 1);
          model.update(f, f.length, p, -1);
        }
      }
      if (wrong) {
        for (let t = seg.start; t < seg.end; t++) {
          const gp = t === seg.start ? L : (s.gold[t - 1] as number);
          const pp = t === seg.start ? L : (pred[t - 1] as number);
          const g = s.gold[t] as number;
          const p = pred[t] as number;
          if (gp !== pp || g !== p) {
            model.updateTransition(gp, g, 1);
            model.updateTransition(pp, p, -1);
          }
        }
      }
      model.c++;
    }
    opts.log(
      `epoch ${epoch}: token error ${((100 * errors) / tokens).toFixed(2)}% (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// Export: prune, quantize, encode

function exportModel(model: Perceptron, opts: TrainOptions): ModelData {
  const slotsKept: number[] = [];
  const nSlots = model.mask + 1;
  for (let s = 0; s < nSlots; s++) {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(model.w[s * L + y] as number));
    if (m >= opts.prune) {
      slotsKept.push(s);
    }
  }
  // One byte per weight, with a per-slot scale 2^(e/8) so that large (bias-like) and small
  // (word-specific) rows both keep their resolution.
  const bytes = new Int8Array(slotsKept.length * L);
  const exps = new Int8Array(slotsKept.length);
  slotsKept.forEach((s, r) => {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(model.w[s * L + y] as number));
    const e = Math.max(-127, Math.min(127, Math.ceil(8 * Math.log2(m / 127))));
    const scale = 2 ** (e / 8);
    exps[r] = e;
    for (let y = 0; y < L; y++) {
      const q = Math.round((model.w[s * L + y] as number) / scale);
      bytes[r * L + y] = Math.max(-127, Math.min(127, q));
    }
  });
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    version: 1,
    bits: opts.bits,
    stacked: opts.stack,
    labels: [...LABELS],
    exponents: toBase64(new Uint8Array(exps.buffer)),
    transitions: [...model.transitions].map(round),
    slots: toBase64(encodeSlots(slotsKept)),
    weights: toBase64(new Uint8Array(bytes.buffer)),
  };
}

// ---------------------------------------------------------------------------------------------

function evaluate(
  name: string,
  model: EmissionWeights & { transitions: Float32Array },
  stacked: boolean,
): void {
  const { samples, docs } = load(readCorpusFile(name), getLexicon(), false);
  const scored: ScoredDocument[] = [];
  samples.forEach((s, k) => {
    const labels = decodeTwoPass(s, model, stacked);
    const src = docs[k] as ScoredDocumentSource;
    const predicted = labelSpans(labels, s.table.n)
      .filter((sp) => sp.type === 'PER' || sp.type === 'LOC')
      .map((sp) => ({
        start: (src.tokens[sp.start] as Token).start,
        end: (src.tokens[sp.end - 1] as Token).end,
        type: sp.type,
      }));
    scored.push({ gold: src.gold, predicted });
  });
  const r = scoreDocuments(scored, { types: ['PER', 'LOC'] });
  const pct = (x: number) => (100 * x).toFixed(1);
  const line = [...r.types, r.micro]
    .map(
      (t) =>
        `${t.type} P ${pct(t.precision)} R ${pct(t.recall)} F ${pct(t.f1)} (ovl ${pct(t.overlap.f1)})`,
    )
    .join(' | ');
  console.error(`${name}${stacked ? '' : ' (first pass)'}: ${line}`);
}

/** Two passes as at runtime: without evidence, then with the evidence of the first pass. */
function decodeTwoPass(
  s: Sample,
  model: EmissionWeights & { transitions: Float32Array },
  stacked: boolean,
): Uint8Array {
  const labels = new Uint8Array(s.table.n);
  s.table.evidence = null;
  const first = featureEmission(s.table, s.lang, model);
  for (const seg of s.segs) decodeSegment(seg, first, model.transitions, labels, false);
  if (!stacked) return labels;
  setDocumentEvidence(s.table, labels);
  const second = featureEmission(s.table, s.lang, model);
  const out = new Uint8Array(s.table.n);
  for (const seg of s.segs) decodeSegment(seg, second, model.transitions, out, false);
  s.table.evidence = null;
  return out;
}

/** First-pass labels of every train document from models that did not see it (K folds). */
function jackknife(samples: Sample[], opts: TrainOptions, folds: number): void {
  for (let k = 0; k < folds; k++) {
    const rest = samples.filter((_, i) => i % folds !== k);
    const model = train(rest, { ...opts, epochs: opts.priorEpochs });
    model.average();
    samples.forEach((s, i) => {
      if (i % folds !== k) return;
      const labels = decodeTwoPass(s, model, false);
      setDocumentEvidence(s.table, labels);
      s.evidence = s.table.evidence;
      s.table.evidence = null;
    });
    opts.log(`jackknife fold ${k + 1}/${folds} done`);
  }
}

/**
 * The tagger trained on `docs` (gold spans labelled as goldLabels says), with the features of
 * `lex`: what the CLI writes to model.json, and what the cross-validation trains per fold.
 */
export function trainModel(
  docs: readonly TrainingDocument[],
  lex: Lexicon,
  opts: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): ModelData {
  return exportModel(trainPerceptron(docs, lex, opts), opts);
}

function trainPerceptron(
  docs: readonly TrainingDocument[],
  lex: Lexicon,
  opts: TrainOptions,
): Perceptron {
  const started = performance.now();
  const { samples } = load(docs, lex, true);
  opts.log(
    `loaded ${samples.length} documents, ${samples.reduce((n, s) => n + s.table.n, 0)} tokens (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (opts.stack) jackknife(samples, opts, 4);
  const model = train(samples, opts);
  model.average();
  // Parameter mixing: the perceptron's result depends much on the order it sees the segments in
  // (about a point of F1 between shuffling seeds on the dev splits); the mean of the averaged
  // weights of several runs with different seeds is a steadier linear model (a uniform ensemble).
  for (let k = 1; k < opts.ensemble; k++) {
    const other = train(samples, { ...opts, seed: opts.seed + k });
    other.average();
    for (let i = 0; i < model.w.length; i++) {
      model.w[i] = (model.w[i] as number) + (other.w[i] as number);
    }
    for (let i = 0; i < model.transitions.length; i++) {
      model.transitions[i] = (model.transitions[i] as number) + (other.transitions[i] as number);
    }
  }
  if (opts.ensemble > 1) {
    for (let i = 0; i < model.w.length; i++) model.w[i] = (model.w[i] as number) / opts.ensemble;
    for (let i = 0; i < model.transitions.length; i++) {
      model.transitions[i] = (model.transitions[i] as number) / opts.ensemble;
    }
  }
  for (const s of samples) s.table.evidence = null;
  return model;
}

/** The file's text: one line of JSON (what model.json holds). */
export function modelJson(data: ModelData): string {
  return `${JSON.stringify(data)}\n`;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const set = readTrainingSet(opts.splits);
  // NEREL first, then CoNLL-2003, each in split and file order (the shuffling's seed does the rest).
  const model = trainPerceptron([...set.ru, ...set.en], getLexicon(), opts);
  const data = exportModel(model, opts);
  const json = modelJson(data);
  writeFileSync(opts.out, json);
  console.error(
    `wrote ${opts.out}: ${json.length} bytes, ${data.weights.length} base64 weight chars (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  // Choosing the pruning threshold: size against dev scores of the raw tagger.
  for (const prune of (process.env.GLOSSA_PRUNE_SWEEP ?? '').split(',').filter(Boolean)) {
    const swept = exportModel(model, { ...opts, prune: Number(prune) });
    const bytes = JSON.stringify(swept).length;
    console.error(`prune ${prune}: ${bytes} bytes`);
    for (const name of ['nerel-dev.jsonl', 'conll2003-dev.jsonl', 'factru-dev.jsonl']) {
      evaluate(name, loadModel(swept), opts.stack);
    }
  }
  if (opts.eval) {
    for (const name of ['nerel-dev.jsonl', 'conll2003-dev.jsonl', 'factru-dev.jsonl']) {
      const loaded = loadModel(data);
      if (opts.stack) evaluate(name, loaded, false);
      evaluate(name, loaded, opts.stack);
    }
  }
}

if (isEntryPoint(import.meta.url)) main();

/**
 * Runs the trained sequence tagger over a text and turns its spans into candidates with
 * canonical names (the tagger only says where a person or place is; the lexicon and the
 * morphology rules say what it is called in the nominative).
 */
import type { EntityType } from '../entities';
import { PLACE_ADJECTIVES_RU } from './curated/place-adjectives';
import { modelData } from './data/source';
import { displayLike } from './display-names';
import { loadShippedModel } from './model/binary';
import {
  type DocumentEvidence,
  evidenceFeatures,
  MAX_FEATURES,
  type NeighbourRole,
  neighbourFeatures,
  ownFeatures,
  setDocumentEvidence,
  shapeFeatures,
  shapeKey,
  sideShapeFeature,
  type TokenTable,
  tokenTable,
  wordPairFeatures,
} from './model/features';
import {
  L,
  labelSpans,
  segments,
  type TaggedSpan,
  transitionBounds,
  viterbi,
} from './model/tagger';
import type { LoadedModel } from './model/weights';
import { personForSpan } from './people';
import { placeCanonical } from './places';
import { adjectiveNominative } from './russian';
import { type Candidate, newCandidate, type TokenizedText, taggedCopy } from './tokenized-text';
import type { Token } from './tokens';

let shared: LoadedModel | null = null;

/**
 * The tagger weights, decoded on first use and kept: decoding is a noticeable part of a cold
 * start (docs/recognition.md, "Measured figures behind the rules").
 */
export function getTagger(): LoadedModel {
  if (!shared) shared = loadShippedModel(modelData());
  return shared;
}

/**
 * Summed weights of the per-word feature groups, by role and word: words recur (Zipf), so most
 * tokens cost a few map lookups instead of a dozen probes into the weight table.
 */
const LABEL_COUNT = L;

/**
 * Emission scores are sums over feature groups (see features.ts). Per-word groups (the word as a
 * neighbour in each role; the word itself with its neighbours' shape classes) and the
 * small-valued "shape" group are cached; only word pairs are looked up token by token. Words
 * recur (Zipf), so most tokens cost a few table reads and two probes into the weight table.
 * Bounded: caches are dropped when full. The cached sums are added in another order than
 * training adds the same weights: scores may differ in the last bits of a float, not more.
 *
 * The cached rows live in one pool (offsets, not arrays): the text's start and end rows, per word
 * its four neighbour rows, and its context rows.
 */
/** Word → its index: neighbourAt[index] is the pool offset of its four neighbour rows. */
const wordCache = new Map<string, number>();
let neighbourAt = new Int32Array(1024);
/**
 * The word in its own context: its own features and its pairs with the neighbours' shape
 * classes, summed in one row per (word index, shape class, previous and next shape class);
 * open addressing, keyed by the index and the three classes packed (31: the text's edge).
 */
let contextCap = 1 << 14;
let contextWord = new Int32Array(contextCap).fill(-1);
let contextShapes = new Int32Array(contextCap);
let contextAt = new Int32Array(contextCap);
let contextCount = 0;
let pool = new Float32Array(1 << 16);
let poolUsed = 0;
/** Pool offset of the text's start and end rows in each neighbour role (−1: not computed). */
let edgeAt = -1;

/** A zeroed block of the pool; may replace the pool (offsets stay valid). */
function allocate(size: number): number {
  if (poolUsed + size > pool.length) {
    let cap = pool.length;
    while (poolUsed + size > cap) cap *= 2;
    const grown = new Float32Array(cap);
    grown.set(pool.subarray(0, poolUsed));
    pool = grown;
  }
  const at = poolUsed;
  poolUsed += size;
  pool.fill(0, at, poolUsed);
  return at;
}

function clearWordCache(): void {
  wordCache.clear();
  contextWord.fill(-1);
  contextCount = 0;
  poolUsed = 0;
  edgeAt = -1;
}

/**
 * "Shape" group rows by shapeKey (a few thousand distinct values): open addressing on the three
 * key integers, cleared when half full.
 */
const SHAPE_CAP = 16384;
const shapeKeys = new Int32Array(SHAPE_CAP * 3);
const shapeUsed = new Uint8Array(SHAPE_CAP);
const shapeRows = new Float32Array(SHAPE_CAP * L);
let shapeCount = 0;
const shapeProbe = new Int32Array(3);

/** Index of the cached "shape" row of token i, computed on a miss. */
function shapeRow(model: LoadedModel, table: TokenTable, i: number, lang: number): number {
  shapeKey(table, i, lang, shapeProbe);
  const a = shapeProbe[0] as number;
  const b = shapeProbe[1] as number;
  const c = shapeProbe[2] as number;
  let h =
    (Math.imul(a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x9e3779b1) >>> 18) &
    (SHAPE_CAP - 1);
  for (;;) {
    if (!shapeUsed[h]) break;
    if (shapeKeys[h * 3] === a && shapeKeys[h * 3 + 1] === b && shapeKeys[h * 3 + 2] === c)
      return h;
    h = (h + 1) & (SHAPE_CAP - 1);
  }
  if (shapeCount >= SHAPE_CAP / 2) {
    shapeUsed.fill(0);
    shapeCount = 0;
    return shapeRow(model, table, i, lang);
  }
  shapeUsed[h] = 1;
  shapeCount++;
  shapeKeys[h * 3] = a;
  shapeKeys[h * 3 + 1] = b;
  shapeKeys[h * 3 + 2] = c;
  const row = shapeRows.subarray(h * L, (h + 1) * L);
  row.fill(0);
  model.add(ids, shapeFeatures(table, i, lang, ids, 0), row);
  return h;
}
const CACHE_LIMIT = 50000;
/**
 * "Document" group rows by their five small inputs packed in one integer (see tagSpans): open
 * addressing, cleared when half full.
 */
const EVIDENCE_CAP = 8192;
const evidenceKeys = new Int32Array(EVIDENCE_CAP).fill(-1);
const evidenceRows = new Float32Array(EVIDENCE_CAP * L);
let evidenceCount = 0;

/** Index of the cached "document" row of token i (key: its packed inputs), computed on a miss. */
function evidenceRow(model: LoadedModel, table: TokenTable, i: number, key: number): number {
  let h = (Math.imul(key, 0x9e3779b1) >>> 19) & (EVIDENCE_CAP - 1);
  for (;;) {
    const k = evidenceKeys[h] as number;
    if (k === key) return h;
    if (k < 0) break;
    h = (h + 1) & (EVIDENCE_CAP - 1);
  }
  if (evidenceCount >= EVIDENCE_CAP / 2) {
    evidenceKeys.fill(-1);
    evidenceCount = 0;
    return evidenceRow(model, table, i, key);
  }
  evidenceKeys[h] = key;
  evidenceCount++;
  const row = evidenceRows.subarray(h * L, (h + 1) * L);
  row.fill(0);
  model.add(ids, evidenceFeatures(table, i, ids, 0), row);
  return h;
}
const ids = new Uint32Array(MAX_FEATURES);

/** Index of the word of token j (its neighbour rows computed on a miss). */
function wordIndex(model: LoadedModel, table: TokenTable, j: number): number {
  const word = table.words[j] as string;
  let index = wordCache.get(word);
  if (index === undefined) {
    index = wordCache.size;
    if (index >= neighbourAt.length) {
      const grown = new Int32Array(neighbourAt.length * 2);
      grown.set(neighbourAt);
      neighbourAt = grown;
    }
    const neighbour = allocate(4 * LABEL_COUNT);
    for (let role = 0; role < 4; role++) {
      const count = neighbourFeatures(table, j, role as NeighbourRole, ids, 0);
      model.add(ids, count, pool, neighbour + role * LABEL_COUNT);
    }
    neighbourAt[index] = neighbour;
    wordCache.set(word, index);
  }
  return index;
}

function contextSlot(index: number, shapes: number): number {
  const mask = contextCap - 1;
  let h = (Math.imul(index ^ Math.imul(shapes, 0x85ebca6b), 0x9e3779b1) >>> 15) & mask;
  for (;;) {
    const w = contextWord[h] as number;
    if (w < 0 || (w === index && contextShapes[h] === shapes)) return h;
    h = (h + 1) & mask;
  }
}

/** Doubles the context table (kept at most half full). */
function growContext(): void {
  const words = contextWord;
  const shapes = contextShapes;
  const at = contextAt;
  contextCap *= 2;
  contextWord = new Int32Array(contextCap).fill(-1);
  contextShapes = new Int32Array(contextCap);
  contextAt = new Int32Array(contextCap);
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as number;
    if (w < 0) continue;
    const h = contextSlot(w, shapes[k] as number);
    contextWord[h] = w;
    contextShapes[h] = shapes[k] as number;
    contextAt[h] = at[k] as number;
  }
}

/** Pool offset of the context row of token j, whose word has index `index`. */
function contextRow(model: LoadedModel, table: TokenTable, j: number, index: number): number {
  const shapePrev = j > 0 ? (table.shape[j - 1] as number) : 31;
  const shapeNext = j + 1 < table.n ? (table.shape[j + 1] as number) : 31;
  const shapes = ((table.shape[j] as number) << 10) | (shapePrev << 5) | shapeNext;
  let h = contextSlot(index, shapes);
  if (contextWord[h] === index) return contextAt[h] as number;
  if (contextCount + 1 > contextCap / 2) {
    growContext();
    h = contextSlot(index, shapes);
  }
  const at = allocate(LABEL_COUNT);
  let count = ownFeatures(table, j, ids, 0);
  const key = table.key[j] as number;
  ids[count++] = sideShapeFeature(key, 0, shapePrev);
  ids[count++] = sideShapeFeature(key, 1, shapeNext);
  model.add(ids, count, pool, at);
  contextWord[h] = index;
  contextShapes[h] = shapes;
  contextAt[h] = at;
  contextCount++;
  return at;
}

/** Pool offset of the scores of the text's start and end in each neighbour role. */
function edges(model: LoadedModel, table: TokenTable): number {
  if (edgeAt < 0) {
    edgeAt = allocate(4 * LABEL_COUNT);
    for (let role = 0; role < 4; role++) {
      const count = neighbourFeatures(table, -1, role as NeighbourRole, ids, 0);
      model.add(ids, count, pool, edgeAt + role * LABEL_COUNT);
    }
  }
  return edgeAt;
}

/**
 * The caches above hold sums of one model's weights: they are dropped when another model tags
 * (cross-validation runs one model per fold in one process).
 */
let cachedFor: LoadedModel | null = null;
let bounds: Float32Array = new Float32Array(0);

function useModel(model: LoadedModel): void {
  if (cachedFor === model) return;
  clearWordCache();
  shapeUsed.fill(0);
  shapeCount = 0;
  evidenceKeys.fill(-1);
  evidenceCount = 0;
  bounds = transitionBounds(model.transitions);
  cachedFor = model;
}

/**
 * Per-token buffers of tagSpans, kept between texts and grown as needed: made anew for every
 * text they were large short-lived allocations (tagging is synchronous, so one set is enough).
 */
const scratch = {
  base: new Float32Array(0),
  emit: new Float32Array(0),
  context: new Int32Array(0),
  neighbour: new Int32Array(0),
  labels: new Uint8Array(0),
};

/** Makes every scratch buffer hold at least n tokens. */
function reserveScratch(n: number): void {
  if (scratch.labels.length >= n) return;
  const cap = Math.max(n, scratch.labels.length * 2);
  scratch.base = new Float32Array(cap * LABEL_COUNT);
  scratch.emit = new Float32Array(cap * LABEL_COUNT);
  scratch.context = new Int32Array(cap);
  scratch.neighbour = new Int32Array(cap);
  scratch.labels = new Uint8Array(cap);
}

/** The tagger's spans over a text, with the shipped model unless another is given. */
export function tagSpans(
  tokenized: TokenizedText,
  rules?: Uint8Array,
  model = getTagger(),
): TaggedSpan[] {
  useModel(model);
  const table = tokenTable(tokenized, rules);
  const n = table.n;
  const lang = tokenized.lang === 'ru' ? 1 : tokenized.lang === 'en' ? 2 : 3;
  const L = LABEL_COUNT;
  // Rows made for this text must stay valid until it is tagged: drop the cache before, not during.
  if (wordCache.size + table.vocab.length > CACHE_LIMIT) clearWordCache();
  const edge = edges(model, table);
  // Per distinct word its index, then per token the pool offsets of its rows.
  const vocabIndex = new Int32Array(table.vocab.length).fill(-1);
  reserveScratch(n);
  const { context, neighbour, labels } = scratch;
  for (let j = 0; j < n; j++) {
    const v = table.wid[j] as number;
    let index = vocabIndex[v] as number;
    if (index < 0) {
      index = wordIndex(model, table, j);
      vocabIndex[v] = index;
    }
    context[j] = contextRow(model, table, j, index);
    neighbour[j] = neighbourAt[index] as number;
  }
  const rows = pool;
  const pair = new Uint32Array(8);
  // First pass: emission scores of every token, one row of L per token (no document evidence).
  // The second pass only adds the evidence features (a few lookups per token) and decodes again.
  const base = scratch.base;
  base.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const at = i * L;
    model.add(pair, wordPairFeatures(table, i, pair, 0), base, at);
    const sh = shapeRow(model, table, i, lang) * L;
    const o = context[i] as number;
    const p1 = i > 0 ? (neighbour[i - 1] as number) : edge;
    const n1 = (i + 1 < n ? (neighbour[i + 1] as number) : edge) + L;
    const p2 = (i > 1 ? (neighbour[i - 2] as number) : edge) + 2 * L;
    const n2 = (i + 2 < n ? (neighbour[i + 2] as number) : edge) + 3 * L;
    for (let y = 0; y < L; y++) {
      base[at + y] =
        (base[at + y] as number) +
        (shapeRows[sh + y] as number) +
        (rows[o + y] as number) +
        (rows[p1 + y] as number) +
        (rows[n1 + y] as number) +
        (rows[p2 + y] as number) +
        (rows[n2 + y] as number);
    }
  }
  const segs = segments(table);
  for (const seg of segs) viterbi(base, 0, seg, model.transitions, labels, true, bounds);
  if (!model.stacked) return labelSpans(labels, n);
  setDocumentEvidence(table, labels);
  const ev = table.evidence as DocumentEvidence;
  const emit = scratch.emit;
  for (let i = 0; i < n; i++) {
    const at = i * L;
    // The evidence features of a token depend on five small values: cache their sum.
    const key =
      ((ev.prior[i] as number) << 21) |
      ((i > 0 ? (ev.prior[i - 1] as number) : 0) << 17) |
      ((ev.word[i] as number) << 11) |
      ((ev.stem[i] as number) << 5) |
      (table.shape[i] as number);
    const add = evidenceRow(model, table, i, key) * L;
    for (let y = 0; y < L; y++) {
      emit[at + y] = (base[at + y] as number) + (evidenceRows[add + y] as number);
    }
  }
  // The second decoding overwrites every label of the first (the segments cover the text).
  for (const seg of segs) viterbi(emit, 0, seg, model.transitions, labels, true, bounds);
  return labelSpans(labels, n);
}

const ADJECTIVE_STEM =
  /^(.*(?:ск|цк))(?:ий|ый|ая|ое|ие|ые|ого|ой|ому|им|ым|ом|ую|их|ых|ими|ыми|ей)$/;

/** "российских" → Россия; unknown adjectives → their masculine nominative. */
export function placeOfAdjective(token: Token): string {
  const m = ADJECTIVE_STEM.exec(token.key);
  const stem = m?.[1];
  if (stem) {
    const place = PLACE_ADJECTIVES_RU[stem];
    if (place) return place;
  }
  return displayLike(adjectiveNominative(token.key, 'm', false), token.text);
}

/**
 * A person's name ends in a capitalised word (or an initial): a tagged span that runs on into
 * lower-case words ("Михальчука И. Ф. подписан") ends before them. Particles stay inside a name
 * ("Ludwig van Beethoven"), never at its end. Scripts without case (CJK) are left as they are.
 */
function withoutLowerCaseEnd(tokenized: TokenizedText, span: TaggedSpan): TaggedSpan {
  let end = span.end;
  while (end > span.start) {
    const t = tokenized.tokens[end - 1] as Token;
    if (t.kind !== 'word' || t.shape !== 'lower') break;
    end--;
  }
  return end === span.end ? span : { ...span, end };
}

/** A span the tagger found, as a candidate of tier 5 in uniformCandidate's shape. */
function taggedSpan(start: number, end: number, type: EntityType, canonical: string): Candidate {
  const c = newCandidate(start, end, type, canonical, 5);
  c.tagged = true;
  return c;
}

/** Candidates for the tagger's PER and LOC spans (GEA: place adjectives, see index.ts). */
export function taggedCandidates(
  tokenized: TokenizedText,
  spans: readonly TaggedSpan[],
): Candidate[] {
  // Keyed by type and token extent, as one number (exact below 2^53: texts of up to 60 million
  // tokens).
  const n = tokenized.tokens.length + 1;
  const extent = (type: string, start: number, end: number) =>
    (start * n + end) * 2 + (type === 'PER' ? 0 : 1);
  const byExtent = new Map<number, Candidate>();
  for (const c of tokenized.candidates) {
    if (c.type !== 'PER' && c.type !== 'LOC') continue;
    const key = extent(c.type, c.start, c.end);
    const old = byExtent.get(key);
    if (!old || c.tier > old.tier) byExtent.set(key, c);
  }
  const out: Candidate[] = [];
  for (const tagged of spans) {
    const s = tagged.type === 'PER' ? withoutLowerCaseEnd(tokenized, tagged) : tagged;
    if (s.end <= s.start) continue;
    if (s.type === 'PER' || s.type === 'LOC') {
      const rule = byExtent.get(extent(s.type, s.start, s.end));
      if (rule) out.push(taggedCopy(rule, 5));
      else if (s.type === 'PER') out.push(taggedCopy(personForSpan(tokenized, s.start, s.end), 5));
      else {
        const canonical = placeCanonical(tokenized, s.start, s.end);
        out.push(taggedSpan(s.start, s.end, 'LOC', canonical));
      }
    } else if (s.type === 'GEA') {
      const t = tokenized.tokens[s.start] as Token;
      const place = taggedSpan(s.start, s.end, 'LOC', placeOfAdjective(t));
      place.adjective = true;
      out.push(place);
    } else {
      out.push(taggedSpan(s.start, s.end, 'ORG', ''));
    }
  }
  return out;
}

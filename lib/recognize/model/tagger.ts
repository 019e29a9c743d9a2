/**
 * The sequence tagger: a linear model over hashed token features with first-order label
 * transitions, decoded by Viterbi (labels BIO over PER, LOC, GEA = a place written as an adjective
 * such as "российских", ORG and MSC = other names). Linear in the number of tokens. Training lives
 * in scripts/train.ts; this module only scores and decodes.
 */
import { MAX_FEATURES, type TokenTable, tokenFeatures } from './features';

export const LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-LOC',
  'I-LOC',
  'B-GEA',
  'B-ORG',
  'I-ORG',
  'B-MSC',
  'I-MSC',
] as const;
export const L = LABELS.length;
const LABEL_COUNT = LABELS.length;
export type SpanType = 'PER' | 'LOC' | 'GEA' | 'ORG' | 'MSC';

/** allowed[prev * L + cur]: I-X only continues B-X or I-X (prev = L means sentence start). */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let c = 0; c < L; c++) {
      const cur = LABELS[c] as string;
      if (!cur.startsWith('I-')) {
        a[p * L + c] = 1;
        continue;
      }
      const prev = p < L ? (LABELS[p] as string) : 'O';
      a[p * L + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
    }
  }
  return a;
})();

/**
 * 1 for labels any label may precede (O, B-X); the others are I-X, which only continue B-X
 * (the label before it in LABELS) or I-X itself (checked here, relied on by viterbi).
 */
const FROM_ANY: Uint8Array = (() => {
  const a = new Uint8Array(L);
  for (let y = 0; y < L; y++) {
    let count = 0;
    for (let p = 0; p < L; p++) count += ALLOWED[p * L + y] as number;
    if (count === L) a[y] = 1;
    else if (count !== 2 || !ALLOWED[(y - 1) * L + y] || !ALLOWED[y * L + y])
      throw new Error('unexpected label structure');
  }
  return a;
})();

// viterbi's loop over predecessors is unrolled for the ten labels (one code path, which the
// engine optimises better than an unrolled and a general one side by side).
if (L !== 10) throw new Error('viterbi is written for ten labels');

/** Emission margin beyond which a label is not considered (see decodeSegment). */
const PRUNE_MARGIN = 150;

/** Adds the weights of feature ids to scores[0..L). */
export interface EmissionWeights {
  add(ids: Uint32Array, count: number, scores: Float32Array): void;
}

export interface Segment {
  start: number;
  end: number;
}

/**
 * Sentence-sized pieces of a text (decoding and training both work on these): cut at line breaks
 * and sentence starts, but not after an initial or abbreviation ("U.S.", "В. Путин").
 */
export function segments(tt: TokenTable, maxLength = 200): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= tt.n; i++) {
    let boundary = i === tt.n || i - start >= maxLength;
    if (!boundary) {
      const flags = tt.flags[i] as number;
      if (flags & 4) boundary = true;
      else if (flags & 1) {
        // "В. Путин", "Дж.Коми", "U.S.": a period after an initial or glued to the next word.
        const before = i >= 2 ? (tt.words[i - 2] as string) : '';
        const initial = before.length <= 2 && ((tt.shape[i - 2] as number) & 7) >= 3;
        boundary = !(flags & 8) && !initial;
      }
    }
    if (boundary) {
      if (i > start) out.push({ start, end: i });
      start = i;
    }
  }
  return out;
}

/** Scratch buffers reused across calls (the decoder is synchronous and single-threaded). */
let scratchEmit = new Float32Array(0);
let scratchScore = new Float32Array(0);
let scratchBack = new Uint8Array(0);
const scratchRow = new Float32Array(LABELS.length);

/** Adds the emission scores of token i (all labels) to row[0..L). */
export type Emission = (i: number, row: Float32Array) => void;

/** Emission scores from the full feature list of each token (training and tests). */
export function featureEmission(
  tt: TokenTable,
  lang: number,
  weights: EmissionWeights,
  record?: (i: number, ids: Uint32Array, count: number) => void,
): Emission {
  const ids = new Uint32Array(MAX_FEATURES);
  return (i, row) => {
    const count = tokenFeatures(tt, i, lang, ids);
    record?.(i, ids, count);
    weights.add(ids, count, row);
  };
}

/**
 * Viterbi over one segment; writes label indexes into labels[start..end). At runtime labels
 * whose emission is PRUNE_MARGIN below the token's best are not expanded (on the dev splits this
 * changes no decision at margins of 100 and more; the transitions span about 30).
 */
export function decodeSegment(
  seg: Segment,
  emission: Emission,
  transitions: Float32Array,
  labels: Uint8Array,
  /** Skip labels far below a token's best emission (runtime); training decodes exactly. */
  prune = true,
): void {
  const L = LABEL_COUNT;
  const len = seg.end - seg.start;
  if (scratchEmit.length < len * L) scratchEmit = new Float32Array(len * L * 2);
  const emit = scratchEmit;
  // One scratch row, copied into place (a subarray view per token would cost an allocation).
  const row = scratchRow;
  for (let t = 0; t < len; t++) {
    row.fill(0);
    emission(seg.start + t, row);
    const at = t * L;
    for (let y = 0; y < L; y++) emit[at + y] = row[y] as number;
  }
  viterbi(emit, -seg.start, seg, transitions, labels, prune);
}

/**
 * For viterbi's shortcut: bounds[best * L + y] is the highest transition into label y from any
 * label but `best`. Made once per model (training changes its transitions in place: it decodes
 * without them).
 */
export function transitionBounds(transitions: Float32Array): Float32Array {
  const bounds = new Float32Array(L * L);
  for (let best = 0; best < L; best++) {
    for (let y = 0; y < L; y++) {
      let top = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < L; p++) {
        if (p !== best && (transitions[p * L + y] as number) > top)
          top = transitions[p * L + y] as number;
      }
      bounds[best * L + y] = top;
    }
  }
  return bounds;
}

/**
 * Viterbi over the tokens of seg, with the emission scores of token i at
 * emit[(i + offset) * L ..) (offset 0: a matrix of the whole text).
 */
export function viterbi(
  emit: Float32Array,
  offset: number,
  seg: Segment,
  transitions: Float32Array,
  labels: Uint8Array,
  prune = true,
  /** transitionBounds(transitions): skips most of the max over predecessors (same result). */
  bounds?: Float32Array,
): void {
  const L = LABEL_COUNT;
  const len = seg.end - seg.start;
  if (scratchScore.length < len * L) {
    scratchScore = new Float32Array(len * L * 2);
    scratchBack = new Uint8Array(len * L * 2);
  }
  const score = scratchScore;
  const back = scratchBack;
  const e0 = (seg.start + offset) * L;
  for (let y = 0; y < L; y++) {
    score[y] = ALLOWED[L * L + y]
      ? (emit[e0 + y] as number) + (transitions[L * L + y] as number)
      : Number.NEGATIVE_INFINITY;
  }
  for (let t = 1; t < len; t++) {
    const prevBase = (t - 1) * L;
    const at = t * L;
    const et = e0 + at;
    // Labels far below this token's best emission cannot win through transitions (their
    // range is a few tens): skip their max over predecessors.
    let floor = Number.NEGATIVE_INFINITY;
    if (prune) {
      let top = Number.NEGATIVE_INFINITY;
      for (let y = 0; y < L; y++) {
        const e = emit[et + y] as number;
        if (e > top) top = e;
      }
      floor = top - PRUNE_MARGIN;
    }
    const q0 = score[prevBase] as number;
    const q1 = score[prevBase + 1] as number;
    const q2 = score[prevBase + 2] as number;
    const q3 = score[prevBase + 3] as number;
    const q4 = score[prevBase + 4] as number;
    const q5 = score[prevBase + 5] as number;
    const q6 = score[prevBase + 6] as number;
    const q7 = score[prevBase + 7] as number;
    const q8 = score[prevBase + 8] as number;
    const q9 = score[prevBase + 9] as number;
    // The best and second-best predecessor: when the best one's path, even with its own
    // transition, beats the second-best's with the highest transition any other label has into y,
    // no other predecessor can win (additions round monotonically) and the loop is skipped.
    let first = 0;
    let q = q0;
    let second = Number.NEGATIVE_INFINITY;
    if (bounds) {
      for (let p = 1; p < L; p++) {
        const s = score[prevBase + p] as number;
        if (s > q) {
          second = q;
          q = s;
          first = p;
        } else if (s > second) second = s;
      }
    }
    for (let y = 0; y < L; y++) {
      const e = emit[et + y] as number;
      if (e < floor) {
        score[at + y] = Number.NEGATIVE_INFINITY;
        back[at + y] = 0;
        continue;
      }
      // Predecessors in ascending order, strict comparison: ties go to the lowest label.
      let best: number;
      let arg: number;
      if (
        FROM_ANY[y] &&
        bounds &&
        q + (transitions[first * L + y] as number) > second + (bounds[first * L + y] as number)
      ) {
        best = q + (transitions[first * L + y] as number);
        arg = first;
      } else if (FROM_ANY[y]) {
        // Unrolled over the ten predecessors (the same comparisons in the same order).
        best = q0 + (transitions[y] as number);
        arg = 0;
        let s: number;
        s = q1 + (transitions[1 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 1;
        }
        s = q2 + (transitions[2 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 2;
        }
        s = q3 + (transitions[3 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 3;
        }
        s = q4 + (transitions[4 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 4;
        }
        s = q5 + (transitions[5 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 5;
        }
        s = q6 + (transitions[6 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 6;
        }
        s = q7 + (transitions[7 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 7;
        }
        s = q8 + (transitions[8 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 8;
        }
        s = q9 + (transitions[9 * L + y] as number);
        if (s > best) {
          best = s;
          arg = 9;
        }
      } else {
        // I-X: after B-X (y − 1) or I-X (y).
        const a = (score[prevBase + y - 1] as number) + (transitions[(y - 1) * L + y] as number);
        const b = (score[prevBase + y] as number) + (transitions[y * L + y] as number);
        best = Number.NEGATIVE_INFINITY;
        arg = 0;
        if (a > best) {
          best = a;
          arg = y - 1;
        }
        if (b > best) {
          best = b;
          arg = y;
        }
      }
      score[at + y] = best + e;
      back[at + y] = arg;
    }
  }
  let y = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < L; k++) {
    const s = score[(len - 1) * L + k] as number;
    if (s > best) {
      best = s;
      y = k;
    }
  }
  for (let t = len - 1; t >= 0; t--) {
    labels[seg.start + t] = y;
    if (t > 0) y = back[t * L + y] as number;
  }
}

export interface TaggedSpan {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: SpanType;
}

/** Spans of a BIO label sequence. */
export function labelSpans(labels: Uint8Array, n: number): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let i = 0;
  while (i < n) {
    const name = LABELS[labels[i] as number] as string;
    if (name === 'O') {
      i++;
      continue;
    }
    const type = name.slice(2) as SpanType;
    let j = i + 1;
    while (j < n && LABELS[labels[j] as number] === `I-${type}`) j++;
    out.push({ start: i, end: j, type });
    i = j;
  }
  return out;
}

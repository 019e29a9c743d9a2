/**
 * Token features of the sequence tagger, shared by training (scripts/train.ts) and the runtime,
 * so both see exactly the same ids. Features are 32-bit hashes of (template, value): the word and
 * its neighbours, shape, prefixes and suffixes, a crude stem, sentence position, headline lines,
 * how the same word is written elsewhere in the text, and what the hand-kept lexicons and the
 * OpenCorpora dictionary say about it (first name, surname, place; curated place, organisation or
 * treaty phrase). Lists learned from the train corpora are left out on purpose: on the train
 * split they are right almost always, so a model trained with them would over-trust them.
 */
import type { TokenizedText } from '../tokenized-text';
import type { Token } from '../tokens';

// Hashing lives here (not in its own module) so that the hot loops call local functions.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values (murmur3 finaliser on a combination): order-sensitive. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** Most features one token gets (the runtime and training allocate this many slots). */
export const MAX_FEATURES = 48;

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Word shape class: punctuation, number, lower, Title, single capital, CAPS, mixed; +8 hyphenated. */
function shapeClass(t: Token): number {
  if (t.kind === 'punct') return 0;
  if (t.kind === 'num') return 1;
  let c: number;
  if (t.shape === 'lower') c = 2;
  else if (t.shape === 'title') c = 3;
  else if (t.shape === 'upper') c = t.text.length === 1 ? 4 : 5;
  else c = /\p{N}/u.test(t.text) ? 7 : 6;
  return t.key.includes('-') ? c + 8 : c;
}

const LEX_CODES: Record<string, number> = { LOC: 1, ORG: 2, TREATY: 3, PER: 4, ROLE: 5 };
/** Lexicon code of month and weekday names (capitalised in English, never names). */
const CALENDAR_CODE = 6 * 4 + 3;
const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec январь января январе февраль февраля феврале март марта марте апрель апреля апреле май мая мае июнь июня июне июль июля июле август августа августе сентябрь сентября сентябре октябрь октября октябре ноябрь ноября ноябре декабрь декабря декабре понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье'.split(
    ' ',
  ),
);

export interface DocumentEvidence {
  prior: Uint8Array;
  word: Uint8Array;
  stem: Uint8Array;
}

/**
 * Label index → entity kind slot (B-/I- of one type share one; 5 = outside any name); must
 * follow tagger.ts LABELS. The evidence masks have bit (1 << slot) per kind.
 */
const KIND_SLOT = [5, 0, 0, 1, 1, 2, 3, 3, 4, 4];
/** Bit 32: seen elsewhere, always outside any name. */
const SEEN_OUTSIDE = 32;

/** Length of a word's crude stem: the word less its last two letters (words of 5 and more). */
function stemLength(word: string): number {
  return word.length >= 5 ? word.length - 2 : word.length;
}

/** Whether two words have the same stem (stem lengths given). */
function sameStem(a: string, aLength: number, b: string, bLength: number): boolean {
  if (aLength !== bLength) return false;
  for (let k = 0; k < aLength; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/**
 * Sets the document-level evidence of a table from first-pass labels: for each word token, the
 * kinds of names the other occurrences of the same word (and stem, for Cyrillic) were tagged as.
 */
export function setDocumentEvidence(tt: TokenTable, labels: Uint8Array): void {
  const n = tt.n;
  // Distinct words and stems get small ids; counts per id and kind slot (0–4 kinds, 5 none).
  const vocab = tt.vocab;
  const wordIdOf = new Int32Array(vocab.length).fill(-1);
  const stemIdOf = new Int32Array(vocab.length).fill(-1);
  // Stem ids through open addressing on the stem's hash, each slot checked against a word with
  // that stem (no stem strings are made).
  let cap = 16;
  while (cap < vocab.length * 2) cap *= 2;
  const slotWord = new Int32Array(cap).fill(-1);
  const slotStem = new Int32Array(cap);
  let stemCount = 0;
  let wordCount = 0;
  const wordOf = new Int32Array(n).fill(-1);
  const stemOf2 = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const sh = (tt.shape[i] as number) & 7;
    if (sh < 2 || sh === 7) continue;
    const v = tt.wid[i] as number;
    let id = wordIdOf[v] as number;
    if (id < 0) {
      id = wordCount++;
      wordIdOf[v] = id;
    }
    wordOf[i] = id;
    if (tt.script[i] === 1) {
      let sid = stemIdOf[v] as number;
      if (sid < 0) {
        const word = vocab[v] as string;
        const length = stemLength(word);
        let h = hashString(word, 0, length) & (cap - 1);
        for (;;) {
          const other = slotWord[h] as number;
          if (other < 0) {
            sid = stemCount++;
            slotWord[h] = v;
            slotStem[h] = sid;
            break;
          }
          const otherWord = vocab[other] as string;
          if (sameStem(otherWord, stemLength(otherWord), word, length)) {
            sid = slotStem[h] as number;
            break;
          }
          h = (h + 1) & (cap - 1);
        }
        stemIdOf[v] = sid;
      }
      stemOf2[i] = sid;
    }
  }
  const wordCounts = new Int32Array(wordCount * 6);
  const stemCounts = new Int32Array(stemCount * 6);
  for (let i = 0; i < n; i++) {
    const w = wordOf[i] as number;
    if (w < 0) continue;
    const slot = KIND_SLOT[labels[i] as number] as number;
    wordCounts[w * 6 + slot] = (wordCounts[w * 6 + slot] as number) + 1;
    const st = stemOf2[i] as number;
    if (st >= 0) stemCounts[st * 6 + slot] = (stemCounts[st * 6 + slot] as number) + 1;
  }
  const mask = (counts: Int32Array, id: number, ownSlot: number): number => {
    let m = 0;
    let others = 0;
    for (let slot = 0; slot < 6; slot++) {
      const k = (counts[id * 6 + slot] as number) - (slot === ownSlot ? 1 : 0);
      if (k <= 0) continue;
      others += k;
      if (slot < 5) m |= 1 << slot;
    }
    return others > 0 && m === 0 ? SEEN_OUTSIDE : m;
  };
  const ev: DocumentEvidence = {
    prior: new Uint8Array(n),
    word: new Uint8Array(n),
    stem: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    ev.prior[i] = (labels[i] as number) + 1;
    const w = wordOf[i] as number;
    if (w < 0) continue;
    const own = KIND_SLOT[labels[i] as number] as number;
    ev.word[i] = mask(wordCounts, w, own);
    const st = stemOf2[i] as number;
    if (st >= 0) ev.stem[i] = mask(stemCounts, st, own);
  }
  tt.evidence = ev;
}

/** Group "document": the first pass's label here and the word's labels elsewhere. */
export function evidenceFeatures(tt: TokenTable, i: number, out: Uint32Array, c: number): number {
  const ev = tt.evidence;
  if (!ev) return c;
  const shape = tt.shape[i] as number;
  out[c++] = mix(44, ev.prior[i] as number);
  const word = ev.word[i] as number;
  if (word) out[c++] = mix3(41, word, shape);
  const stem = ev.stem[i] as number;
  if (stem && stem !== word) out[c++] = mix3(43, stem, shape);
  const prev = i > 0 ? (ev.prior[i - 1] as number) : 0;
  out[c++] = mix3(45, prev, ev.prior[i] as number);
  return c;
}

/** Per-token values the templates combine; computed once per text. */
export interface TokenTable {
  n: number;
  /** Lookup keys of the tokens (for caches keyed by word). */
  words: string[];
  /** Per token, the index of its key in vocab (the distinct keys of the text, first seen first). */
  wid: Int32Array;
  vocab: string[];
  key: Uint32Array;
  shape: Uint8Array;
  /** Curated phrase coverage: code * 4 + position (1 first, 2 inside, 3 single). */
  lex: Uint8Array;
  /** Dictionary readings: 1 first name, 2 surname, 4 place, 8 one of them is also a common word. */
  reading: Uint8Array;
  /** 1: a role word ends right before; 2: the token is a role word. */
  role: Uint8Array;
  /** 1: the same word is written Title Case inside a sentence elsewhere; 2: in lower case elsewhere. */
  elsewhere: Uint8Array;
  /** What the rules alone mark (rules.ts ruleCodes), 0 when not given. */
  rule: Uint8Array;
  /**
   * Document-level evidence from a first tagging pass (setDocumentEvidence), or null: per token,
   * its own first-pass label + 1 (0 none), and bit masks of the entity kinds the first pass gave
   * the same word (and, in Russian, the same stem) elsewhere in the text.
   */
  evidence: DocumentEvidence | null;
  flags: Uint8Array; // 1 sentence start, 2 headline line, 4 newline before, 8 no space before
  script: Uint8Array;
}

function scriptCode(t: Token): number {
  return t.script === 'cyr' ? 1 : t.script === 'lat' ? 2 : 3;
}

export function tokenTable(tokenized: TokenizedText, rule?: Uint8Array): TokenTable {
  const { tokens, wid, vocab } = tokenized;
  const n = tokens.length;
  const words: string[] = new Array(n);
  for (let i = 0; i < n; i++) words[i] = vocab[wid[i] as number] as string;
  const table: TokenTable = {
    n,
    words,
    wid,
    vocab,
    key: new Uint32Array(n),
    shape: new Uint8Array(n),
    lex: new Uint8Array(n),
    reading: new Uint8Array(n),
    role: new Uint8Array(n),
    elsewhere: new Uint8Array(n),
    rule: rule ?? new Uint8Array(n),
    evidence: null,
    flags: new Uint8Array(n),
    script: new Uint8Array(n),
  };
  // Per distinct word: 1 written Title Case inside a sentence somewhere, 2 in lower case; its hash.
  const seen = new Uint8Array(vocab.length);
  const hashes = new Uint32Array(vocab.length);
  const calendar = new Uint8Array(vocab.length);
  const readingOf = new Int8Array(vocab.length).fill(-1);
  for (let v = 0; v < vocab.length; v++) {
    const k = vocab[v] as string;
    hashes[v] = hashString(k);
    if (CALENDAR.has(k)) calendar[v] = 1;
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') continue;
    const v = wid[i] as number;
    if (t.shape === 'lower') seen[v] = (seen[v] as number) | 2;
    else if (t.shape === 'title' && !t.sentenceStart && !tokenized.capsLine[i])
      seen[v] = (seen[v] as number) | 1;
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const v = wid[i] as number;
    table.key[i] = hashes[v] as number;
    table.shape[i] = shapeClass(t);
    table.script[i] = scriptCode(t);
    let flags = 0;
    if (t.sentenceStart) flags |= 1;
    if (tokenized.capsLine[i]) flags |= 2;
    if (t.gap === '\n') flags |= 4;
    if (t.gap === '') flags |= 8;
    table.flags[i] = flags;
    if (t.kind === 'word') {
      table.elsewhere[i] = seen[v] as number;
      if (t.script === 'cyr' && t.shape !== 'lower') {
        // The readings follow from the word: summed once per distinct word.
        let r = readingOf[v] as number;
        if (r < 0) {
          r = 0;
          for (const reading of tokenized.readings(i)) {
            if (reading.kind === 'F') r |= 1;
            else if (reading.kind === 'S' || reading.kind === 'P') r |= 2;
            else if (reading.kind === 'G') r |= 4;
            if (reading.lemma.ambiguous) r |= 8;
          }
          readingOf[v] = r;
        }
        table.reading[i] = r;
      }
    }
    if (!table.lex[i] && calendar[v]) table.lex[i] = CALENDAR_CODE;
    if (tokenized.isRole[i]) table.role[i] = (table.role[i] as number) | 2;
    const m = tokenized.phraseAt[i];
    if (m?.entry.curated && m.entry.type !== 'PER') {
      const code = LEX_CODES[m.entry.type] ?? 0;
      if (m.end === i + 1) table.lex[i] = code * 4 + 3;
      else {
        if (!table.lex[i]) table.lex[i] = code * 4 + 1;
        for (let k2 = i + 1; k2 < m.end; k2++) if (!table.lex[k2]) table.lex[k2] = code * 4 + 2;
      }
    }
    const roleEnd = tokenized.roleEnd[i] ?? 0;
    if (roleEnd > 0 && roleEnd < n) table.role[roleEnd] = (table.role[roleEnd] as number) | 1;
  }
  return table;
}

/*
 * Feature groups. The emission score of a token is the sum of the weights of its features; most
 * high-cardinality features depend on one token only (its own word, or a neighbour's word in a
 * fixed role), so the runtime caches their summed weights per word (lib/recognize/tagged.ts)
 * and only the context group is looked up token by token. Training uses tokenFeatures, the
 * concatenation of all groups, so both compute exactly the same scores.
 */

/** Group "own": the token's word, stem, prefixes and suffixes (depends on word and shape). */
export function ownFeatures(tt: TokenTable, j: number, out: Uint32Array, c: number): number {
  const shape = tt.shape[j] as number;
  const k = tt.words[j] as string;
  const len = k.length;
  out[c++] = mix(2, tt.key[j] as number);
  // Stems, prefixes and suffixes are hashed here rather than per token: the runtime calls this
  // once per distinct word.
  if (len > 3) out[c++] = mix(24, hashString(k, 0, len > 5 ? len - 2 : len - 1));
  for (let p = 1; p <= 3; p++) if (len > p) out[c++] = mix(24 + p, hashString(k, 0, p));
  for (let s = 1; s <= 4; s++) if (len > s) out[c++] = mix3(27 + s, hashString(k, len - s), shape);
  return c;
}

/** Role of a neighbour: 0 previous, 1 next, 2 two before, 3 two after. */
export type NeighbourRole = 0 | 1 | 2 | 3;

/** A neighbour's word in a role (j out of range: the text's start or end). */
export function neighbourFeatures(
  tt: TokenTable,
  j: number,
  role: NeighbourRole,
  out: Uint32Array,
  c: number,
): number {
  const inside = j >= 0 && j < tt.n;
  const key = inside ? (tt.key[j] as number) : role === 0 || role === 2 ? BOS : EOS;
  out[c++] = mix(3 + role, key);
  if (inside && role < 2) {
    const k = tt.words[j] as string;
    if (k.length > 3) out[c++] = mix(32 + role, hashString(k, k.length - 3));
  }
  return c;
}

/**
 * The small-valued properties the "shape" group depends on, packed into three integers (the
 * runtime's cache key for that group's summed weights).
 */
export function shapeKey(tt: TokenTable, i: number, lang: number, out: Int32Array): void {
  const n = tt.n;
  const shapePrev = i > 0 ? (tt.shape[i - 1] as number) : 31;
  const shapeNext = i + 1 < n ? (tt.shape[i + 1] as number) : 31;
  out[0] =
    (lang << 28) |
    (shapePrev << 23) |
    ((tt.shape[i] as number) << 18) |
    (shapeNext << 13) |
    ((tt.flags[i] as number) << 9) |
    ((tt.elsewhere[i] as number) << 7) |
    ((tt.script[i] as number) << 5) |
    ((tt.role[i] as number) << 3) |
    (tt.rule[i] as number);
  out[1] =
    ((tt.lex[i] as number) << 20) |
    ((i > 0 ? (tt.lex[i - 1] as number) : 0) << 15) |
    ((i + 1 < n ? (tt.lex[i + 1] as number) : 0) << 10) |
    ((i > 0 ? (tt.rule[i - 1] as number) : 0) << 5) |
    (i + 1 < n ? (tt.rule[i + 1] as number) : 0);
  out[2] =
    ((tt.reading[i] as number) << 8) |
    ((i > 0 ? (tt.reading[i - 1] as number) : 0) << 4) |
    (i + 1 < n ? (tt.reading[i + 1] as number) : 0);
}

/**
 * Group "shape": features of small-valued properties only (shapes, flags, lexicon codes,
 * dictionary readings), the same for every token with the same shapeSignature.
 */
export function shapeFeatures(
  tt: TokenTable,
  i: number,
  lang: number,
  out: Uint32Array,
  c: number,
): number {
  const n = tt.n;
  const shape = tt.shape[i] as number;
  const shapePrev = i > 0 ? (tt.shape[i - 1] as number) : 31;
  const shapeNext = i + 1 < n ? (tt.shape[i + 1] as number) : 31;
  const flags = tt.flags[i] as number;
  out[c++] = mix(1, lang);
  out[c++] = mix3(7, lang, shape);
  out[c++] = mix3(8, lang, (shapePrev << 10) | (shape << 5) | shapeNext);
  // Features with a "nothing to say" value are left out: always-on features act as extra biases
  // and slow the perceptron down.
  if (flags & 3) out[c++] = mix3(11, shape, flags & 3);
  const elsewhere = tt.elsewhere[i] as number;
  if (elsewhere) out[c++] = mix3(12, shape, elsewhere);
  out[c++] = mix3(13, shape, tt.script[i] as number);
  const lex = tt.lex[i] as number;
  if (lex) {
    out[c++] = mix(14, lex);
    out[c++] = mix3(15, lex, shape);
  }
  const lexPrev = i > 0 ? (tt.lex[i - 1] as number) : 0;
  if (lexPrev) out[c++] = mix(16, lexPrev);
  const lexNext = i + 1 < n ? (tt.lex[i + 1] as number) : 0;
  if (lexNext) out[c++] = mix(17, lexNext);
  const reading = tt.reading[i] as number;
  if (reading) out[c++] = mix3(18, reading, shape);
  const readingPrev = i > 0 ? (tt.reading[i - 1] as number) : 0;
  if (readingPrev) out[c++] = mix(19, readingPrev);
  const readingNext = i + 1 < n ? (tt.reading[i + 1] as number) : 0;
  if (readingNext) out[c++] = mix(20, readingNext);
  if (reading && readingNext) out[c++] = mix3(21, reading, readingNext);
  const role = tt.role[i] as number;
  if (role) out[c++] = mix3(22, role, shape);
  if (flags >> 2) out[c++] = mix3(23, flags >> 2, shape);
  const rule = tt.rule[i] as number;
  if (rule) out[c++] = mix3(36, rule, shape);
  const rulePrev = i > 0 ? (tt.rule[i - 1] as number) : 0;
  if (rulePrev) out[c++] = mix3(37, rulePrev, rule);
  const ruleNext = i + 1 < n ? (tt.rule[i + 1] as number) : 0;
  if (ruleNext) out[c++] = mix3(38, ruleNext, rule);
  return c;
}

/** Group "pair": word pairs and word–neighbour-shape pairs (looked up for every token). */
export function pairFeatures(tt: TokenTable, i: number, out: Uint32Array, c: number): number {
  c = wordPairFeatures(tt, i, out, c);
  const shapePrev = i > 0 ? (tt.shape[i - 1] as number) : 31;
  const shapeNext = i + 1 < tt.n ? (tt.shape[i + 1] as number) : 31;
  out[c++] = sideShapeFeature(tt.key[i] as number, 0, shapePrev);
  out[c++] = sideShapeFeature(tt.key[i] as number, 1, shapeNext);
  return c;
}

/** The word with the previous word and with the next word. */
export function wordPairFeatures(tt: TokenTable, i: number, out: Uint32Array, c: number): number {
  const n = tt.n;
  const key = tt.key[i] as number;
  const prev = i > 0 ? (tt.key[i - 1] as number) : BOS;
  const next = i + 1 < n ? (tt.key[i + 1] as number) : EOS;
  out[c++] = mix3(9, prev, key);
  out[c++] = mix3(10, key, next);
  return c;
}

/**
 * The word (key: its hash) with the shape class of its previous (side 0) or next (side 1)
 * neighbour, 31 at the text's edge: depends on the word and one small value, so the runtime
 * caches its weights per word.
 */
export function sideShapeFeature(key: number, side: 0 | 1, shape: number): number {
  return side === 0 ? mix3(34, shape, key) : mix3(35, key, shape);
}

/** All feature ids of token i (training; the runtime sums the same groups with caching). */
export function tokenFeatures(tt: TokenTable, i: number, lang: number, out: Uint32Array): number {
  let c = shapeFeatures(tt, i, lang, out, 0);
  c = pairFeatures(tt, i, out, c);
  c = ownFeatures(tt, i, out, c);
  c = neighbourFeatures(tt, i - 1, 0, out, c);
  c = neighbourFeatures(tt, i + 1, 1, out, c);
  c = neighbourFeatures(tt, i - 2, 2, out, c);
  c = neighbourFeatures(tt, i + 2, 3, out, c);
  return evidenceFeatures(tt, i, out, c);
}

/**
 * Per-text working state shared by the rule modules: tokens, language, lexicon lookups (cached)
 * and the candidate spans the rules propose.
 */
import type { EntityType, TreatyInfo } from '../entities';
import type { Lexicon, PhraseEntry, PhraseHit, WordReading } from './lexicon';
import { SCOPE_EN, SCOPE_OTHER, SCOPE_RU } from './lexicon-format';
import type { Token } from './tokens';

export type Lang = 'ru' | 'en' | 'other';

export interface PersonInfo {
  /** Display nominatives of the name parts that were seen. */
  first?: string;
  patronymic?: string;
  initials?: string;
  surname?: string;
  /** Possible nominative keys of the surname, most likely first (for grouping). */
  surnameKeys: string[];
  eastAsian?: boolean;
  /** Written with a first name, initials or as a whole East Asian name. */
  full: boolean;
}

/**
 * The person with every field present, in one order (absent ones undefined): the rules read
 * person fields on every candidate, and objects of five shapes made such reads slow (as for
 * candidates, uniformCandidate below).
 */
export function personInfo(p: PersonInfo): PersonInfo {
  return {
    first: p.first,
    patronymic: p.patronymic,
    initials: p.initials,
    surname: p.surname,
    surnameKeys: p.surnameKeys,
    eastAsian: p.eastAsian,
    full: p.full,
  };
}

/** A proposed span over tokens [start, end). Higher tier = more trusted. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  canonical: string;
  tier: number;
  person?: PersonInfo;
  /** Found by the trained tagger (as opposed to a rule or the lexicon alone). */
  tagged?: boolean;
  /** A place written as an adjective ("российских"). */
  adjective?: boolean;
  /** A name noun introduced it ("под именем ДЖЕЙ-ЗИ"): the text says outright it is a name. */
  cued?: boolean;
  /** The registered treaty a TREATY span names (treaty-register.ts). */
  treaty?: TreatyInfo;
}

/**
 * The candidate with every field present, in one order (absent ones undefined). Rules make
 * candidates of many shapes (with or without person, tagged, cued…); the steps after the choice
 * read them all, and reading fields of objects of many shapes is slow in JS engines. Same
 * values: only the absent fields become present and undefined.
 */
export function uniformCandidate(c: Candidate): Candidate {
  return {
    start: c.start,
    end: c.end,
    type: c.type,
    canonical: c.canonical,
    tier: c.tier,
    person: c.person,
    tagged: c.tagged,
    adjective: c.adjective,
    cued: c.cued,
    treaty: c.treaty,
  };
}

/** A new candidate (no person, not tagged) in uniformCandidate's shape. */
export function newCandidate(
  start: number,
  end: number,
  type: EntityType,
  canonical: string,
  tier: number,
): Candidate {
  return {
    start,
    end,
    type,
    canonical,
    tier,
    person: undefined,
    tagged: undefined,
    adjective: undefined,
    cued: undefined,
    treaty: undefined,
  };
}

/** A new person candidate, the candidate and its person each in their one shape. */
export function newPerson(
  start: number,
  end: number,
  canonical: string,
  tier: number,
  person: PersonInfo,
): Candidate {
  const c = newCandidate(start, end, 'PER', canonical, tier);
  c.person = personInfo(person);
  return c;
}

/** A copy of the candidate over other tokens and with another name, in uniformCandidate's shape. */
export function respanned(c: Candidate, start: number, end: number, canonical: string): Candidate {
  const copy = uniformCandidate(c);
  copy.start = start;
  copy.end = end;
  copy.canonical = canonical;
  return copy;
}

/** A copy of the candidate as a place of that name (no person), in uniformCandidate's shape. */
export function asPlace(c: Candidate, canonical: string): Candidate {
  const copy = uniformCandidate(c);
  copy.type = 'LOC';
  copy.canonical = canonical;
  copy.person = undefined;
  return copy;
}

/**
 * A copy of the candidate as a tagged span of the given tier, in uniformCandidate's shape: a
 * spread ({ ...c, tier, tagged: true }) gives nearly every copy a hidden class of its own, which
 * makes every later read of these candidates slow.
 */
export function taggedCopy(c: Candidate, tier: number): Candidate {
  const copy = uniformCandidate(c);
  copy.tier = tier;
  copy.tagged = true;
  return copy;
}

export interface PhraseMatch {
  end: number;
  entry: PhraseEntry;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
  lex: Lexicon;
  lang: Lang;
  /** Token lies on a line written (almost) all in capitals or Title Case, like a headline. */
  capsLine: boolean[];
  /** Longest valid LOC/ORG/TREATY/PER phrase starting at each token. */
  phraseAt: (PhraseMatch | null)[];
  /** Type of the longest phrase covering each token (LOC/ORG/TREATY/PER), if any. */
  coveredBy: (PhraseEntry | null)[];
  /** End of a role word ("президент", "Minister") starting at each token, or 0. */
  roleEnd: number[];
  /** Token is a role word or inside one. */
  isRole: boolean[];
  candidates: Candidate[];
  /** Per token, the index of its key in vocab. */
  wid: Int32Array;
  /** The distinct token keys of the text, first seen first. */
  vocab: string[];
  readings(i: number): WordReading[];
}

export function scopeFor(lang: Lang, token: Token): number {
  if (lang === 'other') return SCOPE_OTHER;
  if (token.script === 'cyr') return lang === 'ru' ? SCOPE_RU : SCOPE_RU;
  if (token.script === 'lat') return SCOPE_EN;
  return 0;
}

/** Marks tokens on lines that are mostly capitals or Title Case (headlines). */
function capsLines(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let lineStart = 0;
  const flush = (end: number) => {
    let words = 0;
    let upper = 0;
    let long = 0;
    let title = 0;
    let plain = true;
    for (let i = lineStart; i < end; i++) {
      const t = tokens[i] as Token;
      if (t.kind === 'num' || t.text === ',' || t.text === '(') plain = false;
      if (t.kind !== 'word' || t.text.length < 2) continue;
      words++;
      if (t.shape === 'upper') upper++;
      if (t.text.length >= 4 && t.script === 'lat') {
        long++;
        if (t.shape === 'title') title++;
      }
    }
    // English Title Case headlines ("Russia Signs Treaty With China") count as capitals too.
    // Lists of names and result tables have numbers or commas; headlines rarely do.
    const last = tokens[end - 1];
    const headline = plain && words <= 14 && long >= 4 && title >= 0.8 * long && last?.text !== '.';
    const caps = (words >= 3 && upper >= 0.7 * words) || headline;
    if (caps) for (let i = lineStart; i < end; i++) out[i] = true;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (i > lineStart && (tokens[i] as Token).gap === '\n') {
      flush(i);
      lineStart = i;
    }
  }
  flush(tokens.length);
  return out;
}

const GLUE_LIMIT = 6;

/** Whether a phrase hit is acceptable where it stands (case, common-word forms, headlines). */
function acceptable(
  tokenized: TokenizedText,
  i: number,
  entry: PhraseEntry,
  ambiguous: boolean,
): boolean {
  const t = tokenized.tokens[i] as Token;
  if (entry.anyCase || entry.type === 'TREATY') return true;
  if (t.kind !== 'word' || t.shape === 'lower') return false;
  if (t.shape === 'other' && !/^\p{Lu}/u.test(t.text)) return false;
  if (!ambiguous) return true;
  if (tokenized.capsLine[i]) return false;
  if (t.shape === 'upper') return t.text.length > 1;
  return !t.sentenceStart;
}

/**
 * Writes each token's word id into wid and returns the distinct keys (one map lookup per token
 * here, and per distinct word, not per token, in the lookups keyed by the word and in the
 * tagger's features). A function of its own with nothing after its loop: the engine optimises
 * such a once-per-text loop mid-run, and code after it, which that optimised code had seen no
 * run of, made it drop the optimised code on every text.
 */
function wordIds(tokens: readonly Token[], wid: Int32Array): string[] {
  const n = tokens.length;
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const k = (tokens[i] as Token).key;
    let id = ids.get(k);
    if (id === undefined) {
      id = vocab.length;
      ids.set(k, id);
      vocab.push(k);
    }
    wid[i] = id;
  }
  return vocab;
}

export function createTokenizedText(
  text: string,
  tokens: Token[],
  lex: Lexicon,
  lang: Lang,
): TokenizedText {
  const n = tokens.length;
  const wid = new Int32Array(n);
  const vocab = wordIds(tokens, wid);
  // Readings by word: tokens with one key have one kind and script (both follow from the key).
  const cache: (WordReading[] | undefined)[] = new Array(vocab.length);
  const tokenized: TokenizedText = {
    text,
    tokens,
    lex,
    lang,
    capsLine: capsLines(tokens),
    phraseAt: new Array<PhraseMatch | null>(n).fill(null),
    coveredBy: new Array<PhraseEntry | null>(n).fill(null),
    roleEnd: new Array<number>(n).fill(0),
    isRole: new Array<boolean>(n).fill(false),
    candidates: [],
    wid,
    vocab,
    readings(i: number) {
      const t = tokens[i];
      if (!t) return [];
      const w = wid[i] as number;
      let r = cache[w];
      if (!r) {
        r = t.kind === 'word' && t.script === 'cyr' ? lex.analyze(t.key) : [];
        cache[w] = r;
      }
      return r;
    },
  };
  matchPhrases(tokenized);
  return tokenized;
}

/** Longest-match phrase lookup at every token (bounded length: linear in the text). */
function matchPhrases(tokenized: TokenizedText): void {
  const { tokens, lex, wid } = tokenized;
  const n = tokens.length;
  // Per word: 0 not looked up yet, 1 may start a phrase in lower case, 2 may not.
  const lowerStart = new Uint8Array(tokenized.vocab.length);
  // The lexicon's answers for one-word keys, per word: words recur, and their keys are looked up
  // at every occurrence (0/undefined: not looked up yet; continues: 1 yes, 2 no).
  const wordHits = new Array<PhraseHit[] | null | undefined>(tokenized.vocab.length);
  const wordContinues = new Uint8Array(tokenized.vocab.length);
  for (let i = 0; i < n; i++) {
    const first = tokens[i] as Token;
    if (first.kind === 'punct') continue;
    if (first.shape === 'lower' || first.kind === 'num') {
      const w = wid[i] as number;
      if (lowerStart[w] === 0) lowerStart[w] = lex.lowerStarts.has(first.key) ? 1 : 2;
      if (lowerStart[w] === 2) continue;
    }
    const scope = scopeFor(tokenized.lang, first);
    if (!scope) continue;
    let key = '';
    let words = 0;
    let glued = 0;
    let best: PhraseMatch | null = null;
    let role = 0;
    for (let j = i; j < n; j++) {
      const t = tokens[j] as Token;
      if (j > i) {
        if (t.gap === '\n') break;
        if (t.gap === '') {
          if (++glued > GLUE_LIMIT) break;
          key += t.key;
        } else {
          if (j === i + 1) {
            // key is still the first word's.
            const w = wid[i] as number;
            if (wordContinues[w] === 0) wordContinues[w] = lex.continues(key) ? 1 : 2;
            if (wordContinues[w] === 2) break;
          } else if (!lex.continues(key)) break;
          if (++words >= lex.maxPhraseWords) break;
          key += ` ${t.key}`;
        }
      } else key = t.key;
      let hits: PhraseHit[] | null | undefined;
      if (j === i) {
        const w = wid[i] as number;
        hits = wordHits[w];
        if (hits === undefined) {
          hits = lex.phrases(key) ?? null;
          wordHits[w] = hits;
        }
      } else hits = lex.phrases(key);
      if (!hits) continue;
      // The phrase must end at a word boundary: not inside "U.S.-led" style glued tokens.
      for (const h of hits) {
        if ((h.entry.scope & scope) === 0) continue;
        if (!acceptable(tokenized, i, h.entry, h.ambiguous)) continue;
        if (h.entry.type === 'ROLE') role = j + 1;
        else if (!best || j + 1 > best.end) best = { end: j + 1, entry: h.entry };
      }
    }
    tokenized.phraseAt[i] = best;
    if (role) {
      tokenized.roleEnd[i] = role;
      for (let k = i; k < role; k++) tokenized.isRole[k] = true;
    }
    if (best) {
      for (let k = i; k < best.end; k++) {
        const cur = tokenized.coveredBy[k];
        if (!cur) tokenized.coveredBy[k] = best.entry;
      }
    }
  }
}

/** Whether token i is a plain word written with a capital (a possible name part). */
export function isCapWord(tokenized: TokenizedText, i: number): boolean {
  const t = tokenized.tokens[i];
  if (t?.kind !== 'word') return false;
  if (t.shape === 'title') return true;
  return t.shape === 'other' && /^\p{Lu}/u.test(t.text) && /\p{Ll}/u.test(t.text);
}

/** The text of tokens [start, end), as written (with the spaces between them). */
export function spanText(tokenized: TokenizedText, start: number, end: number): string {
  return tokenized.text.slice(
    (tokenized.tokens[start] as Token).start,
    (tokenized.tokens[end - 1] as Token).end,
  );
}

/** 1 for every token inside one of the spans: where rules that only add names may not go. */
export function takenTokens(tokenized: TokenizedText, spans: readonly Candidate[]): Uint8Array {
  const taken = new Uint8Array(tokenized.tokens.length);
  // A loop, not fill(): spans are a few tokens, and the call costs more than the writes.
  for (const c of spans) for (let k = c.start; k < c.end; k++) taken[k] = 1;
  return taken;
}

const lowerCache = new WeakMap<TokenizedText, Set<string>>();

/** The words a text writes in lower case (is this capitalised word a common word here?). */
export function lowerCaseWords(tokenized: TokenizedText): Set<string> {
  let out = lowerCache.get(tokenized);
  if (!out) {
    out = new Set<string>();
    // An indexed loop over word ids: each word is added once (and a one-off call stays cheap
    // before the engine optimises it).
    const added = new Uint8Array(tokenized.vocab.length);
    for (let i = 0; i < tokenized.tokens.length; i++) {
      const t = tokenized.tokens[i] as Token;
      const w = tokenized.wid[i] as number;
      if (added[w] || t.kind !== 'word' || t.shape !== 'lower') continue;
      added[w] = 1;
      out.add(t.key);
    }
    lowerCache.set(tokenized, out);
  }
  return out;
}

/** Token i is a single capital letter followed directly by a period ("В." in "В. Путин"). */
export function isInitial(tokenized: TokenizedText, i: number): boolean {
  const t = tokenized.tokens[i];
  const dot = tokenized.tokens[i + 1];
  return (
    !!t &&
    !!dot &&
    dot.text === '.' &&
    dot.gap === '' &&
    (t.text === 'Дж' ||
      (t.shape === 'upper' &&
        (t.text.length === 1 ||
          (t.text.length === 2 && t.text.codePointAt(0) !== t.text.charCodeAt(0)))))
  );
}

/** Covered by a LOC, ORG or TREATY phrase (a name part cannot be one). */
export function isPlaceOrOrg(tokenized: TokenizedText, i: number): boolean {
  const e = tokenized.coveredBy[i];
  return !!e && e.type !== 'PER';
}

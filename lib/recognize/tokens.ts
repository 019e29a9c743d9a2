/**
 * Tokenizer shared by the runtime recognizer and the lexicon build, so that lexicon keys and
 * text keys are made by the same rules. Tokens never split a code point (the regexes use the
 * `u` flag), so spans built from token boundaries never split a surrogate pair.
 */

export type Shape = 'upper' | 'title' | 'lower' | 'other';
export type Script = 'cyr' | 'lat' | 'other';

export interface Token {
  /** Offsets in UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Lookup key: lower case, ё → е, typographic hyphens and apostrophes unified. */
  key: string;
  kind: 'word' | 'num' | 'punct';
  shape: Shape;
  script: Script;
  /** Whitespace before the token: '' (none), ' ' (spaces) or '\n' (a line break). */
  gap: '' | ' ' | '\n';
  /** First word of a sentence (after . ! ? …, a line break, or at the start). */
  sentenceStart: boolean;
}

// A word is letters/marks/digits, optionally joined by inner hyphens or apostrophes ("Нью-Йорк",
// "O'Brien", "Кот-д’Ивуар"). Anything else that is not whitespace is a one-code-point token.
// tokenize() scans by hand for the matches of
//   /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’ʼ][\p{L}\p{M}\p{N}]+)*|[^\s]/gu
const WORDISH_RE = /[\p{L}\p{N}]/u;
const CYR_RE = /\p{Script=Cyrillic}/u;
const LAT_RE = /\p{Script=Latin}/u;
const DIGITS_RE = /^\p{N}+$/u;
// English possessive and contractions stay separate tokens ("Clinton's" → "Clinton" "'s").
const POSSESSIVE_RE = /^(.*\p{L})(['’](?:s|S))$/u;
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const OPENERS = new Set(['"', '«', '„', '“', '(', '[', '-', '—', '–', "'", '‘']);

const SPECIAL_RE = /[ёЁ‐‑’ʼ]/;

/** Normalise a token or phrase for lookup (the same function builds lexicon keys). */
export function normalizeKey(s: string): string {
  const lower = s.toLowerCase();
  if (!SPECIAL_RE.test(lower)) return lower;
  return lower.replace(/ё/g, 'е').replace(/[‐‑]/g, '-').replace(/[’ʼ]/g, "'");
}

function shapeOf(text: string, lower: string): Shape {
  if (text === lower) return lower.toUpperCase() === lower ? 'other' : 'lower';
  const upper = text.toUpperCase();
  if (text === upper) return 'upper';
  const first = text[0] ?? '';
  if (first !== lower[0] && first === upper[0]) return 'title';
  return 'other';
}

function scriptOf(text: string): Script {
  const c = text.charCodeAt(0);
  if (c >= 0x400 && c <= 0x4ff) return 'cyr';
  if (c < 0x80 && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return 'lat';
  if (CYR_RE.test(text)) return 'cyr';
  if (LAT_RE.test(text)) return 'lat';
  return 'other';
}

/**
 * Fast path of makeToken for words written in ASCII and the basic Cyrillic alphabet (А–я, Ёё)
 * with ASCII or typographic hyphens and apostrophes: the same results as the general path,
 * from one pass over the char codes (no regular expressions, at most one case copy).
 */
function simpleToken(text: string, start: number, gap: Token['gap']): Token | null {
  let upper = 0;
  let lowerCount = 0;
  let digits = 0;
  let latin = 0;
  let cyrillic = 0;
  let special = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        upper++;
        latin++;
      } else if (c >= 0x61 && c <= 0x7a) {
        lowerCount++;
        latin++;
      } else if (c >= 0x30 && c <= 0x39) digits++;
    } else if (c >= 0x410 && c <= 0x44f) {
      cyrillic++;
      if (c < 0x430) upper++;
      else lowerCount++;
    } else if (c === 0x401 || c === 0x451) {
      cyrillic++;
      special = true;
      if (c === 0x401) upper++;
      else lowerCount++;
    } else if (c === 0x2010 || c === 0x2011 || c === 0x2019) special = true;
    else return null;
  }
  const letters = latin + cyrillic;
  const kind: Token['kind'] =
    letters + digits === 0 ? 'punct' : digits === text.length ? 'num' : 'word';
  let shape: Shape = 'other';
  let script: Script = 'other';
  if (kind === 'word') {
    if (upper === 0) shape = lowerCount > 0 ? 'lower' : 'other';
    else if (lowerCount === 0) shape = 'upper';
    else {
      const first = text.charCodeAt(0);
      const firstUpper =
        (first >= 0x41 && first <= 0x5a) || (first >= 0x410 && first < 0x430) || first === 0x401;
      shape = firstUpper ? 'title' : 'other';
    }
    // As scriptOf: the first character's script, else the first script found (Cyrillic first).
    const first = text.charCodeAt(0);
    if (first >= 0x400 && first <= 0x4ff) script = 'cyr';
    else if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) script = 'lat';
    else script = cyrillic > 0 ? 'cyr' : latin > 0 ? 'lat' : 'other';
  }
  const key = special ? normalizeKey(text) : upper ? text.toLowerCase() : text;
  return {
    start,
    end: start + text.length,
    text,
    key,
    kind,
    shape,
    script,
    gap,
    sentenceStart: false,
  };
}

function makeToken(text: string, start: number, gap: Token['gap']): Token {
  const fast = simpleToken(text, start, gap);
  if (fast) return fast;
  const lower = text.toLowerCase();
  const isWord = WORDISH_RE.test(text);
  const kind: Token['kind'] = !isWord ? 'punct' : DIGITS_RE.test(text) ? 'num' : 'word';
  return {
    start,
    end: start + text.length,
    text,
    key: SPECIAL_RE.test(lower) ? normalizeKey(lower) : lower,
    kind,
    shape: kind === 'word' ? shapeOf(text, lower) : 'other',
    script: kind === 'word' ? scriptOf(text) : 'other',
    gap,
    sentenceStart: false,
  };
}

// Character classes of the tokenizer, as TOKEN_RE sees them: 1 a word character (letter, mark or
// digit), 2 whitespace, 3 anything else. Filled lazily for UTF-16 code units; code points beyond
// the BMP (surrogate pairs) are classified through the regular expressions each time.
const WORD_CHAR_RE = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE_RE = /^\s$/u;
const unitClass = new Uint8Array(0x10000);

function classOfUnit(c: number): number {
  let k = unitClass[c] as number;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? 3 : WORD_CHAR_RE.test(ch) ? 1 : SPACE_RE.test(ch) ? 2 : 3;
    unitClass[c] = k;
  }
  return k;
}

/** Class of the code point at i (see unitClass); its width in code units goes to `width`. */
let width = 1;
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    width = 1;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return 1;
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 2 : 3;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      return WORD_CHAR_RE.test(text.slice(i, i + 2)) ? 1 : 3;
    }
  }
  width = 1;
  return classOfUnit(c);
}

/** Hyphens and apostrophes that may join two runs of word characters into one word. */
function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2010 || c === 0x2011 || c === 0x2bc;
}

/** End of the run of word characters starting at i (i itself if there is none). */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && classAt(text, i) === 1) i += width;
  return i;
}

/**
 * The matches of TOKEN_RE, scanned by hand: a word is a run of word characters, optionally
 * joined by single inner hyphens or apostrophes; any other non-space code point is a token.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let newSentence = true;
  let i = 0;
  let spaces = 0;
  let lineBreak = false;
  while (i < n) {
    const k = classAt(text, i);
    if (k === 2) {
      if (text.charCodeAt(i) === 10) lineBreak = true;
      spaces++;
      i += width;
      continue;
    }
    const start = i;
    let apostrophe = false;
    if (k === 1) {
      i = wordRunEnd(text, i + width);
      while (i + 1 < n) {
        const c = text.charCodeAt(i);
        if (!isJoiner(c)) break;
        const after = wordRunEnd(text, i + 1);
        if (after === i + 1) break;
        if (c === 0x27 || c === 0x2019) apostrophe = true;
        i = after;
      }
    } else i += width;
    const gap: Token['gap'] = lineBreak ? '\n' : spaces > 0 ? ' ' : '';
    spaces = 0;
    lineBreak = false;
    const word = text.slice(start, i);
    const poss = apostrophe && word.length > 2 ? POSSESSIVE_RE.exec(word) : null;
    if (poss?.[1] && poss[2] && LAT_RE.test(word)) {
      pushToken(tokens, makeToken(poss[1], start, gap), true);
      pushToken(tokens, makeToken(poss[2], start + poss[1].length, ''), false);
    } else {
      pushToken(tokens, makeToken(word, start, gap), true);
    }
  }
  return tokens;

  function pushToken(out: Token[], tok: Token, first: boolean): void {
    if (tok.gap === '\n' && first) newSentence = true;
    if (tok.kind !== 'punct') {
      tok.sentenceStart = newSentence;
      newSentence = false;
    } else if (SENTENCE_END.has(tok.text)) {
      newSentence = true;
    } else if (!OPENERS.has(tok.text)) {
      newSentence = false;
    }
    out.push(tok);
  }
}

/** Join tokens [from, to) into a lookup key: a space where the text had whitespace. */
export function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    key += i > from && t.gap !== '' ? ` ${t.key}` : t.key;
  }
  return key;
}

/** Lookup key of a lexicon phrase, made exactly as text keys are. */
export function phraseKey(phrase: string): string {
  const toks = tokenize(phrase);
  return keyOf(toks, 0, toks.length);
}

export const OPEN_QUOTES = new Set(['«', '"', '“', '„']);
export const CLOSE_QUOTES = new Set(['»', '"', '”', '“']);

/**
 * The span is exactly a quoted name: «Барселона» or «Ленинград» in quotes names a club, band,
 * paper or ship, «Жанна» an album.
 */
export function quotedName(tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const first = tokens[start];
  const after = tokens[end];
  return (
    !!before &&
    !!first &&
    !!after &&
    OPEN_QUOTES.has(before.text) &&
    first.gap === '' &&
    CLOSE_QUOTES.has(after.text) &&
    after.gap === ''
  );
}

/**
 * Whether the text has a number character (/\p{N}/u), read from the char codes while they are
 * ASCII (where 0–9 are the only ones) and by the regular expression from the first other one.
 */
export function hasNumberChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return /\p{N}/u.test(text);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** A word written as names are: capitalised (Title Case, CAPS, "McGirt"), no digit in it. */
export function nameShaped(t: Token | undefined): t is Token {
  if (t?.kind !== 'word' || hasNumberChar(t.text)) return false;
  return t.shape === 'title' || t.shape === 'upper' || /^\p{Lu}/u.test(t.text);
}

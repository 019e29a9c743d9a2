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
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’ʼ][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;
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

/** ASCII fast path of makeToken: same results, no regular expressions or case copies. */
function asciiToken(text: string, start: number, gap: Token['gap']): Token | null {
  let upper = 0;
  let lowerCount = 0;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return null;
    if (c >= 0x41 && c <= 0x5a) {
      upper++;
      letters++;
    } else if (c >= 0x61 && c <= 0x7a) {
      lowerCount++;
      letters++;
    } else if (c >= 0x30 && c <= 0x39) digits++;
  }
  const lower = upper ? text.toLowerCase() : text;
  const isWord = letters + digits > 0;
  const kind: Token['kind'] = !isWord ? 'punct' : digits === text.length ? 'num' : 'word';
  let shape: Shape = 'other';
  if (kind === 'word') {
    if (upper === 0) shape = lowerCount > 0 ? 'lower' : 'other';
    else if (lowerCount === 0) shape = 'upper';
    else {
      const first = text.charCodeAt(0);
      shape = first >= 0x41 && first <= 0x5a ? 'title' : 'other';
    }
  }
  return {
    start,
    end: start + text.length,
    text,
    key: lower,
    kind,
    shape,
    script: kind === 'word' && letters > 0 ? 'lat' : kind === 'word' ? 'other' : 'other',
    gap,
    sentenceStart: false,
  };
}

function makeToken(text: string, start: number, gap: Token['gap']): Token {
  const fast = asciiToken(text, start, gap);
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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let newSentence = true;
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const between = text.slice(last, start);
    const gap: Token['gap'] = between.includes('\n') ? '\n' : between.length > 0 ? ' ' : '';
    last = start + m[0].length;
    const parts: [string, number][] = [];
    const poss = m[0].length > 2 && /['’]/.test(m[0]) ? POSSESSIVE_RE.exec(m[0]) : null;
    if (poss?.[1] && poss[2] && LAT_RE.test(m[0])) {
      parts.push([poss[1], start], [poss[2], start + poss[1].length]);
    } else {
      parts.push([m[0], start]);
    }
    for (let p = 0; p < parts.length; p++) {
      const [t, s] = parts[p] as [string, number];
      const tok = makeToken(t, s, p === 0 ? gap : '');
      if (gap === '\n' && p === 0) newSentence = true;
      if (tok.kind !== 'punct') {
        tok.sentenceStart = newSentence;
        newSentence = false;
      } else if (SENTENCE_END.has(t)) {
        newSentence = true;
      } else if (!OPENERS.has(t)) {
        newSentence = false;
      }
      tokens.push(tok);
    }
  }
  return tokens;
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

/**
 * Runtime view of the generated lexicon: phrase lookup by token keys, and single-word analysis
 * (which first names, surnames or places a word form belongs to, and in which case). Data is
 * bundled with the code (no I/O) and parsed lazily, bucket by bucket, as texts need it.
 */

import { lexiconData } from './data/source';
import {
  bucketOf,
  FLAG_ANY_CASE,
  FLAG_CURATED,
  type LemmaKind,
  type LexiconData,
  MAX_CITY_ENDING,
  type PhraseType,
} from './lexicon-format';
import { memoized } from './memo';

export interface PhraseEntry {
  type: PhraseType;
  scope: number;
  anyCase: boolean;
  curated: boolean;
  canonical: string;
}

export interface PhraseHit {
  entry: PhraseEntry;
  /** The matched form is also a common word. */
  ambiguous: boolean;
}

/** One reading of a word form: a lemma of some kind, with the grammatical codes of the form. */
export interface WordReading {
  kind: LemmaKind;
  /** Lemma handle, for nominative(). */
  lemma: Lemma;
  /** Codes such as "gsm" (case, number, gender) this form has in the lemma's paradigm. */
  codes: string[];
}

export interface Lemma {
  stem: string;
  kind: LemmaKind;
  paradigm: number;
  /** The lemma is also a common word ("Вера", "Орёл"): needs stronger evidence. */
  ambiguous: boolean;
}

interface Paradigm {
  /** ending → codes */
  byEnding: Map<string, string[]>;
  /** [ending, code] in paradigm order */
  slots: [string, string][];
}

/** Whether any reading of a word is a lemma that is also a common word. */
export function isAmbiguous(readings: readonly WordReading[]): boolean {
  return readings.some((r) => r.lemma.ambiguous);
}

export interface Lexicon {
  /** Phrases whose lookup key is exactly `key`. */
  phrases(key: string): PhraseHit[] | undefined;
  /** Whether some phrase key continues `key` with a space. */
  continues(key: string): boolean;
  maxPhraseWords: number;
  /** Lower-case words that may start a phrase (all others never do). */
  lowerStarts: Set<string>;
  analyze(key: string): WordReading[];
  /** Nominative singular of a lemma in the wanted gender (m/f), as a lookup key. */
  nominative(lemma: Lemma, gender?: string): string;
  eastAsianSurnames: Map<string, boolean>;
  eastAsianSyllables: Set<string>;
  firstNamesEn: Set<string>;
  /** Whether a lower-case English word is a common word, or the plural of one (commonWordsEn). */
  isCommonWordEn(key: string): boolean;
  /** Whether a phrase key is an English place name that is no part of a person's (placesEn). */
  isPlaceEn(key: string): boolean;
  /** Canonical name of a world city one of whose Russian forms is `key` (placesRu). */
  placeRu(key: string): string | undefined;
  /**
   * Whether a world city's form of several tokens may start with the word `key` (false: no key
   * of several tokens that starts with this word is a city; such keys need not be made). True
   * for every word until a few hundred were asked (see placeRu's cityStarts).
   */
  cityStarts(key: string): boolean;
  /** Whether a phrase key is an English name that is never a person's (notPeopleEn). */
  isNotPersonEn(key: string): boolean;
  /** Whether a key is an English given name (firstNamesEn or the Moby lists' givenNamesEn). */
  isGivenNameEn(key: string): boolean;
  /** Capitalised words that are rarely name parts (see LexiconData.capsNotNames). */
  capsNotNames: Set<string>;
}

/** Index of the first item >= target in a sorted array (plain string order). */
function lowerBound(items: readonly string[], target: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as string) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EMPTY: readonly string[] = [];

/** Words asked about before the starts of city names of several tokens are gathered. */
const CITY_HEADS_AFTER = 200;

/** Splits a bucket's text on first use; lookups then binary-search it (no per-key parsing). */
function bucketReader(texts: Record<string, string>, separator: string) {
  const cache = new Map<string, readonly string[]>();
  return (key: string): readonly string[] => {
    const b = bucketOf(key);
    let items = cache.get(b);
    if (!items) {
      const text = texts[b];
      items = text ? text.split(separator) : EMPTY;
      cache.set(b, items);
    }
    return items;
  };
}

/** A lexicon over generated data (the shipped file, or one built for a cross-validation fold). */
export function lexiconFromData(data: LexiconData): Lexicon {
  // Phrase entries are parsed on first use.
  const entryRows = data.phrases.entries.split('\n');
  const entries: (PhraseEntry | undefined)[] = new Array(entryRows.length);
  const entry = (i: number): PhraseEntry => {
    let e = entries[i];
    if (!e) {
      const row = entryRows[i] ?? '';
      const [type, scope, flags] = row.split(' ', 3);
      const f = Number(flags);
      e = {
        type: type as PhraseType,
        scope: Number(scope),
        anyCase: (f & FLAG_ANY_CASE) !== 0,
        curated: (f & FLAG_CURATED) !== 0,
        canonical: row.slice(`${type} ${scope} ${flags} `.length),
      };
      entries[i] = e;
    }
    return e;
  };
  const phraseLines = bucketReader(data.phrases.keys, '\n');
  const phraseHits = memoized((key: string): PhraseHit[] | null => {
    const lines = phraseLines(key);
    const line = lines[lowerBound(lines, key)];
    if (!line?.startsWith(key) || line.charCodeAt(key.length) !== 9) return null;
    return line
      .slice(key.length + 1)
      .split(',')
      .map((id) =>
        id[0] === '~'
          ? { entry: entry(Number.parseInt(id.slice(1), 36)), ambiguous: true }
          : { entry: entry(Number.parseInt(id, 36)), ambiguous: false },
      );
  });
  const phrases = (key: string): PhraseHit[] | undefined => phraseHits(key) ?? undefined;
  const continues = memoized((key: string): boolean => {
    const lines = phraseLines(key);
    const prefix = `${key} `;
    return lines[lowerBound(lines, prefix)]?.startsWith(prefix) ?? false;
  });

  const endings = data.endings.split(',');
  let maxEnding = 0;
  for (const e of endings) maxEnding = Math.max(maxEnding, e.length);
  const paradigms: (Paradigm | undefined)[] = new Array(data.paradigms.length);
  const paradigm = (i: number): Paradigm => {
    let p = paradigms[i];
    if (!p) {
      const byEnding = new Map<string, string[]>();
      const slots: [string, string][] = [];
      for (const slot of (data.paradigms[i] ?? '').split(',')) {
        const colon = slot.indexOf(':');
        const ending = endings[Number(slot.slice(0, colon))] ?? '';
        const code = slot.slice(colon + 1);
        slots.push([ending, code]);
        const list = byEnding.get(ending);
        if (list) list.push(code);
        else byEnding.set(ending, [code]);
      }
      p = { byEnding, slots };
      paradigms[i] = p;
    }
    return p;
  };

  const lemmaItems = bucketReader(data.lemmas, ' ');
  const lemmasOf = (stem: string): Lemma[] | null => {
    const items = lemmaItems(stem);
    const prefix = `${stem}:`;
    const out: Lemma[] = [];
    for (let i = lowerBound(items, prefix); i < items.length; i++) {
      const item = items[i] as string;
      if (!item.startsWith(prefix)) break;
      const letter = item[prefix.length] as string;
      const kind = letter.toUpperCase() as LemmaKind;
      out.push({
        stem,
        kind,
        paradigm: Number.parseInt(item.slice(prefix.length + 1), 36),
        ambiguous: letter !== kind,
      });
    }
    return out.length ? out : null;
  };

  // Words recur across texts; readings are immutable, so they are shared.
  const analyze = memoized((key: string): WordReading[] => analyzeUncached(key));
  const analyzeUncached = (key: string): WordReading[] => {
    if (key.length < 2 || lemmaItems(key).length === 0) return [];
    const out: WordReading[] = [];
    for (let k = 0; k <= maxEnding && k <= key.length - 2; k++) {
      const lemmas = lemmasOf(k === 0 ? key : key.slice(0, key.length - k));
      if (!lemmas) continue;
      const ending = k === 0 ? '' : key.slice(key.length - k);
      for (const lemma of lemmas) {
        const codes = paradigm(lemma.paradigm).byEnding.get(ending);
        if (codes) out.push({ kind: lemma.kind, lemma, codes });
      }
    }
    return out;
  };

  const nominative = (lemma: Lemma, gender?: string): string => {
    const p = paradigm(lemma.paradigm);
    let fallback: string | null = null;
    for (const [ending, code] of p.slots) {
      if (code[0] !== 'n') continue;
      if (fallback === null) fallback = ending;
      if (!gender || code[2] === gender || code[2] === 'c' || code[2] === '-') {
        return lemma.stem + ending;
      }
    }
    return lemma.stem + (fallback ?? p.slots[0]?.[0] ?? '');
  };

  const eastAsianSurnames = new Map<string, boolean>();
  for (const s of data.eastAsian.surnames.split(' ')) {
    if (s.startsWith('~')) eastAsianSurnames.set(s.slice(1), true);
    else eastAsianSurnames.set(s, false);
  }

  // Built on the first English lookup only: Russian pages never pay for the English word list.
  let commonEn: Set<string> | null = null;
  const isCommonWordEn = (key: string): boolean => {
    commonEn ??= new Set(data.commonWordsEn.split(' '));
    if (commonEn.has(key)) return true;
    if (!key.endsWith('s')) return false;
    if (key.endsWith('ies') && commonEn.has(`${key.slice(0, -3)}y`)) return true;
    return commonEn.has(key.slice(0, -1)) || (key.endsWith('es') && commonEn.has(key.slice(0, -2)));
  };

  let placesEn: Set<string> | null = null;
  const isPlaceEn = (key: string): boolean => {
    placesEn ??= new Set(data.placesEn.split('|'));
    return placesEn.has(key);
  };
  // One line per city, keyed by its stem, made on first use: nothing at start-up. A key is a stem
  // plus an ending of at most MAX_CITY_ENDING letters: each cut is tried, longest stem first, and
  // nearly every word tried is no city, which the map answers with one hash per cut. Answers are
  // kept per key: words recur, and a cut is a new string to hash.
  let cityLines: ReadonlyMap<string, string> | null = null;
  const cities = (): ReadonlyMap<string, string> => {
    if (!cityLines) {
      const lines = new Map<string, string>();
      for (const line of data.placesRu ? data.placesRu.split('\n') : EMPTY) {
        const stem = line.slice(0, line.indexOf('\t'));
        if (!lines.has(stem)) lines.set(stem, line);
      }
      cityLines = lines;
    }
    return cityLines;
  };
  const cityOf = memoized((key: string): string | null => {
    const lines = cities();
    for (let cut = key.length; cut > 0 && cut >= key.length - MAX_CITY_ENDING; cut--) {
      const line = lines.get(key.slice(0, cut));
      if (line === undefined) continue;
      const [stem = '', endings = '', name] = line.split('\t');
      const list = endings.split(',');
      if (!list.includes(key.slice(cut))) continue;
      if (name) return name;
      const nominative = stem + (list[0] ?? '');
      return (nominative[0] ?? '').toUpperCase() + nominative.slice(1);
    }
    return null;
  });
  const placeRu = (key: string): string | undefined => cityOf(key) ?? undefined;
  // The starts are gathered once a text has asked about enough words: a short text (the first
  // one, at start-up) tries its few keys faster than the set is made. Until then every word may
  // start a city name (its keys are tried: the same answers, more slowly).
  let cityHeads: ReadonlySet<string> | null = null;
  let cityStartsAsked = 0;
  const cityStarts = (key: string): boolean => {
    if (!cityHeads) {
      if (++cityStartsAsked < CITY_HEADS_AFTER) return true;
      cityHeads = cityStemHeads(cities().keys());
    }
    return cityHeads.has(key);
  };
  let notPeopleEn: Set<string> | null = null;
  const isNotPersonEn = (key: string): boolean => {
    notPeopleEn ??= new Set(data.notPeopleEn.split('|'));
    return notPeopleEn.has(key);
  };
  let givenNamesEn: Set<string> | null = null;
  const firstNamesEn = new Set(data.firstNamesEn.split(' '));
  const isGivenNameEn = (key: string): boolean => {
    if (firstNamesEn.has(key)) return true;
    givenNamesEn ??= new Set(data.givenNamesEn.split(' '));
    return givenNamesEn.has(key);
  };

  return {
    phrases,
    continues,
    maxPhraseWords: data.phrases.maxWords,
    lowerStarts: new Set(data.phrases.lowerStarts.split(' ')),
    analyze,
    nominative,
    eastAsianSurnames,
    eastAsianSyllables: new Set(data.eastAsian.syllables.split(' ')),
    firstNamesEn,
    isCommonWordEn,
    isPlaceEn,
    placeRu,
    cityStarts,
    isNotPersonEn,
    isGivenNameEn,
    capsNotNames: new Set([...data.capsNotNames.ru.split(' '), ...data.capsNotNames.en.split(' ')]),
  };
}

/**
 * Plain letters and digits (word characters read without Unicode classes, which are slow to
 * run before the engine compiles them): most stems are all plain, the rest are read at their
 * other characters only.
 */
const PLAIN_WORD = /^[а-яёa-z0-9]*$/;
const NOT_PLAIN = /[^а-яёa-z0-9]/g;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** A letter, mark or digit (what word tokens are made of), read from the char code. */
function isWordUnit(c: number): boolean {
  if (c < 0x80)
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  // The Cyrillic block is letters and marks but for the thousands sign U+0482.
  if (c >= 0x400 && c <= 0x4ff) return c !== 0x482;
  return WORD_CHAR.test(String.fromCharCode(c));
}

/**
 * Every start of a city stem that ends before a character no word token holds (a space, a lone
 * hyphen): a text key of several tokens begins with its first word's key and such a character,
 * and the endings after a stem are letters, so a first word outside this set starts no city
 * name of several tokens.
 */
export function cityStemHeads(stems: Iterable<string>): Set<string> {
  const heads = new Set<string>();
  for (const stem of stems) {
    if (PLAIN_WORD.test(stem)) continue;
    NOT_PLAIN.lastIndex = 0;
    for (let m = NOT_PLAIN.exec(stem); m; m = NOT_PLAIN.exec(stem)) {
      if (m.index > 0 && !isWordUnit(stem.charCodeAt(m.index))) heads.add(stem.slice(0, m.index));
    }
  }
  return heads;
}

let shared: Lexicon | null = null;

/** The shipped lexicon (lib/recognize/data/lexicon.json), parsed once. */
export function getLexicon(): Lexicon {
  if (!shared) shared = lexiconFromData(lexiconData() as LexiconData);
  return shared;
}

/**
 * The reader's watch list: their own terms, found on a page in any inflected form ("санкции" also
 * marks "санкций", "санкциями"; "sanction" marks "sanctions"). Words are compared by their Snowball
 * stems (Russian or English, by script), so a term need not be in any dictionary; phrases match
 * word for word with only spaces between. Pure and small: it runs in the page, beside the painter.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import type { Mention } from '../entities';

/** Letters, marks and digits, with inner hyphens and apostrophes ("северо-восток", "O'Brien"). */
const WORD = /[\p{L}\p{M}\p{Nd}]+(?:[-‐'’][\p{L}\p{M}\p{Nd}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Between the words of a phrase: spaces only (never a sentence or paragraph break). */
const GAP = /^[ \t\u00a0]+$/;
/** Shorter words are compared whole: stems of "ЕС", "ООН", "UN" say nothing. */
const MIN_STEMMED = 4;
/**
 * Snowball cuts some nominatives deeper than their other forms ("полуостров" → "полуостр",
 * "полуострова" → "полуостров"): stems also match when one extends the other by this much.
 */
const STEM_SLACK = 2;

function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length >= MIN_STEMMED &&
    long.length - short.length <= STEM_SLACK &&
    long.startsWith(short)
  );
}

/** Terms are filed under the start of their first stem, so near stems meet in one bucket. */
const bucketOf = (stem: string) => stem.slice(0, MIN_STEMMED);

interface Word {
  start: number;
  end: number;
  stem: string;
}

function stemOf(word: string, cache: Map<string, string>): string {
  const key = word.toLowerCase().replace(/ё/g, 'е');
  let stem = cache.get(key);
  if (stem === undefined) {
    if (key.length < MIN_STEMMED) stem = key;
    else if (CYRILLIC.test(key)) stem = stemRussian(key);
    else if (LATIN.test(key)) stem = stemEnglish(key);
    else stem = key;
    cache.set(key, stem);
  }
  return stem;
}

function wordsOf(text: string, cache: Map<string, string>): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, stem: stemOf(m[0], cache) });
  }
  return out;
}

interface Term {
  term: string;
  stems: string[];
}

export interface WatchMatcher {
  /** Mentions of the watch terms in text (type WATCH, canonical: the term as the reader wrote it). */
  find(text: string): Mention[];
  /** How many distinct first words the terms start with (0: nothing to find). */
  readonly size: number;
}

export function createWatchMatcher(terms: readonly string[]): WatchMatcher {
  const cache = new Map<string, string>();
  const byFirst = new Map<string, Term[]>();
  for (const term of terms) {
    const stems = wordsOf(term, cache).map((w) => w.stem);
    const first = stems[0];
    if (first === undefined) continue;
    const list = byFirst.get(bucketOf(first)) ?? [];
    list.push({ term, stems });
    // Longest phrase first: "Договор о нераспространении" before "Договор".
    list.sort((a, b) => b.stems.length - a.stems.length);
    byFirst.set(bucketOf(first), list);
  }
  return {
    size: byFirst.size,
    find(text: string): Mention[] {
      if (byFirst.size === 0 || text.length === 0) return [];
      const words = wordsOf(text, cache);
      const out: Mention[] = [];
      for (let i = 0; i < words.length; i++) {
        const candidates = byFirst.get(bucketOf((words[i] as Word).stem));
        if (!candidates) continue;
        for (const { term, stems } of candidates) {
          if (!matchesAt(text, words, i, stems)) continue;
          const start = (words[i] as Word).start;
          const end = (words[i + stems.length - 1] as Word).end;
          out.push({ start, end, type: 'WATCH', text: text.slice(start, end), canonical: term });
          i += stems.length - 1;
          break;
        }
      }
      return out;
    },
  };
}

function matchesAt(text: string, words: readonly Word[], i: number, stems: readonly string[]) {
  if (i + stems.length > words.length) return false;
  for (let k = 0; k < stems.length; k++) {
    const w = words[i + k] as Word;
    if (!sameStem(w.stem, stems[k] as string)) return false;
    if (k > 0 && !GAP.test(text.slice((words[i + k - 1] as Word).end, w.start))) return false;
  }
  return true;
}

/**
 * The reader's terms laid over what the recognizer found. Where two overlap, the longer span wins
 * (a term inside a treaty's name leaves the name whole; a phrase of the reader's covering a place
 * wins), the reader's on a tie. Organisations, never painted, never hide a reader's term.
 */
export function mergeWatched(watched: readonly Mention[], found: readonly Mention[]): Mention[] {
  if (watched.length === 0) return [...found];
  const rivals = found.filter((m) => m.type !== 'ORG');
  const byStrength = [...watched, ...rivals]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  // Accepted spans, kept sorted by start; a candidate goes in only where it overlaps none.
  const kept: Mention[] = [];
  for (const { m } of byStrength) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid] as Mention).start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    kept.splice(lo, 0, m);
  }
  // Organisations go back in where nothing painted lies (they still block the recognizer's own).
  return mergeOrgs(kept, found);
}

function mergeOrgs(kept: Mention[], found: readonly Mention[]): Mention[] {
  const orgs = found.filter(
    (o) => o.type === 'ORG' && !kept.some((k) => k.start < o.end && o.start < k.end),
  );
  return orgs.length === 0 ? kept : [...kept, ...orgs].sort((a, b) => a.start - b.start);
}

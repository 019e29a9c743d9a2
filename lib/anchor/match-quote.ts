/**
 * Find a saved quote in page text that may have changed since it was saved.
 *
 * Candidates come from three searches, cheapest first: exact occurrences of the quote (and if one
 * sits, character for character, in its saved context, the search ends there); then, if none of
 * them is in its saved context, approximate matches of context+quote+context (finds the
 * right place even when the quote itself was edited and an unedited copy exists elsewhere, e.g. a
 * pull-quote); then, if the quote occurs nowhere exactly, approximate matches of the quote alone.
 * Approximate matching is Myers' bit-parallel algorithm (approx-string-match), allowing a number
 * of edits proportional to the pattern's length. Every candidate gets one score that weighs how
 * much of the quote survived, how well the text around it matches the saved prefix and suffix, and
 * how near it is to where the quote used to be; the best candidate wins if it is good enough.
 */
import search from 'approx-string-match';
import { similarity } from './similarity';

export interface QuoteContext {
  /** Text saved just before the quote (may be empty or missing). */
  prefix?: string;
  /** Text saved just after the quote (may be empty or missing). */
  suffix?: string;
  /** Where the quote started when it was saved (TextPositionSelector.start), to break ties. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1; 1 is the quote unchanged, in its saved context, at its saved position. */
  score: number;
  /** Edits between the saved quote and text.slice(start, end). */
  errors: number;
}

/** Edits allowed when matching a pattern approximately: a quarter of it, at most 32. */
export function maxErrorsFor(length: number): number {
  return Math.min(32, Math.floor(length / 4));
}

// Relative weights of the parts of a candidate's score: the quote matters most, then its context
// (both sides equally), and position only enough to decide between otherwise equal candidates.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 10;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Below this score a candidate is more likely a different passage than the saved one. */
const MIN_SCORE = 0.5;
/** Short quotes ("РФ", "договор") recur everywhere: without their context they prove nothing. */
const SHORT_QUOTE = 20;
const MIN_SHORT_QUOTE_CONTEXT = 0.5;
/** Context this similar counts as "in its saved place": no need to look further. */
export const SETTLED_CONTEXT = 0.9;
/**
 * Exact occurrences scored one by one, nearest the old position first. A quote this common ("и")
 * is placed by the literal-context check or the context search, which read the text only once.
 */
const MAX_SCORED_OCCURRENCES = 1_000;

export interface Placement {
  start: number;
  end: number;
  errors: number;
  score: number;
  /** Mean similarity of the saved prefix and suffix to the text around this placement. */
  context: number;
}

/** Score one candidate placement of `exact` at [start, end) with `errors` edits. */
export function scorePlacement(
  text: string,
  exact: string,
  context: QuoteContext,
  start: number,
  end: number,
  errors: number,
): Placement {
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const quoteSimilarity = exact.length === 0 ? 1 : Math.max(0, 1 - errors / exact.length);
  const prefixSimilarity =
    prefix === '' ? 1 : similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const suffixSimilarity =
    suffix === '' ? 1 : similarity(suffix, text.slice(end, end + suffix.length));
  const positionSimilarity =
    context.hint === undefined
      ? 1
      : 1 - Math.min(1, Math.abs(start - context.hint) / Math.max(1, text.length));
  const score =
    (QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * prefixSimilarity +
      SUFFIX_WEIGHT * suffixSimilarity +
      POSITION_WEIGHT * positionSimilarity) /
    TOTAL_WEIGHT;
  return { start, end, errors, score, context: (prefixSimilarity + suffixSimilarity) / 2 };
}

function exactOccurrences(text: string, exact: string): Array<[number, number, number]> {
  const found: Array<[number, number, number]> = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push([at, at + exact.length, 0]);
  }
  return found;
}

/** Occurrences whose surroundings are, character for character, the saved prefix and suffix. */
function inSavedContext(
  text: string,
  spans: ReadonlyArray<[number, number, number]>,
  prefix: string,
  suffix: string,
): Array<[number, number, number]> {
  return spans.filter(
    ([start, end]) =>
      start >= prefix.length &&
      text.startsWith(prefix, start - prefix.length) &&
      text.startsWith(suffix, end),
  );
}

/** The occurrences nearest the old position (all of them when there are few). */
function nearest(
  spans: ReadonlyArray<[number, number, number]>,
  hint: number | undefined,
): ReadonlyArray<[number, number, number]> {
  if (spans.length <= MAX_SCORED_OCCURRENCES) return spans;
  const from = hint ?? 0;
  return [...spans]
    .sort((a, b) => Math.abs(a[0] - from) - Math.abs(b[0] - from))
    .slice(0, MAX_SCORED_OCCURRENCES);
}

/** Approximate matches of the quote alone. */
function fuzzyOccurrences(text: string, exact: string): Array<[number, number, number]> {
  const k = maxErrorsFor(exact.length);
  if (k === 0) return [];
  return search(text, exact, k).map((m): [number, number, number] => [m.start, m.end, m.errors]);
}

/**
 * Approximate matches of prefix + quote + suffix; inside each, the quote is located again
 * (approximately) nearest to where the prefix says it should begin.
 */
function contextualOccurrences(
  text: string,
  exact: string,
  prefix: string,
  suffix: string,
): Array<[number, number, number]> {
  const pattern = prefix + exact + suffix;
  const found: Array<[number, number, number]> = [];
  for (const region of search(text, pattern, maxErrorsFor(pattern.length))) {
    const window = text.slice(region.start, region.end);
    const expected = prefix.length;
    const inside = search(window, exact, maxErrorsFor(exact.length));
    let best: (typeof inside)[number] | undefined;
    for (const m of inside) {
      if (!best || Math.abs(m.start - expected) < Math.abs(best.start - expected)) best = m;
    }
    if (best) found.push([region.start + best.start, region.start + best.end, best.errors]);
  }
  return found;
}

function better(a: Placement, b: Placement | undefined): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  return a.start < b.start; // deterministic on exact ties
}

function bestOf(
  text: string,
  exact: string,
  context: QuoteContext,
  spans: Iterable<[number, number, number]>,
  current?: Placement,
): Placement | undefined {
  let best = current;
  for (const [start, end, errors] of spans) {
    const placement = scorePlacement(text, exact, context, start, end, errors);
    if (better(placement, best)) best = placement;
  }
  return best;
}

function acceptable(placement: Placement, exact: string, hasContext: boolean): boolean {
  if (placement.score < MIN_SCORE) return false;
  if (hasContext && exact.length < SHORT_QUOTE && placement.context < MIN_SHORT_QUOTE_CONTEXT) {
    return false;
  }
  return true;
}

/** The best place for `exact` in `text`, or null when it cannot be placed with confidence. */
export function matchQuote(
  text: string,
  exact: string,
  context: QuoteContext = {},
): QuoteMatch | null {
  if (exact === '') return null;
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const hasContext = prefix !== '' || suffix !== '';

  const exactSpans = exactOccurrences(text, exact);
  // The usual case on a page that changed elsewhere: the quote, word for word, in its context.
  const settled = hasContext ? inSavedContext(text, exactSpans, prefix, suffix) : [];
  let best = bestOf(
    text,
    exact,
    context,
    settled.length > 0 ? settled : nearest(exactSpans, context.hint),
  );
  if (settled.length === 0 && (!best || (hasContext && best.context < SETTLED_CONTEXT))) {
    if (hasContext) {
      best = bestOf(text, exact, context, contextualOccurrences(text, exact, prefix, suffix), best);
    }
    // With an exact occurrence present, the quote-only fuzzy search would return only that again;
    // with the quote found in its context, it could only find worse.
    if (exactSpans.length === 0 && !(best && best.context >= SETTLED_CONTEXT)) {
      best = bestOf(text, exact, context, fuzzyOccurrences(text, exact), best);
    }
  }
  if (!best || !acceptable(best, exact, hasContext)) return null;
  return { start: best.start, end: best.end, score: best.score, errors: best.errors };
}

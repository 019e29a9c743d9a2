/**
 * Find a saved selection again in the page text: try the stored offsets first (cheap, and right
 * whenever the page is unchanged), checking that they still hold the quote in its context; then
 * search for the quote (lib/anchor/match-quote). Returns null when the selection cannot be placed:
 * the caller shows the note as orphaned, and never deletes it.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../notes/model';
import { matchQuote, SETTLED_CONTEXT, scorePlacement } from './match-quote';

export interface Anchor {
  start: number;
  end: number;
  /** 0..1: how sure the placement is (see matchQuote). */
  score: number;
}

/** Offsets with no quote to check them against are trusted, but only halfway. */
const UNVERIFIED_POSITION_SCORE = 0.5;

function positionIn(text: string, p: TextPositionSelector): boolean {
  return (
    Number.isInteger(p.start) &&
    Number.isInteger(p.end) &&
    0 <= p.start &&
    p.start <= p.end &&
    p.end <= text.length
  );
}

export function anchor(text: string, selectors: readonly Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );

  if (position && positionIn(text, position)) {
    if (!quote)
      return { start: position.start, end: position.end, score: UNVERIFIED_POSITION_SCORE };
    if (quote.exact !== '' && text.slice(position.start, position.end) === quote.exact) {
      const here = scorePlacement(
        text,
        quote.exact,
        { ...quote, hint: position.start },
        position.start,
        position.end,
        0,
      );
      // The same words at the same offsets but in other surroundings may be another occurrence
      // that moved into place; let the quote search weigh it against the rest.
      if (here.context >= SETTLED_CONTEXT)
        return { start: here.start, end: here.end, score: here.score };
    }
  }
  if (!quote) return null;
  const found = matchQuote(text, quote.exact, {
    prefix: quote.prefix,
    suffix: quote.suffix,
    ...(position ? { hint: position.start } : {}),
  });
  return found ? { start: found.start, end: found.end, score: found.score } : null;
}

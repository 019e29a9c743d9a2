/**
 * Describe a span of page text with the two W3C Web Annotation selectors Glossa stores: the quote
 * with some context on each side (robust to the page changing), and the offsets (fast and exact
 * while the page has not changed). Works on the plain page-text string only: no DOM.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../notes/model';

/** Characters of context kept on each side of the quote; enough to tell repeated quotes apart. */
export const CONTEXT_LENGTH = 32;

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/**
 * Cutting context to a fixed length can split an emoji or other astral character in half; a lone
 * surrogate is not valid text (JSON and IndexedDB keep it, other tools choke on it). Only the far
 * end of the context is trimmed: the end next to the quote must stay exactly where the quote is,
 * or the context would no longer line up with the text around it.
 */
function fromWholeCharacter(prefix: string): string {
  return LOW_SURROGATE.test(prefix.charAt(0)) ? prefix.slice(1) : prefix;
}

function toWholeCharacter(suffix: string): string {
  return HIGH_SURROGATE.test(suffix.charAt(suffix.length - 1)) ? suffix.slice(0, -1) : suffix;
}

/**
 * Selectors for `text.slice(start, end)`. Offsets are UTF-16 code units, end exclusive, and must
 * satisfy 0 ≤ start ≤ end ≤ text.length (a RangeError otherwise: a caller bug, not page data).
 */
export function describe(
  text: string,
  start: number,
  end: number,
  contextLength: number = CONTEXT_LENGTH,
): [TextQuoteSelector, TextPositionSelector] {
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    end > text.length
  ) {
    throw new RangeError(
      `describe: span [${start}, ${end}) is not within a text of length ${text.length}`,
    );
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: fromWholeCharacter(text.slice(Math.max(0, start - contextLength), start)),
      suffix: toWholeCharacter(text.slice(end, end + contextLength)),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

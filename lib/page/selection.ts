/**
 * Describe a DOM selection with W3C Web Annotation selectors over the page text, so a note can be
 * anchored again on a later visit (quote + context first, position as a hint).
 */
import type { SelectionInfo } from '../messages/types';
import { snapOffset } from './ranges';
import type { PageText } from './types';

/** Context kept on each side of the quote (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/** Drop a half surrogate pair left at either end by cutting the context to length. */
function dropBrokenPairs(s: string): string {
  let from = 0;
  let to = s.length;
  if (/[\uDC00-\uDFFF]/.test(s.charAt(0))) from = 1;
  if (to > from && /[\uD800-\uDBFF]/.test(s.charAt(to - 1))) to -= 1;
  return s.slice(from, to);
}

/**
 * Selectors for the article text inside `range`, or null when the range is collapsed or holds no
 * article text. Ends outside the article are clipped to it; whitespace and block separators at
 * either end are trimmed, so `exact` starts and ends on visible characters.
 */
export function describeSelection(pageText: PageText, range: Range): SelectionInfo | null {
  if (range.collapsed) return null;
  const { text } = pageText;
  let start = snapOffset(pageText, range.startContainer, range.startOffset);
  let end = snapOffset(pageText, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  if (start >= end) return null;
  const exact = text.slice(start, end);
  return {
    quote: exact,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: dropBrokenPairs(text.slice(Math.max(0, start - CONTEXT_CHARS), start)),
        suffix: dropBrokenPairs(text.slice(end, end + CONTEXT_CHARS)),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

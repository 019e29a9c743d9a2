/** Test helper: selection notes on the current jsdom page, as the notes view saves them. */
import { describe as describeSpan } from '../../lib/anchor/describe';
import type { Note } from '../../lib/notes/model';
import { extractPageText } from '../../lib/page/text';

let counter = 0;

/** A selection note quoting `quote` where it stands in the page text now. */
export function noteOn(quote: string, extra: Partial<Note> = {}): Note {
  const text = extractPageText(document).text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not on the page: ${quote}`);
  counter += 1;
  return {
    id: `note-${counter}`,
    kind: 'selection',
    url: 'https://example.org/a',
    pageTitle: 'A',
    text: `note ${counter}`,
    tags: [],
    quote,
    selectors: describeSpan(text, start, start + quote.length),
    createdAt: '2024-12-05T10:00:00.000Z',
    updatedAt: '2024-12-05T10:00:00.000Z',
    ...extra,
  };
}

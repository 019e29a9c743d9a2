/**
 * The recognizer as the page uses it: the reader's watch-list terms laid over its mentions (they
 * win), then only well-formed mentions of painted types, whether answers come at once or, from the
 * background, as promises.
 */
import { type Mention, PAINTED_TYPES, type PageRecognizer, type PaintedType } from '../entities';
import { mergeWatched, type WatchMatcher } from '../recognize/watch-terms';

/** Keep only well-formed mentions of painted types: in bounds, sorted, non-overlapping. */
export function cleanMentions(
  mentions: readonly Mention[],
  textLength: number,
  types: readonly PaintedType[],
): Mention[] {
  const wanted = new Set<string>(types);
  const sorted = mentions
    .filter(
      (m) =>
        wanted.has(m.type) &&
        Number.isInteger(m.start) &&
        Number.isInteger(m.end) &&
        m.start >= 0 &&
        m.start < m.end &&
        m.end <= textLength,
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

/** A recognizer whose mentions pass through `after` (with the text they were found in). */
function mapped(
  recognizer: PageRecognizer,
  after: (mentions: Mention[], text: string) => Mention[],
): PageRecognizer {
  return {
    id: recognizer.id,
    remote: recognizer.remote,
    recognize(text, options) {
      const found = recognizer.recognize(text, options);
      return Array.isArray(found)
        ? after(found, text)
        : found.then((mentions) => after(mentions, text));
    },
  };
}

/**
 * `recognizer` with the watch list in force (read at each call: the reader may change it) laid
 * over its mentions, keeping the painted types only and never handing back malformed spans.
 */
export function cleanRecognizer(
  recognizer: PageRecognizer,
  watchList: () => WatchMatcher,
): PageRecognizer {
  return mapped(recognizer, (found, text) =>
    cleanMentions(mergeWatched(watchList().find(text), found), text.length, PAINTED_TYPES),
  );
}

/**
 * Text waiting for the recognizer, in pieces (lib/page/batches.ts cuts long segments), in two
 * lines: new text from page changes first (painted within a few frames), then the rest of the
 * first pass. Also the batch size: adapted to the recognizer's measured speed so a batch on the
 * page's thread stays a short task.
 */
import { cutPoints } from './batches';
import type { Segment } from './segments';

export interface Item {
  seg: Segment;
  offset: number;
  text: string;
  /** Text from a page change (painted at once), not from the first pass. */
  urgent: boolean;
}

export interface RecognitionQueue {
  readonly empty: boolean;
  /** The first piece waiting (the warm-up call reads a little of it). */
  first(): Item | undefined;
  /** Queue a segment's text (again), cut to the batch size. */
  add(seg: Segment, urgent: boolean, batchChars: number): void;
  /** The next batch's pieces: urgent ones alone if any, up to `batchChars` (at least one). */
  take(batchChars: number): Item[];
  /** Up to `chars` of queued text, for guessing the language. */
  sample(chars: number): string;
  clear(): void;
}

export function createRecognitionQueue(): RecognitionQueue {
  const urgent: Item[] = [];
  const background: Item[] = [];
  return {
    get empty() {
      return urgent.length === 0 && background.length === 0;
    },
    first: () => urgent[0] ?? background[0],
    add(seg, isUrgent, batchChars) {
      const into = isUrgent ? urgent : background;
      const cuts = cutPoints(seg.text, batchChars);
      seg.collected = [];
      seg.piecesLeft = cuts.length;
      cuts.forEach((from, i) => {
        const to = cuts[i + 1] ?? seg.text.length;
        into.push({ seg, offset: from, text: seg.text.slice(from, to), urgent: isUrgent });
      });
    },
    take(batchChars) {
      const items: Item[] = [];
      let chars = 0;
      for (const list of [urgent, background]) {
        while (
          list.length > 0 &&
          (items.length === 0 || chars + (list[0] as Item).text.length <= batchChars)
        ) {
          const item = list.shift() as Item;
          if (item.seg.dead) continue;
          items.push(item);
          chars += item.text.length + 1;
        }
        if (items.length > 0) break; // never mix urgent with the first pass: urgent stays small
      }
      return items;
    },
    sample(chars) {
      const parts: string[] = [];
      let length = 0;
      for (const item of [...urgent, ...background]) {
        parts.push(item.text);
        length += item.text.length + 1;
        if (length >= chars) break;
      }
      return parts.join('\n');
    },
    clear() {
      urgent.length = 0;
      background.length = 0;
    },
  };
}

/**
 * Recognition batch size bounds (characters), and the time a batch should take. The first batch
 * is small: the recognizer is slowest on words it has not seen yet (it loads its tables lazily).
 */
export const FIRST_BATCH_CHARS = 2000;
export const MIN_BATCH_CHARS = 800;
export const MAX_BATCH_CHARS = 40_000;
const BATCH_TARGET_MS = 14;

export interface BatchSize {
  readonly chars: number;
  /** A batch of `chars` took `ms` on the page's thread: aim the next one at the target time. */
  measured(chars: number, ms: number): void;
  /** Recognition costs this page nothing (it runs in the background): send big batches. */
  remote(): void;
}

/** `fixed`: a size set by tests, never adapted. */
export function createBatchSize(fixed: number | undefined): BatchSize {
  let chars = fixed ?? FIRST_BATCH_CHARS;
  let rate = 0; // characters per ms, smoothed
  return {
    get chars() {
      return chars;
    },
    measured(batchChars, ms) {
      if (fixed !== undefined || ms <= 0.5) return;
      const measured = batchChars / ms;
      // Lean to the slower of the estimate and this batch: an overshoot is a long task.
      rate = rate === 0 ? measured : Math.min(measured, rate * 0.5 + measured * 0.5);
      chars = Math.max(
        MIN_BATCH_CHARS,
        Math.min(MAX_BATCH_CHARS, Math.round(rate * BATCH_TARGET_MS)),
      );
    },
    remote() {
      if (fixed === undefined) chars = MAX_BATCH_CHARS;
    },
  };
}

/**
 * When painted ranges are handed to the browser. Each hand-over makes the browser restyle the
 * page, so during a long first pass they are buffered (lib/page/paint.ts) and handed over at most
 * every FLUSH_MS; the first marks and new text from a page change go at once, because they must
 * show within a few frames.
 */

/** During a long first pass, hand new ranges to the browser at most this often (ms). */
export const FLUSH_MS = 150;

/** Whether buffered ranges go to the browser now (pure). */
export function flushDue(urgent: boolean, sinceLastMs: number, anyMarksShown: boolean): boolean {
  return urgent || !anyMarksShown || sinceLastMs >= FLUSH_MS;
}

export interface PaintFlushOptions {
  now: () => number;
  /** Hand the buffered ranges to the browser; how many marks that showed. */
  flush: () => number;
  /** Whether any mark has reached the screen yet. */
  anyMarksShown: () => boolean;
  /** `count` marks reached the screen. */
  shown: (count: number) => void;
}

/** `(urgent) => void`: flush now if due; a flush that showed nothing does not restart the wait. */
export function createPaintFlush(options: PaintFlushOptions): (urgent: boolean) => void {
  let lastFlush = Number.NEGATIVE_INFINITY;
  return (urgent) => {
    if (!flushDue(urgent, options.now() - lastFlush, options.anyMarksShown())) return;
    const n = options.flush();
    if (n > 0) {
      lastFlush = options.now();
      options.shown(n);
    }
  };
}

/**
 * The page's PaintTiming (the popup's and the benchmarks' figures), assembled in one place: the
 * controller tells the clock when work starts, when the page was judged and painted; the
 * annotators' own figures (lib/page/annotator-timing.ts) are summed here.
 */
import type { PaintTiming } from '../messages/types';
import { type AnnotatorTiming, noWork } from './annotator-timing';
import type { Judgement } from './article';

/** What the report reads from one annotated document. */
export interface TimedDocument {
  readonly timing: AnnotatorTiming;
  painted(): Iterable<unknown>;
  readonly chars: number;
  readonly words: number;
}

export interface PageClock {
  /** Time the next paint from now (turned on later, or the page changed after a "not article"). */
  restart(): void;
  /** Annotating starts over: the paint time is measured again. */
  forgetPaint(): void;
  /** The page's first pass is painted (at `paintedAt` if known): kept once. */
  painted(paintedAt: number | undefined): void;
  judged(judgement: Judgement): void;
  readonly paintMs: number | undefined;
  /** The page's figures: `top` is the page's own annotator, `all` includes frames. */
  report(top: TimedDocument, all: readonly TimedDocument[]): PaintTiming;
}

export function createPageClock(now: () => number, startedAt: number): PageClock {
  const startMs = now() - startedAt;
  let paintFrom = startedAt;
  let paintMs: number | undefined;
  let judgeMs: number | undefined;
  let judgeSteps: { steps: number; yields: number } | undefined;
  return {
    restart() {
      paintFrom = now();
    },
    forgetPaint() {
      paintMs = undefined;
    },
    painted(paintedAt) {
      if (paintMs === undefined) paintMs = (paintedAt ?? now()) - paintFrom;
    },
    judged(judgement) {
      judgeMs = Math.max(judgeMs ?? 0, judgement.longestStepMs);
      judgeSteps = { steps: judgement.steps, yields: judgement.yields };
    },
    get paintMs() {
      return paintMs;
    },
    report(top, all) {
      const { firstPaintAt, startedAt: annotateAt, readAt, firstSentAt } = top.timing;
      const since = (at: number | undefined) => (at !== undefined ? at - paintFrom : undefined);
      return {
        scriptAt: startedAt,
        startMs,
        ...(firstPaintAt !== undefined ? { firstPaintMs: firstPaintAt - paintFrom } : {}),
        ...(annotateAt !== undefined ? { annotateMs: since(annotateAt) } : {}),
        ...(readAt !== undefined ? { readMs: since(readAt) } : {}),
        ...(firstSentAt !== undefined ? { firstSentMs: since(firstSentAt) } : {}),
        ...(paintMs !== undefined ? { paintMs } : {}),
        ...sumTimings(all),
        ...(judgeMs !== undefined ? { judgeMs } : {}),
        ...(judgeSteps ? { judgeSteps: judgeSteps.steps, judgeYields: judgeSteps.yields } : {}),
        marks: all.reduce((n, d) => n + count(d.painted()), 0),
        chars: all.reduce((n, d) => n + d.chars, 0),
        words: all.reduce((n, d) => n + d.words, 0),
      };
    },
  };
}

function count(items: Iterable<unknown>): number {
  let n = 0;
  for (const _ of items) n++;
  return n;
}

/** The annotators' figures over the page and its frames: totals, and the longest of each kind. */
export function sumTimings(all: readonly TimedDocument[]) {
  let recognizeMs = 0;
  let batches = 0;
  let recognizedChars = 0;
  let longestSliceMs = 0;
  let workMs = 0;
  let readSteps = 0;
  let yields = 0;
  let waitMs = 0;
  let handedBackMs = 0;
  const phases = noWork();
  const longest = { warmMs: 0, longestBatchMs: 0, longestReadMs: 0, longestPaintMs: 0 };
  for (const { timing: a } of all) {
    recognizeMs += a.recognizeMs;
    batches += a.batches;
    recognizedChars += a.recognizedChars;
    longestSliceMs = Math.max(longestSliceMs, a.longestSliceMs);
    workMs += a.workMs;
    readSteps += a.readSteps;
    yields += a.yields;
    waitMs += a.waitMs;
    handedBackMs += a.handedBackMs;
    for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += a.phases[k];
    for (const k of Object.keys(longest) as Array<keyof typeof longest>) {
      longest[k] = Math.max(longest[k], a[k]);
    }
  }
  return {
    recognizeMs,
    batches,
    recognizedChars,
    longestSliceMs,
    workMs,
    phases,
    ...longest,
    readSteps,
    yields,
    waitMs,
    handedBackMs,
  };
}

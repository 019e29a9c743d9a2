/**
 * One document annotator's figures (summed over the page by lib/page/paint-timing.ts). The
 * annotator reports what happened to a small recorder; the arithmetic lives here.
 */
import type { WorkPhases } from './types';

export const noWork = (): WorkPhases => ({
  setup: 0,
  read: 0,
  afterRead: 0,
  batch: 0,
  paint: 0,
  answer: 0,
  notify: 0,
});

export interface AnnotatorTiming {
  /** `now()` when the annotator started (the article root found), its first pass was read, its first batch sent. */
  startedAt?: number;
  readAt?: number;
  firstSentAt?: number;
  /** `now()` when the first marks were painted, and when the whole first pass was. */
  firstPaintAt?: number;
  paintedAt?: number;
  /**
   * Time of the first pass with nothing to do but wait for a remote recognizer's answer (ms), and
   * the main thread handed back between slices (ms: the page's own tasks and rendering ran).
   */
  waitMs: number;
  handedBackMs: number;
  /** Time spent in recognize() calls, how many calls, and how much page text they were given. */
  recognizeMs: number;
  batches: number;
  recognizedChars: number;
  /** Longest slice of work without handing the main thread back (ms). */
  longestSliceMs: number;
  /**
   * Main-thread time of all of this annotator's work so far (ms): its setup, its slices, and
   * reading and painting the remote answers (from each answer's arrival).
   */
  workMs: number;
  /**
   * Where that time went (ms): the annotator's setup, reading text, bookkeeping after a read,
   * building and sending batches (with a recognizer on the page: recognizing and painting them
   * too), reading the background's answers and painting them, and the caller's onPaint.
   */
  phases: WorkPhases;
  /**
   * The recognizer's first call (it builds its tables), and the longest recognize() call, when the
   * recognizer runs on the page (a remote one costs the page neither).
   */
  warmMs: number;
  longestBatchMs: number;
  /** Longest read step and longest paint of a batch (ms). */
  longestReadMs: number;
  longestPaintMs: number;
  /** Read steps taken (each bounded in nodes and by the clock), and times the main thread was handed back. */
  readSteps: number;
  yields: number;
}

/** What the work slicer (lib/page/schedule.ts) knows about the slices so far. */
export interface SliceFigures {
  longestMs: number;
  totalMs: number;
  pauses: number;
  handedBackMs: number;
}

export interface TimingRecorder {
  readonly timing: AnnotatorTiming;
  readonly now: () => number;
  /** Run `work`, adding its time to `phase`. */
  timed<T>(phase: keyof WorkPhases, work: () => T): T;
  /** Add `ms` to `phase` (work measured by the caller). */
  add(phase: keyof WorkPhases, ms: number): void;
  /** One read step of `ms`. */
  readStep(ms: number): void;
  /** One recognize() call of `ms` over `chars` of page text; `local`: on the page's thread. */
  recognized(ms: number, chars: number, local: boolean): void;
  /** The recognizer's first call (building its tables) took `ms`. */
  warmed(ms: number): void;
  /** Painting one batch's marks took `ms`. */
  painted(ms: number): void;
  /** `count` marks reached the screen (the first ones set firstPaintAt). */
  marksShown(count: number): void;
  readonly anyMarksShown: boolean;
  /** The annotator starts now (its first read). */
  started(): void;
  /** The first pass is read (kept once), and its first batch sent (kept once). */
  readDone(): void;
  sent(): void;
  /** The first pass waits for the recognizer from now, until `resumed`. */
  waiting(): void;
  resumed(): void;
  /** The first pass over the article is painted. */
  firstPassDone(): void;
  /** Main-thread time spent on a remote answer (from its arrival to painted), outside the slices. */
  answerPainted(ms: number): void;
  /** The annotator's setup, before its first slice, took `ms`. */
  setUp(ms: number): void;
  /** The work slices so far. */
  slices(figures: SliceFigures): void;
}

export function createTimingRecorder(now: () => number): TimingRecorder {
  const timing: AnnotatorTiming = {
    recognizeMs: 0,
    batches: 0,
    recognizedChars: 0,
    longestSliceMs: 0,
    workMs: 0,
    phases: noWork(),
    warmMs: 0,
    longestBatchMs: 0,
    longestReadMs: 0,
    longestPaintMs: 0,
    readSteps: 0,
    yields: 0,
    waitMs: 0,
    handedBackMs: 0,
  };
  // workMs has three parts kept apart: the setup (its phase), the slices' total (the slicer's
  // figure) and the remote answers (from arrival to painted, outside the slices). One sum makes it.
  let answerMs = 0;
  let slicesMs = 0;
  const sumWork = () => {
    timing.workMs = timing.phases.setup + slicesMs + answerMs;
  };
  let waitingSince: number | undefined;
  return {
    timing,
    now,
    timed(phase, work) {
      const started = now();
      try {
        return work();
      } finally {
        timing.phases[phase] += now() - started;
      }
    },
    add(phase, ms) {
      timing.phases[phase] += ms;
    },
    readStep(ms) {
      timing.phases.read += ms;
      timing.longestReadMs = Math.max(timing.longestReadMs, ms);
      timing.readSteps += 1;
    },
    recognized(ms, chars, local) {
      timing.recognizeMs += ms;
      timing.batches += 1;
      timing.recognizedChars += chars;
      // A remote batch's time is spent in the background, not on this page's main thread.
      if (local) timing.longestBatchMs = Math.max(timing.longestBatchMs, ms);
    },
    warmed(ms) {
      timing.warmMs = ms;
    },
    painted(ms) {
      timing.longestPaintMs = Math.max(timing.longestPaintMs, ms);
      timing.phases.paint += ms;
    },
    marksShown(count) {
      if (timing.firstPaintAt === undefined && count > 0) timing.firstPaintAt = now();
    },
    get anyMarksShown() {
      return timing.firstPaintAt !== undefined;
    },
    started() {
      timing.startedAt ??= now();
    },
    readDone() {
      timing.readAt ??= now();
    },
    sent() {
      timing.firstSentAt ??= now();
    },
    waiting() {
      if (timing.paintedAt === undefined) waitingSince ??= now();
    },
    resumed() {
      if (waitingSince === undefined) return;
      timing.waitMs += now() - waitingSince;
      waitingSince = undefined;
    },
    firstPassDone() {
      timing.paintedAt = now();
    },
    answerPainted(ms) {
      answerMs += ms;
      sumWork();
    },
    setUp(ms) {
      timing.phases.setup += ms;
      sumWork();
    },
    slices(figures) {
      timing.longestSliceMs = figures.longestMs;
      slicesMs = figures.totalMs;
      sumWork();
      timing.yields = figures.pauses;
      timing.handedBackMs = figures.handedBackMs;
    },
  };
}

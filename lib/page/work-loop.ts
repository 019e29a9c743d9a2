/**
 * One document's work loop: steps run one after another in slices of a few ms, the main thread
 * handed back in between (lib/page/schedule.ts), until there is nothing to do now. Whoever adds
 * work calls `run()` again; `idle()` waits until the loop has stopped and no answer is out.
 */
import { createSlicer, type YieldToMain } from './schedule';

export interface WorkLoopOptions {
  now: () => number;
  /** Length of a slice in ms; Infinity runs everything at once (tests). */
  budgetMs?: number;
  yieldToMain?: YieldToMain;
  /** One unit of work; false when there is nothing to do now. */
  step: () => boolean;
  /** Work is out of the loop's hands (a remote answer pending): `idle()` waits on. */
  waiting: () => boolean;
  /** The slices so far, after each run. */
  sliced: (figures: {
    longestMs: number;
    totalMs: number;
    pauses: number;
    handedBackMs: number;
  }) => void;
  /** A step threw: the loop has stopped running. */
  failed: (error: unknown) => void;
}

export interface WorkLoop {
  /** Run steps until there is nothing to do (a no-op while running or once stopped). */
  run(): Promise<void>;
  /** Hand the main thread back after this step, whatever the budget says (around a warm-up). */
  pauseAfterStep(): void;
  /** Stop for good: no step runs again, and `idle()` waiters are let go. */
  stop(): void;
  readonly stopped: boolean;
  /** Resolves when no work is running and no answer is out. */
  idle(): Promise<void>;
  /** Let `idle()` waiters go (an answer came back to nothing). */
  settle(): void;
}

export function createWorkLoop(options: WorkLoopOptions): WorkLoop {
  const slicer = createSlicer(options);
  /** Work is sliced at all (tests pass an infinite budget to run everything at once). */
  const slicing = Number.isFinite(options.budgetMs ?? 0);
  let pauseNow = false;
  let running = false;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  const settle = () => {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const run = async () => {
    if (running || stopped) return;
    running = true;
    slicer.begin();
    try {
      while (!stopped && options.step()) {
        if ((pauseNow && slicing) || slicer.due()) {
          pauseNow = false;
          await slicer.pause();
        }
      }
    } catch (error) {
      options.failed(error);
    } finally {
      running = false;
      slicer.end();
      options.sliced({
        longestMs: slicer.longestMs,
        totalMs: slicer.totalMs,
        pauses: slicer.pauses,
        handedBackMs: slicer.handedBackMs,
      });
      if (!options.waiting() || stopped) settle();
    }
  };

  return {
    run,
    pauseAfterStep() {
      pauseNow = true;
    },
    stop() {
      stopped = true;
      settle();
    },
    get stopped() {
      return stopped;
    },
    idle() {
      if (!running && !options.waiting()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    settle,
  };
}

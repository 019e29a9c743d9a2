/**
 * Time slicing: Glossa's work on a page runs in short slices with the main thread handed back to
 * the page in between, so no task of ours blocks input or rendering for long (the target is no
 * task over 50 ms; a slice aims at `budgetMs`).
 */

/** Give the main thread back to the page; resolves in a later task. */
export type YieldToMain = () => Promise<void>;

/**
 * The quickest way this browser offers to continue in a new task: `scheduler.yield()` (keeps our
 * place ahead of other queued work), else a MessageChannel message (no 4 ms timer clamping), else
 * setTimeout.
 */
export function defaultYield(): YieldToMain {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  const scheduler = g.scheduler;
  if (scheduler && typeof scheduler.yield === 'function')
    return () => scheduler.yield?.() as Promise<void>;
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: Array<() => void> = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node (tests) would otherwise keep the process alive for an idle port.
    (channel.port1 as { unref?: () => void }).unref?.();
    (channel.port2 as { unref?: () => void }).unref?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export interface Slicer {
  /** Start a slice now (call when work starts in a new task: an event, a timer). */
  begin(): void;
  /** Whether this slice has used its budget and the caller should `pause()`. */
  due(): boolean;
  /** Hand the main thread back, then start a new slice. */
  pause(): Promise<void>;
  /** Longest slice so far, in ms (from `begin`/`pause` to the next `pause` or `end`). */
  readonly longestMs: number;
  /** All slices so far, in ms: the main-thread time this work has taken. */
  readonly totalMs: number;
  /** How many times the main thread was handed back (a count tests can assert, unlike a time). */
  readonly pauses: number;
  /** Time from handing the main thread back to resuming, summed (ms): the page's turns. */
  readonly handedBackMs: number;
  /** Close the current slice (work is done for now), recording its length. */
  end(): void;
}

export function createSlicer(options: {
  now: () => number;
  budgetMs?: number;
  yieldToMain?: YieldToMain;
}): Slicer {
  const { now } = options;
  const budget = options.budgetMs ?? 20;
  const yieldToMain = options.yieldToMain ?? defaultYield();
  let start = now();
  let open = false;
  let longest = 0;
  let total = 0;
  let pauses = 0;
  let handedBack = 0;
  const close = () => {
    if (!open) return;
    open = false;
    const length = now() - start;
    longest = Math.max(longest, length);
    total += length;
  };
  return {
    begin() {
      start = now();
      open = true;
    },
    due() {
      return now() - start >= budget;
    },
    async pause() {
      close();
      pauses++;
      const yielded = now();
      await yieldToMain();
      start = now();
      handedBack += start - yielded;
      open = true;
    },
    get longestMs() {
      return longest;
    },
    get totalMs() {
      return total;
    },
    get pauses() {
      return pauses;
    },
    get handedBackMs() {
      return handedBack;
    },
    end: close,
  };
}

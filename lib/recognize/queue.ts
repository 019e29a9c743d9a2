/**
 * Recognition requests take turns in the background, which every tab shares. Each tab (key) has
 * its own queue, run one request at a time in the order they came; tabs take turns, one request
 * each (round robin); and every request runs in a task of its own, so the browser handles other
 * messages and events in between and a burst from one tab cannot keep another waiting for all of
 * it. No browser globals: the background passes the scheduler (setTimeout 0), tests run tasks by
 * hand.
 */

export type ScheduleTask = (task: () => void) => void;

/**
 * Requests one tab may have waiting. A content script keeps at most two batches out and waits for
 * their answers (lib/page/recognizing.ts), so a tab rarely has more than two: a page that reloads,
 * or a second content script after an update, adds some each. Past the bound the newest request is
 * refused with an error, not an older one dropped: each request is a different batch its sender
 * waits for, so none supersedes another, and refusing the newest keeps the accepted ones in order.
 */
export const MAX_QUEUED_PER_TAB = 8;

export interface TurnQueue<K> {
  /** Run job in its turn; rejects if key already has the most requests waiting. */
  submit<T>(key: K, job: () => T): Promise<T>;
  /** Forget key's waiting requests (a closed tab): each is rejected with `reason`. */
  drop(key: K, reason: string): void;
  /** Requests of key not run yet. */
  queued(key: K): number;
}

interface Waiting {
  run: () => void;
  fail: (error: Error) => void;
}

export function createTurnQueue<K>(options: {
  schedule: ScheduleTask;
  maxPerKey?: number;
}): TurnQueue<K> {
  const { schedule } = options;
  const maxPerKey = options.maxPerKey ?? MAX_QUEUED_PER_TAB;
  /** Keys with waiting requests, in turn order: the first key goes next, then moves to the end. */
  const queues = new Map<K, Waiting[]>();
  let scheduled = false;

  const runOne = () => {
    scheduled = false;
    const next = queues.entries().next();
    if (next.done) return;
    const [key, list] = next.value;
    queues.delete(key);
    const job = list.shift();
    if (list.length > 0) queues.set(key, list); // back of the line
    if (queues.size > 0) {
      scheduled = true;
      schedule(runOne);
    }
    job?.run();
  };

  return {
    submit<T>(key: K, job: () => T): Promise<T> {
      const list = queues.get(key) ?? [];
      if (list.length >= maxPerKey) {
        return Promise.reject(
          new Error(
            `${list.length} recognition requests of this tab are waiting already; send the next when one is answered`,
          ),
        );
      }
      return new Promise<T>((resolve, reject) => {
        list.push({
          run: () => {
            try {
              resolve(job());
            } catch (error) {
              reject(error);
            }
          },
          fail: reject,
        });
        if (!queues.has(key)) queues.set(key, list);
        if (!scheduled) {
          scheduled = true;
          schedule(runOne);
        }
      });
    },
    drop(key, reason) {
      const list = queues.get(key);
      if (!list) return;
      queues.delete(key);
      for (const waiting of list) waiting.fail(new Error(reason));
    },
    queued(key) {
      return queues.get(key)?.length ?? 0;
    },
  };
}

/**
 * The background's recognition queue: one tab's requests run one at a time and in order, tabs take
 * turns, every request runs in a task of its own, and a tab cannot pile up requests without bound.
 * Tasks are run by hand (a fake scheduler), so every assertion is about order and counts.
 */
import { describe, expect, it } from 'vitest';
import { createTurnQueue, MAX_QUEUED_PER_TAB } from '../../lib/recognize/queue';

/** A scheduler that only records tasks; the test runs them one by one. */
function handScheduler() {
  const tasks: Array<() => void> = [];
  let scheduled = 0;
  return {
    schedule(task: () => void) {
      scheduled += 1;
      tasks.push(task);
    },
    get scheduled() {
      return scheduled;
    },
    get waiting() {
      return tasks.length;
    },
    /** Run the next task; false when there is none. */
    step(): boolean {
      const task = tasks.shift();
      if (!task) return false;
      task();
      return true;
    },
    runAll() {
      let n = 0;
      while (this.step()) n += 1;
      return n;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createTurnQueue', () => {
  it("runs one tab's requests in the order they came, one per task", async () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule });
    const ran: string[] = [];
    const answers = ['a', 'b', 'c'].map((name) =>
      queue.submit(1, () => {
        ran.push(name);
        return name.toUpperCase();
      }),
    );
    expect(ran).toEqual([]); // nothing runs in the caller's task
    expect(clock.step()).toBe(true);
    expect(ran).toEqual(['a']); // one request per task
    expect(clock.runAll()).toBe(2);
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(clock.scheduled).toBe(3);
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C']);
  });

  it('lets two tabs take turns: a burst from one does not make the other wait for all of it', () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule });
    const ran: string[] = [];
    for (let i = 1; i <= 5; i++) void queue.submit(1, () => ran.push(`one-${i}`));
    void queue.submit(2, () => ran.push('two-1'));
    void queue.submit(2, () => ran.push('two-2'));
    clock.runAll();
    expect(ran).toEqual(['one-1', 'two-1', 'one-2', 'two-2', 'one-3', 'one-4', 'one-5']);
    expect(clock.scheduled).toBe(7); // one task per request, never two requests in one task
  });

  it('keeps one task scheduled at a time, and none once the queue is empty', () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule });
    void queue.submit(1, () => 1);
    void queue.submit(2, () => 2);
    void queue.submit(1, () => 3);
    expect(clock.waiting).toBe(1);
    clock.step();
    expect(clock.waiting).toBe(1);
    clock.runAll();
    expect(clock.waiting).toBe(0);
    expect(queue.queued(1)).toBe(0);
    void queue.submit(3, () => 4);
    expect(clock.waiting).toBe(1); // a new request starts the turns again
  });

  it("refuses a tab's request past the per-tab bound with a clear error; other tabs go on", async () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule, maxPerKey: 3 });
    const ran: number[] = [];
    const accepted = [1, 2, 3].map((n) => queue.submit(7, () => ran.push(n)));
    const refused = queue.submit(7, () => ran.push(4));
    await expect(refused).rejects.toThrow(/3 recognition requests of this tab are waiting/);
    const other = queue.submit(8, () => 'other tab');
    clock.runAll();
    expect(ran).toEqual([1, 2, 3]); // the refused one never ran
    await Promise.all(accepted);
    expect(await other).toBe('other tab');
    // Once its queue drained, the tab may send again.
    const again = queue.submit(7, () => 'again');
    clock.runAll();
    expect(await again).toBe('again');
  });

  it('has a default bound above what one content script keeps in flight', () => {
    expect(MAX_QUEUED_PER_TAB).toBeGreaterThanOrEqual(2);
    expect(MAX_QUEUED_PER_TAB).toBeLessThanOrEqual(16);
  });

  it("drops a closed tab's waiting requests, answering them with an error", async () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule });
    const ran: string[] = [];
    const first = queue.submit(1, () => ran.push('closed-1'));
    const second = queue.submit(1, () => ran.push('closed-2'));
    const kept = queue.submit(2, () => ran.push('open'));
    queue.drop(1, 'the tab was closed');
    await expect(first).rejects.toThrow('the tab was closed');
    await expect(second).rejects.toThrow('the tab was closed');
    clock.runAll();
    await kept;
    expect(ran).toEqual(['open']);
    expect(queue.queued(1)).toBe(0);
  });

  it('answers a request that throws with its error, and goes on with the next', async () => {
    const clock = handScheduler();
    const queue = createTurnQueue<number>({ schedule: clock.schedule });
    const failing = queue.submit(1, () => {
      throw new Error('tables missing');
    });
    const next = queue.submit(1, () => 'fine');
    clock.runAll();
    await expect(failing).rejects.toThrow('tables missing');
    expect(await next).toBe('fine');
    await settle();
  });
});

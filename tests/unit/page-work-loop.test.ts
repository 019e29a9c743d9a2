import { describe, expect, it } from 'vitest';
import { createWorkLoop, type WorkLoopOptions } from '../../lib/page/work-loop';

/** A loop over `steps` units of work, each taking `stepMs` on a fake clock. */
function setup(steps: number, stepMs: number, extra: Partial<WorkLoopOptions> = {}) {
  let clock = 0;
  let left = steps;
  const log: string[] = [];
  const figures: Array<{ pauses: number }> = [];
  const loop = createWorkLoop({
    now: () => clock,
    budgetMs: 10,
    yieldToMain: async () => {
      log.push('yield');
    },
    step: () => {
      if (left === 0) return false;
      left--;
      clock += stepMs;
      log.push('step');
      return true;
    },
    waiting: () => false,
    sliced: (f) => figures.push(f),
    failed: (error) => log.push(`failed: ${(error as Error).message}`),
    ...extra,
  });
  return { loop, log, figures, add: (n: number) => (left += n) };
}

describe('work loop', () => {
  it('runs steps until none is left, handing the thread back when a slice is used up', async () => {
    const t = setup(6, 4);
    await t.loop.run();
    expect(t.log).toEqual(['step', 'step', 'step', 'yield', 'step', 'step', 'step', 'yield']);
    expect(t.figures.at(-1)?.pauses).toBe(2);
  });

  it('runs everything at once with an infinite budget, even when asked to pause', async () => {
    const t = setup(3, 4, { budgetMs: Number.POSITIVE_INFINITY });
    t.loop.pauseAfterStep();
    await t.loop.run();
    expect(t.log).toEqual(['step', 'step', 'step']);
  });

  it('pauses after the next step when asked, whatever the budget says', async () => {
    const t = setup(2, 0);
    t.loop.pauseAfterStep();
    await t.loop.run();
    expect(t.log).toEqual(['step', 'yield', 'step']);
  });

  it('runs once at a time, and never again once stopped', async () => {
    const t = setup(2, 0);
    const first = t.loop.run();
    void t.loop.run();
    await first;
    expect(t.log.filter((l) => l === 'step')).toHaveLength(2);
    t.add(2);
    t.loop.stop();
    await t.loop.run();
    expect(t.log.filter((l) => l === 'step')).toHaveLength(2);
    expect(t.loop.stopped).toBe(true);
  });

  it('stops at a failing step and reports it', async () => {
    const t = setup(0, 0, {
      step: () => {
        throw new Error('boom');
      },
    });
    await t.loop.run();
    expect(t.log).toEqual(['failed: boom']);
  });

  it('keeps idle() waiting while an answer is out, until settled or stopped', async () => {
    let waiting = true;
    const t = setup(1, 0, { waiting: () => waiting });
    await t.loop.run();
    let idle = false;
    void t.loop.idle().then(() => {
      idle = true;
    });
    await Promise.resolve();
    expect(idle).toBe(false);
    waiting = false;
    t.loop.settle();
    await Promise.resolve();
    expect(idle).toBe(true);

    waiting = true;
    let idleAgain = false;
    void t.loop.idle().then(() => {
      idleAgain = true;
    });
    t.loop.stop();
    await Promise.resolve();
    expect(idleAgain).toBe(true);
  });

  it('is idle at once when nothing runs and nothing is out', async () => {
    const t = setup(0, 0);
    await expect(t.loop.idle()).resolves.toBeUndefined();
  });
});

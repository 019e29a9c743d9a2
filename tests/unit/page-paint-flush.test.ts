import { describe, expect, it } from 'vitest';
import { createPaintFlush, FLUSH_MS, flushDue } from '../../lib/page/paint-flush';

describe('flushDue', () => {
  it('flushes urgent ranges and the first marks at once, others at most every FLUSH_MS', () => {
    expect(flushDue(true, 0, true)).toBe(true);
    expect(flushDue(false, 0, false)).toBe(true);
    expect(flushDue(false, FLUSH_MS - 1, true)).toBe(false);
    expect(flushDue(false, FLUSH_MS, true)).toBe(true);
  });
});

describe('createPaintFlush', () => {
  function setup(buffered: number[]) {
    let clock = 0;
    let shown = 0;
    const calls: number[] = [];
    const flush = createPaintFlush({
      now: () => clock,
      flush: () => {
        calls.push(clock);
        return buffered.shift() ?? 0;
      },
      anyMarksShown: () => shown > 0,
      shown: (n) => {
        shown += n;
      },
    });
    return {
      flush,
      calls,
      at: (ms: number) => {
        clock = ms;
      },
      shown: () => shown,
    };
  }

  it('holds ranges back within FLUSH_MS of the last flush that showed marks', () => {
    const t = setup([3, 2, 4]);
    t.flush(false); // first marks: at once
    expect(t.shown()).toBe(3);
    t.at(FLUSH_MS - 1);
    t.flush(false);
    expect(t.calls).toEqual([0]);
    t.flush(true); // a page change: at once
    expect(t.shown()).toBe(5);
    t.at(FLUSH_MS * 2);
    t.flush(false); // FLUSH_MS after the urgent flush
    expect(t.calls).toEqual([0, FLUSH_MS - 1, FLUSH_MS * 2]);
    expect(t.shown()).toBe(9);
  });

  it('does not restart the wait after a flush that showed nothing', () => {
    const t = setup([2, 0, 1]);
    t.flush(true);
    t.at(FLUSH_MS);
    t.flush(false); // shows nothing
    t.at(FLUSH_MS + 1);
    t.flush(false); // still due: the empty flush did not count
    expect(t.calls).toEqual([0, FLUSH_MS, FLUSH_MS + 1]);
    expect(t.shown()).toBe(3);
  });
});

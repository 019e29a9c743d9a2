import { describe, expect, it } from 'vitest';
import { createSlicer } from '../../lib/page/schedule';

describe('slicer', () => {
  it('is due after its budget, records the longest slice, and yields through the given function', async () => {
    let clock = 0;
    let yields = 0;
    const slicer = createSlicer({
      now: () => clock,
      budgetMs: 10,
      yieldToMain: async () => {
        yields++;
        clock += 3; // the page's own turn
      },
    });
    slicer.begin();
    clock = 4;
    expect(slicer.due()).toBe(false);
    clock = 12;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(yields).toBe(1);
    expect(slicer.due()).toBe(false);
    clock = 15;
    slicer.end();
    expect(slicer.longestMs).toBe(12);
    // 12 ms of ours, then 3 handed back, then 0 → 15 ours: the page's turn is not our work.
    expect(slicer.handedBackMs).toBe(3);
    expect(slicer.totalMs).toBe(12);
  });
});

import { describe, expect, it } from 'vitest';
import { createTimingRecorder } from '../../lib/page/annotator-timing';

describe('the annotator timing recorder', () => {
  it('keeps the first marks time once, the longest steps, and work time with painted answers', () => {
    let t = 10;
    const r = createTimingRecorder(() => t);
    r.marksShown(0);
    expect(r.anyMarksShown).toBe(false);
    r.marksShown(3);
    t = 20;
    r.marksShown(1);
    expect(r.timing.firstPaintAt).toBe(10);
    r.painted(4);
    r.painted(2);
    r.warmed(9);
    r.answerPainted(5);
    r.slices({ longestMs: 8, totalMs: 30, pauses: 2, handedBackMs: 5 });
    const phase = r.timed('notify', () => {
      t = 27;
      return 'told';
    });
    expect(phase).toBe('told');
    expect(r.timing).toMatchObject({
      longestPaintMs: 4,
      warmMs: 9,
      longestSliceMs: 8,
      workMs: 35,
      yields: 2,
      phases: { paint: 6, notify: 7 },
      handedBackMs: 5,
    });
  });

  it('counts the setup before the first slice as work, with the slices and the answers', () => {
    const r = createTimingRecorder(() => 0);
    r.setUp(3);
    expect(r.timing.workMs).toBe(3);
    r.answerPainted(5);
    expect(r.timing.workMs).toBe(8);
    r.slices({ longestMs: 8, totalMs: 30, pauses: 2, handedBackMs: 5 });
    expect(r.timing.workMs).toBe(38);
    expect(r.timing.phases.setup).toBe(3);
    // The slicer reports its running total: a later figure replaces the earlier one, and an
    // answer painted after it adds to it.
    r.slices({ longestMs: 8, totalMs: 40, pauses: 3, handedBackMs: 5 });
    r.answerPainted(2);
    expect(r.timing.workMs).toBe(50);
    expect(r.timing.phases.setup).toBe(3);
  });

  it('keeps when the first pass started, was read and sent once, and sums its waits for answers', () => {
    let t = 0;
    const r = createTimingRecorder(() => t);
    r.started();
    t = 3;
    r.sent();
    r.waiting();
    t = 5;
    r.waiting(); // still the same wait
    t = 9;
    r.resumed();
    r.resumed(); // no wait open: nothing added
    r.readDone();
    t = 12;
    r.sent();
    r.readDone();
    r.waiting();
    t = 14;
    r.resumed();
    r.firstPassDone();
    r.waiting(); // after the first pass: page changes are not the first pass's wait
    t = 50;
    r.resumed();
    expect(r.timing).toMatchObject({ startedAt: 0, firstSentAt: 3, readAt: 9, waitMs: 8 });
  });
});

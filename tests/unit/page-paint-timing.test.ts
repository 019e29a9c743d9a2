import { describe, expect, it } from 'vitest';
import { createTimingRecorder } from '../../lib/page/annotator-timing';
import type { Judgement } from '../../lib/page/article';
import { createPageClock, type TimedDocument } from '../../lib/page/paint-timing';

function doc(timing: TimedDocument['timing'], marks: number, chars: number): TimedDocument {
  return { timing, painted: () => new Array(marks).fill(0), chars, words: chars / 5 };
}

describe('page timing', () => {
  it('adds up the page and its frames: totals summed, longest steps the longest of any', () => {
    let t = 0;
    const page = createTimingRecorder(() => t);
    const frame = createTimingRecorder(() => t);
    page.readStep(3);
    page.readStep(5);
    frame.readStep(7);
    page.recognized(10, 100, true);
    frame.recognized(40, 300, false); // remote: not a long task on the page
    t = 12;
    page.marksShown(2);
    page.slices({ longestMs: 6, totalMs: 20, pauses: 3, handedBackMs: 5 });
    page.answerPainted(1);
    page.slices({ longestMs: 6, totalMs: 20, pauses: 3, handedBackMs: 5 });
    t = 30;
    page.firstPassDone();
    const clock = createPageClock(() => 5, 0);
    clock.judged({ longestStepMs: 4, steps: 2, yields: 1 } as Judgement);
    clock.painted(page.timing.paintedAt);
    clock.painted(99); // kept once
    const report = clock.report(doc(page.timing, 2, 50), [
      doc(page.timing, 2, 50),
      doc(frame.timing, 1, 25),
    ]);
    expect(report).toMatchObject({
      startMs: 5,
      firstPaintMs: 12,
      paintMs: 30,
      recognizeMs: 50,
      batches: 2,
      recognizedChars: 400,
      longestBatchMs: 10,
      longestReadMs: 7,
      readSteps: 3,
      longestSliceMs: 6,
      workMs: 21,
      yields: 3,
      judgeMs: 4,
      judgeSteps: 2,
      judgeYields: 1,
      marks: 3,
      chars: 75,
      words: 15,
    });
    expect(report.phases?.read).toBe(15);
  });

  it('times the next paint from a restart', () => {
    let t = 0;
    const clock = createPageClock(() => t, 0);
    t = 100;
    clock.restart();
    clock.painted(130);
    expect(clock.paintMs).toBe(30);
    clock.forgetPaint();
    expect(clock.paintMs).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { FinishedRead } from '../../lib/page/reading';
import type { RecognizeStep } from '../../lib/page/recognizing';
import { createWorkOrder } from '../../lib/page/work-order';

/** A document with `reads` read steps to go, `batches` batches queued and `late` late-name rounds. */
function setup(o: {
  reads?: Array<FinishedRead | null>;
  batches?: RecognizeStep[];
  late?: number;
  /** The recognizer takes the next batch while the page reads on. */
  sendsAhead?: boolean;
}) {
  const reads = [...(o.reads ?? [])];
  const batches = [...(o.batches ?? [])];
  let late = o.late ?? 0;
  let waiting = false;
  const log: string[] = [];
  const order = createWorkOrder({
    reader: {
      get busy() {
        return reads.length > 0;
      },
      step: () => {
        log.push('read');
        return reads.shift() ?? null;
      },
    },
    queue: {
      get empty() {
        return batches.length === 0;
      },
    },
    recognizing: {
      get waiting() {
        return waiting;
      },
      sendsAhead: o.sendsAhead ?? false,
      step: () => {
        const did = batches.shift() ?? 'worked';
        log.push(`recognize:${did}`);
        if (did === 'waiting') batches.unshift('worked');
        return did;
      },
    },
    lateNames: () => {
      if (late === 0) return false;
      late--;
      log.push('late');
      return true;
    },
    clock: {
      now: () => 10,
      add: (phase, ms) => log.push(`${phase}:${ms}`),
      firstPassDone: () => log.push('first pass'),
      readDone: () => 0,
      waiting: () => 0,
    },
    flush: (urgent) => log.push(urgent ? 'flush!' : 'flush'),
    notify: () => log.push('notify'),
    pause: () => log.push('pause'),
    done: () => log.push('done'),
  });
  const runAll = () => {
    while (order.step()) {}
  };
  return { order, log, runAll, setWaiting: (w: boolean) => (waiting = w) };
}

describe('work order', () => {
  it('reads first, then recognizes, then late names, then flushes and calls the first pass done', () => {
    const t = setup({
      reads: [null, { urgent: false, startedAt: 2, readMs: 3 }],
      batches: ['worked', 'worked'],
      late: 1,
    });
    expect(t.order.done).toBe(false);
    t.runAll();
    expect(t.log).toEqual([
      'read',
      'read',
      'flush',
      'afterRead:5',
      'notify',
      'recognize:worked',
      'recognize:worked',
      'late',
      'flush!',
      'first pass',
      'done',
    ]);
    expect(t.order.done).toBe(true);
  });

  it('calls the first pass done once', () => {
    const t = setup({});
    t.runAll();
    t.runAll();
    expect(t.log.filter((l) => l === 'done')).toHaveLength(1);
  });

  it('asks for a pause around the warm-up and stops while an answer is out', () => {
    const t = setup({ batches: ['pause', 'waiting'] });
    expect(t.order.step()).toBe(true);
    expect(t.log).toEqual(['recognize:pause', 'pause']);
    expect(t.order.step()).toBe(false); // the answer resumes the loop
    const empty = setup({});
    empty.setWaiting(true);
    expect(empty.order.step()).toBe(false);
    expect(empty.log).toEqual([]); // nothing flushed, not done while an answer is out
    expect(empty.order.done).toBe(false);
  });
});

describe('work order with a recognizer that takes batches ahead', () => {
  it('sends the queued batch before reading on', () => {
    const t = setup({
      reads: [null, null],
      batches: ['worked'],
      sendsAhead: true,
    });
    t.runAll();
    expect(t.log.slice(0, 3)).toEqual(['recognize:worked', 'read', 'read']);
  });
});

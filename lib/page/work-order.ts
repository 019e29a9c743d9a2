/**
 * What one document's next unit of work is, in order: finish reading (while the recognizer in the
 * background always has the page's next batch), then recognize what is queued, then recognize again what missed a name learned
 * late; with nothing left, hand every buffered mark to the browser and, the first time, call the
 * first pass done. The loop that runs these steps is lib/page/work-loop.ts.
 */
import type { TimingRecorder } from './annotator-timing';
import type { Reader } from './reading';
import type { Recognizing } from './recognizing';

export interface WorkOrderOptions {
  reader: Pick<Reader, 'busy' | 'step'>;
  /** Text waiting for the recognizer (lib/page/recognition-queue.ts). */
  queue: { readonly empty: boolean };
  recognizing: Pick<Recognizing, 'step' | 'waiting' | 'sendsAhead'>;
  /** Queue the segments that missed a name learned late; true when any was queued. */
  lateNames: () => boolean;
  clock: Pick<TimingRecorder, 'now' | 'add' | 'firstPassDone' | 'readDone' | 'waiting'>;
  /** Hand painted marks to the browser (`urgent`: at once). */
  flush: (urgent: boolean) => void;
  /** Marks may have changed: tell the caller. */
  notify: () => void;
  /** Hand the main thread back after this step (around the recognizer's warm-up). */
  pause: () => void;
  /** The first pass over the article is painted. */
  done: () => void;
}

export interface WorkOrder {
  /** One unit of work; false when there is nothing to do now. */
  step(): boolean;
  /** The first pass is painted. */
  readonly done: boolean;
}

export function createWorkOrder(options: WorkOrderOptions): WorkOrder {
  const { reader, queue, recognizing, clock } = options;
  let done = false;
  /** Nothing to do until the remote recognizer answers. */
  const waitForAnswer = (): false => {
    clock.waiting();
    return false;
  };
  return {
    get done() {
      return done;
    },
    step() {
      if (reader.busy) {
        // The recognizer in the background works while the page reads on: from the first text
        // read, it always has this page's next batch (else recognition would start only after
        // the read).
        if (!queue.empty && recognizing.sendsAhead) {
          recognizing.step();
          return true;
        }
        const read = reader.step();
        if (read) {
          options.flush(read.urgent);
          clock.add('afterRead', clock.now() - read.startedAt - read.readMs);
          options.notify();
        }
        return true;
      }
      if (!done) clock.readDone();
      if (!queue.empty) {
        const did = recognizing.step();
        if (did === 'waiting') return waitForAnswer(); // the answer resumes the loop
        if (did === 'pause') options.pause();
        return true;
      }
      if (recognizing.waiting) return waitForAnswer();
      if (options.lateNames()) return true;
      options.flush(true);
      if (!done) {
        done = true;
        clock.firstPassDone();
        options.done();
      }
      return false;
    },
  };
}

/**
 * The page's status as the popup reads it: working, ready, or skipped with a reason code, and
 * whether annotating failed (a failure stands until the reader switches again).
 */
import type { PageState, SkipCode } from '../messages/types';

export interface PageStatus {
  readonly status: PageState['status'];
  readonly skip: SkipCode | undefined;
  readonly failed: boolean;
  /** Work under way (judging, or annotating before the first pass is painted). */
  working(): void;
  skipped(code: SkipCode): void;
  /** Annotating failed and stepped back. */
  failure(): void;
  /** Switched again: a failure no longer stands. */
  clearFailure(): void;
  /**
   * The top document's progress: still working, or its first pass painted, `ready` when any
   * article text was read (`readChars`, asked only then) and skipped for no text otherwise.
   */
  progress(firstPassDone: boolean, readChars: () => number): void;
}

export function createPageStatus(): PageStatus {
  let status: PageState['status'] = 'working';
  let skip: SkipCode | undefined;
  let failed = false;
  return {
    get status() {
      return status;
    },
    get skip() {
      return skip;
    },
    get failed() {
      return failed;
    },
    working() {
      status = 'working';
      skip = undefined;
    },
    skipped(code) {
      status = 'skipped';
      skip = code;
    },
    failure() {
      failed = true;
      status = 'skipped';
      skip = 'error';
    },
    clearFailure() {
      failed = false;
    },
    progress(firstPassDone, readChars) {
      if (failed) return;
      if (!firstPassDone) {
        status = 'working';
        return;
      }
      const read = readChars();
      status = read === 0 ? 'skipped' : 'ready';
      skip = read === 0 ? 'no-text' : undefined;
    },
  };
}

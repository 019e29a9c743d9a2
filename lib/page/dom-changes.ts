/**
 * Notice when the page changes its own content (a framework re-render, infinite scroll, "load
 * more", client-side navigation, lazy paragraphs, a block shown or hidden), so Glossa can annotate
 * what appeared and release what left, block by block.
 *
 * Mutation records are only collected here and handed over in batches: the first record of a
 * batch starts a short timer (`delayMs`), so a burst of DOM operations arrives as one batch, and
 * batches are at least `minIntervalMs` apart, so a ticking clock or a live blog cannot keep Glossa
 * busy. Interpreting the records is the caller's job (lib/page/changes.ts).
 */
import { appendAll } from '../arrays';

export interface DomChangeObserver {
  /**
   * Stop observing around Glossa's own DOM changes (the <mark> fallback); records that arrived
   * before are kept for the next batch.
   */
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface DomChangeOptions {
  /** Wait this long after the first change of a batch (ms). */
  delayMs?: number;
  /** Older name of delayMs (the notes layer uses it). */
  quietMs?: number;
  /** …and at least this long after the previous batch (ms). */
  minIntervalMs?: number;
}

/** Attributes that show or hide text, or make it editable: the rest never change what is read. */
export const OBSERVED_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable', 'role'];

export function observeDomChanges(
  doc: Document,
  onChange: (records: MutationRecord[]) => void,
  options: DomChangeOptions = {},
): DomChangeObserver {
  const delayMs = options.delayMs ?? options.quietMs ?? 30;
  const minIntervalMs = options.minIntervalMs ?? 100;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCall = Number.NEGATIVE_INFINITY;
  let stopped = false;
  let paused = false;
  let pending: MutationRecord[] = [];

  const deliver = () => {
    timer = undefined;
    if (stopped) return;
    const wait = lastCall + minIntervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(deliver, wait);
      return;
    }
    if (!paused) appendAll(pending, observer.takeRecords());
    const records = pending;
    pending = [];
    if (records.length === 0) return;
    lastCall = Date.now();
    onChange(records);
  };

  const collect = (records: MutationRecord[]) => {
    if (stopped || records.length === 0) return;
    appendAll(pending, records);
    if (timer === undefined) timer = setTimeout(deliver, delayMs);
  };

  const observer = new Observer(collect);
  // The whole document: <body> itself may be replaced, and new articles appear outside the first.
  const observe = () =>
    observer.observe(doc.documentElement ?? doc, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: OBSERVED_ATTRIBUTES,
    });
  observe();

  return {
    pause() {
      if (paused || stopped) return;
      collect(observer.takeRecords());
      observer.disconnect();
      paused = true;
    },
    resume() {
      if (!paused || stopped) return;
      paused = false;
      observe();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      pending = [];
      observer.disconnect();
    },
  };
}

/**
 * One document's annotation, block by block, following the page as it changes. The article is
 * read into segments (lib/page/segments.ts), queued for recognition (lib/page/recognition-queue.ts)
 * in batches carrying the names found so far (lib/page/batches.ts, lib/page/known-names.ts), and
 * painted as soon as a batch is recognized. All work runs in one queue, in slices of a few ms with
 * the main thread handed back in between (lib/page/schedule.ts); page changes are read again
 * block by block (lib/page/rereads.ts). docs/architecture.md tells the whole story.
 */
import type { Mention, PageRecognizer, PaintedType } from '../entities';
import {
  type AnnotatorTiming,
  createTimingRecorder,
  type TimingRecorder,
} from './annotator-timing';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import type { PageNames } from './known-names';
import { guessLang, SAMPLE_CHARS } from './lang';
import { createPainter, type PaintColors } from './paint';
import { createReader } from './reading';
import { createRecognitionQueue } from './recognition-queue';
import { planRereads } from './rereads';
import { createSlicer, type YieldToMain } from './schedule';
import { createSegments, type Hit } from './segments';
import type { TextSegment } from './text';

export type { Hit } from './segments';

import { createRecognizing, type RecognizedCache } from './recognizing';

export type { Recognized, RecognizedCache } from './recognizing';

export interface AnnotatorOptions {
  doc: Document;
  /** Where the article is (findArticleRoot); read again if the page replaces it. */
  root: Element;
  types: readonly PaintedType[];
  /**
   * The recognizer, created on first use (a page without text never asks it). A remote one (the
   * extension's background) answers with promises: the page reads on while it works.
   */
  recognizer: () => PageRecognizer;
  /** Full names found so far on the page (shared with frames). */
  names: PageNames;
  /** Results by text, shared across re-reads (toggling off and on never recognizes again). */
  cache: RecognizedCache;
  /** Language hint; guessed from the page's text when not given. */
  lang?: string;
  now: () => number;
  /** Where the annotator's figures go (a recorder on `now` when not given). */
  timing?: TimingRecorder;
  /** Length of a work slice in ms before the main thread is handed back. */
  budgetMs?: number;
  /** Fixed recognition batch size in characters (tests); adapted to the recognizer's speed otherwise. */
  batchChars?: number;
  yieldToMain?: YieldToMain;
  forceWrap?: boolean;
  /** The reader's highlight colours by type (settings). */
  colors?: PaintColors;
  /** Follow page changes; false turns it off (tests). */
  domChanges?: DomChangeOptions | false;
  /** A frame in readable content: its document may be annotated too (the caller decides). */
  onFrame?: (frame: HTMLIFrameElement | HTMLFrameElement) => void;
  /** Marks were added or removed. */
  onPaint?: () => void;
  /** The first pass over the article is painted. */
  onDone?: () => void;
  /** Something failed; the annotator has already taken its marks away. */
  onError?: (error: unknown) => void;
}

export interface DocAnnotator {
  readonly doc: Document;
  readonly mode: 'highlight' | 'wrap';
  /** The first pass is painted. */
  readonly done: boolean;
  readonly timing: AnnotatorTiming;
  /** Painted mentions (segment offsets), in no particular order. */
  painted(): Iterable<Mention>;
  /** Characters and words of article text read (segments on the page now). */
  readonly chars: number;
  readonly words: number;
  /** Painted mentions whose text contains the DOM point (node, offset) or ends there. */
  lookup(node: Node, offset: number): Hit[];
  /** Resolves when no work is queued. */
  idle(): Promise<void>;
  dispose(): void;
}

/** During a long first pass, hand new ranges to the browser at most this often (ms). */
const FLUSH_MS = 150;
export function createDocAnnotator(options: AnnotatorOptions): DocAnnotator {
  const { doc, names, cache, now } = options;
  const clock = options.timing ?? createTimingRecorder(now);
  const slicer = createSlicer({
    now,
    budgetMs: options.budgetMs,
    yieldToMain: options.yieldToMain,
  });
  const painter = createPainter(doc, options.types, {
    forceWrap: options.forceWrap,
    colors: options.colors,
  });
  let domChanges: DomChangeObserver | null = null;
  /** Run a DOM-changing paint step (the <mark> fallback) without seeing it as a page change. */
  const quietly = <T>(fn: () => T): T => {
    if (painter.mode === 'highlight') return fn();
    domChanges?.pause();
    try {
      return fn();
    } finally {
      domChanges?.resume();
    }
  };
  const segments = createSegments(doc, painter, quietly, (n) => clock.marksShown(n));
  const queue = createRecognitionQueue();

  let roots: Element[] = [options.root];
  let url = doc.URL;
  let lang = options.lang;
  let lateCheckedAt = 0;
  /** Hand the main thread back after this step whatever the budget says (around the warm-up). */
  let pauseNow = false;
  /** Work is sliced at all (tests pass an infinite budget to run everything at once). */
  const slicing = Number.isFinite(options.budgetMs ?? 0);
  let firstPass = true;
  let done = false;
  let running = false;
  let disposed = false;
  let idleWaiters: Array<() => void> = [];

  /**
   * Hand buffered ranges to the browser: at once for the first marks and for page changes (new
   * text must show within a few frames), then at most every FLUSH_MS during a long first pass.
   */
  let lastFlush = Number.NEGATIVE_INFINITY;
  const flush = (force: boolean) => {
    if (!force && now() - lastFlush < FLUSH_MS && clock.anyMarksShown) return;
    const n = painter.flush();
    if (n > 0) {
      lastFlush = now();
      clock.marksShown(n);
    }
  };

  // ---- reading ----

  /** A freshly read segment: reuse what is known about its text, or queue it for recognition. */
  const adopt = (read: TextSegment, root: Element, urgent: boolean) => {
    const seg = segments.add(read, root);
    const known = cache.get(read.text);
    if (!known) return queue.add(seg, urgent, recognizing.batchChars);
    seg.mentions = known.mentions;
    seg.version = known.version;
    segments.paint(seg);
  };

  const reader = createReader({
    segments,
    wrap: painter.mode === 'wrap',
    now,
    adopt,
    onFrame: (f) => options.onFrame?.(f),
    stepped: (ms) => clock.readStep(ms),
  });
  const startRead = reader.start;

  // ---- recognition ----

  const pageLangHint = (): string => {
    lang ??= doc.documentElement?.lang?.trim() || guessLang(queue.sample(SAMPLE_CHARS));
    return lang;
  };

  const notify = () => clock.timed('notify', () => options.onPaint?.());

  const recognizing = createRecognizing({
    queue,
    segments,
    names,
    cache,
    clock,
    recognizer: options.recognizer,
    lang: pageLangHint,
    batchChars: options.batchChars,
    flush,
    notify,
    answered: () => void pump(),
    disposed: () => disposed,
    dropped: () => settle(),
    failed: (error) => fail(error),
  });

  /**
   * Segments recognized before a name they mention was known (a surname in the headline, the full
   * name further down): recognize them again, now with that name in their header.
   */
  const queueLateNames = (): boolean => {
    if (names.version === lateCheckedAt) return false;
    lateCheckedAt = names.version;
    let any = false;
    for (const seg of segments) {
      if (!seg.mentions || seg.piecesLeft > 0 || seg.version >= names.version) continue;
      if (names.missedSince(seg.version, seg.text)) {
        recognizing.again(seg);
        any = true;
      } else {
        seg.version = names.version; // none of the new names can occur in it
      }
    }
    return any;
  };

  // ---- the work queue ----

  const settle = () => {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  /** Nothing to do until the remote recognizer answers. */
  const waitForAnswer = (): false => {
    clock.waiting();
    return false;
  };

  /** One unit of work; false when there is nothing to do now. */
  const step = (): boolean => {
    if (reader.busy) {
      // The recognizer in the background works while the page reads on: from the first text read,
      // it always has this page's next batch (else recognition would start only after the read).
      if (!queue.empty && recognizing.sendsAhead) {
        recognizing.step();
        return true;
      }
      const read = reader.step();
      if (read) {
        flush(read.urgent);
        clock.add('afterRead', now() - read.startedAt - read.readMs);
        notify();
      }
      return true;
    }
    if (firstPass) clock.readDone();
    if (!queue.empty) {
      const did = recognizing.step();
      if (did === 'waiting') return waitForAnswer(); // the answer resumes the pump
      // Hand the main thread back around the recognizer's warm-up, whatever the budget says.
      if (did === 'pause') pauseNow = true;
      return true;
    }
    if (recognizing.waiting) return waitForAnswer();
    if (queueLateNames()) return true;
    flush(true);
    if (firstPass) {
      firstPass = false;
      done = true;
      clock.firstPassDone();
      options.onDone?.();
    }
    return false;
  };

  const fail = (error: unknown) => {
    dispose();
    options.onError?.(error);
  };

  const pump = async () => {
    if (running || disposed) return;
    running = true;
    slicer.begin();
    try {
      while (!disposed && step()) {
        if ((pauseNow && slicing) || slicer.due()) {
          pauseNow = false;
          await slicer.pause();
        }
      }
    } catch (error) {
      fail(error);
    } finally {
      running = false;
      slicer.end();
      clock.slices({
        longestMs: slicer.longestMs,
        totalMs: slicer.totalMs,
        pauses: slicer.pauses,
        handedBackMs: slicer.handedBackMs,
      });
      if (!recognizing.waiting || disposed) settle();
    }
  };

  // ---- page changes ----

  /** Replace everything: the page navigated (pushState) or replaced the article. */
  const reset = (root: Element) => {
    for (const seg of [...segments]) segments.drop(seg);
    reader.clear();
    queue.clear();
    roots = [root];
    startRead(root, root, true);
  };

  const onRecords = (records: MutationRecord[]) => {
    try {
      if (disposed) return;
      const plan = planRereads(doc, records, { roots, url });
      url = doc.URL;
      if (plan.reset) {
        reset(plan.reset);
      } else {
        roots = plan.roots;
        for (const article of plan.articles) startRead(article, article, true);
        // Text that left the page releases its ranges now (not when its block is read again).
        for (const node of plan.removed) {
          for (const seg of segments.under(node)) segments.drop(seg);
        }
        for (const { scope, root } of plan.reads) startRead(scope, root, true);
        if (plan.removed.length > 0) options.onPaint?.();
      }
      void pump();
    } catch (error) {
      fail(error);
    }
  };

  // ---- the annotator ----

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    try {
      domChanges?.stop();
    } catch {
      // a frame's document that is gone (Firefox "dead object"): nothing left to stop
    }
    domChanges = null;
    reader.clear();
    queue.clear();
    try {
      painter.dispose();
    } finally {
      segments.clear();
      settle();
    }
  };

  if (options.domChanges !== false) {
    domChanges = observeDomChanges(doc, onRecords, options.domChanges || {});
  }
  clock.started();
  startRead(options.root, options.root, false);
  void pump();

  return {
    doc,
    mode: painter.mode,
    get done() {
      return done;
    },
    get chars() {
      return segments.chars;
    },
    get words() {
      return segments.words;
    },
    timing: clock.timing,
    painted: () => segments.painted(),
    lookup: (node, offset) => segments.lookup(node, offset),
    idle() {
      if (!running && !recognizing.waiting) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    dispose,
  };
}

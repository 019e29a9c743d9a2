/**
 * One document's annotation, block by block, following the page as it changes. The article is
 * read into segments (lib/page/reading.ts, lib/page/segments.ts), queued for recognition
 * (lib/page/recognition-queue.ts) in batches carrying the names found so far
 * (lib/page/recognizing.ts, lib/page/known-names.ts), and painted as soon as a batch is
 * recognized (lib/page/paint-flush.ts paces the hand-over to the browser). The next step is
 * chosen by lib/page/work-order.ts and run by lib/page/work-loop.ts in slices of a few ms with the
 * main thread handed back in between; page changes are read again block by block
 * (lib/page/following.ts). This file only wires the parts; docs/architecture.md tells the story.
 */
import type { Mention, PageRecognizer, PaintedType } from '../entities';
import {
  type AnnotatorTiming,
  createTimingRecorder,
  type TimingRecorder,
} from './annotator-timing';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import { createFollowing } from './following';
import type { PageNames } from './known-names';
import { guessLang, SAMPLE_CHARS } from './lang';
import { createLateNames } from './late-names';
import { createPainter, type PaintColors, type Painter } from './paint';
import { createPaintFlush } from './paint-flush';
import { createReader, type Reader } from './reading';
import { createRecognitionQueue, type RecognitionQueue } from './recognition-queue';
import type { YieldToMain } from './schedule';
import { createSegments, type Hit, type Segments } from './segments';
import { createWorkLoop, type WorkLoop } from './work-loop';
import { createWorkOrder, type WorkOrder } from './work-order';

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

/** One document's work: the reader, the recognition queue and the loop that runs them in order. */
interface DocWork {
  reader: Reader;
  queue: RecognitionQueue;
  order: WorkOrder;
  loop: WorkLoop;
}

/** Reading, recognizing and painting `segments`, step by step, in slices (the annotator's engine). */
function createDocWork(
  options: AnnotatorOptions,
  parts: { painter: Painter; segments: Segments; clock: TimingRecorder },
  fail: (error: unknown) => void,
): DocWork {
  const { doc, names, cache, now } = options;
  const { painter, segments, clock } = parts;
  const queue = createRecognitionQueue();
  const flush = createPaintFlush({
    now,
    flush: () => painter.flush(),
    anyMarksShown: () => clock.anyMarksShown,
    shown: (n) => clock.marksShown(n),
  });
  const notify = () => clock.timed('notify', () => options.onPaint?.());
  let lang = options.lang;

  const reader = createReader({
    segments,
    wrap: painter.mode === 'wrap',
    now,
    // A freshly read segment: reuse what is known about its text, or queue it for recognition.
    adopt: (read, root, urgent) => {
      const seg = segments.add(read, root);
      const known = cache.get(read.text);
      if (!known) return queue.add(seg, urgent, recognizing.batchChars);
      seg.mentions = known.mentions;
      seg.version = known.version;
      segments.paint(seg);
    },
    onFrame: (f) => options.onFrame?.(f),
    stepped: (ms) => clock.readStep(ms),
  });

  const recognizing = createRecognizing({
    queue,
    segments,
    names,
    cache,
    clock,
    recognizer: options.recognizer,
    lang: () => {
      lang ??= doc.documentElement?.lang?.trim() || guessLang(queue.sample(SAMPLE_CHARS));
      return lang;
    },
    batchChars: options.batchChars,
    flush,
    notify,
    answered: () => void loop.run(),
    disposed: () => loop.stopped,
    dropped: () => loop.settle(),
    failed: fail,
  });

  const lateNames = createLateNames(names);
  const order = createWorkOrder({
    reader,
    queue,
    recognizing,
    lateNames: () => lateNames.check(segments, (seg) => recognizing.again(seg)),
    clock,
    flush,
    notify,
    pause: () => loop.pauseAfterStep(),
    done: () => options.onDone?.(),
  });
  const loop = createWorkLoop({
    now,
    budgetMs: options.budgetMs,
    yieldToMain: options.yieldToMain,
    step: () => order.step(),
    waiting: () => recognizing.waiting,
    sliced: (figures) => clock.slices(figures),
    failed: fail,
  });
  return { reader, queue, order, loop };
}

export function createDocAnnotator(options: AnnotatorOptions): DocAnnotator {
  const { doc } = options;
  // The setup below is the annotator's work too (counted with its slices).
  const setupAt = options.now();
  const clock = options.timing ?? createTimingRecorder(options.now);
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
  const fail = (error: unknown) => {
    dispose();
    options.onError?.(error);
  };
  const { reader, queue, order, loop } = createDocWork(options, { painter, segments, clock }, fail);

  const following = createFollowing({
    doc,
    root: options.root,
    reset: (root) => {
      for (const seg of [...segments]) segments.drop(seg);
      reader.clear();
      queue.clear();
      reader.start(root, root, true);
    },
    read: (scope, root) => reader.start(scope, root, true),
    drop: (node) => {
      for (const seg of segments.under(node)) segments.drop(seg);
    },
    dropped: () => options.onPaint?.(),
  });

  const dispose = () => {
    if (loop.stopped) return;
    loop.stop();
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
    }
  };

  if (options.domChanges !== false) {
    const changed = (records: MutationRecord[]) => {
      try {
        if (loop.stopped) return;
        following.changed(records);
        void loop.run();
      } catch (error) {
        fail(error);
      }
    };
    domChanges = observeDomChanges(doc, changed, options.domChanges || {});
  }
  clock.started();
  reader.start(options.root, options.root, false);
  clock.setUp(options.now() - setupAt);
  void loop.run();

  return {
    doc,
    mode: painter.mode,
    get done() {
      return order.done;
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
    idle: () => loop.idle(),
    dispose,
  };
}

/**
 * One document's annotation, block by block, following the page as it changes.
 *
 * The article root is read into segments (runs of text between block edges, lib/page/text.ts);
 * segments are recognized in batches that fit a time slice (lib/page/batches.ts, with the names
 * found so far carried over: lib/page/known-names.ts) and painted as soon as they are recognized. All
 * work runs in one queue, in slices of a few ms with the main thread handed back in between
 * (lib/page/schedule.ts).
 *
 * When the page changes (lib/page/dom-changes.ts, lib/page/changes.ts), only the blocks that changed are
 * read again; a block whose text is unchanged keeps its marks, and text seen before is never
 * recognized twice (a cache by text). Segments whose nodes left the page release their ranges.
 * New content goes ahead of the rest of the first pass, so it is painted within a few frames.
 */
import { appendAll } from '../arrays';
import type { Mention, PageRecognizer, PaintedType } from '../entities';
import { type AnnotatorTiming, noWork } from './annotator-timing';
import { type Batch, buildBatch, cutPoints, mentionsByPiece, type Piece } from './batches';
import { mentionIndexAt } from './card';
import { textChanges } from './changes';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import { nameHeader, type PageNames } from './known-names';
import { guessLang, SAMPLE_CHARS } from './lang';
import { createPainter, type PaintColors, type Painter, type TextPaint } from './paint';
import { createSlicer, type YieldToMain } from './schedule';
import {
  createTextWalk,
  findArticleRoot,
  isReadable,
  isSkippedElement,
  type TextSegment,
  type TextWalk,
} from './text';
import type { TextChunk } from './types';

/** A recognized text, kept so the same text is never recognized twice on this page. */
export interface Recognized {
  mentions: Mention[];
  /** PageNames.version when recognized. */
  version: number;
}

export type RecognizedCache = Map<string, Recognized>;

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

export interface Hit {
  mention: Mention;
  range: AbstractRange;
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

interface Segment {
  text: string;
  words: number;
  chunks: TextChunk[];
  root: Element;
  /** Recognized mentions in segment offsets, or null while waiting for recognition. */
  mentions: Mention[] | null;
  version: number;
  /** Mentions of pieces recognized so far, and how many pieces are still queued. */
  collected: Mention[];
  piecesLeft: number;
  paint: TextPaint | null;
  dead: boolean;
}

interface Item {
  seg: Segment;
  offset: number;
  text: string;
  /** Text from a page change (painted at once), not from the first pass. */
  urgent: boolean;
}

interface ReadJob {
  scope: Element;
  root: Element;
  walk: TextWalk;
  segments: TextSegment[];
  /** Adopt segments as they are read (nothing painted to compare with); set at the first step. */
  direct: boolean | undefined;
  /** New text from a page change: recognized before the rest of the first pass. */
  urgent: boolean;
}

/** Nodes walked in the first read step, and the time a read step should take (ms). */
const FIRST_READ_NODES = 2000;
const READ_STEP_MS = 4;
/**
 * Recognition batch size bounds (characters), and the time a batch should take. The first batch
 * is small: the recognizer is slowest on words it has not seen yet (it loads its tables lazily).
 */
const FIRST_BATCH_CHARS = 2000;
const MIN_BATCH_CHARS = 800;
const MAX_BATCH_CHARS = 40_000;
const BATCH_TARGET_MS = 14;
/** During a long first pass, hand new ranges to the browser at most this often (ms). */
const FLUSH_MS = 150;
/** Texts remembered with their mentions. */
const CACHE_LIMIT = 50_000;

const ARTICLE_SELECTOR = 'article, [itemprop=articleBody]';

/** Recognizers already used once (their first call builds tables: done in a slice of its own). */
const warmed = new WeakSet<PageRecognizer>();

export function createDocAnnotator(options: AnnotatorOptions): DocAnnotator {
  const { doc, names, cache, now } = options;
  const slicer = createSlicer({
    now,
    budgetMs: options.budgetMs,
    yieldToMain: options.yieldToMain,
  });
  const painter: Painter = createPainter(doc, options.types, {
    forceWrap: options.forceWrap,
    colors: options.colors,
  });
  const timing: AnnotatorTiming = {
    recognizeMs: 0,
    batches: 0,
    recognizedChars: 0,
    longestSliceMs: 0,
    workMs: 0,
    phases: noWork(),
    warmMs: 0,
    longestBatchMs: 0,
    longestReadMs: 0,
    longestPaintMs: 0,
    readSteps: 0,
    yields: 0,
  };

  let roots: Element[] = [options.root];
  let url = doc.URL;
  let lang = options.lang;
  const live = new Set<Segment>();
  let chars = 0;
  let words = 0;
  const byNode = new Map<Text, Segment>();
  const reads: ReadJob[] = [];
  const urgent: Item[] = [];
  const background: Item[] = [];
  let lateCheckedAt = 0;
  let batchChars = options.batchChars ?? FIRST_BATCH_CHARS;
  let readNodes = FIRST_READ_NODES;
  /** Hand the main thread back after this step whatever the budget says (around the warm-up). */
  let pauseNow = false;
  let pauseBeforeWarm = false;
  /** Work is sliced at all (tests pass an infinite budget to run everything at once). */
  const slicing = Number.isFinite(options.budgetMs ?? 0);
  let recognizer: PageRecognizer | null = null;
  /** A batch sent to a remote recognizer and not answered yet: one at a time, in page order. */
  let waiting = false;
  /** Main-thread time spent painting remote answers (outside the slices). */
  let answerMs = 0;
  const recognizerOnce = () => {
    recognizer ??= options.recognizer();
    return recognizer;
  };
  let rate = 0; // characters per ms, smoothed
  let firstPass = true;
  let done = false;
  let running = false;
  let disposed = false;
  let idleWaiters: Array<() => void> = [];
  let domChanges: DomChangeObserver | null = null;

  // ---- segments ----

  const mapNodes = (seg: Segment, chunks: readonly TextChunk[]) => {
    for (const c of chunks) byNode.set(c.node, seg);
  };
  const unmapNodes = (seg: Segment, chunks: readonly TextChunk[]) => {
    for (const c of chunks) if (byNode.get(c.node) === seg) byNode.delete(c.node);
  };

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

  const unpaintSegment = (seg: Segment) => {
    const paint = seg.paint;
    if (!paint) return;
    seg.paint = null;
    unmapNodes(seg, paint.chunks);
    quietly(() => painter.unpaint(paint));
    mapNodes(seg, seg.chunks);
  };

  const paintSegment = (seg: Segment) => {
    if (seg.dead || !seg.mentions) return;
    unpaintSegment(seg);
    if (seg.mentions.length === 0) return;
    const mentions = seg.mentions;
    const paint = quietly(() =>
      painter.paint({ text: seg.text, chunks: seg.chunks, root: seg.root }, mentions),
    );
    seg.paint = paint;
    mapNodes(seg, paint.chunks);
    if (painter.mode === 'wrap') noteFirstPaint(paint.mentions.length);
  };

  const noteFirstPaint = (count: number) => {
    if (timing.firstPaintAt === undefined && count > 0) timing.firstPaintAt = now();
  };

  /**
   * Hand buffered ranges to the browser: at once for the first marks and for page changes (new
   * text must show within a few frames), then at most every FLUSH_MS during a long first pass.
   */
  let lastFlush = Number.NEGATIVE_INFINITY;
  const flush = (force: boolean) => {
    if (!force && now() - lastFlush < FLUSH_MS && timing.firstPaintAt !== undefined) return;
    const n = painter.flush();
    if (n > 0) {
      lastFlush = now();
      noteFirstPaint(n);
    }
  };

  const drop = (seg: Segment) => {
    if (seg.dead) return;
    seg.dead = true;
    unpaintSegment(seg);
    unmapNodes(seg, seg.chunks);
    live.delete(seg);
    chars -= seg.text.length;
    words -= seg.words;
  };

  const remember = (text: string, result: Recognized) => {
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(text, result);
  };

  const queue = (seg: Segment, into: Item[]) => {
    const cuts = cutPoints(seg.text, batchChars);
    seg.collected = [];
    seg.piecesLeft = cuts.length;
    cuts.forEach((from, i) => {
      const to = cuts[i + 1] ?? seg.text.length;
      into.push({ seg, offset: from, text: seg.text.slice(from, to), urgent: into === urgent });
    });
  };

  /** A freshly read segment: reuse what is known about its text, or queue it for recognition. */
  const adopt = (read: TextSegment, root: Element, isUrgent: boolean) => {
    const seg: Segment = {
      text: read.text,
      words: countWords(read.text),
      chunks: read.chunks,
      root,
      mentions: null,
      version: 0,
      collected: [],
      piecesLeft: 0,
      paint: null,
      dead: false,
    };
    live.add(seg);
    chars += seg.text.length;
    words += seg.words;
    mapNodes(seg, seg.chunks);
    const known = cache.get(read.text);
    if (known) {
      seg.mentions = known.mentions;
      seg.version = known.version;
      paintSegment(seg);
    } else {
      queue(seg, isUrgent ? urgent : background);
    }
  };

  /** Segments whose text nodes are under `scope`, found through the node map. */
  const segmentsUnder = (scope: Node): Set<Segment> => {
    const found = new Set<Segment>();
    if (byNode.size === 0) return found;
    if (scope.nodeType === 3) {
      const seg = byNode.get(scope as Text);
      if (seg) found.add(seg);
      return found;
    }
    const walker = doc.createTreeWalker(scope, 0x4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const seg = byNode.get(n as Text);
      if (seg) found.add(seg);
    }
    return found;
  };

  /** A read job is complete: replace the scope's old segments by the new ones. */
  const finishRead = (job: ReadJob) => {
    const old = segmentsUnder(job.scope);
    const byFirstNode = new Map<Text, Segment>();
    for (const seg of old) {
      const first = seg.chunks[0];
      if (first) byFirstNode.set(first.node, seg);
    }
    const kept = new Set<Segment>();
    const fresh: TextSegment[] = [];
    for (const read of job.segments) {
      // Nodes removed while we were reading: a later change batch reads that place again.
      if (read.chunks.some((c) => !c.node.isConnected)) continue;
      const same = byFirstNode.get((read.chunks[0] as TextChunk).node);
      if (
        same &&
        !kept.has(same) &&
        same.text === read.text &&
        same.chunks.length === read.chunks.length &&
        same.chunks.every((c, i) => c.node === read.chunks[i]?.node)
      ) {
        kept.add(same); // unchanged: keep its marks as they are
        if (!same.paint && same.mentions) paintSegment(same);
        continue;
      }
      fresh.push(read);
    }
    for (const seg of old) if (!kept.has(seg)) drop(seg);
    for (const read of fresh) adopt(read, job.root, job.urgent);
  };

  const startRead = (scope: Element, root: Element, isUrgent: boolean) => {
    // The <mark> fallback split the text nodes: put them back first, so the walk reads the
    // page's own nodes (the marks are painted again when the block is read).
    if (painter.mode === 'wrap') for (const seg of segmentsUnder(scope)) unpaintSegment(seg);
    const job: ReadJob = {
      scope,
      root,
      segments: [],
      urgent: isUrgent,
      direct: undefined,
      walk: createTextWalk(scope, {
        // Nothing painted yet to compare with (the first read): take each segment as it comes,
        // so no step at the end handles the whole article at once.
        segment: (s) => {
          if (job.direct) {
            if (s.chunks.every((c) => c.node.isConnected)) adopt(s, job.root, job.urgent);
          } else {
            job.segments.push(s);
          }
        },
        frame: (f) => options.onFrame?.(f),
      }),
    };
    // Reading a skipped or detached scope yields nothing: its old segments are dropped.
    if (!isReadable(scope, root)) job.walk = { step: () => true, lost: false };
    reads.push(job);
  };

  // ---- recognition ----

  const pageLangHint = (): string => {
    if (lang !== undefined) return lang;
    const declared = doc.documentElement?.lang?.trim();
    if (declared) {
      lang = declared;
      return lang;
    }
    const parts: string[] = [];
    let length = 0;
    for (const item of [...urgent, ...background]) {
      parts.push(item.text);
      length += item.text.length + 1;
      if (length >= SAMPLE_CHARS) break;
    }
    lang = guessLang(parts.join('\n'));
    return lang;
  };

  const recognizeBatch = () => {
    const batchStarted = now();
    try {
      sendBatch();
    } finally {
      timing.phases.batch += now() - batchStarted;
    }
  };

  const sendBatch = () => {
    // Guessed from the queued text, so before this batch takes its items out of the queues.
    const batchLang = pageLangHint();
    const items: Item[] = [];
    let chars = 0;
    for (const list of [urgent, background]) {
      while (
        list.length > 0 &&
        (items.length === 0 || chars + (list[0] as Item).text.length <= batchChars)
      ) {
        const item = list.shift() as Item;
        if (item.seg.dead) continue;
        items.push(item);
        chars += item.text.length + 1;
      }
      if (items.length > 0) break; // never mix urgent with the first pass: urgent stays small
    }
    if (items.length === 0) return;
    const pieces: Piece<Item>[] = items.map((item) => ({
      key: item,
      text: item.text,
      offset: item.offset,
    }));
    const body = pieces.map((p) => p.text).join('\n');
    const header = nameHeader(names.relevantTo(body));
    const batch = buildBatch(pieces, header);
    const recognizer = recognizerOnce();
    const started = now();
    const answer = recognizer.recognize(batch.text, { lang: batchLang });
    if (Array.isArray(answer)) {
      applyBatch(batch, items, body.length, answer, now() - started, true);
      return;
    }
    waiting = true;
    answer.then(
      (mentions) => {
        waiting = false;
        if (disposed) return settle();
        const answered = now();
        try {
          applyBatch(batch, items, body.length, mentions, answered - started, false);
        } catch (error) {
          fail(error);
          return;
        }
        answerMs += now() - answered;
        void pump();
      },
      (error: unknown) => {
        waiting = false;
        fail(error);
      },
    );
  };

  /** Paint what one batch found; `local`: it ran on this thread, so it paces the next batch. */
  const applyBatch = (
    batch: Batch<Item>,
    items: Item[],
    bodyLength: number,
    mentions: Mention[],
    elapsed: number,
    local: boolean,
  ) => {
    timing.recognizeMs += elapsed;
    timing.batches += 1;
    timing.recognizedChars += bodyLength;
    // A remote batch's time is spent in the background, not on this page's main thread.
    if (local) timing.longestBatchMs = Math.max(timing.longestBatchMs, elapsed);
    if (local && elapsed > 0.5 && options.batchChars === undefined) {
      const measured = batch.text.length / elapsed;
      // Lean to the slower of the estimate and this batch: an overshoot is a long task.
      rate = rate === 0 ? measured : Math.min(measured, rate * 0.5 + measured * 0.5);
      batchChars = Math.max(
        MIN_BATCH_CHARS,
        Math.min(MAX_BATCH_CHARS, Math.round(rate * BATCH_TARGET_MS)),
      );
    }
    const perPiece = mentionsByPiece(batch, mentions);
    const finished: Segment[] = [];
    perPiece.forEach((found, i) => {
      const seg = (batch.pieces[i] as Piece<Item>).key.seg;
      appendAll(seg.collected, found);
      seg.piecesLeft -= 1;
      if (seg.piecesLeft === 0) finished.push(seg);
    });
    // Names found in this batch were context for all of it: its texts have seen them.
    names.learn(mentions.filter((m) => m.start >= batch.headerLength));
    const version = names.version;
    const paintStarted = now();
    for (const seg of finished) {
      const result = { mentions: seg.collected.sort((a, b) => a.start - b.start), version };
      seg.collected = [];
      remember(seg.text, result);
      if (seg.dead) continue;
      seg.mentions = result.mentions;
      seg.version = version;
      paintSegment(seg);
    }
    flush(items[0]?.urgent ?? false);
    const told = now();
    timing.longestPaintMs = Math.max(timing.longestPaintMs, told - paintStarted);
    timing.phases.paint += told - paintStarted;
    options.onPaint?.();
    timing.phases.notify += now() - told;
  };

  /**
   * Segments recognized before a name they mention was known (a surname in the headline, the full
   * name further down): recognize them again, now with that name in their header.
   */
  const queueLateNames = (): boolean => {
    if (names.version === lateCheckedAt) return false;
    lateCheckedAt = names.version;
    let any = false;
    for (const seg of live) {
      if (!seg.mentions || seg.piecesLeft > 0 || seg.version >= names.version) continue;
      if (names.missedSince(seg.version, seg.text)) {
        queue(seg, background);
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

  const step = (): boolean => {
    const job = reads[0];
    if (job) {
      job.direct ??= byNode.size === 0;
      const started = now();
      const finished = job.walk.step(readNodes, () => now() - started > READ_STEP_MS);
      const elapsed = now() - started;
      timing.phases.read += elapsed;
      timing.longestReadMs = Math.max(timing.longestReadMs, elapsed);
      timing.readSteps += 1;
      // Aim each step at READ_STEP_MS, whatever this page's nodes cost to read.
      if (elapsed > 0.5) {
        readNodes = Math.max(
          500,
          Math.min(20_000, Math.round((readNodes * READ_STEP_MS) / elapsed)),
        );
      }
      if (finished) {
        reads.shift();
        if (job.walk.lost) {
          if (job.direct) for (const seg of segmentsUnder(job.scope)) drop(seg);
          startRead(job.scope, job.root, job.urgent);
        } else if (!job.direct) {
          finishRead(job);
        }
        flush(job.urgent);
        const told = now();
        timing.phases.afterRead += told - started - elapsed;
        options.onPaint?.();
        timing.phases.notify += now() - told;
      }
      return true;
    }
    if (urgent.length > 0 || background.length > 0) {
      if (waiting) return false; // the remote recognizer's answer resumes the pump
      const recognizer = recognizerOnce();
      if (recognizer.remote && options.batchChars === undefined) {
        // Recognition costs this page nothing: send big batches (fewer round trips).
        batchChars = MAX_BATCH_CHARS;
      } else if (!warmed.has(recognizer)) {
        // The recognizer builds its tables on first use: let that happen in a task of its own.
        if (!pauseBeforeWarm) {
          pauseBeforeWarm = true;
          pauseNow = true;
          return true;
        }
        warmed.add(recognizer);
        pauseNow = true;
        const first = (urgent[0] ?? background[0]) as Item;
        const started = now();
        recognizer.recognize(first.text.slice(0, 64), { lang: pageLangHint() });
        timing.warmMs = now() - started;
        return true;
      }
      recognizeBatch();
      return true;
    }
    if (waiting) return false;
    if (queueLateNames()) return true;
    flush(true);
    if (firstPass) {
      firstPass = false;
      done = true;
      timing.paintedAt = now();
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
      timing.longestSliceMs = slicer.longestMs;
      timing.workMs = slicer.totalMs + answerMs;
      timing.yields = slicer.pauses;
      if (!waiting || disposed) settle();
    }
  };

  // ---- page changes ----

  const rootOf = (node: Node): Element | null => {
    for (const r of roots) if (r === node || r.contains(node)) return r;
    return null;
  };

  /** Replace everything: the page navigated (pushState) or replaced the article. */
  const reset = (root: Element) => {
    for (const seg of [...live]) drop(seg);
    reads.length = 0;
    urgent.length = 0;
    background.length = 0;
    roots = [root];
    startRead(root, root, true);
  };

  /** Articles added outside the current roots (the next story of an endless article page). */
  const newArticles = (records: readonly MutationRecord[]): Element[] => {
    const found: Element[] = [];
    const body = doc.body;
    if (!body) return found;
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1 || !node.isConnected || rootOf(node)) continue;
        const el = node as Element;
        const candidates = el.matches(ARTICLE_SELECTOR)
          ? [el]
          : [...el.querySelectorAll(ARTICLE_SELECTOR)];
        for (const c of candidates) {
          if (rootOf(c) || !isReadable(c, body) || isSkippedElement(c)) continue;
          if (!c.querySelector('p')) continue;
          roots.push(c);
          found.push(c);
        }
      }
    }
    return found;
  };

  const onRecords = (records: MutationRecord[]) => {
    try {
      if (disposed) return;
      const before = url;
      url = doc.URL;
      roots = roots.filter((r) => r.isConnected);
      if (roots.length === 0) {
        // The article was replaced (a route change re-rendered it): read the page afresh; text
        // seen before is not recognized again (cache by text).
        reset(findArticleRoot(doc));
        void pump();
        return;
      }
      if (before !== url) {
        // Client-side navigation: if the article is now elsewhere, start over there.
        const fresh = findArticleRoot(doc);
        if (!roots.some((r) => r === fresh || r.contains(fresh))) {
          reset(fresh);
          void pump();
          return;
        }
      }
      for (const article of newArticles(records)) startRead(article, article, true);
      const changes = textChanges(records, rootOf);
      // Text that left the page releases its ranges now (not when its block is read again).
      for (const node of changes.removed) {
        for (const seg of segmentsUnder(node)) drop(seg);
      }
      for (const scope of changes.scopes) {
        const root = rootOf(scope);
        if (root) startRead(scope, root, true);
      }
      if (changes.removed.length > 0) options.onPaint?.();
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
    reads.length = 0;
    urgent.length = 0;
    background.length = 0;
    try {
      painter.dispose();
    } finally {
      live.clear();
      chars = 0;
      words = 0;
      byNode.clear();
      settle();
    }
  };

  const lookup = (node: Node, offset: number): Hit[] => {
    const seg = byNode.get(node as Text);
    const paint = seg?.paint;
    if (!seg || !paint) return [];
    const chunk = paint.chunks.find((c) => c.node === node);
    if (!chunk) return [];
    const at = chunk.start + Math.max(0, Math.min(offset, chunk.end - chunk.start));
    const hits: Hit[] = [];
    const { mentions, ranges } = paint;
    for (const o of [at, at - 1]) {
      const i = mentionIndexAt(mentions, o);
      const m = mentions[i];
      const range = ranges[i];
      if (i >= 0 && m && range && !hits.some((h) => h.mention === m))
        hits.push({ mention: m, range });
    }
    return hits;
  };

  if (options.domChanges !== false)
    domChanges = observeDomChanges(doc, onRecords, options.domChanges || {});
  startRead(options.root, options.root, false);
  void pump();

  return {
    doc,
    mode: painter.mode,
    get done() {
      return done;
    },
    get chars() {
      return chars;
    },
    get words() {
      return words;
    },
    timing,
    *painted() {
      for (const seg of live) {
        if (seg.paint) yield* seg.paint.mentions;
      }
    },
    lookup,
    idle() {
      if (!running && !waiting) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    dispose,
  };
}

/** Words of a text: runs of non-space characters. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

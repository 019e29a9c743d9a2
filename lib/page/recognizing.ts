/**
 * Sending queued text to the recognizer and painting what comes back, one batch at a time. A
 * recognizer on the page answers at once and paces the next batch by its measured speed; one in
 * the background (`remote`) answers with a promise, at most two batches out, in page order, while
 * the page reads on. The first call of a recognizer on the page builds its tables: it gets a task of
 * its own.
 */
import type { Mention, PageRecognizer } from '../entities';
import type { TimingRecorder } from './annotator-timing';
import type { PageNames } from './known-names';
import { applyAnswer, buildRequest, type Request } from './recognition';
import { createBatchSize, type RecognitionQueue } from './recognition-queue';
import type { Segment, Segments } from './segments';

/** A recognized text, kept so the same text is never recognized twice on this page. */
export interface Recognized {
  mentions: Mention[];
  /** PageNames.version when recognized. */
  version: number;
}

export type RecognizedCache = Map<string, Recognized>;

/** Texts remembered with their mentions. */
const CACHE_LIMIT = 50_000;

/** Remember a text's mentions, forgetting the oldest beyond CACHE_LIMIT. */
export function remember(cache: RecognizedCache, text: string, result: Recognized) {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, result);
}

/**
 * Batches of a page out with the remote recognizer at once: the next one waits in the host's
 * queue while the current one is recognized, so the host never sits idle for a message's way
 * back and forth. The host answers a tab's requests in order (lib/recognize/queue.ts). A batch
 * built before the answer to the one ahead of it lacks the names that answer brings; its segments
 * are recognized again if they mention one (annotator.ts queueLateNames).
 */
const MAX_OUT = 2;

/** Recognizers already used once (their first call builds tables: done in a slice of its own). */
const warmed = new WeakSet<PageRecognizer>();

export interface RecognizingOptions {
  queue: RecognitionQueue;
  segments: Segments;
  names: PageNames;
  cache: RecognizedCache;
  clock: TimingRecorder;
  recognizer: () => PageRecognizer;
  /** The page's language hint (guessed from the queued text on first use). */
  lang: () => string;
  /** A fixed batch size (tests). */
  batchChars?: number;
  /** Hand painted marks to the browser (`urgent`: at once). */
  flush: (urgent: boolean) => void;
  /** Marks were added: tell the caller. */
  notify: () => void;
  /** A remote answer was painted: carry on with the work queue. */
  answered: () => void;
  /** The annotator was disposed while a remote batch was out. */
  disposed: () => boolean;
  /** A remote answer came after dispose: let idle() waiters go. */
  dropped: () => void;
  failed: (error: unknown) => void;
}

/** What one step did: sent or warmed up (`worked`), or must wait for a remote answer. */
export type RecognizeStep = 'worked' | 'pause' | 'waiting';

export interface Recognizing {
  /** A batch is with the remote recognizer (at most MAX_OUT are). */
  readonly waiting: boolean;
  /** The current batch size, for cutting queued text. */
  readonly batchChars: number;
  /** One step: hand the thread back before the warm-up (`pause`), warm up, or send a batch. */
  step(): RecognizeStep;
  /**
   * A batch may go out now, before the page is read to its end: the recognizer is remote (it
   * works beside the page's reading) and has fewer than MAX_OUT of this page's batches.
   */
  readonly sendsAhead: boolean;
  /** Queue a segment recognized before names it may mention were known. */
  again(seg: Segment): void;
}

export function createRecognizing(options: RecognizingOptions): Recognizing {
  const { queue, segments, names, cache, clock } = options;
  const now = clock.now;
  const batchSize = createBatchSize(options.batchChars);
  let recognizer: PageRecognizer | null = null;
  /** Batches with the remote recognizer, not answered yet. */
  let out = 0;
  let pausedBeforeWarm = false;

  /** Paint what one batch found; `local`: it ran on this thread, so it paces the next batch. */
  const paintAnswer = (request: Request, mentions: Mention[], elapsed: number, local: boolean) => {
    clock.recognized(elapsed, request.bodyLength, local);
    if (local) batchSize.measured(request.batch.text.length, elapsed);
    const finished = local
      ? applyAnswer(request, mentions, names)
      : clock.timed('answer', () => applyAnswer(request, mentions, names));
    const paintStarted = now();
    for (const { seg, result } of finished) {
      remember(cache, seg.text, result);
      if (seg.dead) continue;
      seg.mentions = result.mentions;
      seg.version = result.version;
      segments.paint(seg);
    }
    options.flush(request.items[0]?.urgent ?? false);
    clock.painted(now() - paintStarted);
    options.notify();
  };

  const send = (r: PageRecognizer) => {
    // Guessed from the queued text, so before this batch takes its items out of the queue.
    const lang = options.lang();
    const request = buildRequest(queue.take(batchSize.chars), names);
    if (!request) return;
    const started = now();
    clock.sent();
    // When a remote answer arrives: the page's work on it is counted from there (reading and
    // checking it comes before this batch's own callback). A text cut in pieces (longer than one
    // request takes) counts from its last piece.
    let arrivedAt: number | undefined;
    const received = () => {
      arrivedAt = now();
      clock.resumed();
    };
    const answer = r.recognize(request.batch.text, { lang, received });
    if (Array.isArray(answer)) return paintAnswer(request, answer, now() - started, true);
    out += 1;
    answer.then(
      (mentions) => {
        out -= 1;
        clock.resumed();
        if (options.disposed()) return options.dropped();
        const answeredAt = now();
        clock.add('answer', answeredAt - (arrivedAt ?? answeredAt));
        try {
          paintAnswer(request, mentions, answeredAt - started, false);
        } catch (error) {
          options.failed(error);
          return;
        }
        clock.answerPainted(now() - (arrivedAt ?? answeredAt));
        options.answered();
      },
      (error: unknown) => {
        out -= 1;
        options.failed(error);
      },
    );
  };

  /** The recognizer builds its tables on first use: in a task of its own. */
  const warmUp = (r: PageRecognizer): boolean => {
    if (warmed.has(r)) return false;
    if (pausedBeforeWarm) {
      warmed.add(r);
      const started = now();
      r.recognize((queue.first() as { text: string }).text.slice(0, 64), { lang: options.lang() });
      clock.warmed(now() - started);
    }
    pausedBeforeWarm = true;
    return true;
  };

  return {
    get waiting() {
      return out > 0;
    },
    get batchChars() {
      return batchSize.chars;
    },
    get sendsAhead() {
      if (out >= MAX_OUT) return false;
      recognizer ??= options.recognizer();
      return recognizer.remote === true;
    },
    step() {
      if (out >= MAX_OUT) return 'waiting'; // the remote recognizer's answer resumes the work
      recognizer ??= options.recognizer();
      const r = recognizer;
      // Recognition in the background costs this page nothing: big batches (fewer round trips).
      if (r.remote && options.batchChars === undefined) batchSize.remote();
      else if (warmUp(r)) return 'pause';
      clock.timed('batch', () => send(r));
      return 'worked';
    },
    again(seg) {
      queue.add(seg, false, batchSize.chars);
    },
  };
}

/**
 * The documents being annotated: the page first, then its same-origin frames (lib/page/frames.ts),
 * each with its annotator (lib/page/annotator.ts) and hover card. A frame that fails, leaves the
 * page or navigates away loses only its own marks; the page's own failure is the caller's.
 */
import type { Mention } from '../entities';
import { type AnnotatorOptions, createDocAnnotator, type DocAnnotator } from './annotator';
import { createHoverCard, type EntityCardOptions, type HoverCard } from './card';
import { logFailure, runFeature } from './feature';
import { createFrameFollower, frameAlive, frameLang, sameOriginDocument } from './frames';
import { findArticleRoot } from './text';

/** What every annotator of the page shares, read when each is created (settings may change). */
export type SharedAnnotatorOptions = Omit<
  AnnotatorOptions,
  'doc' | 'root' | 'lang' | 'onFrame' | 'onPaint' | 'onDone' | 'onError'
>;

export interface AnnotatedDocumentsOptions {
  doc: Document;
  shared: () => SharedAnnotatorOptions;
  /** Annotate same-origin frames. */
  frames: boolean;
  card: EntityCardOptions | false;
  /** The card's words about a mark: its page-wide name and count. */
  describe: (mention: Mention) => { canonical: string; count: number };
  /** Marks were added or removed (in any document). */
  changed: () => void;
  /** The page's own annotator made progress or finished its first pass. */
  progress: () => void;
  /** The page's own annotator failed (it has already taken its marks away). */
  failed: (error: unknown) => void;
}

export interface AnnotatedDocuments {
  /** The page itself is annotated. */
  readonly active: boolean;
  readonly size: number;
  /** The page's own annotator, or null. */
  top(): DocAnnotator | null;
  /** Every annotator: the page's, then its frames'. */
  all(): DocAnnotator[];
  /** The annotator of the document a node is in. */
  of(node: Node): DocAnnotator | undefined;
  painted(): Iterable<Mention>;
  /** Annotate the page from this root (its frames follow as they are met). */
  start(root: Element): void;
  /** Take every mark and card away. */
  stop(): void;
  /** Resolves when no document has work queued (frames met meanwhile included). */
  idle(): Promise<void>;
}

interface Annotated {
  annotator: DocAnnotator;
  card: HoverCard | null;
  depth: number;
}

/** Take a document's marks and card away (the first failure is thrown). */
function release(a: Annotated) {
  try {
    a.card?.destroy();
  } finally {
    a.annotator.dispose();
  }
}

/** The same for a frame, whose document may be gone already (a Firefox "dead object"). */
function releaseFrame(a: Annotated) {
  try {
    release(a);
  } catch {
    // the frame's document is gone, and its marks with it
  }
}

export function createAnnotatedDocuments(options: AnnotatedDocumentsOptions): AnnotatedDocuments {
  const { doc } = options;
  const annotated = new Map<Document, Annotated>();
  /** Ends with the annotation under way (frame listeners). */
  let session = new AbortController();

  const dropFrame = (frameDoc: Document, error: unknown) => {
    logFailure('annotating a frame failed', error);
    const a = annotated.get(frameDoc);
    annotated.delete(frameDoc);
    options.changed();
    if (a) releaseFrame(a);
  };

  /** Frames that left the page (or navigated away) release their annotators. */
  const pruneFrames = () => {
    for (const [d, a] of annotated) {
      if (a.depth === 0 || frameAlive(d)) continue;
      annotated.delete(d);
      options.changed();
      releaseFrame(a);
    }
  };

  const annotate = (target: Document, root: Element, depth: number, lang?: string) => {
    // An annotator may fail inside its first slice, before it is kept: it is then not kept, or
    // the page would count as annotated by one that will never finish.
    let starting = true;
    let failedStarting = false;
    const failed = depth === 0 ? options.failed : (error: unknown) => dropFrame(target, error);
    const annotator = createDocAnnotator({
      ...options.shared(),
      doc: target,
      root,
      lang,
      onFrame: (frame) => {
        if (options.frames) frames.follow(frame, depth + 1);
      },
      onPaint: () => {
        options.changed();
        runFeature('tracking frames', () => {
          if (target === doc) pruneFrames();
          options.progress();
        });
      },
      onDone: () => options.progress(),
      // A frame that fails only loses its own marks; the page steps back as a whole.
      onError: (error) => {
        if (starting) failedStarting = true;
        failed(error);
      },
    });
    starting = false;
    if (failedStarting) {
      annotator.dispose();
      return;
    }
    const card =
      options.card === false
        ? null
        : createHoverCard(
            target,
            {
              lookup: (node, offset) => annotator.lookup(node, offset),
              describe: options.describe,
            },
            options.card,
          );
    annotated.set(target, { annotator, card, depth });
  };

  const frames = createFrameFollower({
    signal: () => session.signal,
    loaded: () => pruneFrames(), // a new document in the frame: drop the old one's marks
    attach: (frame, depth) =>
      runFeature('annotating a frame', () => {
        const frameDoc = sameOriginDocument(frame);
        if (!frameDoc || frameDoc === doc || !annotated.has(doc)) return;
        if (annotated.get(frameDoc)?.depth) return; // already annotated
        annotate(frameDoc, findArticleRoot(frameDoc), depth, frameLang(frameDoc, doc));
      }),
  });

  return {
    get active() {
      return annotated.has(doc);
    },
    get size() {
      return annotated.size;
    },
    top: () => annotated.get(doc)?.annotator ?? null,
    all: () => [...annotated.values()].map((a) => a.annotator),
    of: (node) => (node.ownerDocument ? annotated.get(node.ownerDocument)?.annotator : undefined),
    *painted() {
      for (const a of annotated.values()) yield* a.annotator.painted();
    },
    start: (root) => annotate(doc, root, 0),
    stop() {
      session.abort();
      session = new AbortController();
      const all = [...annotated.values()];
      annotated.clear();
      options.changed();
      for (const a of all) release(a);
    },
    async idle() {
      for (;;) {
        const pending = [...annotated.values()].map((a) => a.annotator.idle());
        await Promise.all(pending);
        if ([...annotated.values()].every((a) => a.annotator.done)) return;
        if (pending.length === 0) return;
        // A frame's annotator may still be starting: look again in a later task.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  };
}

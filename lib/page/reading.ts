/**
 * Reading the article into segments, in steps bounded in nodes and by the clock (lib/page/text.ts
 * walks the DOM). A first read adopts each segment as it comes; a re-read (after a page change)
 * collects its segments and then replaces the scope's old ones, keeping those that did not change.
 */
import type { Segments } from './segments';
import { matchReads } from './segments';
import { createTextWalk, isReadable, type TextSegment, type TextWalk } from './text';

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

/** Aim each read step at READ_STEP_MS, whatever this page's nodes cost to read. */
export function nextReadNodes(nodes: number, elapsed: number): number {
  if (elapsed <= 0.5) return nodes;
  return Math.max(500, Math.min(20_000, Math.round((nodes * READ_STEP_MS) / elapsed)));
}

export interface ReadOptions {
  segments: Segments;
  /** The <mark> fallback splits text nodes: they are put back before a scope is read again. */
  wrap: boolean;
  now: () => number;
  /** A segment read: reuse what is known of its text, or queue it for recognition. */
  adopt: (read: TextSegment, root: Element, urgent: boolean) => void;
  /** A frame met in readable content. */
  onFrame: (frame: HTMLIFrameElement | HTMLFrameElement) => void;
  /** A read step took `ms`. */
  stepped: (ms: number) => void;
}

/** A read that finished: how urgent its text is, and when its last step started and ended. */
export interface FinishedRead {
  urgent: boolean;
  startedAt: number;
  readMs: number;
}

export interface Reader {
  readonly busy: boolean;
  /** Read `scope` (in article `root`) again; `urgent`: new text from a page change. */
  start(scope: Element, root: Element, urgent: boolean): void;
  /** One step of the oldest read; what finished, if it did. */
  step(): FinishedRead | null;
  clear(): void;
}

export function createReader(options: ReadOptions): Reader {
  const { segments, now } = options;
  const reads: ReadJob[] = [];
  let readNodes = FIRST_READ_NODES;

  /** A read job is complete: replace the scope's old segments by the new ones. */
  const finish = (job: ReadJob) => {
    const old = segments.under(job.scope);
    const { kept, fresh } = matchReads(old, job.segments);
    for (const seg of kept) if (!seg.paint && seg.mentions) segments.paint(seg); // unchanged
    for (const seg of old) if (!kept.has(seg)) segments.drop(seg);
    for (const read of fresh) options.adopt(read, job.root, job.urgent);
  };

  const start = (scope: Element, root: Element, urgent: boolean) => {
    // Put the page's own text nodes back first, so the walk reads them (the marks are painted
    // again when the block is read).
    if (options.wrap) for (const seg of segments.under(scope)) segments.unpaint(seg);
    const job: ReadJob = {
      scope,
      root,
      segments: [],
      urgent,
      direct: undefined,
      walk: createTextWalk(scope, {
        // Nothing painted yet to compare with (the first read): take each segment as it comes,
        // so no step at the end handles the whole article at once.
        segment: (s) => {
          if (!job.direct) job.segments.push(s);
          else if (s.chunks.every((c) => c.node.isConnected))
            options.adopt(s, job.root, job.urgent);
        },
        frame: options.onFrame,
      }),
    };
    // Reading a skipped or detached scope yields nothing: its old segments are dropped.
    if (!isReadable(scope, root)) job.walk = { step: () => true, lost: false };
    reads.push(job);
  };

  return {
    get busy() {
      return reads.length > 0;
    },
    start,
    step() {
      const job = reads[0];
      if (!job) return null;
      job.direct ??= segments.empty;
      const startedAt = now();
      const finished = job.walk.step(readNodes, () => now() - startedAt > READ_STEP_MS);
      const readMs = now() - startedAt;
      options.stepped(readMs);
      readNodes = nextReadNodes(readNodes, readMs);
      if (!finished) return null;
      reads.shift();
      if (job.walk.lost) {
        // The page removed the node the walk stood on: read the scope again from its start.
        if (job.direct) for (const seg of segments.under(job.scope)) segments.drop(seg);
        start(job.scope, job.root, job.urgent);
      } else if (!job.direct) {
        finish(job);
      }
      return { urgent: job.urgent, startedAt, readMs };
    },
    clear() {
      reads.length = 0;
    },
  };
}

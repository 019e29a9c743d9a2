/**
 * The page's annotation while it is on: the annotated documents (lib/page/annotated-documents.ts)
 * with what they share (the names found so far, the results by text, the recognizer, created on
 * first use), the entity list they feed, and the status and paint time their progress moves.
 */
import type { PageRecognizer } from '../entities';
import { type AnnotatedDocuments, createAnnotatedDocuments } from './annotated-documents';
import type { EntityCardOptions } from './card';
import { cleanRecognizer } from './clean-recognizer';
import type { DomChangeOptions } from './dom-changes';
import { createPageEntities, type PageEntities } from './entity-summary';
import { PageNames } from './known-names';
import type { PageClock } from './paint-timing';
import type { RecognizedCache } from './recognizing';
import type { Mark } from './reveal';
import type { YieldToMain } from './schedule';
import type { PageStatus } from './status';
import type { PageSwitches } from './switches';

export interface AnnotatingOptions {
  doc: Document;
  switches: PageSwitches;
  status: PageStatus;
  clock: PageClock;
  /** Created only when the page is actually annotated (a disabled site costs nothing). */
  createRecognizer: () => PageRecognizer;
  now: () => number;
  card: EntityCardOptions | false;
  frames: boolean;
  forceWrap?: boolean;
  domChanges?: DomChangeOptions | false;
  budgetMs?: number;
  batchChars?: number;
  yieldToMain?: YieldToMain;
  /** The page's own annotator failed (its marks are gone). */
  failed: (error: unknown) => void;
}

export interface Annotating {
  readonly documents: AnnotatedDocuments;
  readonly entities: PageEntities;
  /** Annotate the page from the root `findRoot` gives (a no-op while annotating). */
  start(findRoot: () => Element): void;
  /** Take every mark away. */
  stop(): void;
  /** The results by text are stale (a new watch list): recognize everything again. */
  forgetResults(): void;
  /** The painted mention at a DOM point with its page-wide name, or null. */
  markAt(node: Node, offset: number): Mark | null;
}

export function createAnnotating(options: AnnotatingOptions): Annotating {
  const { doc, switches, status, clock, now } = options;
  const names = new PageNames();
  const cache: RecognizedCache = new Map();
  let recognizer: PageRecognizer | null = null;
  const getRecognizer = () => {
    recognizer ??= cleanRecognizer(options.createRecognizer(), () => switches.watchMatcher);
    return recognizer;
  };

  const entities = createPageEntities(names, () => documents.painted());
  const documents = createAnnotatedDocuments({
    doc,
    shared: () => ({
      types: switches.types,
      recognizer: getRecognizer,
      names,
      cache,
      now,
      budgetMs: options.budgetMs,
      batchChars: options.batchChars,
      yieldToMain: options.yieldToMain,
      forceWrap: options.forceWrap,
      colors: switches.settings.colors,
      domChanges: options.domChanges,
    }),
    frames: options.frames,
    card: options.card,
    describe: (mention) => entities.describe(mention),
    changed: () => entities.changed(),
    progress: () => settle(),
    failed: (error) => options.failed(error),
  });

  /** The page's status from its own annotator: working, or painted (with its paint time). */
  const settle = () => {
    const t = documents.top();
    if (!t || status.failed) return;
    if (t.done) clock.painted(t.timing.paintedAt);
    status.progress(t.done, () => documents.all().reduce((n, a) => n + a.chars, 0));
  };

  return {
    documents,
    entities,
    start(findRoot) {
      if (documents.active) return;
      status.clearFailure();
      clock.forgetPaint();
      status.working();
      documents.start(findRoot());
      settle();
    },
    stop: () => documents.stop(),
    forgetResults: () => cache.clear(),
    markAt(node, offset) {
      const hit = documents.of(node)?.lookup(node, offset)[0];
      if (!hit || hit.mention.type === 'ORG') return null;
      return { type: hit.mention.type, canonical: names.canonical(hit.mention), range: hit.range };
    },
  };
}

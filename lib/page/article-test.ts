/**
 * "Is this page an article?", asked in steps with the main thread handed back between them (each
 * step is a few ms even on a 200,000-node page, lib/page/article.ts), and asked again when a page
 * judged "not an article" changes, less and less often.
 */
import { type ArticleVerdict, type Judgement, type Judging, startJudging } from './article';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import type { YieldToMain } from './schedule';

export interface ArticleTest {
  /** The latest verdict; null: not judged (or forgotten). */
  readonly verdict: ArticleVerdict | null;
  /** Forget the verdict: the next decision judges again. */
  forget(): void;
  /** Judge now, unless a judgement is under way; `decided` hears the result. */
  judge(): void;
  /** The article root the last judgement found, once, if the page has not replaced it since. */
  takeRoot(): Element | null;
  /** The page is not an article: judge again when it changes, less often each time. */
  lookAgainLater(): void;
  stopLooking(): void;
  /** Cancel the judgement the content script started before settings arrived. */
  dropEarly(): void;
  /** Resolves when the judgement under way is done. */
  settled(): Promise<void>;
}

export interface ArticleTestOptions {
  doc: Document;
  now: () => number;
  budgetMs?: number;
  yieldToMain?: YieldToMain;
  /** A judgement already under way (the content script starts it while settings load). */
  early?: Judging;
  /** Look again on page changes (false: never, for tests). */
  lookAgain: boolean;
  /** A judgement is in: the caller brings the page in line (errors thrown here reach `failed`). */
  decided: (judgement: Judgement) => void;
  /** The page changed and is judged again (the caller times the next paint from now). */
  rejudging: () => void;
  failed: (error: unknown) => void;
}

/** How soon after a page change, and how often at first and at most, the page is judged again. */
const LOOK_DELAY_MS = 300;
const FIRST_LOOK_INTERVAL_MS = 1000;
const SLOWEST_LOOK_INTERVAL_MS = 30_000;

export function createArticleTest(options: ArticleTestOptions): ArticleTest {
  const { doc, now } = options;
  let verdict: ArticleVerdict | null = null;
  let root: Element | null = null;
  let judging = false;
  let judged: Promise<void> = Promise.resolve();
  let early: Judging | null = options.early ?? null;
  let looking: DomChangeObserver | null = null;
  let interval = FIRST_LOOK_INTERVAL_MS;

  const take = (judgement: Judgement | null) => {
    judging = false;
    if (!judgement) throw new Error('the article test was cancelled');
    verdict = judgement.verdict;
    root = judgement.root;
    options.decided(judgement);
  };

  const judge = () => {
    if (judging) return;
    judging = true;
    const run =
      early && !early.cancelled
        ? early
        : startJudging(doc, { now, budgetMs: options.budgetMs, yieldToMain: options.yieldToMain });
    early = null;
    // Finished within its first slice (small pages, tests): decide now, in this task.
    const done = run.done;
    if (done) {
      take(done);
      return;
    }
    judged = run.result.then(take).catch((error: unknown) => {
      judging = false;
      options.failed(error);
    });
  };

  const stopLooking = () => {
    looking?.stop();
    looking = null;
  };

  const look = (changes: DomChangeOptions) =>
    observeDomChanges(
      doc,
      () => {
        if (judging) return;
        verdict = null;
        options.rejudging();
        judge();
      },
      changes,
    );

  return {
    get verdict() {
      return verdict;
    },
    forget() {
      verdict = null;
    },
    judge,
    takeRoot() {
      const found = root?.isConnected ? root : null;
      root = null;
      return found;
    },
    lookAgainLater() {
      if (!options.lookAgain) return;
      if (looking) {
        if (interval >= SLOWEST_LOOK_INTERVAL_MS) return;
        interval *= 2;
        stopLooking();
      }
      looking = look({ delayMs: LOOK_DELAY_MS, minIntervalMs: interval });
    },
    stopLooking,
    dropEarly() {
      early?.cancel();
      early = null;
    },
    settled: () => judged,
  };
}

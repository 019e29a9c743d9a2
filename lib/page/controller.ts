/**
 * One page's Glossa, wired from named parts: the switches (lib/page/switches.ts: settings, site
 * overrides, the popup's tab switch), the on/off decision (lib/page/decision.ts, carried out by
 * lib/page/on-off.ts) with the article test (lib/page/article-test.ts), the page's status
 * (lib/page/status.ts) and timing (lib/page/paint-timing.ts), and the annotation
 * (lib/page/annotating.ts: the page and its same-origin frames, each with its annotator and hover
 * card). The popup's requests reach it through lib/page/router.ts and are answered by
 * lib/page/answers.ts and lib/page/site-switching.ts. Browser wiring stays in the content script,
 * so this runs unchanged in jsdom. docs/architecture.md tells the story.
 */
import type { PageRecognizer } from '../entities';
import type { PageState, SelectionInfo } from '../messages/types';
import type { Settings, StorageAreaLike } from '../settings';
import { createAnnotating } from './annotating';
import { pageState, selectionIn } from './answers';
import type { Judging } from './article';
import { createArticleTest } from './article-test';
import type { EntityCardOptions } from './card';
import type { DomChangeOptions } from './dom-changes';
import { logFailure } from './feature';
import { createOnOff } from './on-off';
import { createPageClock } from './paint-timing';
import type { Mark } from './reveal';
import type { YieldToMain } from './schedule';
import { type SiteOverrides, siteKey } from './site';
import { createSiteSwitching } from './site-switching';
import { createPageStatus } from './status';
import { createPageSwitches } from './switches';
import { findArticleRoot } from './text';

export interface PageControllerOptions {
  doc: Document;
  settings: Settings;
  /** Per-site "annotate anyway" list (lib/page/site.ts). */
  overrides?: SiteOverrides;
  /** Where site switches are remembered (browser.storage.local in the content script). */
  storage?: StorageAreaLike;
  /** Created only when the page is actually annotated (a disabled site costs nothing). */
  createRecognizer: () => PageRecognizer;
  /** Clock in ms (performance.now in the browser). */
  now: () => number;
  /** Time the content script started, on the `now` clock: paintMs is measured from it. */
  startedAt: number;
  /**
   * Options for the hover card: its reading-memory line (the content script's link to the
   * background); tests inject hit-testing, browsers use the defaults.
   */
  card?: EntityCardOptions | false;
  /** Force the <mark> fallback (tests). */
  forceWrap?: boolean;
  /** Follow page changes; false turns it off (tests). */
  domChanges?: DomChangeOptions | false;
  /** Aborted when the page is left for good (the content script orphaned): unpaint and stop. */
  signal?: AbortSignal;
  /** Decide whether the page is an article before annotating (default true). */
  articleCheck?: boolean;
  /** That decision, already under way (the content script starts it while settings load). */
  judging?: Judging;
  /** Annotate same-origin frames (default true). */
  frames?: boolean;
  /** Work slice length in ms (Infinity: all at once, for tests). */
  budgetMs?: number;
  /** Fixed recognition batch size in characters (tests). */
  batchChars?: number;
  yieldToMain?: YieldToMain;
}

export interface PageController {
  state(): PageState;
  selection(): SelectionInfo | null;
  /** The popup's switch for this tab: paint or unpaint now, whatever settings say. */
  setEnabled(enabled: boolean): PageState;
  /** Settings or site overrides changed (storage.onChanged): apply them live. */
  applySettings(settings: Settings, overrides?: SiteOverrides): void;
  /** Turn Glossa off (or back on) for this page's site, remembered in storage; the new state. */
  setSiteEnabled(enabled: boolean): Promise<PageState>;
  /** Annotate this site even where pages do not look like articles (remembered); the new state. */
  setAnnotateAnyway(enabled: boolean): Promise<PageState>;
  /** Resolves when no annotation work is queued. */
  idle(): Promise<void>;
  /** Unpaint and stop listening. */
  dispose(): void;
  /**
   * The painted mention whose text holds this DOM point, with its page-wide canonical name (the
   * hover card's lookup), or null: how lib/page/reveal.ts tells painted ranges apart.
   */
  markAt(node: Node, offset: number): Mark | null;
  /** Whether saved notes are painted: the page's switch, and the reader's trust in the site. */
  notesPainted(): boolean;
}

export function startPageController(options: PageControllerOptions): PageController {
  const { doc, now } = options;
  const switches = createPageSwitches({
    host: siteKey(doc.location?.hostname ?? ''),
    protocol: () => doc.location?.protocol ?? new URL(doc.URL).protocol,
    settings: options.settings,
    overrides: options.overrides,
    articleCheck: options.articleCheck !== false,
  });
  const status = createPageStatus();
  const clock = createPageClock(now, options.startedAt);
  const annotating = createAnnotating({
    ...options,
    switches,
    status,
    clock,
    card: options.card ?? {},
    frames: options.frames !== false,
    failed: (error) => stepBack(error),
  });
  const { documents } = annotating;

  const stepBack = (error: unknown) => {
    logFailure('annotating the page failed', error);
    status.failure();
    annotating.stop();
  };

  const article = createArticleTest({
    doc,
    now,
    budgetMs: options.budgetMs,
    yieldToMain: options.yieldToMain,
    early: options.judging,
    lookAgain: options.domChanges !== false,
    decided: (judgement) => {
      clock.judged(judgement);
      bringInLine();
    },
    // Judged again after a page change: bringInLine() then annotates (timed from now).
    rejudging: () => clock.restart(),
    failed: stepBack,
  });

  /** Annotate, judge, or unpaint, as the switches now say (lib/page/on-off.ts). */
  const bringInLine = createOnOff({
    switches,
    status,
    article,
    annotating: () => documents.active,
    start: (findRoot) => annotating.start(findRoot),
    stop: () => annotating.stop(),
    findRoot: () => findArticleRoot(doc),
    failed: stepBack,
  });

  const state = () =>
    pageState({ doc, switches, status, clock, verdict: article.verdict, annotating });

  const setEnabled = (on: boolean): PageState => {
    switches.tab = on;
    status.clearFailure();
    // Turned on later by the user: time this paint from the request.
    if (on && !documents.active) clock.restart();
    bringInLine();
    return state();
  };

  const applySettings = (next: Settings, nextOverrides?: SiteOverrides) => {
    const change = switches.update(next, nextOverrides);
    if (change.watchList) {
      annotating.forgetResults();
      if (documents.active) annotating.stop();
    }
    if (documents.active && change.repaint) annotating.stop();
    if (change.rejudge) article.forget();
    if (!documents.active) clock.restart();
    bringInLine();
  };

  const siteSwitching = createSiteSwitching({
    host: switches.host,
    storage: options.storage,
    current: () => switches,
    switchTo: (settings, overrides) => {
      applySettings(settings, overrides);
      return state();
    },
  });

  const dispose = () => {
    article.dropEarly();
    article.stopLooking();
    annotating.stop();
  };

  options.signal?.addEventListener('abort', dispose, { once: true });
  bringInLine();

  return {
    state,
    selection: () => selectionIn(doc),
    setEnabled,
    applySettings,
    setSiteEnabled: siteSwitching.setSiteEnabled,
    setAnnotateAnyway: siteSwitching.setAnnotateAnyway,
    async idle() {
      await article.settled();
      await documents.idle();
    },
    dispose,
    markAt: (node, offset) => annotating.markAt(node, offset),
    notesPainted: () => switches.notesPainted(),
  };
}

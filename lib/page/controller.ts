/**
 * One page's Glossa state: the switches (settings, site switches, the popup's tab switch), what
 * they decide (lib/page/gate.ts, lib/page/article-test.ts), and the annotated documents: the page
 * and its same-origin frames (lib/page/frames.ts), each with its annotator (lib/page/annotator.ts)
 * and hover card. The popup's requests reach it through lib/page/router.ts. Browser wiring stays
 * in the content script, so this runs unchanged in jsdom. docs/architecture.md tells the story.
 */
import type { PageRecognizer } from '../entities';
import type { PageInfo, PageState, SelectionInfo, SiteState, SkipCode } from '../messages/types';
import { createWatchMatcher } from '../recognize/watch-terms';
import { isSiteDisabled, type Settings, type StorageAreaLike } from '../settings';
import { createAnnotatedDocuments } from './annotated-documents';
import type { Judging } from './article';
import { createArticleTest } from './article-test';
import type { HoverCardOptions } from './card';
import { cleanRecognizer } from './clean-recognizer';
import type { DomChangeOptions } from './dom-changes';
import { createPageEntities } from './entity-summary';
import { logFailure } from './feature';
import {
  activeWatchList,
  articleTestNeeded,
  describeSkip,
  settingsChange,
  skipReason as skipReasonOf,
} from './gate';
import { PageNames } from './known-names';
import { createPageClock } from './paint-timing';
import type { RecognizedCache } from './recognizing';
import type { Mark } from './reveal';
import type { YieldToMain } from './schedule';
import { describeSelection } from './selection';
import {
  notesPaintedOn,
  type SiteOverrides,
  setAnnotateAnyway,
  setSiteEnabled,
  siteKey,
  typesPaintedOn,
} from './site';
import { extractPageText, findArticleRoot } from './text';

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
  /** Options for the hover card (tests inject hit-testing; browsers use the defaults). */
  card?: HoverCardOptions | false;
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

export function pageInfo(doc: Document): PageInfo {
  return {
    url: doc.location?.href ?? doc.URL,
    title: doc.title,
    lang: doc.documentElement.lang,
  };
}

export function startPageController(options: PageControllerOptions): PageController {
  const { doc, now } = options;
  const host = siteKey(doc.location?.hostname ?? '');
  const protocol = () => doc.location?.protocol ?? new URL(doc.URL).protocol;
  let settings = options.settings;
  let overrides: SiteOverrides = options.overrides ?? { annotateAnyway: [] };
  let types = typesPaintedOn(settings, host);
  /** The popup's per-tab switch; undefined: follow settings. */
  let tabOverride: boolean | undefined;
  let status: PageState['status'] = 'working';
  let skip: SkipCode | undefined;
  let failed = false;

  const clock = createPageClock(now, options.startedAt);
  const names = new PageNames();
  const cache: RecognizedCache = new Map();
  let watchMatcher = createWatchMatcher(activeWatchList(settings, host));
  let recognizer: PageRecognizer | null = null;
  const getRecognizer = () => {
    recognizer ??= cleanRecognizer(options.createRecognizer(), () => watchMatcher);
    return recognizer;
  };

  const entities = createPageEntities(names, () => documents.painted());
  const documents = createAnnotatedDocuments({
    doc,
    shared: () => ({
      types,
      recognizer: getRecognizer,
      names,
      cache,
      now,
      budgetMs: options.budgetMs,
      batchChars: options.batchChars,
      yieldToMain: options.yieldToMain,
      forceWrap: options.forceWrap,
      colors: settings.colors,
      domChanges: options.domChanges,
    }),
    frames: options.frames !== false,
    card: options.card ?? {},
    describe: (mention) => entities.describe(mention),
    changed: () => entities.changed(),
    progress: () => settleStatus(),
    failed: (error) => stepBack(error),
  });

  const skipReason = () => skipReasonOf({ protocol: protocol(), host, settings, tab: tabOverride });
  const annotateAnyway = () => overrides.annotateAnyway.includes(host);
  const needsArticleTest = () =>
    articleTestNeeded({
      articleCheck: options.articleCheck !== false,
      settings,
      tab: tabOverride,
      annotateAnyway: annotateAnyway(),
    });

  // ---- annotating ----

  const settleStatus = () => {
    const t = documents.top();
    if (!t || failed) return;
    if (!t.done) {
      status = 'working';
      return;
    }
    clock.painted(t.timing.paintedAt);
    const read = documents.all().reduce((n, a) => n + a.chars, 0);
    status = read === 0 ? 'skipped' : 'ready';
    skip = read === 0 ? 'no-text' : undefined;
  };

  const stopAnnotating = () => documents.stop();

  const stepBack = (error: unknown) => {
    logFailure('annotating the page failed', error);
    failed = true;
    stopAnnotating();
    status = 'skipped';
    skip = 'error';
  };

  const startAnnotating = () => {
    if (documents.active) return;
    failed = false;
    clock.forgetPaint();
    status = 'working';
    skip = undefined;
    // The root just found by the article test, if the page has not replaced it since.
    documents.start(article.takeRoot() ?? findArticleRoot(doc));
    settleStatus();
  };

  // ---- bringing the page in line ----

  const article = createArticleTest({
    doc,
    now,
    budgetMs: options.budgetMs,
    yieldToMain: options.yieldToMain,
    early: options.judging,
    lookAgain: options.domChanges !== false,
    decided: (judgement) => {
      clock.judged(judgement);
      evaluate();
    },
    // Judged again after a page change: evaluate() then annotates (timed from now).
    rejudging: () => clock.restart(),
    failed: stepBack,
  });

  /** Bring the page in line with the switches: annotate, or take every mark away. */
  const evaluate = () => {
    try {
      const off = skipReason();
      // Settings want no article test here: stop the one started before they arrived.
      if (off || !needsArticleTest() || documents.active) article.dropEarly();
      if (off) {
        article.stopLooking();
        stopAnnotating();
        status = 'skipped';
        skip = off;
        return;
      }
      if (failed) return;
      if (needsArticleTest() && !documents.active) {
        if (!article.verdict) {
          status = 'working';
          skip = undefined;
          article.judge(); // comes back here when decided
          return;
        }
        if (!article.verdict.article) {
          status = 'skipped';
          skip = 'not-article';
          article.lookAgainLater();
          return;
        }
      }
      article.stopLooking();
      startAnnotating();
    } catch (error) {
      stepBack(error);
    }
  };

  // ---- state and requests ----

  const site = (): SiteState => ({
    host,
    enabled: !isSiteDisabled(settings, host),
    annotateAnyway: annotateAnyway(),
    article: article.verdict ? article.verdict.article : null,
  });

  const state = (): PageState => {
    const list = entities.list();
    const t = documents.top();
    const paintMs = clock.paintMs;
    return {
      page: pageInfo(doc),
      enabled: skipReason() === null,
      status,
      ...(skip ? { reason: describeSkip(skip, host, article.verdict), skip } : {}),
      entities: documents.size > 0 ? list : [],
      ...(paintMs !== undefined && documents.size > 0 ? { paintMs } : {}),
      site: site(),
      ...(t ? { timing: clock.report(t, documents.all()) } : {}),
    };
  };

  const selection = (): SelectionInfo | null => {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    // Read the page as it is now: same offsets as the recognised text (painting never changes
    // the text), valid even if unpainted, split by the <mark> fallback, or never analysed.
    return describeSelection(extractPageText(doc), sel.getRangeAt(0));
  };

  const setEnabled = (on: boolean): PageState => {
    tabOverride = on;
    failed = false;
    // Turned on later by the user: time this paint from the request.
    if (on && !documents.active) clock.restart();
    evaluate();
    return state();
  };

  const applySettings = (next: Settings, nextOverrides?: SiteOverrides) => {
    const change = settingsChange(settings, next, host);
    settings = next;
    if (nextOverrides) overrides = nextOverrides;
    types = typesPaintedOn(settings, host);
    if (change.forgetTabSwitch) tabOverride = undefined;
    if (change.watchList) {
      watchMatcher = createWatchMatcher(activeWatchList(settings, host));
      cache.clear();
      if (documents.active) stopAnnotating();
    }
    if (documents.active && change.repaint) stopAnnotating();
    if (change.rejudge) article.forget();
    if (!documents.active) clock.restart();
    evaluate();
  };

  /** Remember a site switch (in storage, or only here without one), apply it, report the state. */
  const switchSite = async (
    apply: () => Promise<Partial<{ settings: Settings; overrides: SiteOverrides }>>,
  ): Promise<PageState> => {
    const saved = await apply();
    applySettings(saved.settings ?? settings, saved.overrides ?? overrides);
    return state();
  };

  const switchSiteEnabled = (on: boolean) =>
    switchSite(async () => {
      if (options.storage) return { settings: await setSiteEnabled(options.storage, host, on) };
      const others = settings.disabledSites.filter((h) => siteKey(h) !== host);
      return { settings: { ...settings, disabledSites: on ? others : [...others, host] } };
    });

  const switchAnnotateAnyway = (on: boolean) =>
    switchSite(async () => {
      if (options.storage) return { overrides: await setAnnotateAnyway(options.storage, host, on) };
      const others = overrides.annotateAnyway.filter((h) => h !== host);
      return { overrides: { annotateAnyway: on ? [...others, host] : others } };
    });

  const idle = async (): Promise<void> => {
    await article.settled();
    for (;;) {
      const pending = documents.all().map((a) => a.idle());
      await Promise.all(pending);
      if (documents.all().every((a) => a.done)) return;
      if (pending.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  const dispose = () => {
    article.dropEarly();
    article.stopLooking();
    stopAnnotating();
  };

  const markAt = (node: Node, offset: number): Mark | null => {
    const hit = documents.of(node)?.lookup(node, offset)[0];
    if (!hit || hit.mention.type === 'ORG') return null;
    return { type: hit.mention.type, canonical: names.canonical(hit.mention), range: hit.range };
  };

  const notesPainted = () => skipReason() === null && notesPaintedOn(settings, host);

  options.signal?.addEventListener('abort', dispose, { once: true });
  evaluate();

  return {
    state,
    selection,
    setEnabled,
    applySettings,
    setSiteEnabled: switchSiteEnabled,
    setAnnotateAnyway: switchAnnotateAnyway,
    idle,
    dispose,
    markAt,
    notesPainted,
  };
}

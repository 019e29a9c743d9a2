/**
 * One page's Glossa state: decide whether to annotate (switches, site, "is this an article?"),
 * annotate the article and same-origin frames block by block (lib/page/annotator.ts), show hover
 * cards, and the page's switches the popup's requests reach (through lib/page/router.ts). Browser
 * wiring (settings storage, runtime messaging) stays in the content script, so this runs unchanged
 * in jsdom tests.
 *
 * Frames: the content script runs in the top frame only (no `allFrames`): one watcher and one
 * messaging channel per tab, not one per ad frame. Same-origin frames inside the article (srcdoc,
 * about:blank, same-site embeds) are annotated from here through `frame.contentDocument`, with
 * their own painter, watcher and card; cross-origin frames are not reachable and are left alone.
 *
 * Shadow DOM: text inside shadow roots is not read or painted (decision): painting there would
 * mean adding Glossa's stylesheet to every component's shadow root and observing each one, and
 * web components hold page furniture far more often than article text. Slotted light-DOM text is
 * read like any other.
 */
import {
  type EntitySummary,
  type Mention,
  PAINTED_TYPES,
  type PageRecognizer,
  type PaintedType,
  summarize,
} from '../entities';
import type {
  PageInfo,
  PageState,
  PaintTiming,
  SelectionInfo,
  SiteState,
  SkipCode,
} from '../messages/types';
import { createWatchMatcher, mergeWatched, type WatchMatcher } from '../recognize/watch-terms';
import { isSiteDisabled, type Settings, type StorageAreaLike } from '../settings';
import { createDocAnnotator, type DocAnnotator, noWork, type RecognizedCache } from './annotator';
import { type ArticleVerdict, type Judgement, type Judging, startJudging } from './article';
import { type CardSource, createHoverCard, type HoverCard, type HoverCardOptions } from './card';
import { type DomChangeObserver, type DomChangeOptions, observeDomChanges } from './dom-changes';
import { PageNames } from './known-names';
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

const log = (...args: unknown[]) => console.warn('[glossa]', ...args.map(describeError));

/** Errors as text first: a log read from outside the extension shows the message, not "JSHandle". */
function describeError(value: unknown): unknown {
  return value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : value;
}

/** Frames inside frames inside frames are followed this deep, no deeper. */
const MAX_FRAME_DEPTH = 3;

/** Keep only well-formed mentions of painted types: in bounds, sorted, non-overlapping. */
export function cleanMentions(
  mentions: readonly Mention[],
  textLength: number,
  types: readonly PaintedType[],
): Mention[] {
  const wanted = new Set<string>(types);
  const sorted = mentions
    .filter(
      (m) =>
        wanted.has(m.type) &&
        Number.isInteger(m.start) &&
        Number.isInteger(m.end) &&
        m.start >= 0 &&
        m.start < m.end &&
        m.end <= textLength,
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

export function pageInfo(doc: Document): PageInfo {
  return {
    url: doc.location?.href ?? doc.URL,
    title: doc.title,
    lang: doc.documentElement.lang,
  };
}

/** The document of a same-origin frame, or null (cross-origin, sandboxed or not loaded). */
/** Whether a frame's document is still the one shown in a frame on the page. */
function frameAlive(d: Document): boolean {
  try {
    return d.defaultView?.frameElement?.isConnected === true;
  } catch {
    return false; // a dead object (Firefox): the frame navigated away
  }
}

export function sameOriginDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    const d = frame.contentDocument;
    if (!d?.documentElement || !d.defaultView) return null;
    // The blank document a frame shows before its real one arrives: wait for the load event.
    const src = frame.getAttribute('src')?.trim() ?? '';
    if (d.URL === 'about:blank' && src !== '' && !src.startsWith('about:')) return null;
    // A web page, or a blank/srcdoc frame the page filled in — never a browser error page.
    return /^(https?:|about:(blank|srcdoc)(?:[?#]|$))/.test(d.URL) ? d : null;
  } catch {
    return null;
  }
}

/**
 * A recognizer whose mentions pass through `after` (with the text they were found in), whether
 * its answers come at once or, from the background, as promises.
 */
function mapped(
  recognizer: PageRecognizer,
  after: (mentions: Mention[], text: string) => Mention[],
): PageRecognizer {
  return {
    id: recognizer.id,
    remote: recognizer.remote,
    recognize(text, options) {
      const found = recognizer.recognize(text, options);
      return Array.isArray(found)
        ? after(found, text)
        : found.then((mentions) => after(mentions, text));
    },
  };
}

/** The recognizer's mentions with the reader's watch-list terms laid over them (they win). */
function withWatchList(recognizer: PageRecognizer, matcher: () => WatchMatcher): PageRecognizer {
  return mapped(recognizer, (found, text) => mergeWatched(matcher().find(text), found));
}

/** A recognizer that keeps the painted types only and never hands back malformed spans. */
function cleaning(recognizer: PageRecognizer, types: readonly PaintedType[]): PageRecognizer {
  return mapped(recognizer, (found, text) => cleanMentions(found, text.length, types));
}

const REASONS: Record<Exclude<SkipCode, 'not-article' | 'site-off'>, string> = {
  off: 'Highlighting is turned off in settings.',
  'tab-off': 'Highlighting is turned off on this page.',
  'not-web': 'Not a web page (only http and https pages are annotated).',
  'no-text': 'No article text found on this page.',
  error: 'Glossa could not annotate this page.',
};

interface Annotated {
  annotator: DocAnnotator;
  card: HoverCard | null;
  depth: number;
}

export function startPageController(options: PageControllerOptions): PageController {
  const { doc, now } = options;
  const host = siteKey(doc.location?.hostname ?? '');
  let settings = options.settings;
  let overrides: SiteOverrides = options.overrides ?? { annotateAnyway: [] };
  let types = typesPaintedOn(settings, host);
  /** The popup's per-tab switch; undefined: follow settings. */
  let tabOverride: boolean | undefined;

  let status: PageState['status'] = 'working';
  let skip: SkipCode | undefined;
  let failed = false;
  let verdict: ArticleVerdict | null = null;
  let gateWatch: DomChangeObserver | null = null;
  let gateInterval = 1000;
  let paintFrom = options.startedAt;
  let paintMs: number | undefined;
  const startMs = now() - options.startedAt;
  let judgeMs: number | undefined;
  /** Steps and yields of the latest article judgement. */
  let judgeSteps: { steps: number; yields: number } | undefined;

  const names = new PageNames();
  const cache: RecognizedCache = new Map();
  let recognizer: PageRecognizer | null = null;
  /** The watch list in force: none while the category is not painted here (others then show). */
  const activeWatchList = () => (types.includes('WATCH') ? settings.watchList : []);
  let watchMatcher = createWatchMatcher(activeWatchList());
  const getRecognizer = () => {
    recognizer ??= cleaning(
      withWatchList(options.createRecognizer(), () => watchMatcher),
      PAINTED_TYPES,
    );
    return recognizer;
  };

  /** Annotated documents: the page first, then same-origin frames. */
  const annotated = new Map<Document, Annotated>();
  const frameListeners: Array<[HTMLIFrameElement | HTMLFrameElement, () => void]> = [];
  const framesSeen = new WeakSet<Element>();
  let revision = 0;
  let summaryAt = -1;
  let summary: EntitySummary[] = [];
  let counts = new Map<string, number>();

  const key = (type: string, canonical: string) => `${type}\u0000${canonical}`;
  const top = () => annotated.get(doc)?.annotator ?? null;

  const webPage = (): boolean => {
    const protocol = doc.location?.protocol ?? new URL(doc.URL).protocol;
    return protocol === 'http:' || protocol === 'https:';
  };

  /** Whether settings and the tab switch want marks here (before asking "is it an article?"). */
  const skipReason = (): SkipCode | null => {
    if (!webPage()) return 'not-web';
    if (tabOverride === false) return 'tab-off';
    if (tabOverride === true) return null;
    if (!settings.enabled) return 'off';
    if (isSiteDisabled(settings, host)) return 'site-off';
    return null;
  };

  const annotateAnyway = () => overrides.annotateAnyway.includes(host);
  const gateOpen = (): boolean =>
    options.articleCheck === false ||
    !settings.articlesOnly ||
    tabOverride === true ||
    annotateAnyway();

  // ---- summary ----

  const refreshSummary = () => {
    if (summaryAt === revision) return;
    summaryAt = revision;
    const all: Mention[] = [];
    for (const { annotator } of annotated.values()) {
      for (const m of annotator.painted()) {
        const canonical = names.canonical(m);
        all.push(canonical === m.canonical ? m : { ...m, canonical });
      }
    }
    summary = summarize(all);
    counts = new Map(summary.map((e) => [key(e.type, e.canonical), e.count]));
  };

  const cardSource = (annotator: DocAnnotator): CardSource => ({
    lookup: (node, offset) => annotator.lookup(node, offset),
    describe: (mention) => {
      refreshSummary();
      const canonical = names.canonical(mention);
      return { canonical, count: counts.get(key(mention.type, canonical)) ?? 1 };
    },
  });

  // ---- annotating ----

  const readChars = (): number => {
    let chars = 0;
    for (const { annotator } of annotated.values()) chars += annotator.chars;
    return chars;
  };

  const settleStatus = () => {
    const t = top();
    if (!t || failed) return;
    if (!t.done) {
      status = 'working';
      return;
    }
    if (paintMs === undefined) paintMs = (t.timing.paintedAt ?? now()) - paintFrom;
    if (readChars() === 0) {
      status = 'skipped';
      skip = 'no-text';
    } else {
      status = 'ready';
      skip = undefined;
    }
  };

  const stopAnnotating = () => {
    for (const [frame, listener] of frameListeners.splice(0)) {
      frame.removeEventListener('load', listener);
    }
    const all = [...annotated.values()];
    annotated.clear();
    revision++;
    for (const a of all) {
      try {
        a.card?.destroy();
      } finally {
        a.annotator.dispose();
      }
    }
  };

  const stepBack = (error: unknown) => {
    log('annotating the page failed', error);
    failed = true;
    stopAnnotating();
    status = 'skipped';
    skip = 'error';
  };

  const annotateDocument = (target: Document, root: Element, depth: number, lang?: string) => {
    const annotator = createDocAnnotator({
      doc: target,
      root,
      types,
      recognizer: getRecognizer,
      names,
      cache,
      lang,
      now,
      budgetMs: options.budgetMs,
      batchChars: options.batchChars,
      yieldToMain: options.yieldToMain,
      forceWrap: options.forceWrap,
      colors: settings.colors,
      domChanges: options.domChanges,
      onFrame: (frame) => watchFrame(frame, depth + 1),
      onPaint: () => {
        revision++;
        try {
          if (target === doc) pruneFrames();
          settleStatus();
        } catch (error) {
          log('tracking frames failed', error);
        }
      },
      onDone: () => settleStatus(),
      // A frame that fails only loses its own marks; the page steps back as a whole.
      onError: depth === 0 ? stepBack : (error) => dropFrame(target, error),
    });
    const card =
      options.card === false
        ? null
        : createHoverCard(target, cardSource(annotator), options.card ?? {});
    annotated.set(target, { annotator, card, depth });
  };

  const attachFrame = (frame: HTMLIFrameElement | HTMLFrameElement, depth: number) => {
    try {
      const frameDoc = sameOriginDocument(frame);
      const existing = [...annotated.entries()].find(([d, a]) => a.depth > 0 && d === frameDoc);
      if (!frameDoc || existing || frameDoc === doc || !annotated.has(doc)) return;
      // The page's language carries into its frames unless they declare their own.
      const lang = frameDoc.documentElement.lang || doc.documentElement.lang || undefined;
      annotateDocument(frameDoc, findArticleRoot(frameDoc), depth, lang);
    } catch (error) {
      log('annotating a frame failed', error);
    }
  };

  /** A frame in the article: annotate it now if it is same-origin, and again whenever it loads. */
  const watchFrame = (frame: HTMLIFrameElement | HTMLFrameElement, depth: number) => {
    if (options.frames === false || depth > MAX_FRAME_DEPTH || framesSeen.has(frame)) return;
    framesSeen.add(frame);
    const onLoad = () => {
      // A new document in the frame: drop the old one's marks and start over.
      pruneFrames();
      attachFrame(frame, depth);
    };
    frame.addEventListener('load', onLoad);
    frameListeners.push([frame, onLoad]);
    // Frames are met while the page's own annotator is being set up: attach once it is.
    queueMicrotask(() => attachFrame(frame, depth));
  };

  const dropFrame = (frameDoc: Document, error: unknown) => {
    log('annotating a frame failed', error);
    const a = annotated.get(frameDoc);
    annotated.delete(frameDoc);
    revision++;
    try {
      a?.card?.destroy();
      a?.annotator.dispose();
    } catch {
      // the frame's document is gone
    }
  };

  /**
   * Frames that left the page (or navigated away) release their annotators. A document the frame
   * navigated away from may be a "dead object" in Firefox: any access throws, hence the guards.
   */
  const pruneFrames = () => {
    for (const [d, a] of annotated) {
      if (a.depth === 0 || frameAlive(d)) continue;
      annotated.delete(d);
      revision++;
      try {
        a.card?.destroy();
      } catch {
        // the document is gone; so is the card
      }
      try {
        a.annotator.dispose();
      } catch {
        // idem
      }
    }
  };

  const startAnnotating = () => {
    if (annotated.has(doc)) return;
    failed = false;
    paintMs = undefined;
    status = 'working';
    skip = undefined;
    // The root just found by the article test, if the page has not replaced it since.
    const root = judgedRoot?.isConnected ? judgedRoot : findArticleRoot(doc);
    judgedRoot = null;
    annotateDocument(doc, root, 0);
    settleStatus();
  };

  // ---- is it an article? ----

  const stopGateWatch = () => {
    gateWatch?.stop();
    gateWatch = null;
  };

  let judgedRoot: Element | null = null;
  let judging = false;
  let judged: Promise<void> = Promise.resolve();

  /** A judgement the content script started before settings arrived: used once, if wanted. */
  let early: Judging | null = options.judging ?? null;
  const dropEarly = () => {
    early?.cancel();
    early = null;
  };

  /**
   * Decide whether the page is an article, in steps with the main thread handed back between them
   * (each step is a few ms even on a 200,000-node page), then bring the page in line.
   */
  const judge = () => {
    if (judging) return;
    judging = true;
    const run =
      early && !early.cancelled
        ? early
        : startJudging(doc, { now, budgetMs: options.budgetMs, yieldToMain: options.yieldToMain });
    early = null;
    const take = (judgement: Judgement | null) => {
      judging = false;
      if (!judgement) throw new Error('the article test was cancelled');
      verdict = judgement.verdict;
      judgedRoot = judgement.root;
      judgeMs = Math.max(judgeMs ?? 0, judgement.longestStepMs);
      judgeSteps = { steps: judgement.steps, yields: judgement.yields };
      evaluate();
    };
    // Finished within its first slice (small pages, tests): decide now, in this task.
    const done = run.done;
    if (done) {
      take(done);
      return;
    }
    judged = run.result.then(take).catch((error: unknown) => {
      judging = false;
      stepBack(error);
    });
  };

  /** Not an article (yet): look again when the page changes, less and less often. */
  const startGateWatch = () => {
    if (gateWatch || options.domChanges === false) return;
    gateWatch = observeDomChanges(
      doc,
      () => {
        if (judging) return;
        // Judge again; evaluate() then annotates (timed from now), or looks less often.
        verdict = null;
        paintFrom = now();
        judge();
      },
      { delayMs: 300, minIntervalMs: gateInterval },
    );
  };

  /** The page was judged not an article again: look less often from now on. */
  const slowGateWatch = () => {
    if (!gateWatch || gateInterval >= 30_000) return;
    gateInterval *= 2;
    stopGateWatch();
    startGateWatch();
  };

  /** Bring the page in line with the switches: annotate, or take every mark away. */
  const evaluate = () => {
    try {
      const off = skipReason();
      // Settings want no article test here: stop the one started before they arrived.
      if (off || gateOpen() || annotated.has(doc)) dropEarly();
      if (off) {
        stopGateWatch();
        stopAnnotating();
        status = 'skipped';
        skip = off;
        return;
      }
      if (failed) return;
      if (!gateOpen() && !annotated.has(doc)) {
        if (!verdict) {
          status = 'working';
          skip = undefined;
          judge(); // comes back here when decided
          return;
        }
        if (!verdict.article) {
          status = 'skipped';
          skip = 'not-article';
          if (gateWatch) slowGateWatch();
          else startGateWatch();
          return;
        }
      }
      stopGateWatch();
      startAnnotating();
    } catch (error) {
      stepBack(error);
    }
  };

  // ---- state and requests ----

  const reasonFor = (code: SkipCode): string => {
    if (code === 'site-off') return `Glossa is turned off for ${host || 'this site'}.`;
    if (code === 'not-article') {
      return `${verdict?.reason ?? 'This page does not look like an article.'} Use "Annotate anyway" to mark it.`;
    }
    return REASONS[code];
  };

  const timing = (): PaintTiming | undefined => {
    const t = top();
    if (!t) return undefined;
    let marks = 0;
    let recognizeMs = 0;
    let batches = 0;
    let recognizedChars = 0;
    let longestSliceMs = 0;
    let workMs = 0;
    let readSteps = 0;
    let yields = 0;
    const phases = noWork();
    const longest = { warmMs: 0, longestBatchMs: 0, longestReadMs: 0, longestPaintMs: 0 };
    for (const { annotator } of annotated.values()) {
      for (const _ of annotator.painted()) marks++;
      const a = annotator.timing;
      recognizeMs += a.recognizeMs;
      batches += a.batches;
      recognizedChars += a.recognizedChars;
      longestSliceMs = Math.max(longestSliceMs, a.longestSliceMs);
      workMs += a.workMs;
      readSteps += a.readSteps;
      yields += a.yields;
      for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += a.phases[k];
      for (const k of Object.keys(longest) as Array<keyof typeof longest>) {
        longest[k] = Math.max(longest[k], a[k]);
      }
    }
    return {
      startMs,
      ...(t.timing.firstPaintAt !== undefined
        ? { firstPaintMs: t.timing.firstPaintAt - paintFrom }
        : {}),
      ...(paintMs !== undefined ? { paintMs } : {}),
      recognizeMs,
      batches,
      recognizedChars,
      longestSliceMs,
      workMs,
      phases,
      ...longest,
      readSteps,
      yields,
      ...(judgeMs !== undefined ? { judgeMs } : {}),
      ...(judgeSteps ? { judgeSteps: judgeSteps.steps, judgeYields: judgeSteps.yields } : {}),
      marks,
      chars: readChars(),
      words: [...annotated.values()].reduce((n, a) => n + a.annotator.words, 0),
    };
  };

  const site = (): SiteState => ({
    host,
    enabled: !isSiteDisabled(settings, host),
    annotateAnyway: annotateAnyway(),
    article: verdict ? verdict.article : null,
  });

  const state = (): PageState => {
    refreshSummary();
    const t = timing();
    return {
      page: pageInfo(doc),
      enabled: skipReason() === null,
      status,
      ...(skip ? { reason: reasonFor(skip), skip } : {}),
      entities: annotated.size > 0 ? summary : [],
      ...(paintMs !== undefined && annotated.size > 0 ? { paintMs } : {}),
      site: site(),
      ...(t ? { timing: t } : {}),
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
    if (on && !annotated.has(doc)) paintFrom = now();
    evaluate();
    return state();
  };

  const applySettings = (next: Settings, nextOverrides?: SiteOverrides) => {
    const before = { on: settings.enabled, site: isSiteDisabled(settings, host) };
    const typesBefore = types.join();
    const looksBefore = JSON.stringify(settings.colors);
    const watchBefore = activeWatchList().join('\n');
    const gateBefore = settings.articlesOnly;
    settings = next;
    if (nextOverrides) overrides = nextOverrides;
    types = typesPaintedOn(settings, host);
    // A remembered switch for this site (or all sites) changed: it wins over this tab's switch.
    if (before.on !== settings.enabled || before.site !== isSiteDisabled(settings, host)) {
      tabOverride = undefined;
    }
    if (activeWatchList().join('\n') !== watchBefore) {
      // Texts recognized before were matched against the old list: recognize them again.
      watchMatcher = createWatchMatcher(activeWatchList());
      cache.clear();
      if (annotated.has(doc)) stopAnnotating();
    }
    if (
      annotated.has(doc) &&
      (types.join() !== typesBefore || JSON.stringify(settings.colors) !== looksBefore)
    ) {
      // Repaint with the new types or colours; recognition results are reused (cache by text).
      stopAnnotating();
    }
    if (settings.articlesOnly !== gateBefore) verdict = null;
    if (!annotated.has(doc)) paintFrom = now();
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
    await judged;
    for (;;) {
      const pending = [...annotated.values()].map((a) => a.annotator.idle());
      await Promise.all(pending);
      if ([...annotated.values()].every((a) => a.annotator.done)) return;
      if (pending.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };

  const dispose = () => {
    dropEarly();
    stopGateWatch();
    stopAnnotating();
  };

  const markAt = (node: Node, offset: number): Mark | null => {
    const a = node.ownerDocument ? annotated.get(node.ownerDocument) : undefined;
    const hit = a?.annotator.lookup(node, offset)[0];
    if (!hit || hit.mention.type === 'ORG') return null;
    return { type: hit.mention.type, canonical: names.canonical(hit.mention), range: hit.range };
  };

  const notesPainted = () => skipReason() === null && notesPaintedOn(settings, host);

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

/**
 * One page's Glossa state: read the article, recognise, paint, show hover cards, and answer the
 * popup's requests (lib/messages.ts). Browser wiring (settings storage, runtime messaging) stays in
 * the content script, so this runs unchanged in jsdom tests.
 */
import {
  type EntitySummary,
  type Mention,
  PAINTED_TYPES,
  type PaintedType,
  type Recognizer,
  summarize,
} from '../entities';
import type { Message, PageInfo, PageState, Response, SelectionInfo } from '../messages';
import { isSiteDisabled, type Settings } from '../settings';
import { createHoverCard, type HoverCard, type HoverCardOptions } from './card';
import { type Painting, paintMentions } from './paint';
import { describeSelection } from './selection';
import { extractPageText } from './text';
import type { PageText, TextChunk } from './types';
import { type PageWatch, type WatchOptions, watchPage } from './watch';

export interface PageControllerOptions {
  doc: Document;
  settings: Settings;
  /** Created only when the page is actually annotated (a disabled site costs nothing). */
  createRecognizer: () => Recognizer;
  /** Clock in ms (performance.now in the browser). */
  now: () => number;
  /** Time the content script started, on the `now` clock: paintMs is measured from it. */
  startedAt: number;
  /** Options for the hover card (tests inject hit-testing; browsers use the defaults). */
  card?: HoverCardOptions | false;
  /** Force the <mark> fallback (tests). */
  forceWrap?: boolean;
  /** Re-anchor when the page rewrites its text; false turns it off (tests). */
  watch?: WatchOptions | false;
}

export interface PageController {
  state(): PageState;
  selection(): SelectionInfo | null;
  setEnabled(enabled: boolean): PageState;
  /** Answer one popup request. */
  handle<T extends Message['type']>(message: Message<T>): Response<T>;
  /** Unpaint and stop listening. */
  dispose(): void;
}

const NO_TEXT = 'No article text found on this page.';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

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

/** Same text read from the same nodes: the painted ranges are still right. */
function sameText(a: PageText, b: PageText): boolean {
  if (a.text !== b.text || a.chunks.length !== b.chunks.length) return false;
  return a.chunks.every((c: TextChunk, i) => c.node === b.chunks[i]?.node);
}

export function pageInfo(doc: Document): PageInfo {
  return {
    url: doc.location?.href ?? doc.URL,
    title: doc.title,
    lang: doc.documentElement.lang,
  };
}

/** Why a page is not annotated at all, or null when it should be. */
function skipReason(doc: Document): string | null {
  const protocol = doc.location?.protocol ?? new URL(doc.URL).protocol;
  if (protocol !== 'http:' && protocol !== 'https:')
    return 'Not a web page (only http and https pages are annotated).';
  return null;
}

export function startPageController(options: PageControllerOptions): PageController {
  const { doc, settings } = options;
  const types = PAINTED_TYPES.filter((t) => settings.types[t]);
  const hostname = doc.location?.hostname ?? '';

  let enabled = settings.enabled && !isSiteDisabled(settings, hostname);
  let status: PageState['status'] = 'working';
  let reason: string | undefined;
  let pageText: PageText | null = null;
  let mentions: Mention[] = [];
  let entities: EntitySummary[] = [];
  let counts = new Map<string, number>();
  let analysed = false;
  let painting: Painting | null = null;
  let card: HoverCard | null = null;
  let paintMs: number | undefined;
  let watch: PageWatch | null = null;

  const key = (m: { type: string; canonical: string }) => `${m.type}\u0000${m.canonical}`;

  const analyse = () => {
    analysed = true;
    const skip = skipReason(doc);
    if (skip) {
      status = 'skipped';
      reason = skip;
      return;
    }
    const extracted = extractPageText(doc);
    if (extracted.text.trim() === '') {
      status = 'skipped';
      reason = NO_TEXT;
      return;
    }
    pageText = extracted;
    const recognizer = options.createRecognizer();
    const raw = recognizer.recognize(extracted.text, {
      lang: doc.documentElement.lang || undefined,
    });
    mentions = cleanMentions(raw, extracted.text.length, types);
    entities = summarize(mentions);
    counts = new Map(entities.map((e) => [key(e), e.count]));
    status = 'ready';
    reason = undefined;
  };

  const paint = () => {
    if (painting || !pageText || status !== 'ready') return;
    watch?.pause(); // the <mark> fallback changes the DOM: not a page change
    try {
      painting = paintMentions(doc, pageText, mentions, types, { forceWrap: options.forceWrap });
    } finally {
      watch?.resume();
    }
    if (options.card !== false) {
      const current = painting;
      card = createHoverCard(
        doc,
        {
          pageText: () => current.pageText,
          mentions: () => current.mentions,
          count: (m) => counts.get(key(m)) ?? 1,
        },
        options.card ?? {},
      );
    }
  };

  const unpaint = () => {
    const c = card;
    const p = painting;
    card = null;
    painting = null;
    watch?.pause();
    try {
      c?.destroy();
    } finally {
      try {
        p?.unpaint();
      } finally {
        watch?.resume();
      }
    }
  };

  const stopWatching = () => {
    watch?.stop();
    watch = null;
  };

  /** The page changed its DOM: if the article text changed, read, recognise and paint again. */
  const refresh = () => {
    try {
      if (!enabled || !analysed) return;
      const fresh = extractPageText(doc);
      // Painted: repaint only if the text moved. Not painted (no text yet): wait for some.
      if (painting ? sameText(painting.pageText, fresh) : fresh.text.trim() === '') return;
      unpaint();
      analysed = false;
      pageText = null;
      mentions = [];
      entities = [];
      counts = new Map();
      run(null);
    } catch (err) {
      log('re-reading the page failed', err);
    }
  };

  const state = (): PageState => ({
    page: pageInfo(doc),
    enabled,
    status,
    ...(reason !== undefined ? { reason } : {}),
    entities,
    ...(paintMs !== undefined ? { paintMs } : {}),
  });

  /** Analyse if needed and paint; `from` is the clock reading paintMs is measured from (null: keep it). */
  const run = (from: number | null) => {
    try {
      if (!analysed) analyse();
      if (enabled) {
        paint();
        if (painting && from !== null) paintMs = options.now() - from;
        // Watch http(s) pages, painted or still without text (content that arrives late).
        const watchable = painting !== null || (status === 'skipped' && reason === NO_TEXT);
        if (watchable && !watch && options.watch !== false) {
          watch = watchPage(doc, refresh, options.watch || {});
        }
      }
    } catch (err) {
      log('annotating the page failed', err);
      unpaint();
      stopWatching();
      status = 'skipped';
      reason = 'Glossa could not annotate this page.';
    }
  };

  if (enabled) {
    run(options.startedAt);
  } else {
    status = 'skipped';
    reason = settings.enabled
      ? `Glossa is turned off for ${hostname}.`
      : 'Highlighting is turned off in settings.';
  }

  const selection = (): SelectionInfo | null => {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    // Read the page as it is now: same offsets as the recognised text (painting never changes
    // the text), valid even if unpainted, split by the <mark> fallback, or never analysed.
    return describeSelection(extractPageText(doc), sel.getRangeAt(0));
  };

  const setEnabled = (on: boolean): PageState => {
    enabled = on;
    if (on) {
      if (!analysed) {
        status = 'working';
        reason = undefined;
      }
      // Turned on later by the user: time this paint from the request.
      run(options.now());
    } else {
      unpaint();
      stopWatching();
      if (!analysed) {
        status = 'skipped';
        reason = 'Highlighting is turned off on this page.';
      }
    }
    return state();
  };

  const handle = <T extends Message['type']>(message: Message<T>): Response<T> => {
    const m = message as Message;
    switch (m.type) {
      case 'glossa:get-page':
        return state() as Response<T>;
      case 'glossa:get-selection':
        return selection() as Response<T>;
      case 'glossa:set-enabled':
        return setEnabled(Boolean((m as Message<'glossa:set-enabled'>).enabled)) as Response<T>;
      default:
        throw new Error(`unknown message ${(m as { type: string }).type}`);
    }
  };

  const dispose = () => {
    stopWatching();
    unpaint();
  };

  return { state, selection, setEnabled, handle, dispose };
}

/**
 * The data that crosses context boundaries: what the page reports (PageState), what requests carry
 * and what they answer. Which message carries what, in which direction, is in
 * lib/messages/to-content.ts and lib/messages/to-background.ts. Types only (and one size bound).
 */
import type { EntitySummary, Mention, PaintedType } from '../entities';
import type { EntityRecall } from '../memory/recall';
import type { Note, TextPositionSelector, TextQuoteSelector } from '../notes/model';
import type { WorkPhases } from '../page/types';

/** The background recognizer's start: read the data files (loadMs from the background's start), build and warm the tables (warmMs). */
export interface RecognizerStatus {
  ready: boolean;
  /**
   * When the host started (ms since the epoch): the same value after a Chrome service worker
   * slept and woke means the tables were not built again (the offscreen host kept them).
   */
  startedAt?: number;
  /** Where the recognizer runs: the background itself (Firefox) or Chrome's offscreen document. */
  host?: 'background' | 'offscreen';
  /** Reading and parsing the data files; the first call (tables built); the warm-up texts. */
  loadMs?: number;
  warmMs?: number;
  warmUpMs?: number;
  /**
   * The pages' recognition requests answered since the host started: how many, their characters,
   * time inside the recognizer, and time from each request's arrival here to its answer (waiting
   * for the data and for its turn included), all in ms.
   */
  served?: { requests: number; chars: number; recognizeMs: number; hostMs: number };
  error?: string;
}

/**
 * Most characters one 'glossa:recognize' request may carry. The page sends a batch of at most
 * 40,000 characters of text (lib/page/recognition-queue.ts) after a header of known names (at most 40 of
 * them, lib/page/known-names.ts); the rest is headroom. The page splits anything longer
 * (lib/page/remote-recognizer.ts) and the background refuses it (lib/recognize/remote.ts): one
 * request is one short task in the background, which every tab shares.
 */
export const MAX_RECOGNIZE_CHARS = 50_000;

/** The background's answer to 'glossa:recognize'. */
export type RecognizeResult = { ok: true; mentions: Mention[] } | { ok: false; error: string };

export interface PageInfo {
  url: string;
  title: string;
  lang: string;
}

export interface SelectionInfo {
  quote: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
}

/** An entity of the page, as EntitySummary names it. */
export interface EntityRef {
  type: PaintedType;
  canonical: string;
}

export type JumpDirection = 'next' | 'previous';

/**
 * Where a reveal or jump landed: mention `index` (0-based) of `count` candidates (the entity's
 * mentions, or the painted marks of the category), its text and entity; or why nothing moved.
 */
export type RevealResult =
  | { ok: true; index: number; count: number; text: string; entity: EntityRef }
  | { ok: false; reason: 'not-found' | 'not-painted' };

/** What a keyboard command did: the page's new state (toggle) or where it jumped. */
export type CommandResult =
  | { ok: true; command: string; state?: PageState; reveal?: RevealResult }
  | { ok: false; command: string; error: string };

export type NotesForPage = { ok: true; notes: Note[] } | { ok: false; error: string };

/** Note ids by where they stand on the page; page and entity notes are in neither list. */
export interface NoteAnchors {
  anchored: string[];
  orphaned: string[];
}

export interface Notice {
  ok: boolean;
  text: string;
}

export type SaveSelectionResult = { ok: true; note: Note } | { ok: false; error: string };

export interface PageState {
  page: PageInfo;
  enabled: boolean;
  /** 'ready' once recognition ran; 'skipped' with a reason when the page was not annotated. */
  status: 'ready' | 'working' | 'skipped';
  reason?: string;
  entities: EntitySummary[];
  /** Time from content-script start to highlights painted, in ms (for the e2e timing report). */
  paintMs?: number;
  /** Why the page is not annotated, for code (`reason` is the same for people). */
  skip?: SkipCode;
  /** This page's site and its switches (for the popup's site controls). */
  site?: SiteState;
  /** How painting went (end-to-end tests and bench:page). */
  timing?: PaintTiming;
}

/**
 * off: highlighting is off in settings; site-off: off for this site; tab-off: turned off in this
 * tab; not-web: not an http(s) page; not-article: the page does not look like an article;
 * no-text: no article text; error: Glossa failed and stepped back.
 */
export type SkipCode =
  | 'off'
  | 'site-off'
  | 'tab-off'
  | 'not-web'
  | 'not-article'
  | 'no-text'
  | 'error';

export interface SiteState {
  /** Hostname the site switches apply to ("" for pages without one). */
  host: string;
  /** False when the user turned Glossa off for this site. */
  enabled: boolean;
  /** The user asked to annotate this site even where pages do not look like articles. */
  annotateAnyway: boolean;
  /** Whether this page looks like an article (null: not judged yet). */
  article: boolean | null;
}

/** Milliseconds on the content script's clock, from its start. */
export interface PaintTiming {
  /** The content script started, in ms from the page's navigation start (its time origin). */
  scriptAt?: number;
  /** The page controller started (settings read). */
  startMs?: number;
  /** First marks painted. */
  firstPaintMs?: number;
  /**
   * The page's own annotator started (settings read, the article judged), read the first pass
   * through, and sent its first batch to the recognizer.
   */
  annotateMs?: number;
  readMs?: number;
  firstSentMs?: number;
  /** The whole article painted (same as PageState.paintMs). */
  paintMs?: number;
  /** Time inside the recognizer, in how many batches, and how much page text it was given. */
  recognizeMs: number;
  batches: number;
  recognizedChars: number;
  /** Longest stretch of Glossa work without handing the main thread back. */
  longestSliceMs: number;
  /** Main-thread time of all of Glossa's work on the page so far (frames included). */
  workMs?: number;
  /** Where workMs went (lib/page/annotator-timing.ts AnnotatorTiming.phases). */
  phases?: WorkPhases;
  /** Parts of that: the recognizer's first call, the longest recognize(), read and paint steps. */
  warmMs?: number;
  longestBatchMs?: number;
  longestReadMs?: number;
  longestPaintMs?: number;
  /** Read steps taken and times the main thread was handed back, over all annotated documents. */
  readSteps?: number;
  yields?: number;
  /**
   * First-pass time with nothing to do but wait for the recognizer's answer, and time the main
   * thread was handed back between slices (ms, summed over documents).
   */
  waitMs?: number;
  handedBackMs?: number;
  /** Longest step of judging whether the page is an article (ms). */
  judgeMs?: number;
  /** Steps of the latest article judgement, and times it handed the main thread back. */
  judgeSteps?: number;
  judgeYields?: number;
  /** Painted marks, and the characters and words of article text read. */
  marks: number;
  chars: number;
  words: number;
}

/** One entity of a page as the content script reports it to the reading memory. */
export interface PageEntityRow {
  type: string;
  canonical: string;
  count: number;
  treaty?: { id: string; en: string; ru: string; year?: number };
  /** The entity's id when a register knows it (lib/entity-id.ts). */
  id?: string;
}

/**
 * Whether the reading memory kept the page. remembered false says why not: off (the reader
 * turned it off), private (a private window), site-off (Glossa is off there), not-top (a frame),
 * nothing (no person, place or registered treaty).
 */
export type RememberResult =
  | { ok: true; remembered: true }
  | { ok: true; remembered: false; reason: 'off' | 'private' | 'site-off' | 'not-top' | 'nothing' }
  | { ok: false; error: string };

/**
 * A painted mention as the hover card names it to the reading memory. `id`: a registered entity's
 * id where the recognizer gives one (the memory key then follows it).
 */
export interface MemoryEntity {
  type: string;
  canonical: string;
  treaty?: { id: string; en: string; ru: string; year?: number };
  id?: string;
}

/** The reading memory's word for the hover card; `key` (when count > 0) opens the entity's page. */
export type CardRecall = EntityRecall & { key?: string };

/** Whether the entity's page was opened (or an open one brought forward), and in which tab. */
export type OpenEntityResult = { ok: true; tabId?: number } | { ok: false; error: string };

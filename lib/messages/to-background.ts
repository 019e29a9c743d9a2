/**
 * Requests the background answers: sent by content scripts (runtime.sendMessage) and by extension
 * pages (the popup, side panel, options and notes pages, and the end-to-end tests through them).
 * Its one handler table is lib/background/router.ts.
 */

import { isMemoryKey } from '../memory/entity-route';
import {
  type Exchange,
  type HandlerTable,
  isString,
  isTabId,
  type MessageOf,
  type MessageSender,
  type NoPayload,
  type PayloadChecks,
  type ResponseOf,
} from './protocol';
import type {
  CardRecall,
  CommandResult,
  MemoryEntity,
  NotesForPage,
  OpenEntityResult,
  PageEntityRow,
  RecognizeResult,
  RecognizerStatus,
  RememberResult,
  SaveSelectionResult,
} from './types';

export interface ToBackground {
  /**
   * content → background: recognize this text (the recognizer and its data live in the
   * background, loaded once per browser session, so pages never pay for them).
   */
  'glossa:recognize': Exchange<{ text: string; lang?: string }, RecognizeResult>;
  /**
   * content → background: this page's saved notes. Content scripts cannot open the extension's
   * IndexedDB, so the background reads it for them (for the sender's own page only).
   */
  'glossa:notes-for-page': Exchange<{ url: string }, NotesForPage>;
  /**
   * content → background: remember this annotated page in the reading memory (lib/memory), filed
   * under the sending frame's own address, not one the message names.
   */
  'glossa:remember-article': Exchange<
    { title: string; lang: string; entities: PageEntityRow[] },
    RememberResult
  >;
  /**
   * content → background: what the reading memory says of the hover card's entity (how many other
   * articles, the latest one, and its memory key for 'glossa:open-entity'). The background files
   * the mention under its key (lib/memory/entity-key.ts), so pages carry no country tables.
   * Answered for the sending tab's top page only, and {count: 0} in a private window or when the
   * memory is off; the page being read is not counted.
   */
  'glossa:recall-entity': Exchange<{ entity: MemoryEntity }, CardRecall>;
  /**
   * content → background: open (or bring forward) the entity's page in the notes view. A web
   * page's content script cannot open the extension's own pages itself (Firefox refuses it).
   */
  'glossa:open-entity': Exchange<{ key: string }, OpenEntityResult>;
  /** extension page → background: how the background's recognizer started (diagnostics, bench). */
  'glossa:recognizer-status': Exchange<NoPayload, RecognizerStatus>;
  /**
   * content or extension page → background: make sure the recognizer host runs and listens, then
   * its status. A page asks this when a 'glossa:recognize' got no answer (in Chrome the recognizer
   * lives in an offscreen document the service worker creates: lib/background/offscreen.ts), then
   * asks once more.
   */
  'glossa:start-recognizer-host': Exchange<NoPayload, RecognizerStatus>;
  /**
   * extension page → background: save the selection of tab `tabId` as a note, exactly as the
   * context-menu item and the keyboard shortcut do (end-to-end tests use this: menus cannot be
   * clicked from automation).
   */
  'glossa:save-selection': Exchange<{ tabId: number }, SaveSelectionResult>;
  /**
   * extension page → background: run keyboard command `command` on tab `tabId`, exactly as the
   * shortcut does (end-to-end tests use this: shortcuts cannot be pressed from automation).
   */
  'glossa:run-command': Exchange<{ command: string; tabId: number }, CommandResult>;
}

export type ToBackgroundType = keyof ToBackground;
export type ToBackgroundMessage<T extends ToBackgroundType = ToBackgroundType> = MessageOf<
  ToBackground,
  T
>;
export type ToBackgroundResponse<T extends ToBackgroundType> = ResponseOf<ToBackground, T>;

/** The background's answers: one per request above (lib/background/router.ts). */
export type ToBackgroundHandlers = HandlerTable<ToBackground, MessageSender>;

/**
 * Who may send each request (besides being this extension: the listener checks that first).
 * any: any of Glossa's contexts (the handler then reads the sender's tab and address);
 * extension-page: only Glossa's own pages, never a content script, which runs inside web pages.
 */
export const TO_BACKGROUND_SENDERS: Record<ToBackgroundType, 'any' | 'extension-page'> = {
  'glossa:recognize': 'any',
  'glossa:notes-for-page': 'any',
  'glossa:remember-article': 'any',
  'glossa:recall-entity': 'any',
  'glossa:open-entity': 'any',
  'glossa:recognizer-status': 'extension-page',
  'glossa:start-recognizer-host': 'any',
  'glossa:save-selection': 'extension-page',
  'glossa:run-command': 'extension-page',
};

/** Each request's payload, checked before the background's handler runs. */
export const TO_BACKGROUND_CHECKS: PayloadChecks<ToBackground> = {
  // The recognizer service answers a text that is no string or too long with an error of its own
  // (lib/recognize/remote.ts): the page then knows why.
  'glossa:recognize': () => true,
  'glossa:notes-for-page': (m) => isString(m.url),
  'glossa:remember-article': (m) =>
    isString(m.title) &&
    isString(m.lang) &&
    Array.isArray(m.entities) &&
    m.entities.length <= MAX_REMEMBERED_ROWS,
  // The entity's fields are read one by one by the handler (lib/background/entity-memory.ts).
  'glossa:recall-entity': (m) => typeof m.entity === 'object' && m.entity !== null,
  'glossa:open-entity': (m) => isMemoryKey(m.key),
  'glossa:recognizer-status': () => true,
  'glossa:start-recognizer-host': () => true,
  'glossa:save-selection': (m) => isTabId(m.tabId),
  'glossa:run-command': (m) => isString(m.command) && isTabId(m.tabId),
};

/**
 * The requests the recognizer host answers: in Firefox the background itself, in Chrome the
 * offscreen document (lib/background/offscreen.ts); the service worker then leaves them unanswered,
 * so exactly one context answers each.
 */
export const RECOGNIZER_HOST_TYPES = ['glossa:recognize', 'glossa:recognizer-status'] as const;
export type RecognizerHostType = (typeof RECOGNIZER_HOST_TYPES)[number];

/** A page lists at most this many entities to the reading memory (it keeps fewer). */
export const MAX_REMEMBERED_ROWS = 5000;

/** Send a request to the background. */
export type SendToBackground = <T extends ToBackgroundType>(
  message: ToBackgroundMessage<T>,
) => Promise<ToBackgroundResponse<T>>;

/** The browser's runtime API, as far as sending goes. */
export interface RuntimeSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** runtime.sendMessage, typed by this direction's map (the answer's shape is the receiver's word). */
export function backgroundSender(runtime: RuntimeSender): SendToBackground {
  return <T extends ToBackgroundType>(message: ToBackgroundMessage<T>) =>
    runtime.sendMessage(message) as Promise<ToBackgroundResponse<T>>;
}

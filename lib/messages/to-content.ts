/**
 * Requests the content script answers: sent by the popup, the side panel (tabs.sendMessage to
 * their tab) and the background (context-menu saves, keyboard commands). Its one handler table is
 * lib/page/router.ts. Named by direction, like the Hypothesis client's port-rpc-events.d.ts.
 */

import type { PaintedType } from '../entities';
import type { Note } from '../notes/model';
import {
  type Exchange,
  type HandlerTable,
  isBoolean,
  isString,
  type MessageOf,
  type MessageSender,
  type NoPayload,
  type PayloadChecks,
  type ResponseOf,
} from './protocol';
import type {
  EntityRef,
  JumpDirection,
  NoteAnchors,
  Notice,
  PageState,
  RevealResult,
  SelectionInfo,
} from './types';

export interface ToContent {
  /** popup, side panel, background → content: what is on this page. */
  'glossa:get-page': Exchange<NoPayload, PageState>;
  /** popup, background → content: the current selection described by W3C selectors, or null. */
  'glossa:get-selection': Exchange<NoPayload, SelectionInfo | null>;
  /** popup, background (toggle command) → content: paint or unpaint; returns the new state. */
  'glossa:set-enabled': Exchange<{ enabled: boolean }, PageState>;
  /**
   * popup → content: turn Glossa off (or back on) for this page's site, remembered in settings
   * (Settings.disabledSites); applies at once; returns the new state.
   */
  'glossa:set-site-enabled': Exchange<{ enabled: boolean }, PageState>;
  /**
   * popup → content: annotate this site even where its pages do not look like articles
   * (remembered; false goes back to deciding per page); returns the new state.
   */
  'glossa:set-annotate-anyway': Exchange<{ enabled: boolean }, PageState>;
  /**
   * popup, side panel, background → content: paint these saved notes of this page (replacing the
   * previous set); answers which of them were found on the page and which are orphaned.
   */
  'glossa:show-notes': Exchange<{ notes: Note[] }, NoteAnchors>;
  /** background → content: a short message shown on the page (context-menu and shortcut saves). */
  'glossa:notice': Exchange<Notice, { shown: boolean }>;
  /**
   * side panel → content: scroll to the next mention of this entity (after the one shown last,
   * cycling) and flash it (lib/page/reveal.ts).
   */
  'glossa:reveal': Exchange<{ entity: EntityRef }, RevealResult>;
  /**
   * background → content: scroll to the next or previous painted mark (of one category, or any)
   * and flash it — the jump keyboard commands (lib/commands.ts).
   */
  'glossa:jump': Exchange<{ direction: JumpDirection; only?: PaintedType }, RevealResult>;
}

export type ToContentType = keyof ToContent;
export type ToContentMessage<T extends ToContentType = ToContentType> = MessageOf<ToContent, T>;
export type ToContentResponse<T extends ToContentType> = ResponseOf<ToContent, T>;

/** The content script's answers: one per request above (lib/page/router.ts). */
export type ToContentHandlers = HandlerTable<ToContent, MessageSender>;

/** Send a request to the content script of one tab (the popup's and side panel's tab). */
export type SendToContent = <T extends ToContentType>(
  message: ToContentMessage<T>,
) => Promise<ToContentResponse<T>>;

/** Send a request to the content script of tab `tabId` (the background). */
export type AskTab = <T extends ToContentType>(
  tabId: number,
  message: ToContentMessage<T>,
) => Promise<ToContentResponse<T>>;

/** The browser's tabs API, as far as sending goes. */
export interface TabsSender {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** tabs.sendMessage, typed by this direction's map (the answer's shape is the receiver's word). */
export function tabAsker(tabs: TabsSender): AskTab {
  return <T extends ToContentType>(tabId: number, message: ToContentMessage<T>) =>
    tabs.sendMessage(tabId, message) as Promise<ToContentResponse<T>>;
}

const isEntityRef = (value: unknown): value is EntityRef =>
  typeof value === 'object' &&
  value !== null &&
  isString((value as EntityRef).type) &&
  isString((value as EntityRef).canonical);

/** Each request's payload, checked before the content script's handler runs. */
export const TO_CONTENT_CHECKS: PayloadChecks<ToContent> = {
  'glossa:get-page': () => true,
  'glossa:get-selection': () => true,
  'glossa:set-enabled': (m) => isBoolean(m.enabled),
  'glossa:set-site-enabled': (m) => isBoolean(m.enabled),
  'glossa:set-annotate-anyway': (m) => isBoolean(m.enabled),
  'glossa:show-notes': (m) => Array.isArray(m.notes),
  'glossa:notice': (m) => isBoolean(m.ok) && isString(m.text),
  'glossa:reveal': (m) => isEntityRef(m.entity),
  'glossa:jump': (m) =>
    (m.direction === 'next' || m.direction === 'previous') &&
    (m.only === undefined || isString(m.only)),
};

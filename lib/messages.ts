/**
 * Every message that crosses a context boundary (popup ⇄ content script ⇄ background), in one place.
 * Each request names its response type, so `send`/`handle` stay typed end to end.
 */
import type { EntitySummary } from './entities';
import type { TextPositionSelector, TextQuoteSelector } from './notes/model';

export interface PageInfo {
  url: string;
  title: string;
  lang: string;
}

export interface SelectionInfo {
  quote: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
}

export interface Requests {
  /** popup → content: what is on this page. */
  'glossa:get-page': { request: Record<never, never>; response: PageState };
  /** popup → content: the current selection described by W3C selectors, or null. */
  'glossa:get-selection': { request: Record<never, never>; response: SelectionInfo | null };
  /** popup → content: paint or unpaint; returns the new state. */
  'glossa:set-enabled': { request: { enabled: boolean }; response: PageState };
}

export interface PageState {
  page: PageInfo;
  enabled: boolean;
  /** 'ready' once recognition ran; 'skipped' with a reason when the page was not annotated. */
  status: 'ready' | 'working' | 'skipped';
  reason?: string;
  entities: EntitySummary[];
  /** Time from content-script start to highlights painted, in ms (for the e2e timing report). */
  paintMs?: number;
}

export type MessageType = keyof Requests;
export type Message<T extends MessageType = MessageType> = { type: T } & Requests[T]['request'];
export type Response<T extends MessageType> = Requests[T]['response'];

const TYPES: ReadonlySet<string> = new Set<MessageType>([
  'glossa:get-page',
  'glossa:get-selection',
  'glossa:set-enabled',
]);

/** Narrow an unknown runtime message to one of ours; anything else is ignored by receivers. */
export function isGlossaMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    TYPES.has((value as { type: string }).type)
  );
}

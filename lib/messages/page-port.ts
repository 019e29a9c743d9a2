/**
 * content → side panel: the one message that is not a request. The side panel connects a port to
 * the content script of its tab and hears whenever the page's state changed (lib/page/live.ts).
 */

/**
 * The side panel's live feed: it connects a port with this name to the content script of its tab
 * (tabs.connect), and the content script posts PageChanged whenever what it would answer to
 * 'glossa:get-page' (or the notes it shows) changes. No port, no work.
 */
export const PAGE_FEED_PORT = 'glossa:page-feed';

export interface PageChanged {
  type: 'glossa:page-changed';
  /** Increases with every change this content script reports. */
  revision: number;
}

export function isPageChanged(value: unknown): value is PageChanged {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'glossa:page-changed'
  );
}

/**
 * The popup and the side panel each speak for one browser tab: they send its content script
 * requests, and read its address from the browser. Both wire the same two functions from the
 * browser's tabs API, which is passed in so tests can drive them with a fake.
 */
import type { PageInfo } from '../lib/messages/types';
import type { SendToTab } from './tab-transport';

/** The part of browser.tabs these need. */
export interface TabsReader {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
  get(tabId: number): Promise<{ url?: string; title?: string }>;
}

/** Requests to the content script of `tabId`; with no tab, every request fails. */
export function tabSender(tabs: TabsReader, tabId: number | null): SendToTab {
  return ((message) =>
    tabId === null
      ? Promise.reject(new Error('No tab to talk to'))
      : tabs.sendMessage(tabId, message)) as SendToTab;
}

/**
 * The tab's address as the browser knows it: notes are filed under it rather than under what the
 * content script reports, and still when no content script answers (a tab loaded before
 * install). Null for a page that is not on the web, or when the extension may not read the
 * tab's address.
 */
export function tabPageInfo(
  tabs: TabsReader,
  tabId: number | null,
): () => Promise<PageInfo | null> {
  return async () => {
    if (tabId === null) return null;
    const tab = await tabs.get(tabId).catch(() => null);
    return tab?.url && /^https?:/.test(tab.url)
      ? { url: tab.url, title: tab.title ?? '', lang: '' }
      : null;
  };
}

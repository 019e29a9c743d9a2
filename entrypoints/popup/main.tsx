/**
 * Wires the popup to the real browser: the tab to talk to, the notes database, the options page.
 * Everything else lives in components/Popup.tsx, which tests render with fakes.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import type { SendToTab } from '../../components/tab-transport';
import { localizeDocument } from '../../lib/i18n';
import { NOTES_PAGE } from '../../lib/memory/entity-route';
import {
  type BrowserTabsLike,
  openEntityPage,
  tabsOpenerOf,
} from '../../lib/memory/open-entity-page';
import type { PageInfo } from '../../lib/messages/types';
import { openNotesDb } from '../../lib/notes/db';
import './style.css';

localizeDocument(document, 'titlePopup');

/**
 * The tab this popup is about: normally the active tab of the current window. When the page is
 * opened as `popup.html?tab=<id>` (end-to-end tests; or a reader who wants the popup in a full tab,
 * to zoom it or use it with a screen reader), that tab instead — from a tab of its own, the
 * "active tab" would be the popup itself.
 */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function start() {
  const tabId = await targetTabId().catch(() => null);

  const sendToTab: SendToTab = (message) =>
    tabId === null
      ? Promise.reject(new Error('No tab to talk to'))
      : browser.tabs.sendMessage(tabId, message);

  // The tab's address as the browser knows it: notes are filed under it rather than under what the
  // content script reports, and still when no content script answers (a tab loaded before
  // install). Without a permission to read the tab's address the browser does not tell.
  const tabInfo = async (): Promise<PageInfo | null> => {
    if (tabId === null) return null;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return null;
    return tab.url && /^https?:/.test(tab.url)
      ? { url: tab.url, title: tab.title ?? '', lang: '' }
      : null;
  };

  render(
    <Popup
      sendToTab={sendToTab}
      db={openNotesDb()}
      tabInfo={tabInfo}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openNotes={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
        window.close();
      }}
      storage={browser.storage.local}
      openEntity={(key) => {
        const tabs = tabsOpenerOf(browser as unknown as BrowserTabsLike);
        void openEntityPage(tabs, browser.runtime.getURL(NOTES_PAGE as '/'), key)
          .catch(() => {})
          .finally(() => window.close());
      }}
    />,
    document.getElementById('app') as HTMLElement,
  );
}

void start();

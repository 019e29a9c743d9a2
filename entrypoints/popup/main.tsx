/**
 * Wires the popup to the real browser: the tab to talk to, the notes database, the options page.
 * Everything else lives in components/Popup.tsx, which tests render with fakes.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { tabPageInfo, tabSender } from '../../components/browser-tab';
import { Popup } from '../../components/Popup';
import { localizeDocument } from '../../lib/i18n';
import { NOTES_PAGE } from '../../lib/memory/entity-route';
import {
  type BrowserTabsLike,
  openEntityPage,
  tabsOpenerOf,
} from '../../lib/memory/open-entity-page';
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

  render(
    <Popup
      sendToTab={tabSender(browser.tabs, tabId)}
      db={openNotesDb()}
      tabInfo={tabPageInfo(browser.tabs, tabId)}
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

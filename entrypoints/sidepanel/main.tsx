/**
 * Wires the side panel (Chrome side_panel, Firefox sidebar_action: WXT builds both from this
 * entrypoint) to the real browser: which tab it is about, and when to look again.
 *
 * - The tab: the active tab of the panel's window, followed as the reader switches tabs; or, for
 *   `sidepanel.html?tab=<id>` (end-to-end tests, or the panel opened in a tab of its own), that tab.
 * - When to look again: the content script's change feed (a port named PAGE_FEED_PORT: new
 *   content annotated, highlights switched, notes shown), and the tab's navigations.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { tabPageInfo, tabSender } from '../../components/browser-tab';
import { SidePanel } from '../../components/SidePanel';
import { localizeDocument } from '../../lib/i18n';
import { NOTES_PAGE } from '../../lib/memory/entity-route';
import {
  type BrowserTabsLike,
  openEntityPage,
  tabsOpenerOf,
} from '../../lib/memory/open-entity-page';
import { isPageChanged, PAGE_FEED_PORT } from '../../lib/messages/page-port';
import { openNotesDb } from '../../lib/notes/db';
import '../popup/style.css';
import './style.css';

localizeDocument(document, 'titleSidePanel');

type Port = ReturnType<typeof browser.tabs.connect>;

/** Reconnect attempts after the page's feed went away (navigation, reload), one per second. */
const RECONNECTS = 30;

const pinnedTab = (): number | null => {
  const param = new URLSearchParams(location.search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
};

async function start() {
  const pinned = pinnedTab();
  const windowId = await browser.windows
    .getCurrent()
    .then((w) => w.id)
    .catch(() => undefined);
  const activeTab = async (): Promise<number | null> => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  };
  let tabId: number | null = pinned ?? (await activeTab().catch(() => null));

  // ---- "the page may have changed" ----
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const fn of listeners) fn();
  };
  const onPageChange = (fn: () => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  };

  let port: Port | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;

  const disconnect = () => {
    clearTimeout(retry);
    const p = port;
    port = null;
    p?.disconnect();
  };

  /** Follow the tab's content script; when it goes away, try again for a while. */
  const connect = () => {
    disconnect();
    if (tabId === null) return;
    const target = tabId;
    let p: Port;
    try {
      p = browser.tabs.connect(target, { name: PAGE_FEED_PORT });
    } catch {
      return;
    }
    port = p;
    p.onMessage.addListener((message: unknown) => {
      attempts = 0;
      if (isPageChanged(message)) changed();
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      if (attempts++ < RECONNECTS) {
        retry = setTimeout(() => {
          if (tabId === target) {
            connect();
            changed();
          }
        }, 1000);
      }
    });
  };

  const app = document.getElementById('app') as HTMLElement;
  const db = openNotesDb();
  const show = () =>
    render(
      <SidePanel
        key={String(tabId)}
        sendToTab={tabSender(browser.tabs, tabId)}
        db={db}
        onPageChange={onPageChange}
        tabInfo={tabPageInfo(browser.tabs, tabId)}
        openNotes={() => void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') })}
        storage={browser.storage.local}
        openEntity={(key) =>
          void openEntityPage(
            tabsOpenerOf(browser as unknown as BrowserTabsLike),
            browser.runtime.getURL(NOTES_PAGE as '/'),
            key,
          ).catch(() => {})
        }
      />,
      app,
    );

  // The reader switched tabs in this window: show the new one.
  browser.tabs.onActivated.addListener((info) => {
    if (pinned !== null || (windowId !== undefined && info.windowId !== windowId)) return;
    if (info.tabId === tabId) return;
    tabId = info.tabId;
    attempts = 0;
    connect();
    show();
  });
  // The tab navigated or finished loading: look again, and follow its new content script.
  browser.tabs.onUpdated.addListener((id, info) => {
    if (id !== tabId || info.status === undefined) return;
    attempts = 0;
    if (info.status === 'complete') connect();
    changed();
  });

  connect();
  show();
}

void start();

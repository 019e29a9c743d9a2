/**
 * Opening an entity's page (the notes view at `#entity=KEY`, lib/memory/entity-route.ts): a tab
 * already showing that entity is brought forward rather than opened twice. The browser's tabs
 * API is passed in, so the background (for the hover card), the popup and the side panel share it,
 * and tests drive it with a fake.
 */
import { entityHash } from './entity-route';

export interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
}

/** The part of browser.tabs (and browser.windows) this needs. */
export interface TabsOpener {
  query(info: Record<string, never>): Promise<TabLike[]>;
  create(props: { url: string; windowId?: number; index?: number }): Promise<TabLike>;
  update(tabId: number, props: { active: boolean }): Promise<unknown>;
  /** Focus a window (absent where there are no windows to focus, as on Android). */
  focusWindow?: (windowId: number) => Promise<unknown>;
}

/** Where a new tab goes: next to the tab the reader asked from, in its window. */
export interface NearTab {
  windowId?: number;
  index?: number;
}

/**
 * Open the page of entity `key`; `notesPage` is the notes view's full address
 * (runtime.getURL(NOTES_PAGE)). Resolves with the tab that shows it.
 */
export async function openEntityPage(
  tabs: TabsOpener,
  notesPage: string,
  key: string,
  near: NearTab = {},
): Promise<TabLike> {
  const url = `${notesPage}${entityHash(key)}`;
  // The extension sees its own pages' addresses without the "tabs" permission.
  const open = (await tabs.query({}).catch(() => [] as TabLike[])).find(
    (tab) => tab.url === url && tab.id !== undefined,
  );
  if (open?.id !== undefined) {
    await tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await tabs.focusWindow?.(open.windowId)?.catch(() => {});
    return open;
  }
  const props: { url: string; windowId?: number; index?: number } = { url };
  if (near.windowId !== undefined) props.windowId = near.windowId;
  if (near.index !== undefined) props.index = near.index + 1;
  return tabs.create(props);
}

/** The browser's tabs and windows APIs, as far as opening an entity page goes. */
export interface BrowserTabsLike {
  tabs: {
    query(info: Record<string, never>): Promise<TabLike[]>;
    create(props: { url: string; windowId?: number; index?: number }): Promise<TabLike>;
    update(tabId: number, props: { active: boolean }): Promise<unknown>;
  };
  windows?: { update(windowId: number, props: { focused: boolean }): Promise<unknown> };
}

/** A TabsOpener over the browser's own API (the background, the popup, the side panel). */
export function tabsOpenerOf(api: BrowserTabsLike): TabsOpener {
  const { windows } = api;
  return {
    query: (info) => api.tabs.query(info),
    create: (props) => api.tabs.create(props),
    update: (tabId, props) => api.tabs.update(tabId, props),
    focusWindow: windows ? (windowId) => windows.update(windowId, { focused: true }) : undefined,
  };
}

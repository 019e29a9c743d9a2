/**
 * What a test needs to know about Glossa in a real browser: which ranges are painted (read from
 * the page's own world, exactly as the browser paints them), which tab a page is, what the content
 * script reports, and the popup opened for a given tab.
 */

import type {
  ToContentMessage,
  ToContentResponse,
  ToContentType,
} from '../../../lib/messages/to-content';
import type { PageState } from '../../../lib/messages/types';
import { SETTINGS_KEY } from '../../../lib/settings';
import { pollUntil } from './common';
import type { BrowserSession, E2EPage } from './types';

export const HIGHLIGHT_PREFIX = 'glossa-';

export interface PaintedRange {
  text: string;
  /** The range sits inside nav, aside or footer (page chrome Glossa must leave alone). */
  inChrome: boolean;
}

/** Highlight name ("glossa-PER") → its ranges, in registry order. Only glossa-* names. */
export type Painted = Record<string, PaintedRange[]>;

export function paintedCount(painted: Painted): number {
  return Object.values(painted).reduce((n, ranges) => n + ranges.length, 0);
}

export function textsOf(painted: Painted, type: string): string[] {
  return (painted[`${HIGHLIGHT_PREFIX}${type}`] ?? []).map((r) => r.text);
}

export function readHighlights(page: E2EPage): Promise<Painted> {
  return page.evaluate((prefix) => {
    const out: Record<string, { text: string; inChrome: boolean }[]> = {};
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith(prefix)) continue;
      out[name] = [...highlight].map((abstract) => {
        // StaticRange has neither toString nor commonAncestorContainer: read it through a Range.
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        const common = range.commonAncestorContainer;
        const element =
          common.nodeType === Node.ELEMENT_NODE ? (common as Element) : common.parentElement;
        return { text: range.toString(), inChrome: element?.closest('nav,aside,footer') != null };
      });
    }
    return out;
  }, HIGHLIGHT_PREFIX);
}

/** Wait until Glossa has painted at least minRanges ranges; the error says what was seen. */
export async function waitForHighlights(
  page: E2EPage,
  options: { timeoutMs?: number; minRanges?: number } = {},
): Promise<Painted> {
  const min = options.minRanges ?? 1;
  let last: Painted = {};
  return pollUntil(
    async () => {
      last = await readHighlights(page);
      return paintedCount(last) >= min ? last : undefined;
    },
    {
      timeoutMs: options.timeoutMs ?? 20_000,
      describe: async () => {
        const url = await page.evaluate(() => location.href).catch(() => '(unknown page)');
        const seen = Object.entries(last)
          .map(([name, ranges]) => `${name}: ${ranges.length}`)
          .join(', ');
        return (
          `Glossa painted no highlights on ${url} (need ${min} glossa-* ranges in CSS.highlights; ` +
          `saw ${seen || 'none'}). Is the content script built into .output and painting?`
        );
      },
    },
  );
}

export async function waitForNoHighlights(page: E2EPage, timeoutMs = 10_000): Promise<void> {
  let last: Painted = {};
  await pollUntil(
    async () => {
      last = await readHighlights(page);
      return paintedCount(last) === 0;
    },
    {
      timeoutMs,
      describe: () => `glossa-* highlights still painted: ${paintedCount(last)} ranges`,
    },
  );
}

/** The slice of the WebExtension tabs API used from extension pages (chrome.* or browser.*). */
interface TabsApi {
  tabs: {
    query(filter: Record<string, never>): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/** Run fn in a short-lived extension page, where the tabs API is available. */
async function inExtensionPage<A, R>(
  session: BrowserSession,
  fn: (arg: A) => Promise<R>,
  arg: A,
): Promise<R> {
  // tab=-1 names no tab: the popup shows its "not available" state and stays out of the way.
  const page = await session.openExtensionPage('popup.html?tab=-1');
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** Send one typed message to a tab's content script, from an extension page. */
export function sendToTab<T extends ToContentType>(
  session: BrowserSession,
  tabId: number,
  message: ToContentMessage<T>,
): Promise<ToContentResponse<T>> {
  return inExtensionPage(
    session,
    async ({ tabId, message }) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      const api = (g.browser ?? g.chrome) as TabsApi;
      return (await api.tabs.sendMessage(tabId, message)) as ToContentResponse<T>;
    },
    { tabId, message },
  );
}

/**
 * The tab id of page. tabs.query hides web pages' URLs without the "tabs" permission, so each
 * tab's content script is asked for its page URL (the same message the popup sends).
 */
export async function findTabId(session: BrowserSession, page: E2EPage): Promise<number> {
  const url = await page.evaluate(() => location.href);
  const found = await inExtensionPage(
    session,
    async (target) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      const api = (g.browser ?? g.chrome) as TabsApi;
      const strip = (u: string) => u.split('#')[0];
      const matches: number[] = [];
      const answers: string[] = [];
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        if (tab.url !== undefined) {
          if (strip(tab.url) === strip(target)) matches.push(tab.id);
          if (!/^https?:/.test(tab.url)) continue;
        }
        try {
          const state = await api.tabs.sendMessage(tab.id, { type: 'glossa:get-page' });
          const pageUrl = (state as { page?: { url?: string } } | undefined)?.page?.url;
          answers.push(`${tab.id}: ${pageUrl}`);
          if (pageUrl && strip(pageUrl) === strip(target) && !matches.includes(tab.id)) {
            matches.push(tab.id);
          }
        } catch (error) {
          answers.push(`${tab.id}: ${(error as Error).message}`);
        }
      }
      return { matches, answers };
    },
    url,
  );
  if (found.matches.length === 1) return found.matches[0] as number;
  if (found.matches.length > 1) {
    throw new Error(`${found.matches.length} tabs show ${url}; tests must close pages they open`);
  }
  throw new Error(
    `No tab answered glossa:get-page with ${url}. Content scripts said: ${found.answers.join('; ') || 'nothing'}`,
  );
}

export async function getPageState(session: BrowserSession, page: E2EPage): Promise<PageState> {
  const message: ToContentMessage<'glossa:get-page'> = { type: 'glossa:get-page' };
  return sendToTab(session, await findTabId(session, page), message);
}

/** The popup, opened as a tab aimed at page's tab (popup.html?tab=<id>). */
export async function openPopup(
  session: BrowserSession,
  page: E2EPage,
): Promise<{ popup: E2EPage; tabId: number }> {
  const tabId = await findTabId(session, page);
  const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
  return { popup, tabId };
}

export interface ClickTarget {
  /** CSS selector for candidates, e.g. "button". */
  selector: string;
  /** Matched against the visible text, aria-label, title and <label> text. */
  name: string | RegExp;
}

/**
 * Click an element found by its accessible-ish name with a real pointer click. The element is
 * tagged with a data attribute so both drivers can click it by CSS selector.
 */
export async function clickByName(page: E2EPage, target: ClickTarget): Promise<void> {
  const pattern =
    typeof target.name === 'string'
      ? { source: `^\\s*${target.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags: 'i' }
      : { source: target.name.source, flags: target.name.flags };
  const token = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const found = await pollUntil(
    () =>
      page.evaluate(
        ({ selector, pattern, token }) => {
          const re = new RegExp(pattern.source, pattern.flags);
          const names = (el: Element): string[] => {
            const labels = (el as HTMLInputElement).labels;
            return [
              el.textContent ?? '',
              el.getAttribute('aria-label') ?? '',
              el.getAttribute('title') ?? '',
              ...(labels ? [...labels].map((l) => l.textContent ?? '') : []),
              el.closest('label')?.textContent ?? '',
            ];
          };
          for (const el of document.querySelectorAll(selector)) {
            if (!names(el).some((n) => re.test(n))) continue;
            let clickable: Element = el;
            const box = el.getBoundingClientRect();
            // A visually hidden checkbox behind a styled switch: click its label instead.
            if (box.width === 0 || box.height === 0) {
              clickable = (el as HTMLInputElement).labels?.[0] ?? el.closest('label') ?? el;
            }
            clickable.setAttribute('data-glossa-e2e', token);
            return true;
          }
          return false;
        },
        { selector: target.selector, pattern, token },
      ),
    {
      timeoutMs: 10_000,
      describe: () => `No ${target.selector} named ${String(target.name)} on the page`,
    },
  );
  if (found) await page.click(`[data-glossa-e2e="${token}"]`);
}

/**
 * waitForHighlights, and when nothing is painted, say what the content script itself reports
 * (status, reason, how many entities it found) so a failure points at recognition or painting.
 */
export async function waitForGlossa(
  session: BrowserSession,
  page: E2EPage,
  options: { timeoutMs?: number; minRanges?: number } = {},
): Promise<Painted> {
  try {
    await waitForHighlights(page, options);
    // Marks come in as recognition answers arrive (and saved notes may come first): wait for the
    // content script to finish its pass, then read what a person sees.
    await pollUntil(
      async () => ((await getPageState(session, page)).status === 'working' ? undefined : true),
      {
        timeoutMs: options.timeoutMs ?? 20_000,
        intervalMs: 50,
        describe: () => 'the content script never finished its first pass',
      },
    );
    return await readHighlights(page);
  } catch (error) {
    let report: string;
    try {
      const state = await getPageState(session, page);
      report =
        `content script says: status ${state.status}${state.reason ? ` (${state.reason})` : ''}, ` +
        `enabled ${state.enabled}, ${state.entities.length} entities`;
    } catch (stateError) {
      report = `content script did not answer: ${(stateError as Error).message}`;
    }
    throw new Error(`${(error as Error).message}\n${report}`, { cause: error });
  }
}

/** The slice of browser.storage.local used from extension pages. */
interface StorageApi {
  storage: {
    local: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

/**
 * One extension page kept open to talk to content scripts and extension storage: much faster
 * than opening a page per request when a suite sends hundreds of them.
 */
export interface Messenger {
  /** Send one typed message to a tab's content script. */
  send<T extends ToContentType>(
    tabId: number,
    message: ToContentMessage<T>,
  ): Promise<ToContentResponse<T>>;
  /** The tab showing page (asked of each tab's content script, as findTabId). */
  tabIdOf(page: E2EPage): Promise<number>;
  /** What the content script of page reports. */
  state(page: E2EPage): Promise<PageState>;
  /** What it reports once its current pass is over (status no longer 'working'). */
  settled(page: E2EPage, timeoutMs?: number): Promise<PageState>;
  /** Read and write the extension's storage.local. */
  getStorage(key: string): Promise<unknown>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

function stampSettings(items: Record<string, unknown>): Record<string, unknown> {
  const settings = items[SETTINGS_KEY];
  if (typeof settings !== 'object' || settings === null) return items;
  // Without per-setting stamps every setting counts as changed now: the test's settings win over
  // whatever an earlier test left in sync storage.
  const { changedAt: _, ...rest } = settings as { changedAt?: unknown };
  return { ...items, [SETTINGS_KEY]: { ...rest, savedAt: Date.now() } };
}

export async function openMessenger(session: BrowserSession): Promise<Messenger> {
  const page = await session.openExtensionPage('popup.html?tab=-1');
  const tabIds = new WeakMap<E2EPage, number>();
  const send = <T extends ToContentType>(tabId: number, message: ToContentMessage<T>) =>
    page.evaluate(
      async ({ tabId, message }) => {
        const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
        const api = (g.browser ?? g.chrome) as TabsApi;
        return (await api.tabs.sendMessage(tabId, message)) as ToContentResponse<T>;
      },
      { tabId, message },
    );
  const tabIdOf = async (target: E2EPage): Promise<number> => {
    const known = tabIds.get(target);
    if (known !== undefined) return known;
    const url = await target.evaluate(() => location.href);
    const found = await pollUntil(
      () =>
        page.evaluate(async (wanted) => {
          const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
          const api = (g.browser ?? g.chrome) as TabsApi;
          const strip = (u: string) => u.split('#')[0];
          const matches: number[] = [];
          for (const tab of await api.tabs.query({})) {
            if (tab.id === undefined || (tab.url !== undefined && !/^https?:/.test(tab.url)))
              continue;
            try {
              const state = (await api.tabs.sendMessage(tab.id, { type: 'glossa:get-page' })) as {
                page?: { url?: string };
              };
              if (state?.page?.url && strip(state.page.url) === strip(wanted)) matches.push(tab.id);
            } catch {
              // no content script in that tab (yet)
            }
          }
          return matches.length === 1 ? matches[0] : undefined;
        }, url),
      { timeoutMs: 15_000, intervalMs: 100, describe: () => `No single tab answered for ${url}` },
    );
    tabIds.set(target, found);
    return found;
  };
  const state = async (target: E2EPage): Promise<PageState> => {
    const message: ToContentMessage<'glossa:get-page'> = { type: 'glossa:get-page' };
    return send(await tabIdOf(target), message);
  };
  return {
    send,
    tabIdOf,
    state,
    settled(target, timeoutMs = 20_000) {
      let last: PageState | undefined;
      return pollUntil(
        async () => {
          last = await state(target);
          return last.status !== 'working' ? last : undefined;
        },
        {
          timeoutMs,
          intervalMs: 50,
          describe: () => `Glossa still working: ${JSON.stringify(last?.timing ?? last ?? {})}`,
        },
      );
    },
    getStorage: (key) =>
      page.evaluate(async (key) => {
        const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
        const api = (g.browser ?? g.chrome) as StorageApi;
        return (await api.storage.local.get(key))[key];
      }, key),
    // Settings are stamped as every real save is (lib/settings.ts), so the background's sync
    // reconciliation (lib/settings-sync.ts) takes them as the newest.
    setStorage: (items) =>
      page.evaluate(async (items) => {
        const g = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
        const api = (g.browser ?? g.chrome) as StorageApi;
        await api.storage.local.set(items);
      }, stampSettings(items)),
    close: () => page.close(),
  };
}

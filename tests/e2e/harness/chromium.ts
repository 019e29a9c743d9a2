/**
 * Chromium (/usr/bin/chromium) with the built MV3 extension, driven by playwright-core.
 * Extensions load only in a persistent context; a fresh user-data-dir per launch keeps runs apart.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  pageExpression,
  pollUntil,
  requireBrowser,
  requireBuild,
  shadowRootsFunction,
} from './common';
import type {
  BrowserSession,
  DownloadedFile,
  E2EPage,
  LaunchOptions,
  NewPageOptions,
  PageEvent,
  PageFunction,
} from './types';

/**
 * Flags that stop Chromium from reaching the network on its own (background networking, component
 * updates, sync, QUIC): this machine has no network, and tests must not depend on one.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

class ChromiumPage implements E2EPage {
  readonly browser = 'chromium' as const;
  private readonly recorded: PageEvent[] = [];
  constructor(readonly page: Page) {
    page.on('pageerror', (error) => {
      this.recorded.push({
        kind: 'error',
        type: 'pageerror',
        text: error.message,
        where: error.stack ?? '',
      });
    });
    page.on('console', (message) => {
      const at = message.location();
      this.recorded.push({
        kind: 'console',
        type: message.type(),
        text: message.text(),
        where: at.url ? `${at.url}:${at.lineNumber}:${at.columnNumber}` : '',
      });
    });
  }

  events(): readonly PageEvent[] {
    return this.recorded;
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(pageExpression(fn, arg as A)) as Promise<R>;
  }
  evaluateScript(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }
  async evaluateWithTopShadowRoots<R>(fn: (roots: ShadowRoot[]) => R | Promise<R>): Promise<R> {
    // The DevTools protocol lists closed roots too (pierce) and hands them to the main world.
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: 3, pierce: true });
      const html = root.children?.find((n) => n.nodeName === 'HTML');
      const roots = (html?.children ?? []).flatMap((n) => n.shadowRoots ?? []);
      const ids: string[] = [];
      for (const r of roots) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: r.backendNodeId });
        if (object.objectId) ids.push(object.objectId);
      }
      const { object: doc } = await cdp.send('DOM.resolveNode', {
        backendNodeId: root.backendNodeId,
      });
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: doc.objectId,
        functionDeclaration: shadowRootsFunction(fn),
        arguments: ids.map((objectId) => ({ objectId })),
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) {
        throw new Error(`evaluateWithTopShadowRoots: ${exceptionDetails.exception?.description}`);
      }
      return JSON.parse(result.value as string) as R;
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y, { steps: 4 });
  }
  async click(selector: string): Promise<void> {
    await this.page.locator(selector).first().click();
  }
  async type(selector: string, text: string): Promise<void> {
    const target = this.page.locator(selector).first();
    await target.click();
    await target.pressSequentially(text);
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
  async screenshot(file: string, options?: { fullPage?: boolean }): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: options?.fullPage ?? false });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

class ChromiumSession implements BrowserSession {
  readonly name = 'chromium' as const;
  private readonly used = new WeakSet<Page>();
  constructor(
    readonly context: BrowserContext,
    readonly extensionOrigin: string,
    private readonly userDataDir: string,
    private readonly reuseBlank: boolean,
  ) {}

  async newPage(url?: string, options?: NewPageOptions): Promise<E2EPage> {
    // With a window, use the blank tab Chromium opened at start, so no stray empty tab shows.
    // (Headless runs never do: closing a browser's last tab does not always close it.)
    const blank =
      this.reuseBlank &&
      this.context.pages().find((p) => p.url() === 'about:blank' && !this.used.has(p));
    const page = blank || (await this.context.newPage());
    this.used.add(page);
    if (options?.initScript) await page.addInitScript({ content: options.initScript });
    const wrapped = new ChromiumPage(page);
    if (url) await wrapped.goto(url);
    return wrapped;
  }

  openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    return this.newPage(`${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
  }

  async download(
    page: E2EPage,
    action: () => Promise<void>,
    timeoutMs = 15_000,
  ): Promise<DownloadedFile> {
    const raw = (page as ChromiumPage).page;
    const [download] = await Promise.all([
      raw.waitForEvent('download', { timeout: timeoutMs }),
      action(),
    ]);
    const saved = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(saved, 'utf8') };
  }

  waitForExit(): Promise<void> {
    return new Promise((resolve) => this.context.once('close', () => resolve()));
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    await rm(this.userDataDir, { recursive: true, force: true });
  }
}

/**
 * Turn on "Allow in Incognito" for the extension, through the same private API chrome://extensions
 * calls when the reader flips the switch. Chromium reloads the extension to apply it, and disables
 * a reloaded unpacked extension unless developer mode is on (disable reason
 * unsupportedDeveloperExtension), so developer mode goes on first, as a developer's would be.
 * Resolves once the reloaded background's service worker runs. Call it before opening any
 * extension page: the reload closes them.
 */
async function allowInIncognito(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    const restarted = context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`),
      timeout: 15_000,
    });
    const allowed = await page.evaluate(async (id) => {
      type DeveloperPrivate = {
        updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
        updateExtensionConfiguration(update: {
          extensionId: string;
          incognitoAccess: boolean;
        }): Promise<void>;
        getExtensionInfo(id: string): Promise<{ incognitoAccess: { isActive: boolean } }>;
      };
      const api = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } })
        .chrome.developerPrivate;
      await api.updateProfileConfiguration({ inDeveloperMode: true });
      await api.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
      return (await api.getExtensionInfo(id)).incognitoAccess.isActive;
    }, extensionId);
    if (!allowed) throw new Error('chrome://extensions did not allow the extension in incognito');
    await restarted;
  } finally {
    await page.close();
  }
}

/** A tab of a real incognito window of the same browser and profile, as the reader opens one. */
export interface PrivatePage {
  page: E2EPage;
  /** What the extension's tabs API says of the tab and its window (what the background sees). */
  tabIncognito: boolean;
  windowIncognito: boolean;
}

/**
 * Open url in a new incognito window (windows.create from an extension page; the extension must
 * be allowed in incognito: chromiumAllowIncognito). Playwright files targets of browser contexts
 * it did not create under the default one, so the incognito tab comes back as an ordinary page.
 */
export async function openPrivatePage(session: BrowserSession, url: string): Promise<PrivatePage> {
  if (!(session instanceof ChromiumSession)) {
    throw new Error('openPrivatePage drives Chromium incognito windows only');
  }
  const ext = await session.openExtensionPage('popup.html?tab=-1');
  try {
    const before = new Set(session.context.pages());
    const opened = await ext.evaluate(async (url) => {
      type Windows = {
        windows: {
          create(o: { url: string; incognito: boolean }): Promise<{
            incognito: boolean;
            tabs?: { incognito: boolean }[];
          }>;
        };
      };
      const api = (globalThis as unknown as { chrome: Windows }).chrome;
      const win = await api.windows.create({ url, incognito: true });
      return { windowIncognito: win.incognito, tabIncognito: win.tabs?.[0]?.incognito === true };
    }, url);
    const raw = await pollUntil(
      async () => session.context.pages().find((p) => !before.has(p) && p.url() === url),
      { timeoutMs: 15_000, describe: () => `no incognito tab showed ${url}` },
    );
    await raw.waitForLoadState('load');
    return { page: new ChromiumPage(raw), ...opened };
  } finally {
    await ext.close();
  }
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = requireBrowser('chromium');
  const extensionDir = requireBuild('chromium', options.extensionDir);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'glossa-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      acceptDownloads: true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      viewport: { width: 1280, height: 900 },
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      args: [
        ...CHROMIUM_FLAGS,
        // Offline: everything but loopback goes to a proxy nobody listens on, and fails at once.
        ...(options.offline
          ? ['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=127.0.0.1;localhost']
          : []),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.chromiumArgs ?? []),
      ],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    // The MV3 background service worker's URL carries the extension id.
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      }));
    // URL.origin is "null" for non-special schemes like chrome-extension:, so build it from host.
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    if (options.chromiumAllowIncognito) await allowInIncognito(context, new URL(origin).host);
    // The first tab Chromium opens itself is not needed; tests open their own.
    return new ChromiumSession(context, origin, userDataDir, options.headless === false);
  } catch (error) {
    await context?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not start Chromium with the extension from ${extensionDir}: ${why}`, {
      cause: error,
    });
  }
}

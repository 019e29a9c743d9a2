/**
 * Firefox ESR (/usr/bin/firefox-esr) with the built MV2 add-on, driven by puppeteer-core over
 * WebDriver BiDi. The add-on is installed as a temporary extension.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  pageExpression,
  pollUntil,
  requireBrowser,
  requireBuild,
  shadowRootsFunction,
  sleep,
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
 * Firefox gives each add-on a random moz-extension UUID per profile; this pref pins it, so the
 * popup's address is known before the add-on is installed.
 */
export const FIREFOX_EXTENSION_UUID = '6a2c4e8f-1b3d-4f5a-9c7e-0d2b4f6a8c1e';

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const id = manifest?.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') {
    throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  }
  return id;
}

/** The part of puppeteer's internal BiDi realm evaluateWithTopShadowRoots uses. */
interface BidiNode {
  sharedId?: string;
  value?: { children?: BidiNode[]; shadowRoot?: BidiNode | null };
}
interface BidiRealm {
  callFunction(
    declaration: string,
    awaitPromise: boolean,
    options: Record<string, unknown>,
  ): Promise<
    | { type: 'success'; result: BidiNode & { value?: unknown } }
    | { type: 'exception'; exceptionDetails?: { text?: string } }
  >;
}

class FirefoxPage implements E2EPage {
  readonly browser = 'firefox' as const;
  private readonly recorded: PageEvent[] = [];
  constructor(readonly page: Page) {
    page.on('pageerror', (error) => {
      const e = error as Error;
      this.recorded.push({
        kind: 'error',
        type: 'pageerror',
        text: e?.message ?? String(error),
        where: e?.stack ?? '',
      });
    });
    page.on('console', (message) => {
      const at = message.location();
      this.recorded.push({
        kind: 'console',
        type: message.type(),
        text: message.text(),
        where: at.url ? `${at.url}:${at.lineNumber ?? 0}:${at.columnNumber ?? 0}` : '',
      });
    });
  }

  events(): readonly PageEvent[] {
    return this.recorded;
  }

  async goto(url: string): Promise<void> {
    if (!/^https?:|^about:|^data:|^file:/.test(url)) return this.gotoPrivileged(url);
    await this.page.goto(url, { waitUntil: 'load' });
  }

  /**
   * WebDriver BiDi never reports the end of a navigation into the extension's process, so
   * page.goto would hang: start it, then watch the document from inside instead.
   */
  private async gotoPrivileged(url: string): Promise<void> {
    this.page.goto(url).catch(() => {});
    await pollUntil(
      () =>
        this.evaluate(
          (target) => location.href === target && document.readyState === 'complete',
          url,
        ),
      { timeoutMs: 15_000, describe: () => `Firefox did not finish loading ${url}` },
    );
  }

  async reload(): Promise<void> {
    const href = await this.evaluate(() => location.href);
    if (!/^https?:/.test(href)) {
      await this.evaluate(() => {
        document.documentElement.dataset.glossaE2eStale = '1';
        location.reload();
      });
      await pollUntil(
        () =>
          this.evaluate(
            () =>
              document.readyState === 'complete' &&
              document.documentElement.dataset.glossaE2eStale !== '1',
          ),
        { timeoutMs: 15_000, describe: () => `Firefox did not reload ${href}` },
      );
      return;
    }
    await this.page.reload({ waitUntil: 'load' });
  }

  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(pageExpression(fn, arg as A)) as Promise<R>;
  }
  evaluateScript(source: string): Promise<unknown> {
    return this.page.evaluate(source);
  }
  async evaluateWithTopShadowRoots<R>(fn: (roots: ShadowRoot[]) => R | Promise<R>): Promise<R> {
    // WebDriver BiDi serialises closed roots too (includeShadowTree 'all'), as shared references
    // the page's realm accepts back as arguments. Puppeteer has no public call for this.
    const realm = (
      this.page.mainFrame() as unknown as {
        browsingContext: { defaultRealm: BidiRealm };
      }
    ).browsingContext.defaultRealm;
    const found = await realm.callFunction('() => document.documentElement', false, {
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    if (found.type === 'exception') throw new Error('evaluateWithTopShadowRoots: no <html>');
    const children = found.result.value?.children ?? [];
    const roots = children.flatMap((c) => {
      const id = c.value?.shadowRoot?.sharedId;
      return id ? [{ sharedId: id }] : [];
    });
    const called = await realm.callFunction(shadowRootsFunction(fn), true, {
      arguments: roots,
      resultOwnership: 'none',
    });
    if (called.type === 'exception') {
      throw new Error(`evaluateWithTopShadowRoots: ${called.exceptionDetails?.text ?? 'failed'}`);
    }
    return JSON.parse(called.result.value as string) as R;
  }
  async mouseMove(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y, { steps: 4 });
  }
  async click(selector: string): Promise<void> {
    await this.page.locator(selector).click();
  }
  async type(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).click();
    await this.page.keyboard.type(text);
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]);
  }
  async screenshot(file: string, options?: { fullPage?: boolean }): Promise<void> {
    await this.page.screenshot({
      path: file as `${string}.png`,
      fullPage: options?.fullPage ?? false,
    });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

class FirefoxSession implements BrowserSession {
  readonly name = 'firefox' as const;
  private readonly used = new WeakSet<Page>();
  constructor(
    readonly browser: Browser,
    readonly extensionOrigin: string,
    private readonly downloadDir: string,
    private readonly reuseBlank: boolean,
  ) {}

  async newPage(url?: string, options?: NewPageOptions): Promise<E2EPage> {
    // With a window, use the blank tab Firefox opened at start, so no stray empty tab shows.
    // (Headless runs never do: closing a browser's last tab does not always close it.)
    const blank =
      this.reuseBlank &&
      (await this.browser.pages()).find((p) => p.url() === 'about:blank' && !this.used.has(p));
    const page = blank || (await this.browser.newPage());
    this.used.add(page);
    if (options?.initScript) await page.evaluateOnNewDocument(options.initScript);
    const wrapped = new FirefoxPage(page);
    if (url) await wrapped.goto(url);
    return wrapped;
  }

  openExtensionPage(pathAndQuery: string): Promise<E2EPage> {
    return this.newPage(`${this.extensionOrigin}/${pathAndQuery.replace(/^\//, '')}`);
  }

  /** Firefox saves straight into downloadDir (see the prefs): wait for one new, finished file. */
  async download(
    _page: E2EPage,
    action: () => Promise<void>,
    timeoutMs = 15_000,
  ): Promise<DownloadedFile> {
    const before = new Set(await readdir(this.downloadDir));
    await action();
    const filename = await pollUntil(
      async () => {
        const names = await readdir(this.downloadDir);
        if (names.some((n) => n.endsWith('.part'))) return undefined; // still being written
        const fresh = names.filter((n) => !before.has(n));
        if (fresh.length === 0) return undefined;
        const name = fresh[0] as string;
        const size = (await stat(path.join(this.downloadDir, name))).size;
        await sleep(100);
        const again = (await stat(path.join(this.downloadDir, name))).size;
        return size === again ? name : undefined;
      },
      {
        timeoutMs,
        describe: () => `No download appeared in ${this.downloadDir}`,
      },
    );
    return { filename, text: await readFile(path.join(this.downloadDir, filename), 'utf8') };
  }

  waitForExit(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.browser.connected) resolve();
      else this.browser.once('disconnected', () => resolve());
    });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await rm(this.downloadDir, { recursive: true, force: true });
  }
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<BrowserSession> {
  const executablePath = requireBrowser('firefox');
  const extensionDir = requireBuild('firefox', options.extensionDir);
  const id = geckoId(extensionDir);
  const downloadDir = await mkdtemp(path.join(tmpdir(), 'glossa-firefox-downloads-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless ?? true,
      handleSIGINT: options.handleSignals ?? true,
      handleSIGTERM: options.handleSignals ?? true,
      handleSIGHUP: options.handleSignals ?? true,
      defaultViewport: { width: 1280, height: 900 },
      // BiDi refuses to navigate a tab to moz-extension:// (the popup) without this flag.
      args: ['--remote-allow-system-access'],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/markdown',
        'browser.download.panel.shown': true,
        // Keep the profile quiet and offline.
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'extensions.update.enabled': false,
        // Offline: everything but loopback goes to a proxy nobody listens on, and fails at once.
        ...(options.offline
          ? {
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': 65_123,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': 65_123,
              'network.proxy.share_proxy_settings': true,
              'network.proxy.no_proxies_on': '127.0.0.1, localhost',
              'network.proxy.allow_hijacking_localhost': false,
              'network.dns.disablePrefetch': true,
              'network.prefetch-next': false,
            }
          : {}),
        // prefers-color-scheme for web and extension pages: 0 dark, 1 light (2: follow the OS).
        ...(options.colorScheme
          ? {
              'layout.css.prefers-color-scheme.content-override':
                options.colorScheme === 'dark' ? 0 : 1,
              'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
            }
          : {}),
        ...options.firefoxPrefs,
      },
    });
    for (const dir of options.firefoxAddonsFirst ?? []) await browser.installExtension(dir);
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`installed add-on id ${installed}, expected ${id}`);
    const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    return new FirefoxSession(browser, origin, downloadDir, options.headless === false);
  } catch (error) {
    await browser?.close().catch(() => {});
    await rm(downloadDir, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not start Firefox ESR with the add-on from ${extensionDir}: ${why}`, {
      cause: error,
    });
  }
}

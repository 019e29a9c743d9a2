/**
 * The one browser-neutral surface the e2e tests use. Chromium (playwright-core) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi) each implement it, so every test is written once.
 */
export type BrowserName = 'chromium' | 'firefox';

/** A function that runs inside a page. It must be self-contained: no closures over Node values. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface E2EPage {
  readonly browser: BrowserName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Run fn in the page's own (main) world with one JSON-serialisable argument. */
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /**
   * Run a classic script's source in the page's main world, as a <script> would but past the
   * page's Content-Security-Policy (e.g. a testing library such as axe-core); its completion value.
   */
  evaluateScript(source: string): Promise<unknown>;
  /**
   * Run fn in the page's main world with the shadow roots, open or closed, of the children of
   * <html> (where Glossa puts its cards), found through the driver as devtools sees the DOM: a
   * page script cannot reach a closed one. fn's result must be JSON-serialisable.
   */
  evaluateWithTopShadowRoots<R>(fn: (roots: ShadowRoot[]) => R | Promise<R>): Promise<R>;
  /** Move the real mouse pointer to viewport coordinates. */
  mouseMove(x: number, y: number): Promise<void>;
  /** A real click on the first element matching a CSS selector. */
  click(selector: string): Promise<void>;
  /** Focus the first element matching selector and type text into it, key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Press one key (e.g. "Enter") on whatever has the focus, as a real keyboard would. */
  press(key: string): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /**
   * Uncaught errors, unhandled rejections and console messages of this tab since it opened, from
   * the page's scripts and (where the driver reports them) from content scripts.
   */
  events(): readonly PageEvent[];
}

export interface PageEvent {
  kind: 'error' | 'console';
  /** Console level ("warning", "error"…) or "pageerror". */
  type: string;
  text: string;
  /** Stack or source location, when the driver gives one. */
  where: string;
}

export interface DownloadedFile {
  filename: string;
  text: string;
}

export interface NewPageOptions {
  /** JavaScript source evaluated in the page's main world before any of its own scripts. */
  initScript?: string;
}

export interface BrowserSession {
  readonly name: BrowserName;
  /** "chrome-extension://<id>" or "moz-extension://<uuid>", no trailing slash. */
  readonly extensionOrigin: string;
  /** A new tab, optionally navigated to url (waits for the load event). */
  newPage(url?: string, options?: NewPageOptions): Promise<E2EPage>;
  /** A new tab showing one of the extension's own pages, e.g. "popup.html?tab=12". */
  openExtensionPage(pathAndQuery: string): Promise<E2EPage>;
  /** Run action (which should start exactly one download) and return the saved file. */
  download(page: E2EPage, action: () => Promise<void>, timeoutMs?: number): Promise<DownloadedFile>;
  /** Resolves when the browser goes away (the user closed its window, or it crashed). */
  waitForExit(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /**
   * Refuse every request that is not to 127.0.0.1/localhost at once (a dead proxy), so saved
   * real pages whose scripts call the internet load fast and the same every run.
   */
  offline?: boolean;
  /** Unpacked extension to load; defaults to the WXT build output for the browser. */
  extensionDir?: string;
  /**
   * Let the driver close the browser on SIGINT/SIGTERM/SIGHUP (default true). A caller that
   * cleans up itself (npm start) turns this off.
   */
  handleSignals?: boolean;
  /**
   * The colour scheme pages see (prefers-color-scheme). Chromium: emulated for every page of the
   * context; Firefox: the content colour-scheme override pref. Default: light.
   */
  colorScheme?: 'light' | 'dark';
  /**
   * Chromium only: allow the extension in incognito windows, as the reader's "Allow in Incognito"
   * switch does (off by default, as in a real install). See allowInIncognito in chromium.ts.
   */
  chromiumAllowIncognito?: boolean;
  /** Extra Chromium switches (e.g. `--lang=ru`); Chromium only. */
  chromiumArgs?: string[];
  /** Extra Firefox prefs (e.g. `intl.locale.requested`); Firefox only. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Firefox only: unpacked add-ons (e.g. a language pack) installed before Glossa. */
  firefoxAddonsFirst?: string[];
  /** Extra environment variables for the browser process (e.g. `LANGUAGE=ru`). */
  env?: Record<string, string>;
}

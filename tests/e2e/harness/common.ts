/** Pieces both browser harnesses share: preflight checks and how a page function is shipped. */
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserName, PageFunction } from './types';

export const BROWSER_BINARIES: Record<BrowserName, { path: string; debianPackage: string }> = {
  chromium: { path: '/usr/bin/chromium', debianPackage: 'chromium' },
  firefox: { path: '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' },
};

/** WXT's output folder; GLOSSA_E2E_OUTPUT points the harness at another build (e.g. an unzipped release). */
const OUTPUT_DIR = process.env.GLOSSA_E2E_OUTPUT || '.output';

export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: path.join(OUTPUT_DIR, 'chrome-mv3'),
  firefox: path.join(OUTPUT_DIR, 'firefox-mv2'),
};

/** The e2e run must fail loudly, with the fix, when a browser is missing — never skip. */
export function requireBrowser(name: BrowserName): string {
  const { path: binary, debianPackage } = BROWSER_BINARIES[name];
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    throw new Error(
      `${name} is not installed: ${binary} was not found.\n` +
        `Install it with: apt-get update && apt-get install -y ${debianPackage}`,
    );
  }
  return binary;
}

export function requireBuild(name: BrowserName, dir = BUILD_DIRS[name]): string {
  const abs = path.resolve(dir);
  if (!existsSync(path.join(abs, 'manifest.json'))) {
    throw new Error(`No built extension in ${abs}. Build it first with: npm run build`);
  }
  return abs;
}

/**
 * Ship fn to a page as a source string. tsx compiles with esbuild's keepNames, which wraps inner
 * functions in a `__name(...)` helper that exists only in Node; the wrapper defines a no-op one.
 * Passing a string also keeps Playwright and Puppeteer behaving identically.
 */
export function pageExpression<A, R>(fn: PageFunction<A, R>, arg: A): string {
  const json = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${json}); })()`;
}

/**
 * The function declaration the drivers call with the top shadow roots as arguments
 * (E2EPage.evaluateWithTopShadowRoots): fn's result comes back as a JSON string.
 */
export function shadowRootsFunction<R>(fn: (roots: ShadowRoot[]) => R): string {
  return `async function (...roots) { const __name = (f) => f; return JSON.stringify(await (${fn.toString()})(roots)); }`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll check() until it returns a value other than undefined/false, or fail with describe(). */
export async function pollUntil<T>(
  check: () => Promise<T | undefined | false>,
  options: { timeoutMs: number; intervalMs?: number; describe: () => string | Promise<string> },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = await options.describe();
      const tail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${why} — gave up after ${options.timeoutMs} ms${tail}`);
    }
    await sleep(options.intervalMs ?? 50);
  }
}

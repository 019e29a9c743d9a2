/**
 * `npm start [-- --browser chromium|firefox] [-- --headless] [-- --no-build] [-- --screenshot FILE]`
 *
 * Builds the extension, serves tests/fixtures on 127.0.0.1 and opens the demo article in Chromium
 * (default) or Firefox ESR with Glossa loaded. With a window it runs until the browser is closed
 * or Ctrl-C; --headless waits for the highlights, saves a full-page screenshot, prints what Glossa
 * found and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type EntitySummary, PAINTED_TYPES, TYPE_LABELS } from '../lib/entities';
import type { PageState } from '../lib/messages/types';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { requireBrowser } from '../tests/e2e/harness/common';
import { launchFirefox } from '../tests/e2e/harness/firefox';
import { getPageState, type Painted, waitForGlossa } from '../tests/e2e/harness/glossa';
import type { BrowserName, BrowserSession } from '../tests/e2e/harness/types';
import { type StaticServer, startServer } from './serve';

const DEMO_PATH = '/demo/article.html';

const USAGE = `Usage: npm start [-- --browser chromium|firefox] [--headless] [--no-build] [--screenshot FILE]

  --browser      chromium (default) or firefox (Firefox ESR)
  --headless     no window: wait for highlights, save a screenshot, print the entities, exit
  --no-build     use the extension already built in .output/
  --screenshot   where --headless saves the screenshot (default out/demo-<browser>.png)`;

interface Options {
  browser: BrowserName;
  headless: boolean;
  build: boolean;
  screenshot: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    // `npm start -- --browser firefox -- --headless` passes the second "--" through: ignore it.
    args: argv.filter((a) => a !== '--'),
    options: {
      browser: { type: 'string', default: 'chromium' },
      headless: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const browser = values.browser === 'firefox-esr' ? 'firefox' : values.browser;
  if (browser !== 'chromium' && browser !== 'firefox') {
    throw new Error(`--browser must be chromium or firefox, not "${values.browser}"`);
  }
  return {
    browser,
    headless: values.headless,
    build: !values['no-build'],
    screenshot: values.screenshot ?? path.join('out', `demo-${browser}.png`),
  };
}

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  console.log('> npm run build');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
  }
}

function formatGroup(rows: EntitySummary[]): string {
  return rows.map((r) => (r.count > 1 ? `${r.canonical} ×${r.count}` : r.canonical)).join(', ');
}

/** What the content script reports, as the popup would show it. */
function printSummary(state: PageState): void {
  const paint =
    typeof state.paintMs === 'number' ? ` (painted in ${Math.round(state.paintMs)} ms)` : '';
  console.log(
    `\nGlossa on "${state.page.title}"${paint}: status ${state.status}${state.reason ? ` — ${state.reason}` : ''}`,
  );
  for (const type of PAINTED_TYPES) {
    const rows = state.entities.filter((e) => e.type === type);
    // The watch list is the reader's own (options page): said only when it marked something.
    if (type === 'WATCH' && rows.length === 0) continue;
    const mentions = rows.reduce((n, r) => n + r.count, 0);
    console.log(`  ${TYPE_LABELS[type]}: ${rows.length} entities, ${mentions} mentions`);
    if (rows.length > 0) console.log(`    ${formatGroup(rows)}`);
  }
}

/** Fallback when the content script does not answer: what is painted, by surface form. */
function printPainted(painted: Painted): void {
  console.log('\nThe content script did not answer; painted ranges by surface form:');
  for (const type of PAINTED_TYPES) {
    const texts = (painted[`glossa-${type}`] ?? []).map((r) => r.text);
    console.log(`  ${TYPE_LABELS[type]}: ${texts.length} ranges`);
    if (texts.length > 0) console.log(`    ${[...new Set(texts)].join(', ')}`);
  }
}

async function run(options: Options): Promise<number> {
  try {
    requireBrowser(options.browser);
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (!options.headless && !hasDisplay()) {
    console.error(
      'There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can open.\n' +
        `Run without a window instead: npm start -- --headless${options.browser === 'firefox' ? ' --browser firefox' : ''}`,
    );
    return 1;
  }
  if (options.build) build();

  const server: StaticServer = await startServer('tests/fixtures');
  const url = `${server.url}${DEMO_PATH}`;
  let session: BrowserSession | undefined;
  try {
    const launch = options.browser === 'firefox' ? launchFirefox : launchChromium;
    session = await launch({ headless: options.headless, handleSignals: false });
    const page = await session.newPage(url);
    console.log(`Demo article: ${url} (${options.browser}${options.headless ? ', headless' : ''})`);

    if (!options.headless) {
      console.log('Glossa is loaded. Close the browser window or press Ctrl-C to stop.');
      const interrupted = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await Promise.race([session.waitForExit(), interrupted]);
      console.log('Stopping.');
      return 0;
    }

    const painted = await waitForGlossa(session, page, { timeoutMs: 30_000 });
    // Let late layout (fonts) settle so the screenshot shows what a reader sees.
    await page.evaluate(() => document.fonts?.ready.then(() => true) ?? true);
    await mkdir(path.dirname(path.resolve(options.screenshot)), { recursive: true });
    await page.screenshot(options.screenshot, { fullPage: true });
    try {
      printSummary(await getPageState(session, page));
    } catch (error) {
      console.warn(`(could not ask the content script: ${(error as Error).message})`);
      printPainted(painted);
    }
    console.log(`\nScreenshot: ${path.resolve(options.screenshot)}`);
    return 0;
  } finally {
    await session?.close();
    await server.close();
  }
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
run(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

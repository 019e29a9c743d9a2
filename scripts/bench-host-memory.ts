/**
 * `npm run bench:host-memory`: what Chrome's offscreen recognizer host keeps resident
 * (lib/background/offscreen.ts), the price of a cold service worker that starts as fast as a warm
 * one. In Chromium with the built extension, once the host has built and warmed its tables and
 * painted the demo article: the V8 heap (used and allocated) and the array buffers' backing store
 * of the offscreen document and of its recognizer worker, and of the service worker for
 * comparison, read over CDP (Runtime.getHeapUsage) after a full garbage collection. Build first: npm run build.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { RecognizerStatus } from '../lib/messages/types';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { pollUntil } from '../tests/e2e/harness/common';
import { waitForGlossa } from '../tests/e2e/harness/glossa';
import { startServer } from './serve';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * CDP over a page session, to other targets: Target.attachToTarget without flattening, then
 * commands as Target.sendMessageToTarget (Playwright's CDPSession has no child sessions). A
 * target's own children (the document's dedicated worker) are reached the same way, one level down.
 */
function relay(cdp: CDPSession) {
  let nextId = 1;
  const answers = new Map<number, (result: unknown) => void>();
  const attached: Array<{ parent: string; sessionId: string; type: string; url: string }> = [];
  const read = (parent: string, raw: string) => {
    const m = JSON.parse(raw);
    if (m.id) answers.get(m.id)?.(m.result ?? m.error);
    if (m.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = m.params;
      attached.push({ parent, sessionId, type: targetInfo.type, url: targetInfo.url });
    }
    if (m.method === 'Target.receivedMessageFromTarget') read(m.params.sessionId, m.params.message);
  };
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) =>
    read(e.sessionId, e.message),
  );
  /** Send `method` to the target of `path` (a session, or a session and its child). */
  const send = (path: string[], method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      let message = JSON.stringify({ id, method, params });
      for (let i = path.length - 1; i > 0; i--) {
        message = JSON.stringify({
          id: nextId++,
          method: 'Target.sendMessageToTarget',
          params: { sessionId: path[i], message },
        });
      }
      void cdp.send('Target.sendMessageToTarget', { sessionId: path[0] as string, message });
    });
  return { send, attached };
}

async function main() {
  const server = await startServer('tests/fixtures');
  const session = await launchChromium({ headless: true, offline: true });
  try {
    const ext = await session.openExtensionPage('notes.html');
    let status: RecognizerStatus | undefined;
    await pollUntil(
      async () => {
        status = (await ext.evaluate(() =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            }
          ).chrome.runtime.sendMessage({ type: 'glossa:recognizer-status' }),
        )) as RecognizerStatus;
        return status?.warmUpMs !== undefined ? true : undefined;
      },
      { timeoutMs: 30_000, describe: () => `no warmed-up host: ${JSON.stringify(status)}` },
    );
    await ext.close();
    const article = await session.newPage(`${server.url}/demo/article.html`);
    await waitForGlossa(session, article);
    await article.close();

    const context = (session as unknown as { context: BrowserContext }).context;
    const e2ePage = await session.newPage();
    const cdp = await context.newCDPSession((e2ePage as unknown as { page: Page }).page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const { send, attached } = relay(cdp);
    const attach = async (url: string) => {
      const target = targetInfos.find((t) => t.url.endsWith(url));
      if (!target) throw new Error(`no target ${url}`);
      const { sessionId } = (await cdp.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      })) as { sessionId: string };
      return sessionId;
    };
    const doc = await attach('/recognizer-host.html');
    const worker = await attach('/background.js');
    await send([doc], 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    await pollUntil(async () => (attached.some((a) => a.type === 'worker') ? true : undefined), {
      timeoutMs: 10_000,
      describe: () => 'the offscreen document reported no worker',
    });
    const recognizerWorker = attached.find((a) => a.type === 'worker')?.sessionId as string;
    // After a full collection: what stays, not garbage awaiting its turn.
    for (const path of [[doc], [doc, recognizerWorker], [worker]]) {
      await send(path, 'HeapProfiler.collectGarbage');
    }
    const rows: Array<[string, HeapUsage]> = [
      ['offscreen document', (await send([doc], 'Runtime.getHeapUsage')) as HeapUsage],
      [
        'its recognizer worker',
        (await send([doc, recognizerWorker], 'Runtime.getHeapUsage')) as HeapUsage,
      ],
      ['service worker (awake)', (await send([worker], 'Runtime.getHeapUsage')) as HeapUsage],
    ];
    console.log('| context | V8 heap used MB | V8 heap allocated MB | array buffers MB |');
    console.log('|---|---|---|---|');
    for (const [name, h] of rows) {
      console.log(
        `| ${name} | ${mb(h.usedSize)} | ${mb(h.totalSize)} | ${mb(h.backingStorageSize)} |`,
      );
    }
    const host = rows.slice(0, 2).reduce((n, [, h]) => n + h.totalSize + h.backingStorageSize, 0);
    console.log(
      `\nThe host keeps ${mb(host)} MB resident (allocated heap + array buffers, document and worker).`,
    );
    await e2ePage.close();
  } finally {
    await session.close();
    await server.close();
  }
}

await main();

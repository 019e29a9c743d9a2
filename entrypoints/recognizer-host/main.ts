/**
 * Chrome's offscreen recognizer host (lib/background/offscreen.ts): answers the pages'
 * 'glossa:recognize' and 'glossa:recognizer-status' while the service worker sleeps. The
 * recognizer itself runs in a dedicated worker (worker.ts); this document relays to it.
 */
import { browser } from 'wxt/browser';
import { workerCaller, workerRecognition } from '../../lib/background/host-worker';
import { createRecognizerHostRouter } from '../../lib/background/router';
import { messageListener } from '../../lib/messages/router';
// Vite builds worker.ts as a worker script of its own (wxt.config.ts: vite.worker).
import RecognizerWorker from './worker.ts?worker';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

const worker = new RecognizerWorker();
const recognizer = workerRecognition(workerCaller(worker));
// Listening at once: the service worker waits for this document's first answer.
browser.runtime.onMessage.addListener(
  messageListener(createRecognizerHostRouter(recognizer, browser.runtime.getURL('/')), {
    extensionId: () => browser.runtime.id,
    failed: (type, error) => {
      log('request failed', type, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    },
    rejected: (error) => log(error),
  }),
);

/**
 * Content script: browser wiring only. Loads settings, starts the page controller
 * (lib/page/controller.ts) and answers the popup's requests from this extension alone.
 * Every entry point is wrapped so a Glossa failure never throws into the page.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isGlossaMessage, type Message, type PageState } from '../lib/messages';
import { type PageController, pageInfo, startPageController } from '../lib/page/controller';
import { createRecognizer } from '../lib/recognize';
import { loadSettings } from '../lib/settings';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    let controller: PageController | null = null;
    // Extension reloaded or updated: this copy of the script is orphaned; leave the page clean.
    ctx.onInvalidated(() => controller?.dispose());

    const ready: Promise<PageController | null> = (async () => {
      try {
        const settings = await loadSettings(browser.storage.local);
        controller = startPageController({
          doc: document,
          settings,
          createRecognizer,
          now: () => performance.now(),
          startedAt,
        });
        return controller;
      } catch (err) {
        log('failed to start', err);
        return null;
      }
    })();

    const failedState = (): PageState => ({
      page: pageInfo(document),
      enabled: false,
      status: 'skipped',
      reason: 'Glossa could not start on this page.',
      entities: [],
    });

    const answer = async (message: Message): Promise<unknown> => {
      const c = controller ?? (await ready);
      if (!c) return message.type === 'glossa:get-selection' ? null : failedState();
      return c.handle(message);
    };

    try {
      browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
        // Only our own extension's pages may ask; a page or another extension gets no answer.
        if (!isGlossaMessage(message) || sender.id !== browser.runtime.id) return false;
        answer(message).then(sendResponse, (err: unknown) => {
          log('request failed', message.type, err);
          sendResponse(message.type === 'glossa:get-selection' ? null : failedState());
        });
        return true; // the answer is sent asynchronously
      });
    } catch (err) {
      log('cannot listen for messages', err);
    }
  },
});

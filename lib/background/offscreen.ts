/**
 * Where the recognizer runs, and Chrome's offscreen document that hosts it there.
 *
 * Chrome stops an idle MV3 service worker after about 30 s; a recognizer living in it would read
 * its data and build its tables again for the next page. In Chrome the recognizer therefore lives
 * in a worker of an offscreen document (entrypoints/recognizer-host/), which Chrome keeps while
 * the service worker sleeps (documents of any reason but AUDIO_PLAYBACK have no lifetime limit).
 * The service worker creates it when it starts (browser start, install, any wake-up) and when a
 * page says its request went unanswered ('glossa:start-recognizer-host'). Firefox's MV2
 * background page is persistent and never goes cold: it hosts the recognizer itself.
 * docs/architecture.md has the design and its figures.
 */
import type { RecognizerStatus } from '../messages/types';

/** The browser's offscreen API (Chrome MV3), as far as used here. */
export interface OffscreenApi {
  createDocument(parameters: {
    url: string;
    reasons: string[];
    justification: string;
  }): Promise<void>;
  hasDocument(): Promise<boolean>;
}

export type RecognizerPlace = 'background' | 'offscreen';

/**
 * The offscreen document where the browser has the API (Chrome's MV3 service worker), else the
 * background itself (Firefox's MV2 background page, which never sleeps).
 */
export function recognizerPlace(api: object): RecognizerPlace {
  const offscreen = (api as { offscreen?: Partial<OffscreenApi> }).offscreen;
  return typeof offscreen?.createDocument === 'function' &&
    typeof offscreen.hasDocument === 'function'
    ? 'offscreen'
    : 'background';
}

/** The offscreen document's page (entrypoints/recognizer-host/index.html). */
export const RECOGNIZER_HOST_PAGE = 'recognizer-host.html';

/** How often and how long the service worker asks a new document whether it listens yet. */
const ASK_ATTEMPTS = 50;
const ASK_INTERVAL_MS = 20;

export interface OffscreenHostDeps {
  offscreen: OffscreenApi;
  /** The host page's extension URL. */
  url: string;
  /** 'glossa:recognizer-status' to the host; undefined when nothing answered. */
  askStatus: () => Promise<RecognizerStatus | undefined>;
  wait: (ms: number) => Promise<void>;
  log: (...args: unknown[]) => void;
}

export interface OffscreenHost {
  /** Create the document unless it exists (one at a time: Chrome allows a single one). */
  ensureDocument(): Promise<void>;
  /** Create it if need be, then wait until it answers; its status. */
  start(): Promise<RecognizerStatus>;
}

export function offscreenHost(deps: OffscreenHostDeps): OffscreenHost {
  let creating: Promise<void> | null = null;
  const ensureDocument = (): Promise<void> => {
    creating ??= (async () => {
      try {
        if (await deps.offscreen.hasDocument()) return;
        await deps.offscreen.createDocument({
          url: deps.url,
          // The recognizer runs in a dedicated Worker inside the document (its tables built once).
          reasons: ['WORKERS'],
          justification:
            'Runs the entity recognizer in a worker and keeps its tables between pages, so a ' +
            'page is not kept waiting while they are read and built again.',
        });
      } catch (error) {
        // Another wake-up of the service worker may have created it meanwhile.
        if (!(await deps.offscreen.hasDocument().catch(() => false))) throw error;
      } finally {
        creating = null;
      }
    })();
    return creating;
  };
  return {
    ensureDocument,
    async start() {
      await ensureDocument();
      // createDocument resolves once the page has loaded; its listener is then usually there.
      for (let attempt = 0; attempt < ASK_ATTEMPTS; attempt++) {
        const status = await deps.askStatus();
        if (status) return status;
        await deps.wait(ASK_INTERVAL_MS);
      }
      throw new Error('the recognizer host did not answer');
    },
  };
}

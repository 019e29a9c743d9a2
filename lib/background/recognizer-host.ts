/**
 * The recognizer host: one recognizer for every tab, its tables read from the package and built
 * once per host start (Firefox: the background page; Chrome: a worker of the offscreen document,
 * which stays while the service worker sleeps: lib/background/offscreen.ts), at start, before
 * the first page asks; then warmed on a few texts. Pages' requests go through the recognize service
 * (lib/recognize/remote.ts): checked, then run one per task with the tabs taking turns.
 */
import type { Recognizer } from '../entities';
import type { RecognizerStatus } from '../messages/types';
import type { ScheduleTask } from '../recognize/queue';
import { createRecognizeService, type RecognizeService } from '../recognize/remote';

/** The first recognition after the tables are built (it builds the lazy parts too). */
const FIRST_TEXT = 'Москва и Пхеньян. Moscow and Pyongyang.';

export interface RecognizerHostDeps {
  /** Read the recognizer's data files from the package; rejects when they cannot be read. */
  load: () => Promise<unknown>;
  /** Build the recognizer (once the data is loaded). */
  createRecognizer: () => Recognizer;
  /** Texts recognized after the first, twice, one per task (lib/recognize/warm-up.ts). */
  warmUpTexts: ReadonlyArray<{ lang: string; text: string }>;
  /** Clock in ms (performance.now). */
  now: () => number;
  /** Run a task after the current one (setTimeout 0): one warm-up text per task. */
  later: (task: () => void) => void;
  /** Run a recognition request's task (lowPriority below, in the browser). */
  schedule: ScheduleTask;
  log: (...args: unknown[]) => void;
  /** Where this host runs and when it started (ms since the epoch), reported in its status. */
  about?: Pick<RecognizerStatus, 'host' | 'startedAt'>;
}

export interface RecognizerHost {
  /** How the recognizer started (a copy): 'glossa:recognizer-status'. */
  status(): RecognizerStatus;
  /** Answers 'glossa:recognize'; told when a tab closes. */
  service: RecognizeService;
  /** Settles once the data is loaded and the first recognition ran (or loading failed). */
  started: Promise<void>;
}

export function startRecognizerHost(deps: RecognizerHostDeps): RecognizerHost {
  const startedAt = deps.now();
  const status: RecognizerStatus = { ready: false, ...deps.about };
  const dataReady = deps.load();
  let shared: Recognizer | null = null;
  const recognizer = (): Recognizer => {
    shared ??= deps.createRecognizer();
    return shared;
  };
  // What the pages' requests cost here (the status reports it; bench:page splits a page's time by it).
  const served = { requests: 0, chars: 0, recognizeMs: 0, hostMs: 0 };
  let timed: Recognizer | null = null;
  const timedRecognizer = (): Recognizer => {
    if (timed) return timed;
    const r = recognizer();
    timed = {
      id: r.id,
      recognize(text, options) {
        const before = deps.now();
        try {
          return r.recognize(text, options);
        } finally {
          served.recognizeMs += deps.now() - before;
          served.chars += text.length;
        }
      },
    };
    return timed;
  };
  const started = dataReady
    .then(() => {
      status.loadMs = deps.now() - startedAt;
      const warm = deps.now();
      recognizer().recognize(FIRST_TEXT);
      status.warmMs = deps.now() - warm;
      status.ready = true;
      // Then the warm-up texts, twice, one per task: a page that asks meanwhile waits for one at most.
      const texts = [...deps.warmUpTexts, ...deps.warmUpTexts];
      let warmUpMs = 0;
      texts.forEach(({ text, lang }, i) => {
        deps.later(() => {
          const before = deps.now();
          recognizer().recognize(text, { lang });
          warmUpMs += deps.now() - before;
          if (i === texts.length - 1) status.warmUpMs = warmUpMs;
        });
      });
    })
    .catch((err: unknown) => {
      status.error = err instanceof Error ? err.message : String(err);
      deps.log('recognizer data could not be loaded', err);
    });
  const inner = createRecognizeService({
    recognizer: timedRecognizer,
    ready: dataReady,
    schedule: deps.schedule,
  });
  const service: RecognizeService = {
    async answer(request, sender) {
      const arrived = deps.now();
      try {
        return await inner.answer(request, sender);
      } finally {
        served.requests += 1;
        served.hostMs += deps.now() - arrived;
      }
    },
    tabClosed: (tabId) => inner.tabClosed(tabId),
  };
  const report = (): RecognizerStatus =>
    served.requests > 0 ? { ...status, served: { ...served } } : { ...status };
  return { status: report, service, started };
}

/**
 * Read a file of the extension package (the recognizer's data, written there at build time:
 * wxt.config.ts) through `fetch` of its extension URL.
 */
export function packageFileReader(
  getURL: (path: string) => string,
  fetchFile: (url: string) => Promise<{
    ok: boolean;
    status: number;
    json(): Promise<unknown>;
    arrayBuffer(): Promise<ArrayBuffer>;
  }>,
): (file: string) => Promise<unknown> {
  return async (file) => {
    const response = await fetchFile(getURL(`/${file}`));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    // The weights come as the tables' own bytes (lib/recognize/model/binary.ts): nothing to parse.
    return file.endsWith('.bin') ? response.arrayBuffer() : response.json();
  };
}

/** The Prioritized Task Scheduling API (Chrome; not in every Firefox ESR). */
export interface TaskScheduler {
  postTask?(
    task: () => void,
    options: { priority: 'user-blocking' | 'user-visible' | 'background' },
  ): Promise<unknown>;
}

/**
 * Recognition tasks run below the priority of the browser's messages where the browser allows it
 * (scheduler.postTask 'background'), so a request that arrives meanwhile joins the tabs' turns at
 * once instead of behind every queued recognition; elsewhere, one macrotask each.
 */
export function lowPriority(
  scheduler: TaskScheduler | undefined,
  later: (task: () => void) => void,
): ScheduleTask {
  const postTask = scheduler?.postTask?.bind(scheduler);
  return postTask ? (task) => void postTask(task, { priority: 'background' }) : later;
}

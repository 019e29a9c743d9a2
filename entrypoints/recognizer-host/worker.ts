/**
 * The recognizer's worker in Chrome's offscreen document (main.ts): reads the data files from the
 * package once, builds the tables, and answers the document's calls (lib/background/host-worker.ts).
 */
import { answerCalls, type MessagePortLike } from '../../lib/background/host-worker';
import {
  lowPriority,
  packageFileReader,
  startRecognizerHost,
  type TaskScheduler,
} from '../../lib/background/recognizer-host';
import { createRecognizer } from '../../lib/recognize';
import { loadRecognizerData } from '../../lib/recognize/data/source.extension';
import { WARM_UP_TEXTS } from '../../lib/recognize/warm-up';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);
const later = (task: () => void) => void setTimeout(task, 0);

// A worker has no extension APIs: the package's files are addressed from its own origin.
const readFile = packageFileReader((path) => new URL(path, self.location.origin).href, fetch);
const host = startRecognizerHost({
  load: () => loadRecognizerData(readFile),
  createRecognizer,
  warmUpTexts: WARM_UP_TEXTS,
  now: () => performance.now(),
  later,
  schedule: lowPriority((globalThis as { scheduler?: TaskScheduler }).scheduler, later),
  log,
  about: { host: 'offscreen', startedAt: Date.now() },
});
answerCalls(self as unknown as MessagePortLike, host);

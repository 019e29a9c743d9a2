/**
 * The recognizer's worker in Chrome's offscreen document (main.ts): reads the data files from the
 * package once, builds the tables, and answers the document's calls (lib/background/host-worker.ts).
 */
import { answerCalls, type MessagePortLike } from '../../lib/background/host-worker';
import { startPackagedRecognizerHost } from '../../lib/background/packaged-host';

const log = (...args: unknown[]) => console.warn('[glossa]', ...args);

// A worker has no extension APIs: the package's files are addressed from its own origin.
const host = startPackagedRecognizerHost({
  fileUrl: (path) => new URL(path, self.location.origin).href,
  about: { host: 'offscreen', startedAt: Date.now() },
  log,
});
answerCalls(self as unknown as MessagePortLike, host);

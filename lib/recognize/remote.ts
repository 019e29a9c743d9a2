/**
 * The background's side of 'glossa:recognize' (lib/page/remote-recognizer.ts is the page's): one
 * recognizer for every tab, created on first use and kept for the browser session. A request is
 * checked (who sent it, its shape, its size) before any work, then waits its turn with the other
 * tabs' requests (lib/recognize/queue.ts).
 */
import type { Recognizer } from '../entities';
import { MAX_RECOGNIZE_CHARS, type RecognizeResult } from '../messages/types';
import { createTurnQueue, type ScheduleTask } from './queue';

/** What is wrong with a request's text, or null when it may be recognized. */
function refuseText(text: unknown): string | null {
  if (typeof text !== 'string') return 'no text to recognize';
  if (text.length > MAX_RECOGNIZE_CHARS) {
    return `a recognition request may carry at most ${MAX_RECOGNIZE_CHARS} characters; this one has ${text.length}`;
  }
  return null;
}

export function answerRecognize(
  recognizer: () => Recognizer,
  request: { text?: unknown; lang?: unknown },
): RecognizeResult {
  const { text, lang } = request;
  const refused = refuseText(text);
  if (refused !== null) return { ok: false, error: refused };
  try {
    const options = typeof lang === 'string' && lang.length <= 35 ? { lang } : undefined;
    return { ok: true, mentions: recognizer().recognize(text as string, options) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the browser says about a message's sender (runtime.MessageSender), as far as used here. */
export interface RecognizeSender {
  tab?: { id?: number };
}

export interface RecognizeService {
  /** The answer to a 'glossa:recognize' message from `sender`. */
  answer(
    request: { type?: unknown; text?: unknown; lang?: unknown },
    sender: RecognizeSender,
  ): Promise<RecognizeResult>;
  /** A tab closed: its waiting requests are answered with an error and never run. */
  tabClosed(tabId: number): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createRecognizeService(deps: {
  recognizer: () => Recognizer;
  /** Settles when the recognizer's data is loaded (or could not be). */
  ready: Promise<unknown>;
  schedule: ScheduleTask;
  maxQueuedPerTab?: number;
}): RecognizeService {
  const queue = createTurnQueue<number>({
    schedule: deps.schedule,
    maxPerKey: deps.maxQueuedPerTab,
  });
  return {
    async answer(request, sender) {
      const tabId = sender.tab?.id;
      // Content scripts run in tabs; a message without one came from somewhere else.
      if (!Number.isInteger(tabId)) {
        return { ok: false, error: 'recognition is done only for a content script in a tab' };
      }
      const refused = refuseText(request.text);
      if (refused !== null) return { ok: false, error: refused };
      try {
        await deps.ready;
      } catch (error) {
        return { ok: false, error: `the recognizer data could not be read (${message(error)})` };
      }
      try {
        return await queue.submit(tabId as number, () => answerRecognize(deps.recognizer, request));
      } catch (error) {
        return { ok: false, error: message(error) };
      }
    },
    tabClosed(tabId) {
      queue.drop(tabId, 'the tab was closed');
    },
  };
}

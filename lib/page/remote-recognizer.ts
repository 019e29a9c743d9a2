/**
 * The page's side of recognition in the background: the content script sends a batch of page
 * text and gets mentions back. The recognizer and its data (megabytes of tables) are loaded once
 * per browser session in the background instead of in every page, so a page pays neither their
 * parsing on its main thread nor their memory.
 *
 * Answers are checked before use: whatever comes back, the page only ever sees well-formed
 * mentions or a rejected promise (the annotator then steps back and clears its marks). No request
 * carries more than MAX_RECOGNIZE_CHARS, which the background refuses: a longer text is sent in
 * pieces, one after the other.
 *
 * A request nobody answered (in Chrome, before the service worker has created the offscreen
 * recognizer host: lib/background/offscreen.ts) is sent once more, after asking the background to
 * start the host.
 */
import {
  ENTITY_TYPES,
  type EntityType,
  type Mention,
  type PageRecognizeOptions,
  type PageRecognizer,
  readTreaty,
} from '../entities';
import { readEntityId } from '../entity-id';
import type { ToBackgroundMessage } from '../messages/to-background';
import { MAX_RECOGNIZE_CHARS, type RecognizeResult } from '../messages/types';
import { cutPoints } from './batches';

export type SendRecognize = (message: ToBackgroundMessage<'glossa:recognize'>) => Promise<unknown>;
/** 'glossa:start-recognizer-host': settles once the host listens. */
export type StartHost = () => Promise<unknown>;

const TYPES: ReadonlySet<string> = new Set<EntityType>(ENTITY_TYPES);

function isMention(value: unknown, textLength: number): value is Mention {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    Number.isInteger(m.start) &&
    Number.isInteger(m.end) &&
    (m.start as number) >= 0 &&
    (m.start as number) < (m.end as number) &&
    (m.end as number) <= textLength &&
    typeof m.type === 'string' &&
    TYPES.has(m.type) &&
    typeof m.text === 'string' &&
    typeof m.canonical === 'string' &&
    // Only a treaty mention names a registered treaty, and then a well-formed one.
    (m.treaty === undefined || (m.type === 'TREATY' && readTreaty(m.treaty) !== null))
  );
}

/** The mentions of a background answer, or an Error saying what was wrong with it. */
export function readRecognizeAnswer(answer: unknown, text: string): Mention[] | Error {
  if (typeof answer !== 'object' || answer === null) {
    return new Error('the background gave no answer to a recognition request');
  }
  const result = answer as RecognizeResult;
  if (result.ok === false)
    return new Error(`recognition failed in the background: ${result.error}`);
  if (result.ok !== true || !Array.isArray(result.mentions)) {
    return new Error('the background answered a recognition request with something else');
  }
  // Text is taken from the page's own string: the answer only says where.
  return result.mentions
    .filter((m) => isMention(m, text.length))
    .map((m) => {
      const mention: Mention = {
        start: m.start,
        end: m.end,
        type: m.type,
        text: text.slice(m.start, m.end),
        canonical: m.canonical,
      };
      const treaty = m.treaty === undefined ? null : readTreaty(m.treaty);
      if (treaty) mention.treaty = treaty;
      // A malformed id, or one of another type, is dropped: the mention stands without it.
      const id = readEntityId(m.id, m.type);
      if (id) mention.id = id;
      return mention;
    });
}

/**
 * The answer to `message`; when nobody answered (the browser's "no receiver" rejection, or no
 * answer at all), the same request once more after `startHost`.
 */
export async function sendWithOneRetry(
  send: SendRecognize,
  startHost: StartHost,
  message: ToBackgroundMessage<'glossa:recognize'>,
): Promise<unknown> {
  const first = await send(message).catch(() => undefined);
  if (first !== undefined && first !== null) return first;
  await startHost();
  return send(message);
}

export function createRemoteRecognizer(send: SendRecognize, startHost: StartHost): PageRecognizer {
  const recognizePiece = async (
    text: string,
    options: PageRecognizeOptions | undefined,
  ): Promise<Mention[]> => {
    const message: ToBackgroundMessage<'glossa:recognize'> = { type: 'glossa:recognize', text };
    if (options?.lang) message.lang = options.lang;
    const answer = await sendWithOneRetry(send, startHost, message);
    options?.received?.();
    const read = readRecognizeAnswer(answer, text);
    if (read instanceof Error) throw read;
    return read;
  };
  return {
    id: 'background',
    remote: true,
    async recognize(text: string, options?: PageRecognizeOptions): Promise<Mention[]> {
      if (text.length <= MAX_RECOGNIZE_CHARS) return recognizePiece(text, options);
      const cuts = cutPoints(text, MAX_RECOGNIZE_CHARS);
      const mentions: Mention[] = [];
      for (const [i, from] of cuts.entries()) {
        const piece = text.slice(from, cuts[i + 1] ?? text.length);
        for (const m of await recognizePiece(piece, options)) {
          mentions.push({ ...m, start: m.start + from, end: m.end + from });
        }
      }
      return mentions;
    },
  };
}

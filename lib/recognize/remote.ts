/**
 * The background's side of 'glossa:recognize' (lib/page/remote-recognizer.ts is the page's): one
 * recognizer for every tab, created on first use and kept for the browser session.
 */
import type { Recognizer } from '../entities';
import type { RecognizeResult } from '../messages';

/** Longer texts are refused: no page's article is anywhere near, and a tab must not stall the rest. */
export const MAX_RECOGNIZE_CHARS = 8_000_000;

export function answerRecognize(
  recognizer: () => Recognizer,
  request: { text?: unknown; lang?: unknown },
): RecognizeResult {
  const { text, lang } = request;
  if (typeof text !== 'string') return { ok: false, error: 'no text to recognize' };
  if (text.length > MAX_RECOGNIZE_CHARS) {
    return { ok: false, error: `text of ${text.length} characters is over the limit` };
  }
  try {
    const options = typeof lang === 'string' && lang.length <= 35 ? { lang } : undefined;
    return { ok: true, mentions: recognizer().recognize(text, options) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

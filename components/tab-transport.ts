/**
 * How the popup talks to the content script of one tab. The popup receives a SendToTab function
 * as a prop: components/browser-tab.ts makes it from browser.tabs, tests pass canned answers.
 */
import type {
  SendToContent,
  ToContentMessage,
  ToContentResponse,
  ToContentType,
} from '../lib/messages/to-content';

/** The message to send for type T. */
export type OutgoingMessage<T extends ToContentType> = ToContentMessage<T>;

export type SendToTab = SendToContent;

export class NoContentScriptError extends Error {
  override readonly name = 'NoContentScriptError';
}

/**
 * Send and wait at most `timeoutMs`. A missing receiver (chrome:// pages, store pages, tabs
 * loaded before install), a silent one, or a slow one all reject with NoContentScriptError.
 */
export async function askTab<T extends ToContentType>(
  send: SendToTab,
  message: OutgoingMessage<T>,
  timeoutMs = 3000,
): Promise<ToContentResponse<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new NoContentScriptError('No answer from the page')),
      timeoutMs,
    );
  });
  try {
    const answer = await Promise.race([send(message), timeout]);
    if (answer === undefined) throw new NoContentScriptError('The page did not answer');
    return answer;
  } catch (error) {
    if (error instanceof NoContentScriptError) throw error;
    throw new NoContentScriptError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Chrome's offscreen recognizer host and its dedicated worker, which holds the recognizer: the
 * document receives the runtime messages (workers get no extension APIs) and relays each to the
 * worker as a call, the worker answers it from the recognizer host (recognizer-host.ts).
 */
import type { RecognizeResult, RecognizerStatus } from '../messages/types';
import type { RecognizerHost } from './recognizer-host';
import type { RecognitionParts } from './router';

/** A call from the document to its recognizer worker. */
export type HostCall =
  | { kind: 'recognize'; request: { text?: unknown; lang?: unknown }; tabId?: number }
  | { kind: 'status' }
  | { kind: 'tab-closed'; tabId: number };

/** A Worker seen from its document, or the worker's own global scope seen from inside. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Calls the worker behind `port`; each resolves with the worker's answer to it. */
export function workerCaller(port: MessagePortLike): (call: HostCall) => Promise<unknown> {
  let nextId = 0;
  const waiting = new Map<number, (answer: unknown) => void>();
  port.addEventListener('message', (event) => {
    const { id, answer } = event.data as { id: number; answer: unknown };
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  return (call) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      port.postMessage({ id, call });
    });
}

async function answerCall(host: RecognizerHost, call: HostCall): Promise<unknown> {
  switch (call.kind) {
    case 'recognize':
      return host.service.answer(call.request, { tab: { id: call.tabId } });
    case 'status':
      return host.status();
    case 'tab-closed':
      host.service.tabClosed(call.tabId);
      return null;
  }
}

/** Inside the worker: answer the document's calls from the recognizer host. */
export function answerCalls(port: MessagePortLike, host: RecognizerHost): void {
  port.addEventListener('message', (event) => {
    const { id, call } = event.data as { id: number; call: HostCall };
    void answerCall(host, call).then((answer) => port.postMessage({ id, answer }));
  });
}

/** The recognizer's answers, as the document gives them: through the worker. */
export function workerRecognition(
  call: (call: HostCall) => Promise<unknown>,
): RecognitionParts & { tabClosed(tabId: number): void } {
  return {
    recognition: {
      answer: (m, sender) =>
        call({
          kind: 'recognize',
          request: { text: m.text, lang: m.lang },
          tabId: sender.tab?.id,
        }) as Promise<RecognizeResult>,
    },
    recognizerStatus: () => call({ kind: 'status' }) as Promise<RecognizerStatus>,
    tabClosed: (tabId) => void call({ kind: 'tab-closed', tabId }),
  };
}

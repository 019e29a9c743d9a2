/**
 * A receiver's router: one handler table (lib/messages/protocol.ts HandlerTable), the payload
 * checks of its direction, and who may send each message; and `messageListener`, which puts a
 * router behind runtime.onMessage. The entrypoints only hand it the browser's runtime id, so
 * everything a receiver decides is here, testable in Node.
 */
import {
  type AnyMessageOf,
  checkMessage,
  type HandlerTable,
  type MessageSender,
  type PayloadChecks,
  type Rejection,
  type RequestMap,
} from './protocol';

/** What the router makes of one received value: the handler's answer under way, or why not. */
export type Routed = { ok: true; type: string; answer: Promise<unknown> } | Rejection;

export interface Router<Sender> {
  route(value: unknown, sender: Sender): Routed;
}

export interface RouterSpec<M extends RequestMap<M>, Sender> {
  checks: PayloadChecks<M>;
  handlers: HandlerTable<M, Sender>;
  /**
   * Checks this receiver adds to its direction's (what only it knows, such as which commands
   * exist); a message that fails one is malformed.
   */
  refine?: Partial<PayloadChecks<M>>;
  /** Whether `sender` may send a message of this type (default: anyone the listener lets in). */
  allowed?: (type: keyof M & string, sender: Sender) => boolean;
}

export function createRouter<M extends RequestMap<M>, Sender>(
  spec: RouterSpec<M, Sender>,
): Router<Sender> {
  // The types already demand a handler per message; a table built around them (casts, spreads of
  // partial tables) is caught here, at start, rather than on the first message it lacks.
  const missing = Object.keys(spec.checks).filter((type) => !Object.hasOwn(spec.handlers, type));
  if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);
  const extra = Object.keys(spec.handlers).filter((type) => !Object.hasOwn(spec.checks, type));
  if (extra.length > 0) throw new Error(`handler for a message of another direction: ${extra}`);

  return {
    route(value, sender) {
      const checked = checkMessage(spec.checks, value);
      if (!checked.ok) return checked;
      const message: AnyMessageOf<M> = checked.message;
      const type = message.type as keyof M & string;
      const refine = spec.refine?.[type] as ((m: Record<string, unknown>) => boolean) | undefined;
      if (refine && !refine(message as Record<string, unknown>)) {
        return { ok: false, reason: 'malformed', error: `malformed ${type} message` };
      }
      if (spec.allowed && !spec.allowed(type, sender)) {
        return { ok: false, reason: 'refused', error: `${type} is not accepted from this sender` };
      }
      const handler = spec.handlers[type] as (m: unknown, s: Sender) => unknown;
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(handler(message, sender));
      } catch (error) {
        answer = Promise.reject(error);
      }
      return { ok: true, type, answer };
    },
  };
}

export interface ListenerOptions {
  /** This extension's id: messages from anyone else (web pages, other extensions) go unanswered. */
  extensionId: () => string | undefined;
  /** An answer was sent. */
  answered?: (type: string) => void;
  /** A handler failed: what to answer instead. */
  failed: (type: string, error: unknown) => unknown;
  /** A message of this direction was malformed or refused (not answered). */
  rejected?: (error: string) => void;
}

/**
 * A runtime.onMessage listener around a router: answers this extension's messages of the
 * router's direction (returning true keeps the reply channel open for the asynchronous answer)
 * and leaves everything else to other listeners (false).
 */
export function messageListener<Sender extends MessageSender>(
  router: Router<Sender>,
  options: ListenerOptions,
): (message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => boolean {
  return (message, sender, sendResponse) => {
    if (sender.id === undefined || sender.id !== options.extensionId()) return false;
    const routed = router.route(message, sender);
    if (!routed.ok) {
      if (routed.reason !== 'not-ours') options.rejected?.(routed.error);
      return false;
    }
    routed.answer.then(
      (answer) => {
        sendResponse(answer);
        options.answered?.(routed.type);
      },
      (error: unknown) => sendResponse(options.failed(routed.type, error)),
    );
    return true;
  };
}

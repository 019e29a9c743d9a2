/**
 * The shape every Glossa message protocol shares: a map from message type to its request payload
 * and response, the message and handler-table types derived from it, and the runtime check each
 * receiver applies before a handler runs. Types only, plus one generic checker: no browser API,
 * no implementation module.
 */

/** One request and the answer it gets. */
export interface Exchange<Request extends object, Response> {
  request: Request;
  response: Response;
}

/** A request that carries nothing but its type. */
export type NoPayload = Record<never, never>;

/**
 * Message type → exchange: one direction of traffic (lib/messages/to-content.ts, to-background.ts).
 * Used as `M extends RequestMap<M>`, so interfaces (which have no index signature) qualify.
 */
export type RequestMap<M> = { [T in keyof M]: Exchange<object, unknown> };

/**
 * The message of type T, as sent: `{ type: T, ...payload }`; for a union of types, the union of
 * their messages (narrowed by `type`). Written as a mapped type indexed by T so that a send helper
 * infers T from the literal it is given.
 */
export type MessageOf<M extends RequestMap<M>, T extends keyof M> = {
  [K in T]: { type: K } & M[K]['request'];
}[T];

/** Any message of map M. */
export type AnyMessageOf<M extends RequestMap<M>> = MessageOf<M, keyof M>;

export type ResponseOf<M extends RequestMap<M>, T extends keyof M> = M[T]['response'];

/**
 * One receiver's answers: exactly one handler per message type of M (a missing or extra entry is
 * a type error). `Sender` is what the browser says about who sent the message.
 */
export type HandlerTable<M extends RequestMap<M>, Sender> = {
  [T in keyof M]: (
    message: MessageOf<M, T>,
    sender: Sender,
  ) => ResponseOf<M, T> | Promise<ResponseOf<M, T>>;
};

/**
 * Whether a received object is a well-formed message of each type (its payload's fields and their
 * types). Messages arrive as structured clones from other contexts: TypeScript's word ends there.
 */
export type PayloadChecks<M extends RequestMap<M>> = {
  [T in keyof M]: (message: { type: T } & Record<string, unknown>) => boolean;
};

/**
 * Why a received value is not answered: not-ours (no Glossa message of this direction: another
 * receiver's, or none at all), malformed (its payload fails the check), refused (the sender may
 * not send it).
 */
export type Rejection = { ok: false; reason: 'not-ours' | 'malformed' | 'refused'; error: string };

/** What a receiver makes of a received value. */
export type Checked<M extends RequestMap<M>> = { ok: true; message: AnyMessageOf<M> } | Rejection;

/**
 * Check `value` against the map's payload checks: not one of ours (no string type, an unknown
 * type) or malformed → a clear error; otherwise the typed message.
 */
export function checkMessage<M extends RequestMap<M>>(
  checks: PayloadChecks<M>,
  value: unknown,
): Checked<M> {
  const type =
    typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : null;
  if (typeof type !== 'string') {
    return { ok: false, reason: 'not-ours', error: 'not a message (no object with a type)' };
  }
  if (!Object.hasOwn(checks, type)) {
    return { ok: false, reason: 'not-ours', error: `unknown message type ${type}` };
  }
  const check = checks[type as keyof M] as (message: Record<string, unknown>) => boolean;
  if (!check(value as Record<string, unknown>)) {
    return { ok: false, reason: 'malformed', error: `malformed ${type} message` };
  }
  return { ok: true, message: value as AnyMessageOf<M> };
}

/** Field checks shared by the payload checks. */
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isTabId = (value: unknown): value is number => Number.isInteger(value);

/** What the browser says about a message's sender (runtime.MessageSender), as far as Glossa reads it. */
export interface MessageSender {
  /** The sending extension's id (the listeners answer only their own). */
  id?: string;
  /** The sending document's address (an extension page's, or the content script's frame). */
  url?: string;
  /** The tab of a content script; absent for extension pages. */
  tab?: { id?: number; url?: string; incognito?: boolean; windowId?: number; index?: number };
  /** The sending frame of a content script: 0 is the tab's top document. */
  frameId?: number;
}

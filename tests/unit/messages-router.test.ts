import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createBackgroundRouter } from '../../lib/background/router';
import type { MessageSender } from '../../lib/messages/protocol';
import { createRouter, messageListener } from '../../lib/messages/router';
import {
  TO_BACKGROUND_CHECKS,
  type ToBackground,
  type ToBackgroundHandlers,
  type ToBackgroundMessage,
} from '../../lib/messages/to-background';
import {
  TO_CONTENT_CHECKS,
  type ToContent,
  type ToContentHandlers,
  type ToContentMessage,
} from '../../lib/messages/to-content';
import type { PageState } from '../../lib/messages/types';

const STATE: PageState = {
  page: { url: 'https://example.org/a', title: 'A', lang: 'en' },
  enabled: true,
  status: 'ready',
  entities: [],
};

/** A content handler table answering from canned values. */
function contentTable(): ToContentHandlers {
  return {
    'glossa:get-page': () => STATE,
    'glossa:get-selection': () => null,
    'glossa:set-enabled': (m) => ({ ...STATE, enabled: m.enabled }),
    'glossa:set-site-enabled': () => STATE,
    'glossa:set-annotate-anyway': () => STATE,
    'glossa:show-notes': (m) => ({ anchored: m.notes.map((n) => n.id), orphaned: [] }),
    'glossa:notice': () => ({ shown: true }),
    'glossa:reveal': () => ({ ok: false, reason: 'not-found' }),
    'glossa:jump': () => ({ ok: false, reason: 'not-painted' }),
  };
}

describe('handler tables (types)', () => {
  it('demand exactly one handler per message of their direction', () => {
    expectTypeOf<keyof ToContentHandlers>().toEqualTypeOf<keyof ToContent>();
    expectTypeOf<keyof ToBackgroundHandlers>().toEqualTypeOf<keyof ToBackground>();
    const { 'glossa:jump': _jump, ...withoutJump } = contentTable();
    // @ts-expect-error: a content table without 'glossa:jump' is not a ToContentHandlers.
    const missing: ToContentHandlers = withoutJump;
    const background = {
      'glossa:recognize': () => ({ ok: false as const, error: 'x' }),
      'glossa:notes-for-page': () => ({ ok: false as const, error: 'x' }),
      'glossa:recognizer-status': () => ({ ready: false }),
      'glossa:save-selection': () => ({ ok: false as const, error: 'x' }),
    };
    // @ts-expect-error: a background table without 'glossa:run-command' is not a ToBackgroundHandlers.
    const missingCommand: ToBackgroundHandlers = background;
    // Each direction's messages only: a content request is no background message.
    // @ts-expect-error: 'glossa:get-page' is answered by the content script, not the background.
    const wrongWay: ToBackgroundMessage = { type: 'glossa:get-page' };
    expect([missing, missingCommand, wrongWay]).toHaveLength(3);
  });

  it('give each handler its own message type', () => {
    expectTypeOf<Parameters<ToContentHandlers['glossa:set-enabled']>[0]>().toEqualTypeOf<
      ToContentMessage<'glossa:set-enabled'>
    >();
    expectTypeOf<
      Parameters<ToContentHandlers['glossa:set-enabled']>[0]['enabled']
    >().toEqualTypeOf<boolean>();
    expectTypeOf<
      Parameters<ToBackgroundHandlers['glossa:run-command']>[0]['tabId']
    >().toEqualTypeOf<number>();
  });

  it('have a payload check for every message of their direction', () => {
    const contentTypes: Array<keyof ToContent> = [
      'glossa:get-page',
      'glossa:get-selection',
      'glossa:set-enabled',
      'glossa:set-site-enabled',
      'glossa:set-annotate-anyway',
      'glossa:show-notes',
      'glossa:notice',
      'glossa:reveal',
      'glossa:jump',
    ];
    expect(Object.keys(TO_CONTENT_CHECKS).sort()).toEqual([...contentTypes].sort());
    expect(Object.keys(TO_BACKGROUND_CHECKS).sort()).toEqual(
      [
        'glossa:notes-for-page',
        'glossa:remember-article',
        'glossa:recall-entity',
        'glossa:open-entity',
        'glossa:recognize',
        'glossa:recognizer-status',
        'glossa:start-recognizer-host',
        'glossa:run-command',
        'glossa:save-selection',
      ].sort(),
    );
  });
});

describe('createRouter', () => {
  const router = createRouter<ToContent, MessageSender>({
    checks: TO_CONTENT_CHECKS,
    handlers: contentTable(),
  });
  const sender: MessageSender = { id: 'glossa' };

  it('answers a well-formed message with its handler', async () => {
    const routed = router.route({ type: 'glossa:set-enabled', enabled: false }, sender);
    expect(routed).toMatchObject({ ok: true, type: 'glossa:set-enabled' });
    if (routed.ok) expect(await routed.answer).toEqual({ ...STATE, enabled: false });
  });

  it('turns away an unknown message with a clear error, as not its own', () => {
    expect(router.route({ type: 'glossa:recognize', text: 'Moscow' }, sender)).toEqual({
      ok: false,
      reason: 'not-ours',
      error: 'unknown message type glossa:recognize',
    });
    expect(router.route({ type: 'glossa:no-such-thing' }, sender)).toMatchObject({
      reason: 'not-ours',
    });
    for (const value of [null, 'glossa:get-page', 42, {}, { type: 7 }, []]) {
      expect(router.route(value, sender)).toMatchObject({ ok: false, reason: 'not-ours' });
    }
    // An inherited name is no message type.
    expect(router.route({ type: 'toString' }, sender)).toMatchObject({ reason: 'not-ours' });
  });

  it('rejects a malformed payload before any handler runs', () => {
    const handlers = contentTable();
    const spy = vi.fn(handlers['glossa:set-enabled']);
    const strict = createRouter<ToContent, MessageSender>({
      checks: TO_CONTENT_CHECKS,
      handlers: { ...handlers, 'glossa:set-enabled': spy },
    });
    for (const bad of [
      { type: 'glossa:set-enabled' },
      { type: 'glossa:set-enabled', enabled: 'yes' },
      { type: 'glossa:set-enabled', enabled: 1 },
    ]) {
      expect(strict.route(bad, sender)).toEqual({
        ok: false,
        reason: 'malformed',
        error: 'malformed glossa:set-enabled message',
      });
    }
    expect(strict.route({ type: 'glossa:show-notes', notes: 'all' }, sender)).toMatchObject({
      reason: 'malformed',
    });
    expect(strict.route({ type: 'glossa:notice', ok: true, text: 5 }, sender)).toMatchObject({
      reason: 'malformed',
    });
    expect(strict.route({ type: 'glossa:reveal', entity: { type: 'PER' } }, sender)).toMatchObject({
      reason: 'malformed',
    });
    expect(strict.route({ type: 'glossa:jump', direction: 'up' }, sender)).toMatchObject({
      reason: 'malformed',
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a table that lacks a handler (built past the types) when it is created', () => {
    const { 'glossa:notice': _notice, ...rest } = contentTable();
    expect(() =>
      createRouter<ToContent, MessageSender>({
        checks: TO_CONTENT_CHECKS,
        handlers: rest as ToContentHandlers,
      }),
    ).toThrow('no handler for glossa:notice');
  });

  it("turns a handler's throw into a failed answer", async () => {
    const failing = createRouter<ToContent, MessageSender>({
      checks: TO_CONTENT_CHECKS,
      handlers: {
        ...contentTable(),
        'glossa:get-page': () => {
          throw new Error('boom');
        },
      },
    });
    const routed = failing.route({ type: 'glossa:get-page' }, sender);
    expect(routed.ok).toBe(true);
    if (routed.ok) await expect(routed.answer).rejects.toThrow('boom');
  });
});

describe('messageListener', () => {
  const router = createRouter<ToContent, MessageSender>({
    checks: TO_CONTENT_CHECKS,
    handlers: contentTable(),
  });

  function listen() {
    const rejected: string[] = [];
    const answered: string[] = [];
    const listener = messageListener(router, {
      extensionId: () => 'glossa',
      answered: (type) => answered.push(type),
      failed: () => 'failed',
      rejected: (error) => rejected.push(error),
    });
    return { listener, rejected, answered };
  }

  it("answers this extension's messages asynchronously", async () => {
    const { listener, answered } = listen();
    const sendResponse = vi.fn();
    expect(listener({ type: 'glossa:get-page' }, { id: 'glossa' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(STATE));
    expect(answered).toEqual(['glossa:get-page']);
  });

  it('leaves other senders, other directions and malformed messages unanswered', () => {
    const { listener, rejected } = listen();
    const sendResponse = vi.fn();
    expect(listener({ type: 'glossa:get-page' }, { id: 'other' }, sendResponse)).toBe(false);
    expect(listener({ type: 'glossa:get-page' }, {}, sendResponse)).toBe(false);
    expect(listener({ type: 'glossa:recognize', text: 'x' }, { id: 'glossa' }, sendResponse)).toBe(
      false,
    );
    expect(listener({ type: 'glossa:set-enabled' }, { id: 'glossa' }, sendResponse)).toBe(false);
    expect(sendResponse).not.toHaveBeenCalled();
    // Only the malformed one is worth a log line: another direction's message is not an error.
    expect(rejected).toEqual(['malformed glossa:set-enabled message']);
  });

  it('answers with the fallback when a handler fails', async () => {
    const failing = messageListener(
      createBackgroundRouter({
        recognizer: {
          recognition: { answer: async () => ({ ok: true, mentions: [] }) },
          recognizerStatus: () => ({ ready: true }),
        },
        startRecognizerHost: async () => ({ ready: true }),
        notesForSender: async () => {
          throw new Error('db closed');
        },
        saveSelection: async () => ({ ok: false, error: 'x' }),
        rememberArticle: async () => ({ ok: true, remembered: true }),
        entityMemory: {
          recall: async () => ({ count: 0 }),
          open: async () => ({ ok: true }),
        },
        runCommand: async (command) => ({ ok: false, command, error: 'x' }),
        extensionOrigin: 'chrome-extension://glossa/',
      }),
      { extensionId: () => 'glossa', failed: (type, error) => [type, String(error)] },
    );
    const sendResponse = vi.fn();
    const asked = failing(
      { type: 'glossa:notes-for-page', url: 'https://example.org/' },
      { id: 'glossa', tab: { id: 1 }, url: 'https://example.org/' },
      sendResponse,
    );
    expect(asked).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith(['glossa:notes-for-page', 'Error: db closed']),
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { recognizerPlace } from '../../lib/background/offscreen';
import {
  type BackgroundParts,
  createBackgroundRouter,
  createRecognizerHostRouter,
} from '../../lib/background/router';
import type { MessageSender } from '../../lib/messages/protocol';

const ORIGIN = 'chrome-extension://glossa/';
const CONTENT: MessageSender = { id: 'glossa', tab: { id: 4 }, url: 'https://example.org/a' };
const POPUP: MessageSender = { id: 'glossa', url: `${ORIGIN}popup.html` };

function parts() {
  const calls: unknown[][] = [];
  const record =
    <R>(name: string, answer: R) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return answer;
    };
  const p: BackgroundParts = {
    recognizer: {
      recognition: { answer: record('recognize', { ok: true as const, mentions: [] }) },
      recognizerStatus: () => ({ ready: true, loadMs: 5 }),
    },
    startRecognizerHost: async () => {
      calls.push(['start-host']);
      return { ready: true, host: 'offscreen' as const };
    },
    notesForSender: record('notes', { ok: true as const, notes: [] }),
    saveSelection: record('save', { ok: false as const, error: 'no selection' }),
    rememberArticle: record('remember', { ok: true as const, remembered: true as const }),
    entityMemory: {
      recall: record('recall', { count: 2 }),
      open: record('open', { ok: true as const, tabId: 8 }),
    },
    runCommand: vi.fn(async (command: string, tabId: number) => {
      calls.push(['command', command, tabId]);
      return { ok: true as const, command };
    }),
    extensionOrigin: ORIGIN,
  };
  return { parts: p, calls };
}

async function answer(
  router: ReturnType<typeof createBackgroundRouter>,
  m: unknown,
  s: MessageSender,
) {
  const routed = router.route(m, s);
  if (!routed.ok) return routed;
  return routed.answer;
}

describe('the background router', () => {
  it('gives a content script recognition and its own page notes, with the sender', async () => {
    const { parts: p, calls } = parts();
    const router = createBackgroundRouter(p);
    const recognize = { type: 'glossa:recognize', text: 'Moscow', lang: 'en' };
    expect(await answer(router, recognize, CONTENT)).toEqual({ ok: true, mentions: [] });
    const notes = { type: 'glossa:notes-for-page', url: 'https://elsewhere.example/' };
    expect(await answer(router, notes, CONTENT)).toEqual({ ok: true, notes: [] });
    const remember = { type: 'glossa:remember-article', title: 'T', lang: 'ru', entities: [] };
    expect(await answer(router, remember, CONTENT)).toEqual({ ok: true, remembered: true });
    const recall = { type: 'glossa:recall-entity', entity: { type: 'PER', canonical: 'Putin' } };
    expect(await answer(router, recall, CONTENT)).toEqual({ count: 2 });
    const open = { type: 'glossa:open-entity', key: 'LOC:KP' };
    expect(await answer(router, open, CONTENT)).toEqual({ ok: true, tabId: 8 });
    expect(calls).toEqual([
      ['recognize', recognize, CONTENT],
      ['notes', notes, CONTENT],
      ['remember', remember, CONTENT],
      ['recall', recall, CONTENT],
      ['open', open, CONTENT],
    ]);
  });

  it("answers status, saves and commands to Glossa's own pages only", async () => {
    const { parts: p, calls } = parts();
    const router = createBackgroundRouter(p);
    expect(await answer(router, { type: 'glossa:recognizer-status' }, POPUP)).toEqual({
      ready: true,
      loadMs: 5,
    });
    expect(await answer(router, { type: 'glossa:save-selection', tabId: 9 }, POPUP)).toEqual({
      ok: false,
      error: 'no selection',
    });
    expect(
      await answer(router, { type: 'glossa:run-command', command: 'next-mark', tabId: 9 }, POPUP),
    ).toEqual({ ok: true, command: 'next-mark' });
    expect(calls).toEqual([
      ['save', 9],
      ['command', 'next-mark', 9],
    ]);
    // A content script runs inside a web page: it may not save on or command another tab.
    for (const m of [
      { type: 'glossa:recognizer-status' },
      { type: 'glossa:save-selection', tabId: 9 },
      { type: 'glossa:run-command', command: 'next-mark', tabId: 9 },
    ]) {
      expect(router.route(m, CONTENT)).toEqual({
        ok: false,
        reason: 'refused',
        error: `${m.type} is not accepted from this sender`,
      });
    }
    // Nor may a page whose address merely starts like an extension's.
    expect(
      router.route(
        { type: 'glossa:save-selection', tabId: 9 },
        { id: 'glossa', url: 'https://x/' },
      ),
    ).toMatchObject({ reason: 'refused' });
    expect(calls).toHaveLength(2);
  });

  it('rejects malformed requests and leaves content requests to the content script', () => {
    const { parts: p, calls } = parts();
    const router = createBackgroundRouter(p);
    for (const m of [
      { type: 'glossa:save-selection', tabId: '9' },
      { type: 'glossa:save-selection', tabId: 1.5 },
      { type: 'glossa:save-selection' },
      { type: 'glossa:run-command', command: 7, tabId: 9 },
      { type: 'glossa:run-command', command: 'next-mark' },
      { type: 'glossa:notes-for-page' },
      { type: 'glossa:remember-article', title: 'T', lang: 'ru' },
      { type: 'glossa:remember-article', title: 7, lang: 'ru', entities: [] },
      {
        type: 'glossa:remember-article',
        title: 'T',
        lang: 'ru',
        entities: Array.from({ length: 5001 }, () => ({})),
      },
      // An entity is named by a memory key, nothing else.
      { type: 'glossa:recall-entity' },
      { type: 'glossa:recall-entity', entity: 'Путин' },
      { type: 'glossa:recall-entity', entity: null },
      { type: 'glossa:open-entity' },
      { type: 'glossa:open-entity', key: 7 },
      { type: 'glossa:open-entity', key: 'Путин' },
      { type: 'glossa:open-entity', key: 'ORG:~nato' },
      { type: 'glossa:open-entity', key: `PER:~${'a'.repeat(300)}` },
      { type: 'glossa:open-entity', key: 'PER:' },
      // Not a page command: only those run on a tab.
      { type: 'glossa:run-command', command: 'format-disk', tabId: 9 },
    ]) {
      expect(router.route(m, POPUP)).toMatchObject({ ok: false, reason: 'malformed' });
    }
    expect(router.route({ type: 'glossa:get-page' }, POPUP)).toEqual({
      ok: false,
      reason: 'not-ours',
      error: 'unknown message type glossa:get-page',
    });
    expect(calls).toEqual([]);
  });

  it('leaves checking a recognition text to the recognizer service, which says why', async () => {
    const { parts: p, calls } = parts();
    const router = createBackgroundRouter(p);
    const routed = router.route({ type: 'glossa:recognize', text: 42 }, CONTENT);
    expect(routed.ok).toBe(true);
    expect(calls).toEqual([['recognize', { type: 'glossa:recognize', text: 42 }, CONTENT]]);
  });
});

describe('who answers the recognizer requests: exactly one context per browser', () => {
  const recognize = { type: 'glossa:recognize', text: 'Moscow', lang: 'en' };
  const status = { type: 'glossa:recognizer-status' };
  const hostAnswers = () => {
    const calls: unknown[][] = [];
    return {
      calls,
      parts: {
        recognition: {
          answer: async (...args: unknown[]) => {
            calls.push(['host recognize', ...args]);
            return { ok: true as const, mentions: [] };
          },
        },
        recognizerStatus: () => ({ ready: true, host: 'offscreen' as const }),
        tabClosed: (tabId: number) => calls.push(['tab closed', tabId]),
      },
    };
  };

  it('the place: the offscreen document where the browser has the API (Chrome), else the background', () => {
    const offscreen = { createDocument: async () => {}, hasDocument: async () => false };
    expect(recognizerPlace({ offscreen, runtime: {} })).toBe('offscreen');
    // Firefox MV2: no offscreen API; its background page never sleeps.
    expect(recognizerPlace({ runtime: {} })).toBe('background');
    expect(recognizerPlace({ offscreen: {} })).toBe('background');
  });

  it('Chrome: the service worker leaves them to the host; the host answers nothing else', async () => {
    const { parts: p, calls } = parts();
    const worker = createBackgroundRouter({ ...p, recognizer: null });
    const host = hostAnswers();
    const hostRouter = createRecognizerHostRouter(host.parts, ORIGIN);
    for (const [m, sender] of [
      [recognize, CONTENT],
      [status, POPUP],
    ] as const) {
      expect(worker.route(m, sender)).toMatchObject({ ok: false, reason: 'not-ours' });
      expect(hostRouter.route(m, sender).ok).toBe(true);
    }
    const notes = { type: 'glossa:notes-for-page', url: 'https://example.org/a' };
    for (const [m, sender] of [
      [notes, CONTENT],
      [{ type: 'glossa:start-recognizer-host' }, CONTENT],
      [{ type: 'glossa:save-selection', tabId: 9 }, POPUP],
      [{ type: 'glossa:run-command', command: 'next-mark', tabId: 9 }, POPUP],
    ] as const) {
      expect(hostRouter.route(m, sender)).toMatchObject({ ok: false, reason: 'not-ours' });
      expect(worker.route(m, sender).ok).toBe(true);
    }
    expect(await answer(worker, { type: 'glossa:start-recognizer-host' }, CONTENT)).toEqual({
      ready: true,
      host: 'offscreen',
    });
    expect(calls.filter(([name]) => name === 'start-host')).toHaveLength(2);
    expect(host.calls).toEqual([['host recognize', recognize, CONTENT]]);
  });

  it('Firefox: the background answers them all; the host router is not used', async () => {
    const { parts: p, calls } = parts();
    const background = createBackgroundRouter(p);
    expect(await answer(background, recognize, CONTENT)).toEqual({ ok: true, mentions: [] });
    expect(await answer(background, status, POPUP)).toEqual({ ready: true, loadMs: 5 });
    expect(calls).toEqual([['recognize', recognize, CONTENT]]);
  });

  it('the host hears of closed tabs from Glossa only, and checks the same senders', async () => {
    const host = hostAnswers();
    const hostRouter = createRecognizerHostRouter(host.parts, ORIGIN);
    const worker: MessageSender = { id: 'glossa', url: `${ORIGIN}background.js` };
    expect(await answer(hostRouter, { type: 'glossa:tab-closed', tabId: 4 }, worker)).toBeNull();
    expect(hostRouter.route({ type: 'glossa:tab-closed', tabId: 4 }, CONTENT)).toMatchObject({
      reason: 'refused',
    });
    expect(hostRouter.route({ type: 'glossa:tab-closed', tabId: 'x' }, worker)).toMatchObject({
      reason: 'malformed',
    });
    expect(hostRouter.route(status, CONTENT)).toMatchObject({ reason: 'refused' });
    expect(host.calls).toEqual([['tab closed', 4]]);
  });
});

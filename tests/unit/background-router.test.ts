import { describe, expect, it, vi } from 'vitest';
import { type BackgroundParts, createBackgroundRouter } from '../../lib/background/router';
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
    recognition: { answer: record('recognize', { ok: true as const, mentions: [] }) },
    recognizerStatus: () => ({ ready: true, loadMs: 5 }),
    notesForSender: record('notes', { ok: true as const, notes: [] }),
    saveSelection: record('save', { ok: false as const, error: 'no selection' }),
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
    expect(calls).toEqual([
      ['recognize', recognize, CONTENT],
      ['notes', notes, CONTENT],
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

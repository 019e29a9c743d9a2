import { describe, expect, it } from 'vitest';
import { answerCalls, workerCaller, workerRecognition } from '../../lib/background/host-worker';
import { offscreenHost } from '../../lib/background/offscreen';
import { startRecognizerHost } from '../../lib/background/recognizer-host';
import type { Recognizer } from '../../lib/entities';
import type { RecognizerStatus } from '../../lib/messages/types';

/** A browser's offscreen API: the document appears `listensAfter` status questions after creation. */
function browserFake(options: { exists?: boolean; listensAfter?: number } = {}) {
  let exists = options.exists ?? false;
  let asked = 0;
  const created: unknown[] = [];
  return {
    created,
    offscreen: {
      hasDocument: async () => exists,
      createDocument: async (parameters: unknown) => {
        if (exists) throw new Error('Only a single offscreen document may be created.');
        created.push(parameters);
        exists = true;
      },
    },
    askStatus: async (): Promise<RecognizerStatus | undefined> => {
      if (!exists) return undefined;
      asked++;
      return asked > (options.listensAfter ?? 0) ? { ready: false, host: 'offscreen' } : undefined;
    },
    asked: () => asked,
  };
}

function hostOf(fake: ReturnType<typeof browserFake>) {
  const waits: number[] = [];
  const host = offscreenHost({
    offscreen: fake.offscreen,
    url: 'chrome-extension://glossa/recognizer-host.html',
    askStatus: fake.askStatus,
    wait: async (ms) => {
      waits.push(ms);
    },
    log: () => {},
  });
  return { host, waits };
}

describe("Chrome's offscreen recognizer host, as the service worker starts it", () => {
  it('creates the document once, for workers, even when asked twice at once', async () => {
    const fake = browserFake();
    const { host } = hostOf(fake);
    await Promise.all([host.ensureDocument(), host.ensureDocument()]);
    await host.ensureDocument();
    expect(fake.created).toEqual([
      expect.objectContaining({
        url: 'chrome-extension://glossa/recognizer-host.html',
        reasons: ['WORKERS'],
      }),
    ]);
  });

  it('a document another wake-up created meanwhile is no failure; other failures are', async () => {
    const racing = (existsAfterThrow: boolean) => {
      let checks = 0;
      return offscreenHost({
        offscreen: {
          // Absent when first checked; present (or not) once createDocument has thrown.
          hasDocument: async () => checks++ > 0 && existsAfterThrow,
          createDocument: async () => {
            throw new Error('Only a single offscreen document may be created.');
          },
        },
        url: 'x',
        askStatus: async () => undefined,
        wait: async () => {},
        log: () => {},
      });
    };
    await expect(racing(true).ensureDocument()).resolves.toBeUndefined();
    await expect(racing(false).ensureDocument()).rejects.toThrow('Only a single');
  });

  it("start: creates the document if need be, and waits until it answers (the page's retry)", async () => {
    const fake = browserFake({ listensAfter: 2 });
    const { host, waits } = hostOf(fake);
    expect(await host.start()).toEqual({ ready: false, host: 'offscreen' });
    expect(fake.created).toHaveLength(1);
    expect(fake.asked()).toBe(3);
    expect(waits).toEqual([20, 20]);
  });

  it('start: a document that never answers is an error, not a hang', async () => {
    const fake = browserFake({ listensAfter: Number.POSITIVE_INFINITY });
    const { host, waits } = hostOf(fake);
    await expect(host.start()).rejects.toThrow('the recognizer host did not answer');
    expect(waits.length).toBe(50);
  });
});

describe('the offscreen document relays to its recognizer worker', () => {
  it('recognition, status and closed tabs go through the worker; tables built once', async () => {
    let built = 0;
    const recognizer = {
      id: 'fake',
      recognize: (text: string) =>
        text.startsWith('Putin')
          ? [{ start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Putin' }]
          : [],
    } as unknown as Recognizer;
    const { port1, port2 } = new MessageChannel();
    const host = startRecognizerHost({
      load: async () => undefined,
      createRecognizer: () => {
        built++;
        return recognizer;
      },
      warmUpTexts: [],
      now: () => 0,
      later: (task) => task(),
      schedule: (task) => task(),
      log: () => {},
      about: { host: 'offscreen', startedAt: 1234 },
    });
    answerCalls(port2, host);
    port2.start();
    const parts = workerRecognition(workerCaller(port1));
    port1.start();
    try {
      const sender = { tab: { id: 7 } };
      const m = { type: 'glossa:recognize' as const, text: 'Putin met Kim.', lang: 'en' };
      const [one, two] = await Promise.all([
        parts.recognition.answer(m, sender),
        parts.recognition.answer(m, sender),
      ]);
      expect(one).toEqual({
        ok: true,
        mentions: [{ start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Putin' }],
      });
      expect(two).toEqual(one);
      // The worker checks the sender's tab as the background did.
      expect(await parts.recognition.answer(m, {})).toMatchObject({ ok: false });
      expect(await parts.recognizerStatus()).toMatchObject({
        ready: true,
        host: 'offscreen',
        startedAt: 1234,
      });
      parts.tabClosed(7);
      expect(built).toBe(1);
    } finally {
      port1.close();
      port2.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  lowPriority,
  packageFileReader,
  startRecognizerHost,
} from '../../lib/background/recognizer-host';
import type { Recognizer } from '../../lib/entities';

/** A recognizer that records what it was given; the clock advances 2 ms per call. */
function fakes(load: () => Promise<unknown> = async () => undefined) {
  let clock = 0;
  const seen: string[] = [];
  let built = 0;
  const queued: Array<() => void> = [];
  const recognizer: Recognizer = {
    id: 'fake',
    recognize(text: string) {
      clock += 2;
      seen.push(text);
      return [];
    },
  } as unknown as Recognizer;
  const logs: unknown[][] = [];
  const host = startRecognizerHost({
    load,
    createRecognizer: () => {
      built++;
      return recognizer;
    },
    warmUpTexts: [
      { lang: 'ru', text: 'Лавров' },
      { lang: 'en', text: 'Lavrov' },
    ],
    now: () => clock,
    later: (task) => queued.push(task),
    schedule: (task) => task(),
    log: (...args) => logs.push(args),
  });
  const runLater = () => {
    while (queued.length > 0) queued.shift()?.();
  };
  return { host, seen, built: () => built, queued, runLater, logs };
}

describe('the recognizer host', () => {
  it('builds one recognizer once the data is read, then warms it one text per task', async () => {
    const f = fakes();
    expect(f.host.status()).toEqual({ ready: false });
    await f.host.started;
    expect(f.host.status()).toMatchObject({ ready: true, loadMs: 0, warmMs: 2 });
    expect(f.seen).toHaveLength(1);
    // The warm-up texts, twice, each its own task.
    expect(f.queued).toHaveLength(4);
    f.runLater();
    expect(f.seen.slice(1)).toEqual(['Лавров', 'Lavrov', 'Лавров', 'Lavrov']);
    expect(f.host.status().warmUpMs).toBe(8);
    expect(f.built()).toBe(1);
  });

  it('answers recognition requests from tabs once ready, with the same recognizer', async () => {
    const f = fakes();
    const answer = await f.host.service.answer(
      { type: 'glossa:recognize', text: 'Moscow' },
      { tab: { id: 1 } },
    );
    expect(answer).toEqual({ ok: true, mentions: [] });
    expect(f.seen).toContain('Moscow');
    expect(f.built()).toBe(1);
  });

  it("counts the pages' requests it served, apart from its own warm-up", async () => {
    const f = fakes();
    await f.host.started;
    f.runLater();
    expect(f.host.status().served).toBeUndefined();
    for (const text of ['Moscow', 'Paris and Rome'])
      await f.host.service.answer({ type: 'glossa:recognize', text }, { tab: { id: 1 } });
    // The fake clock moves 2 ms per recognize() call and nowhere else.
    expect(f.host.status().served).toEqual({
      requests: 2,
      chars: 20,
      recognizeMs: 4,
      hostMs: 4,
    });
  });

  it('reports data that could not be read, in its status and in answers', async () => {
    const f = fakes(async () => {
      throw new Error('lexicon.json: HTTP 404');
    });
    await f.host.started;
    expect(f.host.status()).toEqual({ ready: false, error: 'lexicon.json: HTTP 404' });
    expect(f.logs[0]?.[0]).toBe('recognizer data could not be loaded');
    const answer = await f.host.service.answer(
      { type: 'glossa:recognize', text: 'Moscow' },
      { tab: { id: 1 } },
    );
    expect(answer).toEqual({
      ok: false,
      error: 'the recognizer data could not be read (lexicon.json: HTTP 404)',
    });
    expect(f.built()).toBe(0);
  });

  it('gives out a copy of its status', async () => {
    const f = fakes();
    await f.host.started;
    const status = f.host.status();
    status.ready = false;
    expect(f.host.status().ready).toBe(true);
  });
});

describe('lowPriority', () => {
  it("posts tasks at background priority where the browser's scheduler allows it", () => {
    const posted: string[] = [];
    const later: Array<() => void> = [];
    const schedule = lowPriority(
      {
        postTask: async (task, options) => {
          posted.push(options.priority);
          task();
        },
      },
      (task) => later.push(task),
    );
    let ran = false;
    schedule(() => {
      ran = true;
    });
    expect(posted).toEqual(['background']);
    expect(ran).toBe(true);
    expect(later).toHaveLength(0);
  });

  it('falls back to one macrotask per task', () => {
    const later: Array<() => void> = [];
    const fallback = (task: () => void) => later.push(task);
    expect(lowPriority(undefined, fallback)).toBe(fallback);
    expect(lowPriority({}, fallback)).toBe(fallback);
  });
});

describe('packageFileReader', () => {
  it('reads a package file by its extension URL, and says which file failed', async () => {
    const fetched: string[] = [];
    const bytes = new Uint8Array([71, 76, 83, 77]).buffer;
    const read = packageFileReader(
      (path) => `chrome-extension://glossa${path}`,
      async (url) => {
        fetched.push(url);
        const found = !url.endsWith('/recognizer/lexicon.json');
        return {
          ok: found,
          status: found ? 200 : 404,
          json: async () => ({ weights: [1] }),
          arrayBuffer: async () => bytes,
        };
      },
    );
    expect(await read('recognizer/other.json')).toEqual({ weights: [1] });
    // The weights file is read as bytes, never parsed (lib/recognize/model/binary.ts).
    expect(await read('recognizer/model.bin')).toBe(bytes);
    await expect(read('recognizer/lexicon.json')).rejects.toThrow(
      'recognizer/lexicon.json: HTTP 404',
    );
    expect(fetched).toEqual([
      'chrome-extension://glossa/recognizer/other.json',
      'chrome-extension://glossa/recognizer/model.bin',
      'chrome-extension://glossa/recognizer/lexicon.json',
    ]);
  });
});

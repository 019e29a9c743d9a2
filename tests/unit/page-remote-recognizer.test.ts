// @vitest-environment jsdom
/**
 * Recognition in the background: the page sends text and paints what comes back. The annotator
 * reads on while an answer is pending, paints when it arrives, reports idle only after, and steps
 * back cleanly when the background fails or answers garbage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention, PageRecognizer } from '../../lib/entities';
import type { ToBackgroundMessage } from '../../lib/messages/to-background';
import { MAX_RECOGNIZE_CHARS } from '../../lib/messages/types';
import { createDocAnnotator, type DocAnnotator } from '../../lib/page/annotator';
import { PageNames } from '../../lib/page/known-names';
import {
  createRemoteRecognizer,
  readRecognizeAnswer,
  sendWithOneRetry,
} from '../../lib/page/remote-recognizer';
import { createRecognizer } from '../../lib/recognize';
import { answerRecognize, createRecognizeService } from '../../lib/recognize/remote';

const TEXT = 'Putin met Kim in Pyongyang.';

/** The host is never asked to start while the background answers. */
const mustNotStart = async () => {
  throw new Error('the host was asked to start although the background answered');
};

describe('readRecognizeAnswer', () => {
  it('keeps well-formed mentions, with their text taken from the page', () => {
    const answer = {
      ok: true,
      mentions: [
        { start: 0, end: 5, type: 'PER', text: 'FORGED', canonical: 'Vladimir Putin' },
        { start: 17, end: 26, type: 'LOC', text: 'Pyongyang', canonical: 'Pyongyang' },
      ],
    };
    expect(readRecognizeAnswer(answer, TEXT)).toEqual([
      { start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Vladimir Putin' },
      { start: 17, end: 26, type: 'LOC', text: 'Pyongyang', canonical: 'Pyongyang' },
    ]);
  });

  it('drops out-of-bounds, unknown-type and malformed mentions', () => {
    const answer = {
      ok: true,
      mentions: [
        { start: 0, end: 500, type: 'PER', text: 'x', canonical: 'x' },
        { start: 0, end: 5, type: 'EVIL', text: 'x', canonical: 'x' },
        { start: 0.5, end: 5, type: 'PER', text: 'x', canonical: 'x' },
        { start: 0, end: 5, type: 'PER', text: 'x', canonical: { toString: 1 } },
        null,
        'Putin',
      ],
    };
    expect(readRecognizeAnswer(answer, TEXT)).toEqual([]);
  });

  it('keeps a well-formed id of the mention’s type and drops any other, keeping the mention', () => {
    const mention = { start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Vladimir Putin' };
    const answer = {
      ok: true,
      mentions: [
        { ...mention, id: 'PER:vladimir-putin' },
        { ...mention, id: 'PER:~vladimir putin' },
        { ...mention, id: 'LOC:KP' },
        { ...mention, id: 'PER:<img src=x>' },
        { ...mention, id: 42 },
      ],
    };
    const read = readRecognizeAnswer(answer, TEXT);
    expect(read instanceof Error ? read : read.map((m) => m.id)).toEqual([
      'PER:vladimir-putin',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(read instanceof Error ? read : read.slice(1).some((m) => 'id' in m)).toBe(false);
  });

  it('keeps a well-formed registered treaty on a treaty mention, copied field by field', () => {
    const text = 'New START expires.';
    const treaty = { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 };
    const answer = {
      ok: true,
      mentions: [
        {
          start: 0,
          end: 9,
          type: 'TREATY',
          text: 'New START',
          canonical: 'New START',
          treaty: { ...treaty, extra: '<script>' },
        },
      ],
    };
    expect(readRecognizeAnswer(answer, text)).toEqual([
      { start: 0, end: 9, type: 'TREATY', text: 'New START', canonical: 'New START', treaty },
    ]);
  });

  it('drops mentions with a malformed treaty, or a treaty on another type', () => {
    const text = 'New START expires.';
    const base = { start: 0, end: 9, type: 'TREATY', text: 'x', canonical: 'New START' };
    const good = { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 };
    const answer = {
      ok: true,
      mentions: [
        { ...base, treaty: null },
        { ...base, treaty: 'new-start' },
        { ...base, treaty: { ...good, id: 'New START!' } },
        { ...base, treaty: { ...good, en: '' } },
        { ...base, treaty: { ...good, ru: 'x'.repeat(5000) } },
        { ...base, treaty: { ...good, year: 2010.5 } },
        { ...base, treaty: { ...good, year: '2010' } },
        { ...base, type: 'PER', treaty: good },
      ],
    };
    expect(readRecognizeAnswer(answer, text)).toEqual([]);
  });

  it('turns failures and non-answers into errors', () => {
    expect(readRecognizeAnswer(undefined, TEXT)).toBeInstanceOf(Error);
    expect(readRecognizeAnswer({ ok: true, mentions: 'no' }, TEXT)).toBeInstanceOf(Error);
    const failed = readRecognizeAnswer({ ok: false, error: 'boom' }, TEXT);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toContain('boom');
  });
});

describe('answerRecognize (the background side)', () => {
  it('answers with the real recognizer what it finds', () => {
    const result = answerRecognize(() => createRecognizer(), {
      text: 'Президент Владимир Путин прилетел в Пхеньян.',
      lang: 'ru',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mentions.map((m) => [m.type, m.text])).toEqual([
      ['PER', 'Владимир Путин'],
      ['LOC', 'Пхеньян'],
    ]);
  });

  it('refuses what is not text, or too much of it, and reports a recognizer that throws', () => {
    const never = () => {
      throw new Error('must not be called');
    };
    expect(answerRecognize(never, { text: 42 })).toEqual({
      ok: false,
      error: 'no text to recognize',
    });
    const huge = { text: { length: MAX_RECOGNIZE_CHARS + 1 } as unknown as string };
    expect(answerRecognize(never, huge).ok).toBe(false);
    const throwing = () => ({
      id: 't',
      recognize(): Mention[] {
        throw new Error('tables missing');
      },
    });
    expect(answerRecognize(throwing, { text: 'a' })).toEqual({
      ok: false,
      error: 'tables missing',
    });
  });
});

/** A recognizer that must not be reached. */
const never = () => {
  throw new Error('must not be called');
};

describe('the size bound of a recognition request (shared by page and background)', () => {
  it('is near what the page really sends (a batch and its names header), not megabytes', () => {
    expect(MAX_RECOGNIZE_CHARS).toBeGreaterThanOrEqual(40_000);
    expect(MAX_RECOGNIZE_CHARS).toBeLessThanOrEqual(64_000);
  });

  it('refuses a longer text before any recognition, saying what the bound is', () => {
    const result = answerRecognize(never, { text: 'a'.repeat(MAX_RECOGNIZE_CHARS + 1) });
    expect(result).toEqual({
      ok: false,
      error: `a recognition request may carry at most ${MAX_RECOGNIZE_CHARS} characters; this one has ${MAX_RECOGNIZE_CHARS + 1}`,
    });
    expect(
      answerRecognize(() => createRecognizer(), { text: 'a'.repeat(MAX_RECOGNIZE_CHARS) }).ok,
    ).toBe(true);
  });

  it('the page never sends more: a longer text goes in several requests, mentions in place', async () => {
    const sentence = 'Vladimir Putin met Kim Jong Un in Pyongyang. ';
    const repeats = Math.ceil((MAX_RECOGNIZE_CHARS * 2.5) / sentence.length);
    const text = sentence.repeat(repeats);
    const real = createRecognizer();
    const sent: number[] = [];
    const remote = createRemoteRecognizer(async (message) => {
      sent.push(message.text.length);
      return answerRecognize(() => real, message);
    }, mustNotStart);
    const mentions = await remote.recognize(text, { lang: 'en' });
    expect(sent.length).toBe(3);
    expect(Math.max(...sent)).toBeLessThanOrEqual(MAX_RECOGNIZE_CHARS);
    expect(sent.reduce((n, l) => n + l, 0)).toBe(text.length);
    // Cut at sentence ends: every sentence's three names are found, none twice.
    expect(mentions.length).toBe(3 * repeats);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.at(-1)?.text).toBe('Pyongyang');
  });

  it('says when each answer arrives, before the page has read it', async () => {
    const events: string[] = [];
    const remote = createRemoteRecognizer(async (message) => {
      events.push('sent');
      return answerRecognize(() => createRecognizer(), message);
    }, mustNotStart);
    const answer = remote.recognize(TEXT, { lang: 'en', received: () => events.push('arrived') });
    expect(events).toEqual(['sent']);
    const mentions = await answer;
    events.push('read');
    expect(events).toEqual(['sent', 'arrived', 'read']);
    expect(mentions.length).toBeGreaterThan(0);
  });
});

describe('createRecognizeService (the background: checks, then one tab at a time)', () => {
  function hand() {
    const tasks: Array<() => void> = [];
    let scheduled = 0;
    return {
      schedule: (task: () => void) => {
        scheduled += 1;
        tasks.push(task);
      },
      get scheduled() {
        return scheduled;
      },
      async runAll() {
        // Requests join the queue once the data is ready (a resolved promise): let them.
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 0));
          for (let task = tasks.shift(); task; task = tasks.shift()) task();
        }
      },
    };
  }
  const real = createRecognizer();
  const tab = (id: number) => ({ tab: { id } });

  it('answers an oversized request with the error at once, and the other tab is still served', async () => {
    const clock = hand();
    const service = createRecognizeService({
      recognizer: () => real,
      ready: Promise.resolve(),
      schedule: clock.schedule,
    });
    const huge = service.answer(
      { type: 'glossa:recognize', text: 'Putin. '.repeat(MAX_RECOGNIZE_CHARS) },
      tab(1),
    );
    expect(await huge).toEqual({
      ok: false,
      error: `a recognition request may carry at most ${MAX_RECOGNIZE_CHARS} characters; this one has ${7 * MAX_RECOGNIZE_CHARS}`,
    });
    const text =
      'On Monday, Vladimir Putin met the North Korean leader, Kim Jong Un, in Pyongyang.';
    const fine = service.answer({ type: 'glossa:recognize', text, lang: 'en' }, tab(2));
    await clock.runAll();
    const answer = await fine;
    expect(answer.ok && answer.mentions.map((m) => m.text)).toEqual([
      'Vladimir Putin',
      'Kim Jong Un',
      'Pyongyang',
    ]);
    expect(clock.scheduled).toBe(1); // the refused request never took a task
  });

  it('refuses requests without a sender tab or without text, before any work', async () => {
    const clock = hand();
    const service = createRecognizeService({
      recognizer: never,
      ready: Promise.resolve(),
      schedule: clock.schedule,
    });
    expect(await service.answer({ type: 'glossa:recognize', text: TEXT }, {})).toEqual({
      ok: false,
      error: 'recognition is done only for a content script in a tab',
    });
    expect(await service.answer({ type: 'glossa:recognize', text: 42 }, tab(1))).toEqual({
      ok: false,
      error: 'no text to recognize',
    });
    await clock.runAll();
    expect(clock.scheduled).toBe(0);
  });

  it("answers a closed tab's waiting requests with an error and runs nothing for it", async () => {
    const clock = hand();
    let calls = 0;
    const service = createRecognizeService({
      recognizer: () => {
        calls += 1;
        return real;
      },
      ready: Promise.resolve(),
      schedule: clock.schedule,
    });
    const pending = service.answer({ type: 'glossa:recognize', text: TEXT }, tab(4));
    await new Promise((r) => setTimeout(r, 0)); // queued, not run
    service.tabClosed(4);
    await clock.runAll();
    expect(await pending).toEqual({ ok: false, error: 'the tab was closed' });
    expect(calls).toBe(0);
  });

  it('answers with the data error when the recognizer data could not be read', async () => {
    const clock = hand();
    const service = createRecognizeService({
      recognizer: never,
      ready: Promise.reject(new Error('lexicon.json: HTTP 404')),
      schedule: clock.schedule,
    });
    expect(await service.answer({ type: 'glossa:recognize', text: TEXT }, tab(1))).toEqual({
      ok: false,
      error: 'the recognizer data could not be read (lexicon.json: HTTP 404)',
    });
  });
});

describe('annotator with a remote recognizer', () => {
  let annotator: DocAnnotator | null = null;
  afterEach(() => {
    annotator?.dispose();
    annotator = null;
    document.body.innerHTML = '';
  });

  /** A background that answers when told to, recognizing with the real recognizer. */
  function background() {
    const pending: Array<() => void> = [];
    const sent: string[] = [];
    const langs: Array<string | undefined> = [];
    const real = createRecognizer();
    let fail = false;
    const send = (message: ToBackgroundMessage<'glossa:recognize'>) =>
      new Promise<unknown>((resolve) => {
        sent.push(message.text);
        langs.push(message.lang);
        pending.push(() =>
          resolve(
            fail
              ? { ok: false, error: 'service worker stopped' }
              : answerRecognize(() => real, message),
          ),
        );
      });
    return {
      recognizer: createRemoteRecognizer(send, mustNotStart),
      sent,
      langs,
      answerAll() {
        for (const answer of pending.splice(0)) answer();
      },
      failNext() {
        fail = true;
      },
    };
  }

  function start(recognizer: PageRecognizer, onError?: (e: unknown) => void) {
    document.body.innerHTML =
      '<article><p>Президент Владимир Путин прилетел в Пхеньян.</p><p>Ким Чен Ын встретил его.</p></article>';
    annotator = createDocAnnotator({
      doc: document,
      root: document.querySelector('article') as HTMLElement,
      types: ['PER', 'LOC', 'TREATY'],
      recognizer: () => recognizer,
      names: new PageNames(),
      cache: new Map(),
      lang: 'ru',
      now: () => performance.now(),
      budgetMs: Number.POSITIVE_INFINITY,
      domChanges: false,
      onError,
    });
    return annotator;
  }

  const marks = () => [...document.querySelectorAll('mark')].map((m) => m.textContent);

  it('paints when the answer arrives, and is idle only then', async () => {
    const bg = background();
    const a = start(bg.recognizer);
    let idle = false;
    void a.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(bg.sent.length).toBe(1); // both paragraphs in one batch
    expect(marks()).toEqual([]);
    expect(idle).toBe(false);
    expect(a.done).toBe(false);
    bg.answerAll();
    await a.idle();
    expect(marks()).toEqual(['Владимир Путин', 'Пхеньян', 'Ким Чен Ын']);
    expect(a.done).toBe(true);
    expect(a.timing.warmMs).toBe(0); // no warm-up on the page: the background has the tables
    // The page's own work, by phase, adds up to no more than the work measured in slices.
    const { phases, workMs } = a.timing;
    expect(phases.read).toBeGreaterThan(0);
    expect(phases.paint).toBeGreaterThan(0);
    // Its setup and the reading of the answer are its work too.
    expect(phases.setup).toBeGreaterThan(0);
    expect(phases.answer).toBeGreaterThan(0);
    const sum = Object.values(phases).reduce((n, v) => n + v, 0);
    expect(sum).toBeLessThanOrEqual(workMs + 0.5);
  });

  it('guesses the language of a page that declares none from its text, before the first batch', async () => {
    const bg = background();
    document.body.innerHTML = `<article>${'<p>The president of the United States met the leaders of the region in Brussels on Monday and said that the talks had been useful.</p>'.repeat(6)}</article>`;
    document.documentElement.removeAttribute('lang');
    annotator = createDocAnnotator({
      doc: document,
      root: document.querySelector('article') as HTMLElement,
      types: ['PER', 'LOC', 'TREATY'],
      recognizer: () => bg.recognizer,
      names: new PageNames(),
      cache: new Map(),
      now: () => performance.now(),
      budgetMs: Number.POSITIVE_INFINITY,
      domChanges: false,
    });
    await new Promise((r) => setTimeout(r, 10));
    bg.answerAll();
    await annotator.idle();
    expect(bg.langs).toEqual(['en']);
    expect(marks()).toContain('Brussels');
  });

  it('steps back, leaving the page as it was, when the background fails', async () => {
    const bg = background();
    const errors: unknown[] = [];
    const before =
      '<article><p>Президент Владимир Путин прилетел в Пхеньян.</p><p>Ким Чен Ын встретил его.</p></article>';
    const a = start(bg.recognizer, (e) => errors.push(e));
    bg.failNext();
    await new Promise((r) => setTimeout(r, 10));
    bg.answerAll();
    await a.idle();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('service worker stopped');
    expect(document.body.innerHTML).toBe(before);
  });

  it('ignores an answer that arrives after dispose', async () => {
    const bg = background();
    const a = start(bg.recognizer);
    await new Promise((r) => setTimeout(r, 10));
    a.dispose();
    bg.answerAll();
    await a.idle();
    expect(marks()).toEqual([]);
  });
});

describe('a recognition request nobody answered (Chrome, before the offscreen host exists)', () => {
  const request = { type: 'glossa:recognize' as const, text: 'Putin met Kim.', lang: 'en' };
  const answer = { ok: true as const, mentions: [] };

  for (const [what, noAnswer] of [
    ['no answer (the service worker listens but leaves it to the host)', async () => undefined],
    [
      'the browser finds no receiver',
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    ],
  ] as const) {
    it(`${what}: starts the host, then sends it once more`, async () => {
      const events: string[] = [];
      let sends = 0;
      const send = async () => {
        sends++;
        events.push(`send ${sends}`);
        return sends === 1 ? noAnswer() : answer;
      };
      const startHost = async () => {
        events.push('start host');
      };
      expect(await sendWithOneRetry(send, startHost, request)).toEqual(answer);
      expect(events).toEqual(['send 1', 'start host', 'send 2']);
    });
  }

  it('retries only once: a second silence rejects, and the annotator steps back', async () => {
    let sends = 0;
    let starts = 0;
    const remote = createRemoteRecognizer(
      async () => {
        sends++;
        return undefined;
      },
      async () => {
        starts++;
      },
    );
    await expect(remote.recognize('Putin met Kim.')).rejects.toThrow(
      'the background gave no answer to a recognition request',
    );
    expect([sends, starts]).toEqual([2, 1]);
  });

  it('an answer, even an error, is never sent again', async () => {
    let sends = 0;
    const remote = createRemoteRecognizer(async () => {
      sends++;
      return { ok: false, error: 'too long' };
    }, mustNotStart);
    await expect(remote.recognize('Putin')).rejects.toThrow(
      'recognition failed in the background: too long',
    );
    expect(sends).toBe(1);
  });
});

// @vitest-environment jsdom
/**
 * Recognition in the background: the page sends text and paints what comes back. The annotator
 * reads on while an answer is pending, paints when it arrives, reports idle only after, and steps
 * back cleanly when the background fails or answers garbage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention, PageRecognizer } from '../../lib/entities';
import type { Message } from '../../lib/messages';
import { createDocAnnotator, type DocAnnotator } from '../../lib/page/annotator';
import { PageNames } from '../../lib/page/names';
import { createRemoteRecognizer, readRecognizeAnswer } from '../../lib/page/remote-recognizer';
import { createRecognizer } from '../../lib/recognize';
import { answerRecognize, MAX_RECOGNIZE_CHARS } from '../../lib/recognize/remote';

const TEXT = 'Putin met Kim in Pyongyang.';

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
    const send = (message: Message<'glossa:recognize'>) =>
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
      recognizer: createRemoteRecognizer(send),
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
      watch: false,
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
      watch: false,
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

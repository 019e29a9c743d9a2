import { readFileSync } from 'node:fs';
import { expect, describe as group, it } from 'vitest';
import { anchor } from '../../lib/anchor/anchor';
import { CONTEXT_LENGTH, describe } from '../../lib/anchor/describe';
import { reanchorNotes } from '../../lib/anchor/reanchor';
import type { Note } from '../../lib/notes/model';

/** The founding demo article: Russian news text with a treaty name that occurs twice. */
const ARTICLE = readFileSync(new URL('../fixtures/demo/article.txt', import.meta.url), 'utf8');

function spanOf(text: string, quote: string, occurrence = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture: "${quote}" occurs fewer than ${occurrence + 1} times`);
  }
  return [at, at + quote.length];
}

const SENTENCE = 'Соглашение вступило в силу 5 декабря после обмена ратификационными грамотами.';
/** Occurs twice in the article (after "Договор" and after "Договору"). */
const TREATY = 'о всеобъемлющем стратегическом партнерстве между Россией и КНДР';

group('describe', () => {
  it('gives the quote with up to 32 characters of context, and the offsets', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    const [quote, position] = describe(ARTICLE, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: SENTENCE,
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(end, end + CONTEXT_LENGTH),
    });
    expect(quote.prefix).toBe(' РФ Владимира Путина в Пхеньян. ');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('shortens the context at the edges of the text', () => {
    const [quote] = describe('abc', 0, 3);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe('');
  });

  it('never cuts an astral character in half', () => {
    // The 32-unit windows start and end in the middle of the two emoji.
    const text = `😀${'x'.repeat(31)}quote${'y'.repeat(31)}😀`;
    const [quote] = describe(text, 33, 38);
    expect(quote.exact).toBe('quote');
    expect(quote.prefix).toBe('x'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
  });

  it('refuses a span outside the text', () => {
    expect(() => describe('abc', 2, 1)).toThrow(RangeError);
    expect(() => describe('abc', 0, 4)).toThrow(RangeError);
    expect(() => describe('abc', -1, 1)).toThrow(RangeError);
    expect(() => describe('abc', 0.5, 1)).toThrow(RangeError);
  });
});

group('anchor: the five cases of a page seen again', () => {
  it('1. unchanged page: the stored offsets, fully trusted', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    expect(anchor(ARTICLE, describe(ARTICLE, start, end))).toEqual({ start, end, score: 1 });
  });

  it('2. paragraphs inserted before the quote: found by quote and context', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    const selectors = describe(ARTICLE, start, end);
    const inserted =
      'Обновлено 6 декабря. Добавлены комментарии МИД.\nЭкспертный комментарий к статье.\n';
    const changed = inserted + ARTICLE;
    const found = anchor(changed, selectors);
    expect(found).not.toBeNull();
    expect(found?.start).toBe(start + inserted.length);
    expect(changed.slice(found?.start, found?.end)).toBe(SENTENCE);
    expect(found?.score).toBeGreaterThan(0.99);
  });

  it('3. words edited inside the quote: found approximately, covering the new wording', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    const selectors = describe(ARTICLE, start, end);
    for (const edited of [
      'Соглашение вступило в силу 4 декабря после обмена ратификационными грамотами.', // a date
      'Договор вступил в силу 5 декабря после обмена ратификационными грамотами.', // first words
    ]) {
      const changed = ARTICLE.replace(SENTENCE, edited);
      const found = anchor(changed, selectors);
      expect(found).not.toBeNull();
      expect(changed.slice(found?.start, found?.end)).toBe(edited);
      expect(found?.score).toBeLessThan(1);
      expect(found?.score).toBeGreaterThan(0.9);
    }
    // Words added at the very end: the match starts right and keeps the unchanged words; where
    // it ends inside the addition is a matter of edit counting.
    const extended =
      'Соглашение вступило в силу 4 декабря после обмена ратификационными грамотами в Москве.';
    const changed = ARTICLE.replace(SENTENCE, extended);
    const found = anchor(changed, selectors);
    expect(found?.start).toBe(start);
    expect(changed.slice(found?.start, found?.end)).toMatch(
      /^Соглашение вступило в силу 4 декабря после обмена ратификационными грамотами/,
    );
    expect(found?.end).toBeLessThanOrEqual(start + extended.length);
  });

  it('4. the quote appears twice: the context decides, whichever the old offsets say', () => {
    const first = spanOf(ARTICLE, TREATY, 0);
    const second = spanOf(ARTICLE, TREATY, 1);
    const inserted = 'Вставка редакции, из-за которой все смещения устарели.\n';
    const changed = inserted + ARTICLE;
    for (const [start, end] of [first, second]) {
      const found = anchor(changed, describe(ARTICLE, start, end));
      expect(found?.start).toBe(start + inserted.length);
      expect(found?.end).toBe(end + inserted.length);
    }
    // Offsets that now point exactly at the other occurrence do not fool it either.
    const [quote, position] = describe(ARTICLE, ...second);
    const misleading = { ...position, start: first[0], end: first[1] };
    expect(anchor(ARTICLE, [quote, misleading])).toMatchObject({
      start: second[0],
      end: second[1],
    });
  });

  it('5. the quote is gone: null, and the note is kept as orphaned', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    const selectors = describe(ARTICLE, start, end);
    const changed = ARTICLE.replace(SENTENCE, '');
    expect(anchor(changed, selectors)).toBeNull();

    const note: Note = {
      id: 'n1',
      kind: 'selection',
      url: 'https://ria.ru/x',
      pageTitle: 't',
      text: 'keep me',
      tags: [],
      quote: SENTENCE,
      selectors,
      createdAt: '2025-12-05T08:00:00.000Z',
      updatedAt: '2025-12-05T08:00:00.000Z',
    };
    expect(reanchorNotes(changed, [note])).toEqual([{ note, status: 'orphaned' }]);
    expect(reanchorNotes(ARTICLE, [note])).toEqual([
      { note, status: 'anchored', start, end, score: 1 },
    ]);
  });
});

group('anchor: harder cases', () => {
  it('prefers the edited quote in its place over an unedited copy elsewhere', () => {
    const quote = 'вероятность конфликта на Корейском полуострове резко снижается';
    const [start, end] = spanOf(ARTICLE, quote);
    const selectors = describe(ARTICLE, start, end);
    const edited = 'вероятность конфликта на Корейском полуострове заметно снижается';
    // The page now quotes the original words again in a pull-quote at the end.
    const changed = `${ARTICLE.replace(quote, edited)}\nЦитата дня: «${quote}».`;
    const found = anchor(changed, selectors);
    expect(found?.start).toBe(start);
    expect(changed.slice(found?.start, found?.end)).toBe(edited);
  });

  it('survives line breaks turning into spaces around the quote', () => {
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    const selectors = describe(ARTICLE, start, end);
    const reflowed = ARTICLE.replace(/\n/g, ' ');
    expect(anchor(reflowed, selectors)).toMatchObject({ start, end });
  });

  it('does not place a short quote in foreign context', () => {
    const text = 'Лидеры России и КНДР подписали Договор. Позже РФ ратифицировала его.';
    const [start, end] = spanOf(text, 'РФ');
    const selectors = describe(text, start, end);
    const other = 'Совсем другой текст, где упомянута РФ и больше ничего общего нет.';
    expect(anchor(other, selectors)).toBeNull();
  });

  it('uses offsets alone when there is no quote, but trusts them less', () => {
    expect(anchor('abcdef', [{ type: 'TextPositionSelector', start: 1, end: 3 }])).toEqual({
      start: 1,
      end: 3,
      score: 0.5,
    });
    expect(anchor('abc', [{ type: 'TextPositionSelector', start: 1, end: 9 }])).toBeNull();
    expect(anchor('abc', [])).toBeNull();
  });

  it('anchors a note saved with only its quote', () => {
    const note: Note = {
      id: 'n2',
      kind: 'selection',
      url: 'u',
      pageTitle: '',
      text: '',
      tags: [],
      quote: SENTENCE,
      createdAt: '2025-12-05T08:00:00.000Z',
      updatedAt: '2025-12-05T08:00:00.000Z',
    };
    const [start, end] = spanOf(ARTICLE, SENTENCE);
    expect(reanchorNotes(ARTICLE, [note])).toEqual([
      { note, status: 'anchored', start, end, score: expect.any(Number) },
    ]);
  });

  it('skips page and entity notes', () => {
    const pageNote = { kind: 'page' } as Note;
    expect(reanchorNotes(ARTICLE, [pageNote])).toEqual([]);
  });
});

import { expect, describe as group, it, vi } from 'vitest';
import { matchQuote, maxErrorsFor, scorePlacement } from '../../lib/anchor/match-quote';

/** The real fuzzy search, counting the characters it is given to scan (work, not time). */
const scanned = vi.hoisted(() => ({ calls: 0, chars: 0 }));
vi.mock('approx-string-match', async (importOriginal) => {
  const real = (await importOriginal<typeof import('approx-string-match')>()).default;
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      scanned.calls++;
      scanned.chars += text.length;
      return real(text, pattern, maxErrors);
    },
  };
});

import { editDistance, similarity } from '../../lib/anchor/similarity';

group('edit distance and similarity', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Путин', 'Путина')).toBe(1);
  });

  it('is 1 for equal text, 0 for nothing in common, and ignores how whitespace is spelled', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
    expect(similarity('a\n b', 'a b')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
  });
});

group('matchQuote', () => {
  it('allows a quarter of the quote in edits, at most 32', () => {
    expect(maxErrorsFor(3)).toBe(0);
    expect(maxErrorsFor(40)).toBe(10);
    expect(maxErrorsFor(1000)).toBe(32);
  });

  it('finds an exact quote without any context', () => {
    expect(matchQuote('one two three', 'two')).toEqual({ start: 4, end: 7, score: 1, errors: 0 });
  });

  it('returns null for an empty quote or one that is not there', () => {
    expect(matchQuote('one two three', '')).toBeNull();
    expect(matchQuote('one two three', 'совсем другой текст')).toBeNull();
  });

  it('between two exact copies, picks the one whose prefix and suffix match', () => {
    const text = 'Москва заявила: мир. Пекин заявил: мир. Конец.';
    const found = matchQuote(text, 'мир', { prefix: 'Пекин заявил: ', suffix: '. Конец' });
    expect(found?.start).toBe(text.lastIndexOf('мир'));
  });

  it('with equal context on both copies, picks the one nearest the old position', () => {
    const text = 'x мир y. x мир y. x мир y.';
    const third = text.lastIndexOf('мир');
    expect(matchQuote(text, 'мир', { prefix: 'x ', suffix: ' y', hint: third })?.start).toBe(third);
    expect(matchQuote(text, 'мир', { prefix: 'x ', suffix: ' y', hint: 0 })?.start).toBe(2);
  });

  it('finds a quote with a typo fixed, and scores it below an exact match', () => {
    const saved = 'Договор вступил в силу после обмена ратификацонными грамотами';
    const text = `Вчера. ${saved.replace('ратификацонными', 'ратификационными')} Сегодня.`;
    const found = matchQuote(text, saved);
    expect(found).not.toBeNull();
    expect(found?.errors).toBe(1);
    expect(text.slice(found?.start, found?.end)).toBe(
      saved.replace('ратификацонными', 'ратификационными'),
    );
    expect(found?.score).toBeLessThan(1);
  });

  it('gives up when the quote changed more than a quarter', () => {
    const saved = 'the treaty entered into force in February';
    const text = 'the agreement became binding during March of that year';
    expect(matchQuote(text, saved)).toBeNull();
  });

  it('scores context and position into one number between 0 and 1', () => {
    const text = 'aaa QUOTE bbb';
    const perfect = scorePlacement(
      text,
      'QUOTE',
      { prefix: 'aaa ', suffix: ' bbb', hint: 4 },
      4,
      9,
      0,
    );
    expect(perfect.score).toBe(1);
    expect(perfect.context).toBe(1);
    const wrongContext = scorePlacement(
      text,
      'QUOTE',
      { prefix: 'zzz ', suffix: ' yyy', hint: 4 },
      4,
      9,
      0,
    );
    expect(wrongContext.score).toBeLessThan(perfect.score);
    expect(wrongContext.context).toBeLessThan(0.5);
  });

  it('places a quote that occurs thousands of times by its context', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `Абзац ${i}: РФ и КНДР.`).join('\n');
    const text = `${filler}\nОсобое место: РФ подписала протокол.\n${filler}`;
    const at = text.indexOf('Особое место: РФ') + 'Особое место: '.length;
    const context = { prefix: 'Особое место: ', suffix: ' подписала протокол.', hint: 10 };
    expect(matchQuote(text, 'РФ', context)?.start).toBe(at);
    // Context slightly edited: no literal match, so the context search has to find it.
    const edited = text.replace('подписала протокол', 'подписала Протокол');
    expect(matchQuote(edited, 'РФ', context)?.start).toBe(at);
  });

  it('scans a long page once for a long, edited quote', () => {
    const paragraph = 'Стороны обсудили вопросы сотрудничества в различных сферах. ';
    const page = Array.from({ length: 2000 }, (_, i) => `${i}. ${paragraph}`).join('\n'); // ~130k chars
    const quote = page.slice(60_000, 61_500);
    const edited = `${page.slice(0, 60_500)}ВСТАВКА ${page.slice(60_500)}`;
    scanned.calls = 0;
    scanned.chars = 0;
    const found = matchQuote(edited, quote, {
      prefix: page.slice(59_968, 60_000),
      suffix: page.slice(61_500, 61_532),
    });
    expect(found?.start).toBe(60_000);
    expect(found?.end).toBe(61_508);
    // Counted, not timed (a wall-clock bound breaks on a busy machine): the page is scanned
    // once for the quote in its context, then only the matched window again.
    console.log(`[match-quote] ${scanned.calls} searches over ${scanned.chars} characters`);
    expect(scanned.chars).toBeLessThanOrEqual(edited.length + 2 * (quote.length + 64 + 8));
  });
});

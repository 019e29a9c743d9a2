import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../lib/recognize/lexicon';
import { markRecurrences } from '../../lib/recognize/one-sense';
import { type Candidate, createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';

/** A document and spans given by the words they cover ("Jay Z" → the tokens of its first match). */
function setUp(text: string) {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  const span = (words: string, type: Candidate['type'] = 'PER', from = 0): Candidate => {
    const want = tokenize(words).map((t) => t.text);
    for (let i = from; i < tokens.length; i++) {
      if (want.every((w, k) => tokens[i + k]?.text === w))
        return { start: i, end: i + want.length, type, canonical: words, tier: 1 };
    }
    throw new Error(`no ${words}`);
  };
  const texts = (cs: Candidate[]) =>
    cs.map(
      (c) =>
        `${c.type}:${tokens
          .slice(c.start, c.end)
          .map((t) => t.text)
          .join(' ')}`,
    );
  return { tokenized, tokens, span, texts };
}

describe('markRecurrences', () => {
  it('marks the other spans written exactly as a person, capitalised and standing alone', () => {
    const { tokenized, span, texts } = setUp(
      'Известный как Джей Зи (Jay Z) рэпер. Новости о Jay Z. А jay z в нижнем регистре и Jay Zed.',
    );
    const out = markRecurrences(tokenized, [span('Jay Z')]);
    expect(texts(out)).toEqual(['PER:Jay Z', 'PER:Jay Z']);
    expect(out[1]?.canonical).toBe('Jay Z');
  });

  it('skips quoted titles, longer names and lone sentence starts the text writes in lower case', () => {
    const { tokenized, span, texts } = setUp(
      'Певица Роза выпустила альбом «Роза». Роза Хутор открыт. Роза цветёт, а роза пахнет. Где Роза?',
    );
    expect(texts(markRecurrences(tokenized, [span('Роза')]))).toEqual(['PER:Роза', 'PER:Роза']);
  });

  it('lets an organisation of the same words give way only to the majority reading', () => {
    const text = 'Под именем JAY-Z. Альбом JAY-Z вышел. Снова JAY-Z.';
    const { tokenized, tokens, span, texts } = setUp(text);
    const second = span('JAY-Z', 'ORG', span('JAY-Z').end);
    const person = { ...span('JAY-Z'), cued: true };
    // Cued person (2 votes) against one organisation span: the organisation gives way.
    expect(texts(markRecurrences(tokenized, [person], [second]))).toEqual([
      'PER:JAY-Z',
      'PER:JAY-Z',
      'PER:JAY-Z',
    ]);
    // An uncued person against two organisation spans: they stay organisations.
    const third = span('JAY-Z', 'ORG', second.end);
    expect(texts(markRecurrences(tokenized, [span('JAY-Z')], [second, third]))).toEqual([
      'PER:JAY-Z',
    ]);
    // An organisation's longer name is never cut into.
    const longer: Candidate = { ...second, end: second.end + 1 };
    expect(tokens[longer.end - 1]?.text).toBe('вышел');
    expect(texts(markRecurrences(tokenized, [span('JAY-Z')], [longer]))).toEqual([
      'PER:JAY-Z',
      'PER:JAY-Z',
    ]);
  });

  it('stays linear when thousands of people share a first name and the word recurs alone', () => {
    const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
    const surname = (i: number) =>
      `Ка${letters[i % 27]}${letters[Math.floor(i / 27) % 27]}${letters[Math.floor(i / 729) % 27]}ов`;
    // Work is counted as reads of the token array (a wall-clock bound breaks on a busy machine).
    const run = (n: number) => {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(`Джон ${surname(i)} и Джон.`);
      const text = parts.join(' ');
      let reads = 0;
      const tokens = new Proxy(tokenize(text), {
        get(target, key, receiver) {
          if (typeof key === 'string' && key >= '0' && key <= '9') reads++;
          return Reflect.get(target, key, receiver);
        },
      });
      const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
      // Every "Джон Ка…ов" is a person; every lone "Джон" is free, and matches none of them.
      const people: Candidate[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]?.text === 'Джон' && tokens[i + 1]?.text.startsWith('Ка'))
          people.push({ start: i, end: i + 2, type: 'PER', canonical: '', tier: 1 });
      }
      expect(people).toHaveLength(n);
      reads = 0;
      const out = markRecurrences(tokenized, people);
      expect(out).toHaveLength(n);
      return reads;
    };
    const small = run(5_000);
    const large = run(20_000);
    // Four times the people: about four times the reads (trying every name at each lone "Джон"
    // would be sixteen times).
    expect(large).toBeLessThanOrEqual(5 * small);
  });
});

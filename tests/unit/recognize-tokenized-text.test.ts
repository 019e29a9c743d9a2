import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../lib/recognize/lexicon';
import { createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';

function wordIdsOf(text: string) {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  return { tokens, wid: tokenized.wid, vocab: tokenized.vocab };
}

describe('word ids', () => {
  it('gives each distinct key one id, numbered as first seen', () => {
    const { tokens, wid, vocab } = wordIdsOf('Путин и Ким. путин, КИМ и Ёлкин: Елкин');
    expect(vocab).toEqual(['путин', 'и', 'ким', '.', ',', 'елкин', ':']);
    expect(tokens.map((_t, i) => vocab[wid[i] as number])).toEqual(tokens.map((t) => t.key));
    // "Ёлкин" and "Елкин" share the key, so the id.
    expect(wid[tokens.length - 1]).toBe(wid[tokens.length - 3]);
  });

  it('keeps thousands of distinct keys apart', () => {
    // 5,000 distinct keys, each written twice: the second time each finds the first one's id.
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const text = `${words.join(' ')} ${words.join(' ')}`;
    const { tokens, wid, vocab } = wordIdsOf(text);
    expect(vocab).toEqual(words);
    for (let i = 0; i < tokens.length; i++) expect(vocab[wid[i] as number]).toBe(tokens[i]?.key);
    expect(Array.from(wid.subarray(5000))).toEqual(words.map((_, i) => i));
  });

  it('has no words in an empty text', () => {
    const { wid, vocab } = wordIdsOf('');
    expect(vocab).toEqual([]);
    expect(wid.length).toBe(0);
  });
});

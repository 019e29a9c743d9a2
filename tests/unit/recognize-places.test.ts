import { describe, expect, it } from 'vitest';
import { createDoc } from '../../lib/recognize/document';
import { getLexicon } from '../../lib/recognize/lexicon';
import { placesAfterPrepositions } from '../../lib/recognize/places';
import { tokenize } from '../../lib/recognize/tokens';

/** The words placesAfterPrepositions reads as places in a Russian text (nothing taken). */
function places(text: string): string[] {
  const tokens = tokenize(text);
  const doc = createDoc(text, tokens, getLexicon(), 'ru');
  return placesAfterPrepositions(doc, new Uint8Array(tokens.length)).map((p) =>
    text.slice(tokens[p.start]?.start, tokens[p.end - 1]?.end),
  );
}

describe('placesAfterPrepositions', () => {
  it('reads an unknown capitalised word after в/из/близ as a place', () => {
    expect(places('Стрельба в Портапике стала самым массовым убийством.')).toEqual(['Портапике']);
    expect(places('Пожар в Чернобыле локализован.')).toEqual(['Чернобыле']);
    expect(places('Он вернулся из Торгау, а потом уехал.')).toEqual(['Торгау']);
    expect(places('В Портапике произошла стрельба.')).toEqual(['Портапике']);
  });

  it('leaves institutions, adjectives, surnames and longer names alone', () => {
    expect(places('Он работал в Институте русского языка.')).toEqual([]);
    expect(places('Дело рассмотрят в Следственном управлении.')).toEqual([]);
    expect(places('Почему в Рособрнадзоре сменилось руководство?')).toEqual([]);
    expect(places('Он учился во ВГИКе и в Министерстве работал.')).toEqual([]);
    expect(places('Всё решится в Иванове, говорят.')).toEqual([]);
    expect(places('Он жил в Нью Портапике долго.')).toEqual([]);
  });

  it('skips a word the text also writes in lower case, and taken tokens', () => {
    expect(places('Крупнейший в Мире завод. Весь мир знает.')).toEqual([]);
    const text = 'Стрельба в Портапике стала известна.';
    const tokens = tokenize(text);
    const doc = createDoc(text, tokens, getLexicon(), 'ru');
    const taken = new Uint8Array(tokens.length).fill(1);
    expect(placesAfterPrepositions(doc, taken)).toEqual([]);
  });
});

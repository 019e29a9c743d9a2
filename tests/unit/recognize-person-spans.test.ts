/** lib/recognize/person-spans.ts: where one person's name starts and ends. */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../lib/recognize/document';
import { personForSpan } from '../../lib/recognize/people';
import { joinNicknames } from '../../lib/recognize/person-spans';
import { docOf, shown, tokensOf } from './recognize-doc';

const person = (doc: Doc, words: string) => {
  const { start, end } = tokensOf(doc, words);
  return personForSpan(doc, start, end);
};

describe('joinNicknames', () => {
  it('takes a nickname in quotes between a first name and a surname into the name', () => {
    const doc = docOf('Алексей «Лёха» Иванов выступил', 'ru');
    expect(shown(doc, joinNicknames(doc, [person(doc, 'Алексей'), person(doc, 'Иванов')]))).toEqual(
      ['PER Алексей «Лёха» Иванов'],
    );
  });

  it('leaves two people apart when no quoted nickname stands between them', () => {
    const doc = docOf('Алексей и Иванов выступили', 'ru');
    expect(shown(doc, joinNicknames(doc, [person(doc, 'Алексей'), person(doc, 'Иванов')]))).toEqual(
      ['PER Алексей', 'PER Иванов'],
    );
  });
});

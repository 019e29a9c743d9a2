/** lib/recognize/people.ts: a person's canonical name and parts, from the span the rules found. */
import { describe, expect, it } from 'vitest';
import { SURNAME_PARTICLES } from '../../lib/recognize/curated/name-parts';
import { personForSpan } from '../../lib/recognize/people';
import type { TokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenizedOf, tokensOf } from './recognize-tokenized-text';

const person = (tokenized: TokenizedText, words: string) => {
  const { start, end } = tokensOf(tokenized, words);
  return personForSpan(tokenized, start, end);
};

describe('personForSpan', () => {
  const ru = tokenizedOf(
    'встреча с Владимиром Путиным и Марией Захаровой, а также с Де Коком и С. Лавровым',
    'ru',
  );

  it('puts a Russian first name and surname in the nominative, agreeing in gender', () => {
    expect(person(ru, 'Владимиром Путиным')).toMatchObject({
      type: 'PER',
      canonical: 'Владимир Путин',
      person: { first: 'Владимир', surname: 'Путин', full: true },
    });
    expect(person(ru, 'Марией Захаровой').canonical).toBe('Мария Захарова');
  });

  it('counts a name with initials as written in full, and keeps the initial', () => {
    expect(person(ru, 'С . Лавровым')).toMatchObject({
      canonical: 'С. Лавров',
      person: { surname: 'Лавров', full: true },
    });
  });

  it('reads a surname particle as part of the surname, not as a first name', () => {
    expect(SURNAME_PARTICLES.has('де')).toBe(true);
    expect(person(ru, 'Де Коком').person?.full).toBe(false);
    const en = tokenizedOf('Joe Biden met Xi Jinping and De Kock.', 'en');
    expect(person(en, 'De Kock').person).toMatchObject({ surname: 'Kock', full: false });
  });

  it('keeps Latin-script names as written, surname last', () => {
    const en = tokenizedOf('Joe Biden met Xi Jinping and De Kock.', 'en');
    expect(person(en, 'Joe Biden')).toMatchObject({
      canonical: 'Joe Biden',
      person: { surname: 'Biden', surnameKeys: ['biden'], full: true },
    });
  });

  it('leaves a nickname in quotes out of the canonical name, however the span was found', () => {
    const en = tokenizedOf('Coach Daniel " Rocky " Halvorsen said so .', 'en');
    expect(person(en, 'Daniel " Rocky " Halvorsen').canonical).toBe('Daniel Halvorsen');
    const ru = tokenizedOf('Выступил Алексей «Лёха» Иванов.', 'ru');
    expect(person(ru, 'Алексей « Лёха » Иванов').canonical).toBe('Алексей Иванов');
  });
});

/** lib/recognize/person-spans.ts: where one person's name starts and ends. */
import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../lib/recognize/lexicon';
import { personForSpan } from '../../lib/recognize/people';
import {
  firstNameBeforeSurname,
  INFLECTED_ABBREVIATION,
  joinAcrossParticles,
  joinNicknames,
  juniorSeniorNames,
  splitPeople,
  surnameAfterFirstName,
} from '../../lib/recognize/person-spans';
import { proposeAll } from '../../lib/recognize/rules';
import {
  type Candidate,
  createTokenizedText,
  type TokenizedText,
} from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';
import { shown, tokenizedOf, tokensOf } from './recognize-tokenized-text';

const person = (tokenized: TokenizedText, words: string) => {
  const { start, end } = tokensOf(tokenized, words);
  return personForSpan(tokenized, start, end);
};

describe('joinNicknames', () => {
  it('takes a nickname in quotes between a first name and a surname into the name', () => {
    const tokenized = tokenizedOf('Алексей «Лёха» Иванов выступил', 'ru');
    expect(
      shown(
        tokenized,
        joinNicknames(tokenized, [person(tokenized, 'Алексей'), person(tokenized, 'Иванов')]),
      ),
    ).toEqual(['PER Алексей «Лёха» Иванов']);
  });

  it('leaves two people apart when no quoted nickname stands between them', () => {
    const tokenized = tokenizedOf('Алексей и Иванов выступили', 'ru');
    expect(
      shown(
        tokenized,
        joinNicknames(tokenized, [person(tokenized, 'Алексей'), person(tokenized, 'Иванов')]),
      ),
    ).toEqual(['PER Алексей', 'PER Иванов']);
  });
});

/** Runs surnameAfterFirstName on a Russian text with the given one-word people chosen. */
function extended(text: string, people: string[], takenWords: string[] = []): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  const at = (word: string) => tokens.findIndex((t) => t.text === word);
  const chosen: Candidate[] = people.map((w) => ({
    start: at(w),
    end: at(w) + 1,
    type: 'PER',
    canonical: w,
    tier: 2,
  }));
  const taken = new Uint8Array(tokens.length);
  for (const c of chosen) taken[c.start] = 1;
  for (const w of takenWords) taken[at(w)] = 1;
  return surnameAfterFirstName(tokenized, chosen, taken).map((c) =>
    text.slice(tokens[c.start]?.start, tokens[c.end - 1]?.end),
  );
}

describe('surnameAfterFirstName', () => {
  it('takes the capitalised word after a lone first name as the surname', () => {
    expect(extended('В составе сборной Виктор Понедельник выразил мнение.', ['Виктор'])).toEqual([
      'Виктор Понедельник',
    ]);
  });

  it('canonicalises the name to the nominative', () => {
    const text = 'Мнение Виктора Понедельника известно.';
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    const i = tokens.findIndex((t) => t.text === 'Виктора');
    const out = surnameAfterFirstName(
      tokenized,
      [{ start: i, end: i + 1, type: 'PER', canonical: 'Виктор', tier: 2 }],
      new Uint8Array(tokens.length),
    );
    expect(out[0]?.end).toBe(i + 2);
    expect(out[0]?.canonical).toMatch(/^Виктор /);
  });

  it('leaves places, taken words, other first names, titles and lower case alone', () => {
    expect(extended('Он видел, как Виктор Москву покидал.', ['Виктор'])).toEqual(['Виктор']);
    expect(extended('Сын Кэтрин Майкл уехал.', ['Кэтрин'])).toEqual(['Кэтрин']);
    expect(extended('Принц Джордж Кембриджский родился.', ['Джордж'])).toEqual(['Джордж']);
    expect(extended('Когда Виктор Понедельник пришёл.', ['Виктор'], ['Понедельник'])).toEqual([
      'Виктор',
    ]);
    expect(extended('Когда Виктор пришёл домой.', ['Виктор'])).toEqual(['Виктор']);
    expect(extended('Когда Виктор Петрович Понедельник пришёл.', ['Виктор'])).toEqual(['Виктор']);
  });
});

/** splitPeople on one tagged person span given by its words. */
function split(text: string, words: string): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  const want = tokenize(words).map((t) => t.text);
  const start = tokens.findIndex((_, i) => want.every((w, k) => tokens[i + k]?.text === w));
  const span: Candidate = { start, end: start + want.length, type: 'PER', canonical: '', tier: 2 };
  return splitPeople(tokenized, [span]).map(
    (c) => `${c.type}:${text.slice(tokens[c.start]?.start, tokens[c.end - 1]?.end)}`,
  );
}

describe('splitPeople: a place before a first name', () => {
  it('cuts a known place off the front of a full name and keeps it a place', () => {
    expect(split('Премьер земли Гессен Фолькер Буфье напомнил.', 'Гессен Фолькер Буфье')).toEqual([
      'LOC:Гессен',
      'PER:Фолькер Буфье',
    ]);
  });

  it('keeps names whose first word is no place, and two-word spans', () => {
    expect(split('Вчера Фолькер Буфье напомнил.', 'Фолькер Буфье')).toEqual(['PER:Фолькер Буфье']);
    expect(split('Премьер земли Гессен Фолькер напомнил.', 'Гессен Фолькер')).toEqual([
      'PER:Гессен Фолькер',
    ]);
  });
});

describe('splitPeople: an abbreviation with a case ending', () => {
  it('is cut off the front of a person span', () => {
    expect(split('Глава японского МИДа Сэйдзи Маэхара отметил.', 'МИДа Сэйдзи Маэхара')).toEqual([
      'PER:Сэйдзи Маэхара',
    ]);
  });

  it('matches inflected abbreviations only', () => {
    expect(['МИДа', 'МХАТе', 'ВГИКе'].every((w) => INFLECTED_ABBREVIATION.test(w))).toBe(true);
    expect(
      ['МИД', 'Маэхара', 'ДиКаприо', 'МакКейн'].some((w) => INFLECTED_ABBREVIATION.test(w)),
    ).toBe(false);
  });
});

describe('splitPeople: two first names that share no case', () => {
  it('cuts before a first name in another case that opens a full name', () => {
    expect(split('Мать Ксении Людмила Нарусова узнала.', 'Ксении Людмила Нарусова')).toEqual([
      'PER:Ксении',
      'PER:Людмила Нарусова',
    ]);
  });

  it('keeps double first names, of either gender, in one case', () => {
    expect(split('Соперник военного Луис Мария Арганья бежал.', 'Луис Мария Арганья')).toEqual([
      'PER:Луис Мария Арганья',
    ]);
    expect(split('Мать Ксении Людмила узнала.', 'Ксении Людмила')).toEqual(['PER:Ксении Людмила']);
  });
});

describe('splitPeople: a surname and a first name tiled by the rules', () => {
  /** splitPeople on one tagged span, with the rules' candidates proposed. */
  const tiled = (text: string, words: string) => {
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    proposeAll(tokenized);
    const want = tokenize(words).map((t) => t.text);
    const start = tokens.findIndex((_, i) => want.every((w, k) => tokens[i + k]?.text === w));
    const span: Candidate = {
      start,
      end: start + want.length,
      type: 'PER',
      canonical: '',
      tier: 2,
    };
    return splitPeople(tokenized, [span]).map((c) =>
      text.slice(tokens[c.start]?.start, tokens[c.end - 1]?.end),
    );
  };

  it('keeps two masculine nominatives as one name', () => {
    expect(tiled('Игрок НФЛ Аарон Эрнандес приговорён судом.', 'Аарон Эрнандес')).toEqual([
      'Аарон Эрнандес',
    ]);
  });

  it('still splits a genitive surname from the first name after it', () => {
    expect(tiled('Кроме того, внучка Шаймиева Камиля вошла в совет.', 'Шаймиева Камиля')).toEqual([
      'Шаймиева',
      'Камиля',
    ]);
  });
});

describe('firstNameBeforeSurname', () => {
  const withFirstName = (text: string, surname: string) => {
    const tokenized = tokenizedOf(text, 'ru');
    const taken = new Uint8Array(tokenized.tokens.length);
    return shown(tokenized, firstNameBeforeSurname(tokenized, [person(tokenized, surname)], taken));
  };

  it('takes an unknown capitalised word before a lone surname as its first name', () => {
    expect(withFirstName('Его поддержал тренер, а Зюбер Кравалек промолчал.', 'Кравалек')).toEqual([
      'PER Зюбер Кравалек',
    ]);
  });

  it('leaves sentence starts, quotes, lower-case words and runs of capitals alone', () => {
    expect(withFirstName('Зюбер Кравалек промолчал.', 'Кравалек')).toEqual(['PER Кравалек']);
    expect(withFirstName('Фильм «Зюбер Кравалек» вышел.', 'Кравалек')).toEqual(['PER Кравалек']);
    expect(
      withFirstName('Он видел, как Зюбер Кравалек ушёл, и зюбер остался.', 'Кравалек'),
    ).toEqual(['PER Кравалек']);
    expect(withFirstName('Игрок клуба Торнео Зюбер Кравалек промолчал.', 'Кравалек')).toEqual([
      'PER Кравалек',
    ]);
  });
});

describe('juniorSeniorNames', () => {
  it('makes a surname with -младший a person, also over a one-word place', () => {
    const tokenized = tokenizedOf(
      'Об этом сообщил Кравалек-младший, а Зюбера-старшего не было.',
      'ru',
    );
    const place = {
      ...tokensOf(tokenized, 'Кравалек-младший'),
      type: 'LOC' as const,
      tier: 1,
      canonical: '',
    };
    expect(shown(tokenized, juniorSeniorNames(tokenized, [place]))).toEqual([
      'PER Кравалек-младший',
      'PER Зюбера-старшего',
    ]);
  });

  it('leaves lower-case words and people alone', () => {
    const tokenized = tokenizedOf('Его сын-младший и Кравалек-младший пришли.', 'ru');
    const chosen = [person(tokenized, 'Кравалек-младший')];
    expect(juniorSeniorNames(tokenized, chosen)).toBe(chosen);
  });
});

describe('joinAcrossParticles', () => {
  it('joins two people on either side of a name particle', () => {
    const tokenized = tokenizedOf(
      'Президент Зюбер ва Кравалек прибыл, как и Мустафа бин Зюбер.',
      'ru',
    );
    const chosen = [
      person(tokenized, 'Зюбер'),
      person(tokenized, 'Кравалек'),
      person(tokenized, 'Мустафа бин'),
      { ...person(tokenized, 'Зюбер'), ...tokensOf(tokenized, 'Зюбер', 1) },
    ];
    expect(shown(tokenized, joinAcrossParticles(tokenized, chosen))).toEqual([
      'PER Зюбер ва Кравалек',
      'PER Мустафа бин Зюбер',
    ]);
  });

  it('keeps people apart across other words', () => {
    const tokenized = tokenizedOf('Зюбер и Кравалек прибыли.', 'ru');
    const chosen = [person(tokenized, 'Зюбер'), person(tokenized, 'Кравалек')];
    expect(joinAcrossParticles(tokenized, chosen)).toBe(chosen);
  });
});

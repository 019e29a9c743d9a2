/** lib/recognize/patronymic-names.ts and lib/recognize/territorial-titles.ts. */
import { describe, expect, it } from 'vitest';
import { nameEdges } from '../../lib/recognize/name-edges';
import { surnameCases, surnamesWithPatronymics } from '../../lib/recognize/patronymic-names';
import { personForSpan } from '../../lib/recognize/people';
import { placeFirstNames } from '../../lib/recognize/place-first-names';
import { territorialTitles } from '../../lib/recognize/territorial-titles';
import type { Candidate, TokenizedText } from '../../lib/recognize/tokenized-text';
import { shown, tokenizedOf, tokensOf } from './recognize-tokenized-text';

const person = (tokenized: TokenizedText, words: string): Candidate => {
  const { start, end } = tokensOf(tokenized, words);
  return personForSpan(tokenized, start, end);
};

const joined = (text: string, ...people: string[]): string[] => {
  const tokenized = tokenizedOf(text, 'ru');
  const taken = new Uint8Array(tokenized.tokens.length);
  const chosen = people.map((p) => person(tokenized, p));
  return shown(tokenized, surnamesWithPatronymics(tokenized, chosen, taken));
};

describe('surnameCases', () => {
  it('reads the case of a surname from its ending', () => {
    expect(surnameCases('кораблев', 'm') & 1).toBe(1);
    expect(surnameCases('грызлова', 'm') & 2).toBe(2);
    expect(surnameCases('грызлова', 'm') & 1).toBe(0);
    expect(surnameCases('тихоновой', 'f') & 4).toBe(4);
    expect(surnameCases('тихоновой', 'f') & 1).toBe(0);
  });
});

describe('surnamesWithPatronymics', () => {
  it('joins a surname before a first name and patronymic in its case', () => {
    expect(
      joined(
        'Задержан гражданин РФ Кораблев Глеб Вячеславович вчера',
        'Кораблев',
        'Глеб Вячеславович',
      ),
    ).toEqual(['PER Кораблев Глеб Вячеславович']);
    expect(
      joined('исключив из него Грызлова Бориса Вячеславовича', 'Бориса Вячеславовича'),
    ).toEqual(['PER Грызлова Бориса Вячеславовича']);
  });

  it('joins a surname after them', () => {
    expect(
      joined(
        'на вечере памяти Андрияна Григорьевича Николаева в',
        'Андрияна Григорьевича',
        'Николаева',
      ),
    ).toEqual(['PER Андрияна Григорьевича Николаева']);
  });

  it('leaves a surname in another case apart', () => {
    expect(
      joined('исключив из него Грызлов Бориса Вячеславовича', 'Грызлов', 'Бориса Вячеславовича'),
    ).toEqual(['PER Грызлов', 'PER Бориса Вячеславовича']);
  });

  it("keeps a man's genitive apart from a woman's name", () => {
    expect(
      joined(
        'Борис Ельцин умер. Вдова Ельцина Наина Иосифовна пришла',
        'Борис Ельцин',
        'Наина Иосифовна',
      ),
    ).toEqual(['PER Борис Ельцин', 'PER Наина Иосифовна']);
  });
});

describe('territorialTitles', () => {
  const titled = (text: string, ...people: string[]): string[] => {
    const tokenized = tokenizedOf(text, 'ru');
    return shown(
      tokenized,
      territorialTitles(
        tokenized,
        people.map((p) => person(tokenized, p)),
      ),
    );
  };

  it('drops a territorial adjective beside a church or noble title', () => {
    expect(titled('Патриархом Болгарским был избран', 'Болгарским')).toEqual([]);
    expect(titled('имя нового Александрийского патриарха', 'Александрийского')).toEqual([]);
  });

  it('cuts it off the name it opens', () => {
    expect(titled('избран митрополит Русенский Неофит вчера', 'Русенский Неофит')).toEqual([
      'PER Неофит',
    ]);
  });

  it('keeps an adjective away from a title', () => {
    expect(titled('картина Святой Терезой Калькуттской', 'Калькуттской')).toEqual([
      'PER Калькуттской',
    ]);
  });
});

describe('placeFirstNames', () => {
  const named = (text: string, ...spans: [string, 'PER' | 'LOC'][]): string[] => {
    const tokenized = tokenizedOf(text, 'ru');
    const chosen = spans.map(([words, type]) =>
      type === 'PER'
        ? person(tokenized, words)
        : { ...tokensOf(tokenized, words), type, canonical: words, tier: 2 },
    );
    return shown(tokenized, placeFirstNames(tokenized, chosen));
  };

  it('reads a nominative place before a lone surname as the first name', () => {
    expect(
      named(
        'Приз получила американка София Коппола за фильм',
        ['София', 'LOC'],
        ['Коппола', 'PER'],
      ),
    ).toEqual(['PER София Коппола']);
  });

  it('leaves a place after a preposition or in another case', () => {
    expect(named('Вчера в Софию Коппола приехала', ['Софию', 'LOC'], ['Коппола', 'PER'])).toEqual([
      'LOC Софию',
      'PER Коппола',
    ]);
    expect(named('глава правительства Мали Кейта ушёл', ['Мали', 'LOC'], ['Кейта', 'PER'])).toEqual(
      ['LOC Мали', 'PER Кейта'],
    );
  });
});

describe('nameEdges', () => {
  const edged = (text: string, ...people: string[]): string[] => {
    const tokenized = tokenizedOf(text, 'ru');
    return shown(
      tokenized,
      nameEdges(
        tokenized,
        people.map((p) => person(tokenized, p)),
      ),
    );
  };

  it('takes the rest of a name after a regnal number', () => {
    expect(edged('Король Швеции Карл XVI Густав вручил премии', 'Карл XVI', 'Густав')).toEqual([
      'PER Карл XVI Густав',
    ]);
  });

  it('leaves a word after a full stop', () => {
    expect(edged('Её вручил Харальд V. Премия учреждена', 'Харальд V')).toEqual(['PER Харальд V']);
  });

  it("cuts an organisation's abbreviation off a name", () => {
    expect(edged('после смерти Кима Чен Ира КНДР падёт', 'Кима Чен Ира КНДР')).toEqual([
      'PER Кима Чен Ира',
    ]);
  });
});

/** lib/recognize/cue-nouns.ts: the noun before a name says what the name is. */
import { describe, expect, it } from 'vitest';
import { applyCueNouns, CUE_PREFIXES, cuedPeople } from '../../lib/recognize/cue-nouns';
import { getLexicon } from '../../lib/recognize/lexicon';
import { type Candidate, createTokenizedText } from '../../lib/recognize/tokenized-text';
import { tokenize } from '../../lib/recognize/tokens';
import { candidate, shown, tokenizedOf } from './recognize-tokenized-text';

describe('applyCueNouns', () => {
  it('takes a name after a band noun for no person, there and wherever it is written again', () => {
    const tokenized = tokenizedOf('группа Scorpions выступила. Scorpions приедут снова.', 'ru');
    const kept = applyCueNouns(tokenized, [
      candidate(tokenized, 'Scorpions', 'PER', 1),
      candidate(tokenized, 'Scorpions', 'PER', 1, 1),
    ]);
    expect(shown(tokenized, kept)).toEqual([]);
  });

  it('reads a person the tagger found after a settlement noun as a place, in quotes too', () => {
    for (const text of [
      'Она жила в городке Оук Ридж много лет.',
      'Она жила в городке “Оук Ридж” много лет.',
    ]) {
      const tokenized = tokenizedOf(text, 'ru');
      const [place] = applyCueNouns(tokenized, [candidate(tokenized, 'Оук Ридж', 'PER', 1)]);
      expect(place).toMatchObject({ type: 'LOC', canonical: 'Оук Ридж' });
    }
  });

  it('keeps a person after a settlement noun when the dictionary reads a full name', () => {
    const tokenized = tokenizedOf('Об этом заявил мэр города Сергей Собянин.', 'ru');
    const [kept] = applyCueNouns(tokenized, [candidate(tokenized, 'Сергей Собянин', 'PER', 1)]);
    expect(kept?.type).toBe('PER');
  });
});

describe('cuedPeople', () => {
  it('marks the name after a name noun as a person', () => {
    const tokenized = tokenizedOf('певец под псевдонимом ЗЕД-КЕЙ выступил', 'ru');
    expect(shown(tokenized, cuedPeople(tokenized, []))).toEqual(['PER ЗЕД-КЕЙ']);
  });
});

/** The people cuedPeople adds to a Russian text, given the spans already chosen (by words). */
function cued(text: string, chosenWords: string[] = []): string[] {
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
  const chosen: Candidate[] = chosenWords.map((words) => {
    const want = tokenize(words).map((t) => t.text);
    for (let i = 0; i < tokens.length; i++) {
      if (want.every((w, k) => tokens[i + k]?.text === w))
        return { start: i, end: i + want.length, type: 'PER', canonical: words, tier: 2 };
    }
    throw new Error(`no ${words}`);
  });
  return cuedPeople(tokenized, chosen).map((c) =>
    text.slice(tokens[c.start]?.start, tokens[c.end - 1]?.end),
  );
}

describe('cuedPeople: performer nouns', () => {
  it('takes the Latin or Cyrillic name after a singular performer noun', () => {
    expect(cued('Концерт рэпера Jay-Z прошёл в Москве.')).toEqual(['Jay-Z']);
    expect(cued('Композитор-неоклассик Long Arm будет озвучивать фильм.')).toEqual(['Long Arm']);
    expect(cued('Он приехал с женой, поп-дивой Шакирой и детьми.')).toEqual(['Шакирой']);
    expect(cued('Прошёл концерт певицы Монеточки.')).toEqual(['Монеточки']);
    expect(cued('В ночь на 25 августа шведский блогер PewDiePie объявил')).toEqual(['PewDiePie']);
  });

  it('leaves plurals, titles in lower case, places and bare «звезда» alone', () => {
    expect(cued('В 2017 году видеоблогеры Nemagia выпустили ролик.')).toEqual([]);
    expect(cued('По словам блогера Wedding word, зал украсили.')).toEqual([]);
    expect(cued('Бывшая звезда Национальной футбольной лиги найден мёртвым.')).toEqual([]);
    expect(cued('Бекхэм женат на вокалистке Spice Girls Виктории.')).toEqual([]);
    expect(cued('Выступил музыкант Москвы и области.')).toEqual([]);
  });

  it('never overrides a chosen span', () => {
    expect(cued('Концерт рэпера Jay-Z прошёл.', ['Jay-Z'])).toEqual(['Jay-Z']);
  });
});

describe('cuedPeople: stage-name prefixes', () => {
  it('marks DJ and MC names with the prefix inside the span', () => {
    expect(cued('На концерте выступили DJ Smash и MC Doni.')).toEqual(['DJ Smash', 'MC Doni']);
  });

  it('takes the prefix into a person already found after it', () => {
    expect(cued('Играли Radiohead, DJ Shadow, Elbow.', ['Shadow'])).toEqual(['DJ Shadow']);
  });

  it('needs a capitalised name after the prefix', () => {
    expect(cued('Выступал DJ в клубе.')).toEqual([]);
  });
});

describe('cuedPeople: «имени»', () => {
  it('takes the name an institution is named after, with initials', () => {
    expect(cued('Он играл в Театре имени Ермоловой и МХТ имени Чехова.')).toEqual([
      'Ермоловой',
      'Чехова',
    ]);
    expect(cued('Учился в институте имени А.В. Луначарского в Москве.')).toEqual([
      'А.В. Луначарского',
    ]);
    expect(cued('Девушка по имени Биби Айша уехала.')).toEqual(['Биби Айша']);
  });

  it('reads the abbreviation «им.» after a noun the same way', () => {
    expect(cued('Она окончила училище им. Ипполитова-Иванова в Москве.')).toEqual([
      'Ипполитова-Иванова',
    ]);
    expect(cued('Он работал на заводе им. Серго Орджоникидзе.')).toEqual(['Серго Орджоникидзе']);
  });

  it('leaves the pronoun «им.» after a verb or a short word alone', () => {
    expect(cued('Он помогает им. Соседи благодарны.')).toEqual([]);
    expect(cued('Всё ясно и им. Соседи благодарны.')).toEqual([]);
  });

  it('skips «от имени», the noun after an adjective, and an adjective with its noun', () => {
    expect(cued('Швеция действует от имени США.')).toEqual([]);
    expect(cued('Закрепление нового имени Это не предполагает.')).toEqual([]);
    expect(cued('Лауреат премии имени Ленинского комсомола.')).toEqual([]);
  });
});

describe('cuedPeople: nouns of works and institutions named after a person', () => {
  it('takes the surname in the genitive, or a first name and surname', () => {
    expect(cued('Картины выставлены в музее Гуггенхайма в Нью-Йорке.')).toEqual(['Гуггенхайма']);
    expect(cued('Учёные проверили гипотезу Пуанкаре и закон Гука.')).toEqual(['Пуанкаре', 'Гука']);
    expect(cued('Путин подписал закон Димы Яковлева вчера.')).toEqual(['Димы Яковлева']);
  });

  it('gives the nominative as the canonical name', () => {
    const text = 'Картины выставлены в музее Гуггенхайма в Нью-Йорке.';
    const tokens = tokenize(text);
    const tokenized = createTokenizedText(text, tokens, getLexicon(), 'ru');
    expect(cuedPeople(tokenized, []).map((c) => c.canonical)).toEqual(['Гуггенхайм']);
  });

  it('leaves places, adjectives, longer names, orders and words written in lower case', () => {
    expect(cued('Он возглавил правительство Москвы в мае.')).toEqual([]);
    expect(cued('Лауреат премии Государственного банка Швеции.')).toEqual([]);
    expect(cued('Он награждён орденом Дружбы и болезнью Паркинсона.')).toEqual([]);
    expect(cued('Текст закона Гука и другой закон гука.')).toEqual([]);
    expect(cued('Он основал фонд Castle Point в 2006 году.')).toEqual([]);
  });
});

describe('CUE_PREFIXES', () => {
  it('holds the first three letters of every cue noun', () => {
    const nouns =
      'рэпер репер диджея певец певицы музыканта блогер блогерша видеоблогер композитора ' +
      'исполнитель исполнительницы битмейкер стример ютубер тиктокер поп-звезда рок-дивой ' +
      'хип-хоп-исполнитель панк-певица инди-музыкант джаз-певец фолк-певица диско-дива ' +
      'техно-диджей кантри-певец соул-певица арт-блогер музее премии фонда теоремы гипотезы ' +
      'леммы закона эффекта парадокса принципа формулы уравнения доктрины пакта плана галереи ' +
      'кабинета правительства дела';
    const missing = nouns.split(' ').filter((w) => !CUE_PREFIXES.has(w.slice(0, 3)));
    expect(missing).toEqual([]);
  });
});

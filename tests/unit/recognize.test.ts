import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createRecognizer } from '../../lib/recognize/index';
import { pickLanguage } from '../../lib/recognize/language';
import { getLexicon } from '../../lib/recognize/lexicon';
import { runs } from '../setup/property-runs';

/**
 * The real tokenizer; while `reads.on`, the token arrays it returns count the reads of their
 * tokens: the recognizer's work, counted the same on any machine (time is not).
 */
const reads = vi.hoisted(() => ({ on: false, n: 0 }));
vi.mock('../../lib/recognize/tokens', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/recognize/tokens')>();
  return {
    ...real,
    tokenize: (text: string) => {
      const tokens = real.tokenize(text);
      if (!reads.on) return tokens;
      return new Proxy(tokens, {
        get(target, key, receiver) {
          if (typeof key === 'string' && key >= '0' && key <= '9') reads.n++;
          return Reflect.get(target, key, receiver);
        },
      });
    },
  };
});

/** Mentions in `text`, and the token reads it took. */
function counted(text: string): { ms: Mention[]; reads: number } {
  reads.on = true;
  reads.n = 0;
  try {
    const ms = find(text);
    return { ms, reads: reads.n };
  } finally {
    reads.on = false;
  }
}

const recognizer = createRecognizer();
const find = (text: string, lang?: string) =>
  recognizer.recognize(text, lang ? { lang } : undefined);
const brief = (ms: Mention[]) => ms.map((m) => `${m.type}:${m.text}=${m.canonical}`);
/** The people found in a text, as written. */
const people = (text: string, lang = 'ru') =>
  find(text, lang)
    .filter((m) => m.type === 'PER')
    .map((m) => m.text);

/** The first broken invariant of a result, or null (plain checks: 1 MB gives ~50 000 mentions). */
function violation(text: string, ms: Mention[]): string | null {
  let last = 0;
  for (const m of ms) {
    const where = `${m.type} ${m.start}-${m.end}`;
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end)) return `${where}: offsets`;
    if (m.start < last) return `${where}: overlaps or unsorted`;
    if (m.end <= m.start || m.end > text.length) return `${where}: bounds`;
    if (m.text !== text.slice(m.start, m.end)) return `${where}: text is not the slice`;
    if (!['PER', 'LOC', 'TREATY'].includes(m.type)) return `${where}: type`;
    if (typeof m.canonical !== 'string' || m.canonical.length === 0) return `${where}: canonical`;
    const first = text.charCodeAt(m.start);
    const lastUnit = text.charCodeAt(m.end - 1);
    if (first >= 0xdc00 && first <= 0xdfff) return `${where}: starts inside a surrogate pair`;
    if (lastUnit >= 0xd800 && lastUnit <= 0xdbff) return `${where}: ends inside a surrogate pair`;
    last = m.end;
  }
  return null;
}

function checkInvariants(text: string, ms: Mention[]) {
  expect(violation(text, ms)).toBeNull();
}

describe('Russian people', () => {
  it('groups every form under the longest full name seen, in the nominative', () => {
    const ms = find(
      'Путина встретили в Сочи. Владимиру Путину вручили орден. Владимир Путин поблагодарил.',
    );
    const per = ms.filter((m) => m.type === 'PER');
    expect(brief(per)).toEqual([
      'PER:Путина=Владимир Путин',
      'PER:Владимиру Путину=Владимир Путин',
      'PER:Владимир Путин=Владимир Путин',
    ]);
  });

  it('reads initials, patronymics and suffix rules for unknown surnames', () => {
    expect(brief(find('Заявление сделал Б.Обама.'))).toContain('PER:Б.Обама=Б. Обама');
    expect(brief(find('Письмо подписал В. В. Путин.'))).toContain('PER:В. В. Путин=В. В. Путин');
    expect(brief(find('Встреча с Сергеем Викторовичем Лавровым прошла в МИД.'))).toContain(
      'PER:Сергеем Викторовичем Лавровым=Сергей Викторович Лавров',
    );
    // A surname the lexicon does not know, declined like Асмолов.
    expect(brief(find('Об этом рассказали вместе с Константином Жмудяковым.'))).toContain(
      'PER:Константином Жмудяковым=Константин Жмудяков',
    );
  });

  it('finds a person after a role word without the title, and East Asian names', () => {
    const ms = brief(find('Глава МИД КНДР Цой Сон Хи встретилась с министром Лавровым.'));
    expect(ms).toContain('PER:Цой Сон Хи=Цой Сон Хи');
    expect(ms).toContain('LOC:КНДР=КНДР');
    expect(ms.some((m) => m.startsWith('PER:Лавровым'))).toBe(true);
    expect(brief(find('Председатель КНР Си Цзиньпин прибыл в Москву.'))).toContain(
      'PER:Си Цзиньпин=Си Цзиньпин',
    );
  });

  it('does not take organisations for people or places', () => {
    const ms = find('По данным РИА Новости, эксперты РАН и МИД России обсудили доклад Генштаба.');
    expect(brief(ms)).toEqual(['LOC:России=Россия']);
  });
});

describe('name boundaries', () => {
  it('cuts a surname and a first name that cannot agree in case and gender (two people)', () => {
    const ms = find('Сын короля поп-музыки Майкла Джексона Кэтрин подала заявление.', 'ru');
    expect(brief(ms.filter((m) => m.type === 'PER'))).toEqual([
      'PER:Майкла Джексона=Майкл Джексон',
      'PER:Кэтрин=Кэтрин',
    ]);
  });

  it('starts another person at an initial after a surname, but not inside one name', () => {
    expect(people('Пост занял человек из окружения В.Шеймана А.Кулешов.')).toEqual([
      'В.Шеймана',
      'А.Кулешов',
    ]);
    // Initials after the surname, a middle initial, a regnal number: one person each.
    expect(people('Указ об отставке губернатора Михальчука И. Ф. подписан.')).toEqual([
      'Михальчука И. Ф.',
    ]);
    expect(people('Награду вручили Джону Ф. Кеннеди и Владимиру В. Путину.')).toEqual([
      'Джону Ф. Кеннеди',
      'Владимиру В. Путину',
    ]);
    expect(people('Министр Джон Пистоль (John S. Pistole) выступил.')).toContain('John S. Pistole');
    // After a first name no dictionary knows, an initial is a middle one.
    expect(people('Премию получил филиппинский журналист Вениньо С. Акино младший.')).toEqual([
      'Вениньо С. Акино',
    ]);
  });

  it('keeps a surname after a name, and an official surname-first name, in one person', () => {
    expect(people('Старший брат певца Жермен Джексон заявил, что врачи ошиблись.')).toEqual([
      'Жермен Джексон',
    ]);
    // After a lone first name comes the rest of the same name.
    expect(people('Водитель-дальнобойщик Джимми Ли Дайкс мёртв.')).toEqual(['Джимми Ли Дайкс']);
    expect(people('Роберт Генри Лоуренс-младший отправится в космос.')).toEqual([
      'Роберт Генри Лоуренс-младший',
    ]);
    expect(people('Её вырастила семья вице-губернатора Кэтлин Кеннеди Таунсенд.')).toEqual([
      'Кэтлин Кеннеди Таунсенд',
    ]);
    expect(people('Указ, исключив из него Грызлова Бориса Вячеславовича, подписан.')).toEqual([
      'Грызлова Бориса Вячеславовича',
    ]);
    // Without a patronymic, "внучка Шаймиева Камиля" is two people: his granddaughter Kamilya.
    expect(people('Об этом сообщила внучка Шаймиева Камиля.')).toEqual(['Шаймиева', 'Камиля']);
  });

  it('takes no Latin-script part of a foreign name for a place in Russian text', () => {
    const places = find(
      'Об этом пишет газета The Washington Post, а пара сообщила о свадьбе в Weibo. Звезда команды Carolina Panthers приехал в Лондон. Взрыв произошёл у моста через реку Тарнак (Tarnak) вблизи Кандагара. Она переехала в Paris.',
      'ru',
    )
      .filter((m) => m.type === 'LOC')
      .map((m) => m.text);
    expect(places).toEqual(['Лондон', 'Тарнак', 'Tarnak', 'Кандагара', 'Paris']);
  });

  it('keeps a surname particle in the name and groups it under the full name', () => {
    const ms = find(
      'Apartheid killer Eugene de Kock was convicted on Tuesday of murder . De Kock , 48 , a former police colonel , showed no emotion .',
      'en',
    );
    expect(brief(ms.filter((m) => m.type === 'PER'))).toEqual([
      'PER:Eugene de Kock=Eugene de Kock',
      'PER:De Kock=Eugene de Kock',
    ]);
  });

  it('keeps a nickname in quotes inside the name it stands in', () => {
    const named = (text: string, lang: string) =>
      brief(find(text, lang).filter((m) => m.type === 'PER'));
    expect(
      named('Выглядел плохо. Дэниел «Рокки» Хэлворсен, тренер боксёра, упрашивал его.', 'ru'),
    ).toEqual(['PER:Дэниел «Рокки» Хэлворсен=Дэниел Хэлворсен']);
    expect(
      named('Coach Daniel " Rocky " Halvorsen said his fighter Peter Lindqvist was ready .', 'en'),
    ).toEqual([
      'PER:Daniel " Rocky " Halvorsen=Daniel Halvorsen',
      'PER:Peter Lindqvist=Peter Lindqvist',
    ]);
    // A quoted word between two names is not a nickname when it is not between their parts.
    expect(named('Сказал «Нет» Путин.', 'ru')).toEqual(['PER:Путин=Путин']);
  });

  it('reads a name in Chinese characters in brackets as the same person', () => {
    expect(brief(find('Студентка Лю Сюэмэй (刘雪梅) пропала в июне.', 'ru'))).toContain(
      'PER:刘雪梅=Лю Сюэмэй',
    );
  });

  it('never runs a name across a bracket, nor takes a function word for one', () => {
    const en = brief(find('He saw ( Tom ) Seaver and ( Jerry ) Koosman when they started .', 'en'));
    expect(en.filter((m) => m.includes(')'))).toEqual([]);
    const cricket = find('At Portsmouth : Middlesex beat Hampshire . At Hove : Sussex 363 .', 'en');
    expect(cricket.filter((m) => m.text === 'At' || m.text.startsWith('At '))).toEqual([]);
  });
});

describe('context nouns and names written again', () => {
  const places = (text: string) =>
    find(text, 'ru')
      .filter((m) => m.type === 'LOC')
      .map((m) => m.text);

  it('reads a Latin-script name after a band or company noun as that, everywhere in the text', () => {
    const text =
      'Скончался основатель группы Talk Talk Марк Холлис. В 1981 году он создаёт Talk Talk. ' +
      'Среди хитов — «Talk Talk» и «Such a Shame». Talk Talk повлияли на многих.';
    expect(people(text)).toEqual(['Марк Холлис']);
    expect(people('Она работала директором компании Huixin Yin Tong в Гонконге.')).toEqual([]);
  });

  it('takes no family after a clan noun for one person, but keeps the clan head', () => {
    expect(people('Фрэнк Кали был главарём клана Гамбино с 2015 года.')).toEqual(['Фрэнк Кали']);
    expect(people('В Татарстане клан Шаймиевых расширяет семейный бизнес.')).toEqual([]);
    expect(people('Близкие к клану Кадырова люди это отрицают.')).toEqual(['Кадырова']);
  });

  it('reads a name after a settlement noun as a place, unless it reads as a person', () => {
    expect(places('Водолазы и спасатели округа Чарльз обнаружили тело.')).toEqual(['Чарльз']);
    expect(places('Она уехала в дом матери в местность Оук Ридж на севере.')).toContain('Оук Ридж');
    // In an opening quote ("“" too): tests/unit/recognize-cue-nouns.test.ts.
    expect(people('Об этом заявил мэр города Сергей Собянин.')).toEqual(['Сергей Собянин']);
    expect(
      people('Начальник полиции Иерусалимского округа Йорам Ха-Леви рекомендовал это.'),
    ).toEqual(['Йорам Ха-Леви']);
    // Named in the nominative when the dictionary knows the town, whichever rule found it.
    for (const [text, place] of [
      ['Он жил в городе Пушкине у реки.', 'LOC:Пушкине=Пушкин'],
      ['Завод в городе Муроме закрыли.', 'LOC:Муроме=Муром'],
      ['Он жил в городке Клину у реки.', 'LOC:Клину=Клин'],
    ])
      expect(brief(find(text as string))).toEqual([place]);
  });

  it('takes no code with digits for a person', () => {
    expect(people('Признаки инфекции, вызванной SARS-CoV-2, отмечались у неё.')).toEqual([]);
  });

  it('marks the name after a name noun, and every later mention of it written the same way', () => {
    const text =
      'Рэпер поменял псевдоним на ZED-K\n\nТеперь он выступает под именем ЗЕД-КЕЙ. ' +
      'В мае ЗЕД-КЕЙ занял второе место в рейтинге журнала.';
    expect(people(text)).toEqual(['ZED-K', 'ЗЕД-КЕЙ', 'ЗЕД-КЕЙ']);
    // A quoted one is a title here, not the person.
    expect(
      people(
        'Она выступает под именем Зарянка. Альбом «Зарянка» вышел в мае. Зарянка собрала зал.',
      ),
    ).toEqual(['Зарянка', 'Зарянка']);
  });
});

describe('Russian places and treaty terms', () => {
  it('knows countries, short forms, regions, features and all-caps datelines', () => {
    const ms = brief(
      find(
        'ПХЕНЬЯН, 3 мая. Делегация РФ прибыла из Курской области на Корейский полуостров, в Азиатско-Тихоокеанском регионе.',
      ),
    );
    expect(ms).toEqual([
      'LOC:ПХЕНЬЯН=Пхеньян',
      'LOC:РФ=Россия',
      'LOC:Курской области=Курская область',
      'LOC:Корейский полуостров=Корейский полуостров',
      'LOC:Азиатско-Тихоокеанском регионе=Азиатско-Тихоокеанский регион',
    ]);
  });

  it('finds treaty names in any case, stopping at a sensible boundary', () => {
    const ms = brief(
      find(
        'Россия вышла из Договора о ракетах средней и меньшей дальности в 2019 году, а Минские соглашения не выполнены.',
      ),
    );
    expect(ms).toContain(
      'TREATY:Договора о ракетах средней и меньшей дальности=Договор о ракетах средней и меньшей дальности',
    );
    expect(ms).toContain('TREATY:Минские соглашения=Минские соглашения');
    const article = brief(find('Согласно статье 5 договора стороны оказывают взаимную помощь.'));
    expect(article).toContain('TREATY:статье 5=статья 5');
    expect(article).toContain('TREATY:взаимную помощь=взаимная помощь');
  });

  it('leaves "Север" and "Юг" meaning the Koreas unmarked', () => {
    expect(find('И Север, и Юг имеют договоренности.')).toEqual([]);
  });
});

describe('English', () => {
  it('finds people, places and treaty terms', () => {
    const ms = brief(
      find(
        'President Bill Clinton met Russian President Boris Yeltsin in Moscow. Clinton said the U.S. would ratify the Treaty on Open Skies.',
      ),
    );
    expect(ms).toEqual([
      'PER:Bill Clinton=Bill Clinton',
      'PER:Boris Yeltsin=Boris Yeltsin',
      'LOC:Moscow=Moscow',
      'PER:Clinton=Bill Clinton',
      'LOC:U.S.=United States',
      'TREATY:ratify=ratification',
      'TREATY:Treaty on Open Skies=Treaty on Open Skies',
    ]);
  });

  it('keeps possessives out of names and handles capitals conservatively', () => {
    expect(brief(find("Netanyahu's visit to Britain ended."))).toContain(
      'LOC:Britain=United Kingdom',
    );
    const caps = brief(find('RUSSIA AND CHINA SIGN NEW START TALKS DEAL'));
    expect(caps).toContain('LOC:RUSSIA=Russia');
    expect(caps).toContain('LOC:CHINA=China');
    expect(caps.filter((m) => m.startsWith('PER'))).toEqual([]);
  });

  it('takes a name before an officer and a name for the organisation, everywhere in the text', () => {
    const text =
      'Cofinec said Petofi general manager Laszlo Sebesvari had resigned and will be leaving ' +
      'Petofi but will remain on its board . Before the match Deportivo chairman Augusto ' +
      'Lendoiro said Deportivo were ready .';
    expect(people(text, 'en')).toEqual(['Laszlo Sebesvari', 'Augusto Lendoiro']);
  });

  it('takes no lone capitalised common word for a person, but keeps a surname named in full', () => {
    expect(
      people(
        "Boatmen 's deal could spark more mergers . Midwest has to come in and grab Mercantile " +
          'or Commerce . " Commerce said previously that spending rose .',
        'en',
      ),
    ).toEqual([]);
    expect(
      people(
        'White House press secretary Josh Earnest condemned the attack. Earnest said the U.S. would help.',
        'en',
      ),
    ).toEqual(['Josh Earnest', 'Earnest']);
    const lex = getLexicon();
    expect(['tourism', 'photos', 'councils', 'companies'].map(lex.isCommonWordEn)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // Hunspell also lists these capitalised, or they are parts of train names.
    expect(['bush', 'green', 'may', 'mark'].some(lex.isCommonWordEn)).toBe(false);
  });

  it('marks New START, the NPT and Article 5', () => {
    const ms = brief(
      find(
        'New START expires soon; the NPT review and Article 5 of the North Atlantic Treaty were discussed.',
      ),
    );
    expect(ms).toContain('TREATY:New START=New START');
    expect(ms).toContain('TREATY:NPT=Treaty on the Non-Proliferation of Nuclear Weapons');
    expect(ms).toContain('TREATY:Article 5=Article 5');
    expect(ms).toContain('TREATY:North Atlantic Treaty=North Atlantic Treaty');
  });
});

describe('other languages', () => {
  it('guesses the language from the script when not given', () => {
    expect(pickLanguage('Владимир Путин прибыл в Москву')).toBe('ru');
    expect(pickLanguage('The president arrived in Moscow on Monday')).toBe('en');
    expect(pickLanguage('Der Präsident ist nicht in Berlin und die Regierung schweigt')).toBe(
      'other',
    );
    expect(pickLanguage('Президент України прибув до Києва, і це важливо')).toBe('other');
    expect(pickLanguage('Anything', 'de-AT')).toBe('other');
  });

  it('marks country and capital names in other Latin and Cyrillic languages, never people', () => {
    const samples: [string, string, string[]][] = [
      [
        'Die Bundeskanzlerin reiste nach Frankreich und traf in Paris den Präsidenten.',
        'de',
        ['Frankreich'],
      ],
      ['Президент України прибув до Польщі, а потім до Німеччини.', 'uk', []],
      ['Premier Polski spotkał się w Berlinie z kanclerzem Niemiec.', 'pl', []],
      [
        'El presidente de España viajó a Francia y a Marruecos.',
        'es',
        ['España', 'Francia', 'Marruecos'],
      ],
    ];
    for (const [text, lang, places] of samples) {
      const ms = find(text, lang);
      checkInvariants(text, ms);
      expect(ms.every((m) => m.type === 'LOC')).toBe(true);
      for (const p of places) expect(ms.map((m) => m.text)).toContain(p);
    }
  });

  it('marks only country names in other languages', () => {
    const de = find(
      'Die Regierung von Deutschland und Frankreich trifft Olaf Scholz in der Stadt.',
      'de',
    );
    expect(brief(de)).toEqual(['LOC:Deutschland=Deutschland', 'LOC:Frankreich=Frankreich']);
    const fr = find('Le président de la République a rencontré Emmanuel Macron hier soir.', 'fr');
    expect(fr).toEqual([]);
  });
});

describe('robustness', () => {
  it('returns nothing for empty or non-string input', () => {
    expect(find('')).toEqual([]);
    expect(recognizer.recognize(undefined as unknown as string)).toEqual([]);
    expect(recognizer.recognize(42 as unknown as string)).toEqual([]);
  });

  it('is deterministic', () => {
    const text = 'Президент РФ Владимир Путин провел встречу в Кремле с главой МИД КНДР.';
    expect(find(text)).toEqual(find(text));
  });

  // Linear time is asserted as work counted in token reads (a wall-clock bound breaks on a busy
  // machine); npm run bench:recognize reports the times.
  it('handles a 1 MB text in linear time', () => {
    const para =
      'Президент РФ Владимир Путин провел встречу в Кремле с главой МИД КНДР Цой Сон Хи. President Bill Clinton visited Moscow. ';
    const quarter = counted(para.repeat(Math.ceil(250_000 / para.length)));
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const whole = counted(text);
    checkInvariants(text, whole.ms);
    expect(whole.ms.length).toBeGreaterThan(1000);
    // Four times the text: about four times the reads.
    expect(whole.reads).toBeLessThanOrEqual(4.4 * quarter.reads);
  }, 60_000);

  it('handles a 5 MB single paragraph, a 5 MB word and 1 MB of emoji, in linear time', () => {
    const sentence =
      'Президент РФ Владимир Путин провел встречу в Кремле с главой МИД КНДР Цой Сон Хи, а President Bill Clinton visited Moscow; ';
    const checked = (text: string) => {
      const run = counted(text);
      checkInvariants(text, run.ms);
      return run;
    };
    const small = checked(sentence.repeat(Math.ceil(400_000 / sentence.length)));
    const big = checked(sentence.repeat(Math.ceil(2_000_000 / sentence.length)));
    expect(big.ms.length).toBeGreaterThan(4 * small.ms.length);
    console.log(`[recognize] token reads: 0.4 MB ${small.reads}, 2 MB ${big.reads}`);
    // Linear: five times the text, about five times the reads.
    expect(big.reads).toBeLessThanOrEqual(5.5 * small.reads);
    const paragraph = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
    checkInvariants(paragraph, find(paragraph));
    expect(find('я'.repeat(5_000_000))).toEqual([]);
    const emoji = '🇷🇺👨‍👩‍👧\u200bМосква\u0301 '.repeat(60_000);
    checkInvariants(emoji, find(emoji));
  }, 120_000);

  it('survives emoji, CJK, RTL, zero-width and combining marks', () => {
    const text =
      'Путин 🇷🇺👨‍👩‍👧 встретился с 习近平 в Москве\u200b. مرحبا Москва\u0301 ש‎לום \u202eВашингтон\u202c Ким\u200dЧен Ын e\u0301 𝕏 Обама\uD800 \uDC00Кремль';
    const ms = find(text);
    checkInvariants(text, ms);
    expect(brief(ms)).toContain('LOC:Москве=Москва');
  });

  it('keeps a stray symbol next to a name out of it', () => {
    // Found by the property below: the tagger took a lone surrogate into a name, and cutting
    // "President" off a span left one at its start.
    for (const text of [
      '»\ude00РФДоговор о дружбе',
      'Владимир Путин President President \ude00 В. Владимир Путин',
    ]) {
      const ms = find(text, 'en');
      checkInvariants(text, ms);
      for (const m of ms) expect(m.text).toMatch(/^\p{L}/u);
    }
  });

  it('keeps its invariants on arbitrary text (property)', () => {
    const pieces = fc.constantFrom(
      'Владимир Путин',
      'Путина',
      'РФ',
      'КНДР',
      'Курской области',
      'Договор о дружбе',
      'В.',
      'Б.Обама',
      'Ким Чен Ын',
      'МОСКВА',
      'U.S.',
      "Clinton's",
      'President',
      'the Treaty on',
      '«',
      '»',
      ',',
      '.',
      '\n',
      ' ',
      '-',
      '🇷🇺',
      '\u200b',
      '\u0301',
      'שלום',
      '习近平',
      '\uD83D',
      '\uDE00',
    );
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 40 }).map((a) => a.join(' ')),
      fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        maxLength: 200,
      }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'ru', 'en', 'de'), (t, lang) => {
        return violation(t, find(t, lang)) === null;
      }),
      { numRuns: runs(400) },
    );
  });
});

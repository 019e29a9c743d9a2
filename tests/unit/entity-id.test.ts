import { describe, expect, it } from 'vitest';
import { type Mention, summarize } from '../../lib/entities';
import {
  countryId,
  idType,
  isEntityId,
  personId,
  readEntityId,
  treatyId,
} from '../../lib/entity-id';
import { annotateJson, batchLine } from '../../lib/eval/annotate-output';
import { createRecognizer } from '../../lib/recognize/index';

const recognizer = createRecognizer();

/** The id of the first mention written `text` (by its surface form) in a recognized text. */
function idsByText(text: string, lang: string): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const m of recognizer.recognize(text, { lang })) if (!out.has(m.text)) out.set(m.text, m.id);
  return out;
}

const RU =
  'Лидер КНДР Ким Чен Ын встретился с Владимиром Путиным в Пхеньяне. Позиция Путина не ' +
  'изменилась, заявил пресс-секретарь. Министр Иван Петров посетил Сызрань. Москва и ' +
  'Вашингтон обсудили продление ДСНВ. Позиция Ким Чен Ына о России не изменилась.';
const EN =
  'North Korean leader Kim Jong Un met Vladimir Putin in Pyongyang. Putin said North Korea and ' +
  'Russia were close. The DPRK praised the talks. Washington and Moscow discussed extending New ' +
  'START, and the pact was ratified.';

describe('the id format (lib/entity-id.ts)', () => {
  it('makes ids from register ids and country codes, and nothing from malformed ones', () => {
    expect(personId('vladimir-putin')).toBe('PER:vladimir-putin');
    expect(countryId('KP')).toBe('LOC:KP');
    expect(treatyId('new-start')).toBe('TREATY:new-start');
    expect(personId('Vladimir Putin')).toBeUndefined();
    expect(countryId('kp')).toBeUndefined();
    expect(countryId('KPX')).toBeUndefined();
    expect(treatyId('')).toBeUndefined();
  });

  it('reads untrusted ids strictly: the memory’s spelling keys and look-alikes are no ids', () => {
    for (const id of ['PER:vladimir-putin', 'LOC:KP', 'TREATY:new-start', 'PER:a']) {
      expect(isEntityId(id), id).toBe(true);
    }
    for (const bad of [
      'PER:~vladimir putin',
      'LOC:~moskva',
      'PER:Vladimir-Putin',
      'PER:-putin',
      'per:vladimir-putin',
      'LOC:kp',
      'LOC:KPX',
      'TREATY:',
      'WATCH:kndr',
      'ORG:un',
      'PER:vladimir-putin\n',
      ' LOC:KP',
      `PER:${'a'.repeat(81)}`,
      'PER:vladimir_putin',
      '<img src=x>',
      '',
      null,
      42,
      { id: 'LOC:KP' },
    ]) {
      expect(isEntityId(bad), String(bad)).toBe(false);
    }
  });

  it('takes an id only for an entity of its own type', () => {
    expect(idType('TREATY:new-start')).toBe('TREATY');
    expect(idType('LOC:~kp')).toBeNull();
    expect(readEntityId('LOC:KP', 'LOC')).toBe('LOC:KP');
    expect(readEntityId('LOC:KP', 'PER')).toBeUndefined();
    expect(readEntityId('PER:vladimir-putin', 'WATCH')).toBeUndefined();
    expect(readEntityId(undefined, 'PER')).toBeUndefined();
  });
});

describe('ids given by the recognizer', () => {
  const ru = idsByText(RU, 'ru');
  const en = idsByText(EN, 'en');

  it('gives one person the same id in Russian and English, in any case form', () => {
    expect(ru.get('Путина')).toBe('PER:vladimir-putin');
    expect(ru.get('Владимиром Путиным')).toBe('PER:vladimir-putin');
    expect(en.get('Putin')).toBe('PER:vladimir-putin');
    expect(en.get('Vladimir Putin')).toBe('PER:vladimir-putin');
    expect(ru.get('Ким Чен Ына')).toBe('PER:kim-jong-un');
    expect(ru.get('Ким Чен Ын')).toBe('PER:kim-jong-un');
    expect(en.get('Kim Jong Un')).toBe('PER:kim-jong-un');
  });

  it('names a registered foreigner the lemmatizer does not know in the nominative, with the id', () => {
    const people = createRecognizer()
      .recognize(
        'Президент Франции Эммануэль Макрон провел переговоры с канцлером ФРГ Шольцем. ' +
          'Встреча Эммануэля Макрона с Шольцем прошла в Берлине.',
        { lang: 'ru' },
      )
      .filter((m) => m.type === 'PER')
      .map((m) => [m.text, m.canonical, m.id]);
    expect(people).toEqual([
      ['Эммануэль Макрон', 'Эммануэль Макрон', 'PER:emmanuel-macron'],
      ['Шольцем', 'Шольц', 'PER:olaf-scholz'],
      ['Эммануэля Макрона', 'Эммануэль Макрон', 'PER:emmanuel-macron'],
      ['Шольцем', 'Шольц', 'PER:olaf-scholz'],
    ]);
  });

  it('gives a country its ISO code, whatever the language or the short form', () => {
    expect(ru.get('КНДР')).toBe('LOC:KP');
    expect(en.get('North Korea')).toBe('LOC:KP');
    expect(en.get('DPRK')).toBe('LOC:KP');
    expect(ru.get('России')).toBe(en.get('Russia'));
    expect(en.get('Russia')).toBe('LOC:RU');
  });

  it('gives a registered treaty its register id in both languages', () => {
    expect(ru.get('ДСНВ')).toBe('TREATY:new-start');
    expect(en.get('New START')).toBe('TREATY:new-start');
  });

  it('gives no id to what no register knows', () => {
    expect(ru.has('Иван Петров')).toBe(true);
    expect(ru.get('Иван Петров')).toBeUndefined();
    expect(ru.get('Пхеньяне')).toBeUndefined(); // a city: only countries have codes
    expect(ru.get('Сызрань')).toBeUndefined();
    expect(en.has('pact')).toBe(true);
    expect(en.get('pact')).toBeUndefined(); // a generic treaty term
  });

  it('gives every mention of one canonical name the same id', () => {
    const mentions = [
      ...recognizer.recognize(RU, { lang: 'ru' }),
      ...recognizer.recognize(EN, { lang: 'en' }),
    ];
    const byName = new Map<string, Set<string | undefined>>();
    for (const m of mentions) {
      const key = `${m.type}:${m.canonical}`;
      byName.set(key, (byName.get(key) ?? new Set()).add(m.id));
    }
    for (const [name, ids] of byName) expect(ids.size, name).toBe(1);
    // The page summary's row carries it.
    const putin = summarize(mentions).find((r) => r.canonical === 'Владимир Путин');
    expect(putin).toMatchObject({ id: 'PER:vladimir-putin', count: 2 });
  });
});

describe('glossa annotate output (lib/eval/annotate-output.ts)', () => {
  const mention = (over: Partial<Mention>): Mention => ({
    start: 0,
    end: 4,
    type: 'PER',
    text: 'Путин',
    canonical: 'Владимир Путин',
    ...over,
  });

  it('writes the id of every mention that has one, after the other fields', () => {
    const line = batchLine('doc-1', [
      mention({ id: 'PER:vladimir-putin' }),
      mention({ start: 10, end: 16, type: 'LOC', text: 'Сызрань', canonical: 'Сызрань' }),
      mention({ start: 20, end: 23, type: 'ORG', text: 'МИД', canonical: 'МИД' }),
    ]);
    expect(line.endsWith('\n')).toBe(true);
    expect(line).toBe(
      '{"id":"doc-1","entities":[' +
        '{"start":0,"end":4,"type":"PER","text":"Путин","canonical":"Владимир Путин","id":"PER:vladimir-putin"},' +
        '{"start":10,"end":16,"type":"LOC","text":"Сызрань","canonical":"Сызрань"}]}\n',
    );
  });

  it('puts ids in --json mentions and summary rows, from a real recognition', () => {
    const mentions = recognizer.recognize(EN, { lang: 'en' }).filter((m) => m.type !== 'ORG');
    const out = JSON.parse(annotateJson('en.txt', mentions, summarize(mentions))) as {
      entities: { text: string; id?: string; treaty?: { id: string } }[];
      summary: { canonical: string; id?: string }[];
    };
    expect(out.entities.find((e) => e.text === 'DPRK')?.id).toBe('LOC:KP');
    const treaty = out.entities.find((e) => e.text === 'New START');
    expect(treaty).toMatchObject({ id: 'TREATY:new-start', treaty: { id: 'new-start' } });
    expect(out.entities.find((e) => e.text === 'Pyongyang')).not.toHaveProperty('id');
    expect(out.summary.find((s) => s.canonical === 'Kim Jong Un')?.id).toBe('PER:kim-jong-un');
  });
});

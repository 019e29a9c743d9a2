import { describe, expect, it } from 'vitest';
import {
  ORGANISATION_CODES,
  PEOPLE_REGISTER,
  PEOPLE_REGISTER_AS_OF,
} from '../../lib/recognize/curated/people-register';
import { personKey } from '../../lib/recognize/people-keys';
import { lookupPerson } from '../../lib/recognize/people-register';

function idOf(name: string): string | null {
  return lookupPerson(name)?.id ?? null;
}

function person(id: string) {
  const p = PEOPLE_REGISTER.find((x) => x.id === id);
  if (!p) throw new Error(`${id} is not registered`);
  return p;
}

describe('the people register', () => {
  it('has at least 500 people with unique slug ids', () => {
    expect(PEOPLE_REGISTER.length).toBeGreaterThanOrEqual(500);
    const ids = PEOPLE_REGISTER.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('says the date it describes', () => {
    expect(PEOPLE_REGISTER_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(PEOPLE_REGISTER_AS_OF))).toBe(false);
  });

  it('gives every person both names, roles with years, a country and a source', () => {
    for (const p of PEOPLE_REGISTER) {
      expect(p.en, p.id).toMatch(/^[^\p{Script=Cyrillic}]+$/u);
      expect(p.ru, p.id).toMatch(/^[\p{Script=Cyrillic}\s\-'IVX.]+$/u);
      for (const a of p.enAliases ?? []) expect(a, p.id).toMatch(/^[^\p{Script=Cyrillic}]+$/u);
      for (const a of p.ruAliases ?? []) expect(a, p.id).toMatch(/\p{Script=Cyrillic}/u);
      for (const name of [p.en, p.ru]) expect(name, p.id).toBe(name.trim());
      expect(p.roles.length, p.id).toBeGreaterThan(0);
      for (const r of p.roles) expect(r, `${p.id}: ${r}`).toMatch(/\(.*\d{4}.*\)/);
      expect(p.source.length, p.id).toBeGreaterThan(0);
      expect(/^[A-Z]{2}$/.test(p.country) || ORGANISATION_CODES.has(p.country), p.id).toBe(true);
    }
  });

  it('gives no name or alias to two people', () => {
    const owner = new Map<string, string>();
    for (const p of PEOPLE_REGISTER) {
      const names = [p.en, p.ru, ...(p.enAliases ?? []), ...(p.ruAliases ?? [])];
      for (const key of new Set(names.map(personKey))) {
        expect(owner.get(key) ?? p.id, key).toBe(p.id);
        owner.set(key, p.id);
      }
    }
  });

  it('has famous entries right (checked by hand)', () => {
    const expected: [string, string, string, string][] = [
      ['vladimir-putin', 'Vladimir Putin', 'Владимир Путин', 'RU'],
      ['xi-jinping', 'Xi Jinping', 'Си Цзиньпин', 'CN'],
      ['kim-jong-un', 'Kim Jong Un', 'Ким Чен Ын', 'KP'],
      ['emmanuel-macron', 'Emmanuel Macron', 'Эммануэль Макрон', 'FR'],
      ['antonio-guterres', 'António Guterres', 'Антониу Гутерриш', 'UN'],
      ['mark-rutte', 'Mark Rutte', 'Марк Рютте', 'NATO'],
      ['ursula-von-der-leyen', 'Ursula von der Leyen', 'Урсула фон дер Ляйен', 'EU'],
      ['sergey-lavrov', 'Sergei Lavrov', 'Сергей Лавров', 'RU'],
      ['antony-blinken', 'Antony Blinken', 'Энтони Блинкен', 'US'],
      ['narendra-modi', 'Narendra Modi', 'Нарендра Моди', 'IN'],
      ['recep-tayyip-erdogan', 'Recep Tayyip Erdoğan', 'Реджеп Тайип Эрдоган', 'TR'],
      ['volodymyr-zelensky', 'Volodymyr Zelensky', 'Владимир Зеленский', 'UA'],
      ['benjamin-netanyahu', 'Benjamin Netanyahu', 'Биньямин Нетаньяху', 'IL'],
      ['lula-da-silva', 'Luiz Inácio Lula da Silva', 'Луис Инасиу Лула да Силва', 'BR'],
      ['cyril-ramaphosa', 'Cyril Ramaphosa', 'Сирил Рамафоса', 'ZA'],
    ];
    for (const [id, en, ru, country] of expected) {
      const p = person(id);
      expect([p.en, p.ru, p.country], id).toEqual([en, ru, country]);
    }
    expect(person('vladimir-putin').roles).toContain('President of Russia (2000–2008, 2012–)');
  });
});

describe('looking a person up', () => {
  it('finds a person by either canonical name, in any case', () => {
    expect(lookupPerson('Владимир Путин')).toEqual({
      id: 'vladimir-putin',
      en: 'Vladimir Putin',
      ru: 'Владимир Путин',
    });
    expect(idOf('Vladimir Putin')).toBe('vladimir-putin');
    expect(idOf('VLADIMIR PUTIN')).toBe('vladimir-putin');
    expect(idOf('Ким Чен Ын')).toBe('kim-jong-un');
    expect(idOf('Kim Jong Un')).toBe('kim-jong-un');
    expect(idOf('Си Цзиньпин')).toBe('xi-jinping');
    expect(idOf('Урсула фон дер Ляйен')).toBe('ursula-von-der-leyen');
  });

  it('folds ё, Latin diacritics, hyphens and spaces', () => {
    expect(idOf('Михаил Горбачев')).toBe('mikhail-gorbachev');
    expect(idOf('Recep Tayyip Erdogan')).toBe('recep-tayyip-erdogan');
    expect(idOf('Antonio Guterres')).toBe('antonio-guterres');
    expect(idOf('Kim Jong-un')).toBe('kim-jong-un');
    expect(idOf('  kim   jong   un ')).toBe('kim-jong-un');
    expect(idOf('Ким Чен-Ын')).toBe('kim-jong-un');
    expect(personKey('Мария Львова-Белова')).toBe('мария львова белова');
    // й keeps its mark: folding is for Latin letters only.
    expect(personKey('Сергей')).toBe('сергей');
  });

  it('finds a person by an alias', () => {
    expect(idOf('Lula')).toBe('lula-da-silva');
    expect(idOf('Volodymyr Zelenskyy')).toBe('volodymyr-zelensky');
    expect(idOf('Svetlana Tikhanovskaya')).toBe('sviatlana-tsikhanouskaya');
    expect(idOf('Dmitri Peskov')).toBe('dmitry-peskov');
  });

  it('finds a person by a surname only one registered person bears', () => {
    expect(idOf('Putin')).toBe('vladimir-putin');
    expect(idOf('Путин')).toBe('vladimir-putin');
    expect(idOf('Лавров')).toBe('sergey-lavrov');
    expect(idOf('Zakharova')).toBe('maria-zakharova');
    expect(idOf('Erdogan')).toBe('recep-tayyip-erdogan');
    expect(idOf('Эрдоган')).toBe('recep-tayyip-erdogan');
    expect(idOf('von der Leyen')).toBe('ursula-von-der-leyen');
    expect(idOf('фон дер Ляйен')).toBe('ursula-von-der-leyen');
    // Family name first: "Xi" and «Си» are Xi Jinping's surname, not "Jinping".
    expect(idOf('Xi')).toBe('xi-jinping');
    expect(idOf('Си')).toBe('xi-jinping');
    expect(idOf('Jinping')).toBeNull();
    expect(idOf('Le Pen')).toBe('marine-le-pen');
    expect(idOf('Ле Пен')).toBe('marine-le-pen');
    expect(idOf('López Obrador')).toBe('andres-manuel-lopez-obrador');
    expect(idOf('Marrero')).toBe('manuel-marrero-cruz');
    // A mother's surname alone is not the person: "Cruz" is not Manuel Marrero Cruz.
    expect(idOf('Cruz')).toBeNull();
    expect(idOf('Лопес Обрадор')).toBe('andres-manuel-lopez-obrador');
    expect(idOf('Fogh Rasmussen')).toBe('anders-fogh-rasmussen');
    expect(idOf('Assad')).toBe('bashar-al-assad');
    expect(idOf('Асад')).toBe('bashar-al-assad');
    expect(idOf('аш-Шараа')).toBe('ahmed-al-sharaa');
    expect(idOf('Marcos Jr.')).toBe('ferdinand-marcos-jr');
    expect(idOf('Маркос-младший')).toBe('ferdinand-marcos-jr');
    // Father and son.
    expect(idOf('Маркос')).toBeNull();
  });

  it('gives no one for a surname several registered people bear', () => {
    // Kim Jong Un, Kim Yo Jong, Kim Il Sung, ...
    expect(idOf('Kim')).toBeNull();
    expect(idOf('Ким')).toBeNull();
    // George W. and George H. W. Bush; Bill and Hillary Clinton; Ilham and Heydar Aliyev.
    expect(idOf('Bush')).toBeNull();
    expect(idOf('Clinton')).toBeNull();
    expect(idOf('Клинтон')).toBeNull();
    expect(idOf('Aliyev')).toBeNull();
    expect(idOf('Rasmussen')).toBeNull();
    // After "bin" comes a father's name: "Salman" is not Mohammed bin Salman's surname, and
    // "bin Salman" is his brother Khalid's too.
    expect(idOf('Salman')).toBeNull();
    expect(idOf('bin Salman')).toBeNull();
    expect(idOf('MBS')).toBe('mohammed-bin-salman');
    // A surname that is also a registered person's given name (Мишель Барнье, Martin Griffiths).
    expect(idOf('Мишель')).toBeNull();
    expect(idOf('Martin')).toBeNull();
    expect(idOf('Ш. Мишель')).toBe('charles-michel');
    expect(idOf('Франциск')).toBe('pope-francis');
    // Common given names and the commonest surnames (NOT_SURNAMES_ALONE).
    expect(idOf('Павел')).toBeNull();
    expect(idOf('Silva')).toBeNull();
    expect(idOf('López')).toBeNull();
    expect(idOf('Петр Павел')).toBe('petr-pavel');
    expect(idOf('П. Павел')).toBe('petr-pavel');
  });

  it('reads a Russian patronymic and initials', () => {
    expect(idOf('Борис Николаевич Ельцин')).toBe('boris-yeltsin');
    expect(idOf('Владимир Владимирович Путин')).toBe('vladimir-putin');
    expect(idOf('А. Лукашенко')).toBe('alexander-lukashenko');
    expect(idOf('А. Г. Лукашенко')).toBe('alexander-lukashenko');
    expect(idOf('Лукашенко А.Г.')).toBe('alexander-lukashenko');
    expect(idOf('V. Putin')).toBe('vladimir-putin');
    // The initial picks one of two Clintons, and rules out Alexander for Viktor Lukashenko.
    expect(idOf('Б. Клинтон')).toBe('bill-clinton');
    expect(idOf('H. Clinton')).toBe('hillary-clinton');
    expect(idOf('В. Лукашенко')).toBeNull();
    // Both Bushes are George.
    expect(idOf('Дж. Буш')).toBeNull();
  });

  it('finds a registered Russian name or surname in the oblique cases the press writes', () => {
    const cases: Array<[string, string]> = [
      ['Эммануэля Макрона', 'emmanuel-macron'],
      ['Макроном', 'emmanuel-macron'],
      ['Шольцем', 'olaf-scholz'],
      ['Ким Чен Ына', 'kim-jong-un'],
      ['Си Цзиньпина', 'xi-jinping'],
      ['Урсулы фон дер Ляйен', 'ursula-von-der-leyen'],
      ['Ангелы Меркель', 'angela-merkel'],
      ['Жан-Клода Юнкера', 'jean-claude-juncker'],
      ['Башаром аль-Асадом', 'bashar-al-assad'],
      ['Блинкеном', 'antony-blinken'],
      ['Эрдогану', 'recep-tayyip-erdogan'],
    ];
    for (const [name, id] of cases) expect(lookupPerson(name)?.id, name).toBe(id);
    // Several registered Kims: a declined surname is as ambiguous as the nominative one.
    expect(lookupPerson('Кима')).toBeNull();
    // A given name in another case is no surname («Барака» is Barack Obama's, not Ehud Barak's),
    // and a woman's foreign surname does not decline («Марины» is no form of Sanna Marin).
    expect(lookupPerson('Барака')).toBeNull();
    expect(lookupPerson('Марины')).toBeNull();
    expect(lookupPerson('Санны Марин')?.id).toBe('sanna-marin');
    // An East Asian family name does not decline: «Ма» (Ma Ying-jeou) has no forms «Мы», «Мой».
    expect(lookupPerson('Мы')).toBeNull();
    expect(lookupPerson('Мой')).toBeNull();
    // The nominative keys come first: a declined form never takes another person's name.
    expect(lookupPerson('Путин')?.id).toBe('vladimir-putin');
  });

  it('gives no one for a name it does not hold', () => {
    expect(idOf('Ivan Petrovich Sidorov')).toBeNull();
    expect(idOf('')).toBeNull();
    expect(idOf('   ')).toBeNull();
  });
});

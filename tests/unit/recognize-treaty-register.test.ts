import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { TREATY_NAMES_EN, TREATY_NAMES_RU } from '../../lib/recognize/curated/treaties';
import { TREATY_REGISTER } from '../../lib/recognize/curated/treaty-register';
import { createRecognizer } from '../../lib/recognize/index';
import {
  dashVariants,
  decodeRegister,
  encodeRegister,
  registerKey,
} from '../../lib/recognize/treaty-register-data';

const recognizer = createRecognizer();

function treaties(text: string): Mention[] {
  return recognizer.recognize(text).filter((m) => m.type === 'TREATY');
}

/** The register id of the TREATY mention whose text is exactly `form`, or null/undefined. */
function idOf(text: string, form: string): string | null | undefined {
  const m = treaties(text).find((x) => x.text === form);
  return m ? (m.treaty?.id ?? null) : undefined;
}

describe('the treaty register', () => {
  it('has at least 150 entries with unique slug ids, both names and a plausible year', () => {
    expect(TREATY_REGISTER.length).toBeGreaterThanOrEqual(150);
    const ids = TREATY_REGISTER.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TREATY_REGISTER) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(t.en.length, t.id).toBeGreaterThan(0);
      expect(t.ru.length, t.id).toBeGreaterThan(0);
      for (const n of t.en) expect(n, t.id).toMatch(/^[^\p{Script=Cyrillic}]+$/u);
      for (const n of t.ru) expect(n, t.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(Number.isInteger(t.year) && t.year >= 1600 && t.year <= 2026, t.id).toBe(true);
    }
  });

  it('gives no name or exact form to two treaties (generic names aside)', () => {
    const owner = new Map<string, string>();
    for (const t of TREATY_REGISTER) {
      const forms = [...t.en, ...t.ru, ...(t.exact ?? []).map((f) => f.replace(/^\?/, ''))];
      for (const key of new Set(forms.map(registerKey))) {
        expect(owner.get(key) ?? t.id, key).toBe(t.id);
        owner.set(key, t.id);
      }
    }
  });

  it('names parties for every treaty with a generic name', () => {
    for (const t of TREATY_REGISTER.filter((x) => x.generic?.length)) {
      expect(t.parties?.length, t.id).toBeGreaterThan(0);
      for (const p of t.parties ?? []) expect(p).toBe(p.toLowerCase());
    }
  });

  it('covers every name of the older treaty lists it supersedes', () => {
    const keys = new Set<string>();
    for (const t of TREATY_REGISTER) {
      for (const n of [...t.en, ...t.ru, ...(t.exact ?? []).map((f) => f.replace(/^\?/, ''))])
        keys.add(registerKey(n));
    }
    for (const line of `${TREATY_NAMES_RU}\n${TREATY_NAMES_EN}`.split('\n')) {
      if (!line.trim()) continue;
      const [canonical = '', aliases = ''] = line.trim().split(/\s+=\s+/);
      const names = [canonical, ...aliases.split(/,\s*/).filter(Boolean)];
      const known = names.filter((n) => keys.has(registerKey(n)));
      // Either the register owns the entry whole, or the entry stays in the lexicon as it is.
      if (known.length > 0) expect(known, line).toEqual(names);
    }
  });

  it('survives the lexicon table encoding', () => {
    const decoded = decodeRegister(encodeRegister(TREATY_REGISTER));
    expect(decoded.rows).toHaveLength(TREATY_REGISTER.length);
    const npt = TREATY_REGISTER.findIndex((t) => t.id === 'npt');
    expect(decoded.rows[npt]?.info).toEqual({
      id: 'npt',
      en: 'Treaty on the Non-Proliferation of Nuclear Weapons',
      ru: 'Договор о нераспространении ядерного оружия',
      year: 1968,
    });
    expect(decoded.names.get(registerKey('Non-Proliferation Treaty'))).toEqual([
      { row: npt, generic: false },
    ]);
    expect(decoded.exact).toContainEqual({
      form: 'INF',
      row: expect.any(Number),
      needsContext: true,
    });
    expect(decoded.exact).toContainEqual({ form: 'ДНЯО', row: npt, needsContext: false });
  });

  it('writes dashes between words every way news do', () => {
    expect(dashVariants('Пакт Молотова — Риббентропа')).toEqual(
      expect.arrayContaining(['Пакт Молотова-Риббентропа', 'Пакт Молотова – Риббентропа']),
    );
    expect(dashVariants('Non-Proliferation Treaty')).toEqual(['Non-Proliferation Treaty']);
    expect(registerKey('Пакт Молотова — Риббентропа')).toBe(
      registerKey('Пакт Молотова-Риббентропа'),
    );
  });
});

describe('registered treaties in text', () => {
  it('marks Russian names in every case form, with the id, both names and the year', () => {
    const text =
      'Стороны подтвердили приверженность Договору о нераспространении ядерного оружия. ' +
      'Ранее США вышли из Парижского соглашения, а Россия напомнила о Минских соглашениях ' +
      'и о Будапештском меморандуме. Варшавским договором это не регулировалось.';
    const ms = treaties(text);
    const npt = ms.find((m) => m.text === 'Договору о нераспространении ядерного оружия');
    expect(npt?.treaty).toEqual({
      id: 'npt',
      en: 'Treaty on the Non-Proliferation of Nuclear Weapons',
      ru: 'Договор о нераспространении ядерного оружия',
      year: 1968,
    });
    expect(npt?.canonical).toBe('Договор о нераспространении ядерного оружия');
    expect(idOf(text, 'Парижского соглашения')).toBe('paris-agreement');
    expect(idOf(text, 'Минских соглашениях')).toBe('minsk-2');
    expect(idOf(text, 'Будапештском меморандуме')).toBe('budapest-memorandum');
    expect(idOf(text, 'Варшавским договором')).toBe('warsaw-pact');
  });

  it('does not take two treaty names joined by "and" for one name', () => {
    const text =
      'Both are parties to the Treaty on the Non-Proliferation of Nuclear Weapons and the Rome Statute.';
    expect(idOf(text, 'Treaty on the Non-Proliferation of Nuclear Weapons')).toBe('npt');
    expect(idOf(text, 'Rome Statute')).toBe('rome-statute');
  });

  it('marks English names', () => {
    const text =
      'The Good Friday Agreement ended the Troubles. Both states are parties to the ' +
      'Treaty on the Non-Proliferation of Nuclear Weapons. The Rome Statute was signed in 1998.';
    expect(idOf(text, 'Good Friday Agreement')).toBe('good-friday');
    expect(idOf(text, 'Treaty on the Non-Proliferation of Nuclear Weapons')).toBe('npt');
    expect(idOf(text, 'Rome Statute')).toBe('rome-statute');
  });

  it('marks abbreviations in both languages as written, grouped under the full name', () => {
    const ru = 'Россия вышла из ДРСМД, приостановила СНВ-3 и отозвала ратификацию ДВЗЯИ.';
    const ms = treaties(ru);
    const drsmd = ms.find((m) => m.text === 'ДРСМД');
    expect(drsmd?.canonical).toBe('Договор о ликвидации ракет средней и меньшей дальности');
    expect(drsmd?.treaty?.id).toBe('inf');
    expect(idOf(ru, 'СНВ-3')).toBe('new-start');
    expect(idOf(ru, 'ДВЗЯИ')).toBe('ctbt');
    const en = 'New START expires in 2026; the NPT review conference and the JCPOA were discussed.';
    expect(idOf(en, 'New START')).toBe('new-start');
    expect(idOf(en, 'NPT')).toBe('npt');
    expect(idOf(en, 'JCPOA')).toBe('jcpoa');
  });

  it('finds a registered name written with its parties between head and subject', () => {
    const text =
      'Договор между Москвой и Вашингтоном о мерах по дальнейшему сокращению и ограничению ' +
      'стратегических наступательных вооружений истекает в 2026 году.';
    const m = treaties(text).find((x) => x.text.startsWith('Договор между'));
    expect(m?.treaty?.id).toBe('new-start');
  });

  it('marks an ambiguous abbreviation only near a treaty word', () => {
    expect(idOf('США вышли из Договора по открытому небу (ДОН) в 2020 году.', 'ДОН')).toBe(
      'open-skies',
    );
    expect(idOf('Washington left INF in 2019, saying Moscow broke the treaty.', 'INF')).toBe('inf');
    expect(treaties('Река ДОН вышла из берегов у Ростова.')).toEqual([]);
    expect(treaties('Движение «Техрик-е Талибан Пакистан» (ТТП) избрало нового эмира.')).toEqual(
      [],
    );
    expect(treaties('The patient had an INF reading of 3 and an ABM score.')).toEqual([]);
  });

  it('takes an abbreviation that is an English word in a line of capitals only near a treaty word', () => {
    expect(treaties('SCIENTIST CITES NEW DATA ON RARE FROGS\nThe study was published.')).toEqual(
      [],
    );
    expect(idOf('Trade in the frogs is restricted under CITES since 1975.', 'CITES')).toBe('cites');
  });

  it('never marks abbreviations or case-sensitive names written in lower case', () => {
    expect(treaties('Let us make a new start. The npt file and the inf value.')).toEqual([]);
    expect(treaties('Студент снв сдал зачет.')).toEqual([]);
  });

  it('ties a name several treaties share to the one whose party is named nearby', () => {
    const dprk =
      'Лидеры России и КНДР подписали Договор о всеобъемлющем стратегическом партнерстве.';
    const iran =
      'Москва и Тегеран подписали Договор о всеобъемлющем стратегическом партнерстве в январе.';
    const name = 'Договор о всеобъемлющем стратегическом партнерстве';
    expect(idOf(dprk, name)).toBe('russia-dprk-partnership-2024');
    expect(idOf(iran, name)).toBe('russia-iran-partnership-2025');
    // No party named: a treaty term, but not tied to either.
    expect(idOf(`Стороны обсудили ${name}.`, name)).toBeNull();
  });

  it('keeps a tied generic name for the whole text (one sense per text)', () => {
    const text =
      'Россия и КНДР подписали Договор о всеобъемлющем стратегическом партнерстве. ' +
      'Эксперты спорят о последствиях. '.repeat(12) +
      'Договор о всеобъемлющем стратегическом партнерстве, как считают эксперты, работает.';
    const ms = treaties(text).filter((m) => m.text.startsWith('Договор о всеобъемлющем'));
    expect(ms).toHaveLength(2);
    expect(ms.map((m) => m.treaty?.id)).toEqual([
      'russia-dprk-partnership-2024',
      'russia-dprk-partnership-2024',
    ]);
  });
});

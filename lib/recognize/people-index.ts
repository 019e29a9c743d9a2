/**
 * The people register's index: every registered name, alias and surname by key, and the Russian
 * ones in their oblique cases. Built from the curated register (curated/people-register.ts) by
 * the lexicon's build, which ships it (people-index-data.ts); built here at run time only where no
 * shipped copy matches the register.
 */
import { NOT_SURNAMES_ALONE, PEOPLE_REGISTER } from './curated/people-register';
import { isFamilyFirst, PARTICLES, personKey, surnameForms } from './people-keys';
import { nameCases, wordCases } from './russian-name-cases';

/** What a lookup gives: the person's id and canonical names. */
export interface PersonRef {
  id: string;
  en: string;
  ru: string;
}

export interface PeopleIndex {
  /** Full names and aliases: one person each (the register's tests keep them unique). */
  full: Map<string, PersonRef>;
  /** Surnames: the people who bear each one. */
  surnames: Map<string, PersonRef[]>;
  /** First letters of each person's given names, lower case (none for family-first names). */
  initials: Map<string, Set<string>>;
  /**
   * Given names of registered people ("мишель", "martin") and NOT_SURNAMES_ALONE: never read as
   * a surname alone.
   */
  givenNames: Set<string>;
}

/** Needed on the first lookup of a name no nominative key knows (most Russian pages name people in it). */
export interface DeclinedIndex {
  /** Russian names in the oblique cases («Эммануэля Макрона»); null where two people share one. */
  full: Map<string, PersonRef | null>;
  /** Russian surnames in the oblique cases («Шольцем»): the people who bear each. */
  surnames: Map<string, PersonRef[]>;
  /** Each declined surname's nominative key («шольцем» → «шольц»). */
  nominatives: Map<string, string>;
}

/** The index of the nominative names and surnames. */
export function buildPeopleIndex(): PeopleIndex {
  const full = new Map<string, PersonRef>();
  const surnames = new Map<string, PersonRef[]>();
  const initials = new Map<string, Set<string>>();
  const givenNames = new Set(NOT_SURNAMES_ALONE.map(personKey));
  for (const p of PEOPLE_REGISTER) {
    const ref: PersonRef = { id: p.id, en: p.en, ru: p.ru };
    const names = [p.en, p.ru, ...(p.enAliases ?? []), ...(p.ruAliases ?? [])];
    const nameKeys = names.map(personKey);
    for (const key of nameKeys) if (!full.has(key)) full.set(key, ref);
    // An alias of a family-first name may be written the other way ("William Lai"): only
    // the canonical names say which word is the surname.
    const familyFirst = isFamilyFirst(p);
    const keys = new Set<string>();
    for (const name of familyFirst ? [p.en, p.ru] : names) {
      for (const s of surnameForms(name, familyFirst, p.doubleSurname)) keys.add(personKey(s));
    }
    for (const key of keys) {
      const list = surnames.get(key) ?? [];
      list.push(ref);
      surnames.set(key, list);
    }
    if (familyFirst) continue;
    initials.set(p.id, new Set(nameKeys.map((key) => key.charAt(0))));
    for (const key of nameKeys) {
      const words = key.split(' ');
      if (words.length > 1) givenNames.add(words[0] as string);
    }
  }
  return { full, surnames, initials, givenNames };
}

const CYRILLIC_NAME = /^[\p{Script=Cyrillic}\s.'’-]+$/u;

/**
 * Russian texts decline names (lib/recognize/russian-name-cases.ts): each registered Russian
 * name and surname in its oblique cases, where no nominative key already says otherwise. An East
 * Asian name declines its last syllable only («Си Цзиньпина»); a woman's surname ending in a
 * consonant does not decline («Ангелы Меркель»), so a name whose given name ends in -а or -я
 * also gets the forms with the surname as it is.
 */
export function buildDeclinedIndex(ix: PeopleIndex): DeclinedIndex {
  const { full, surnames } = ix;
  const inflectedFull = new Map<string, PersonRef | null>();
  const inflectedSurnames = new Map<string, PersonRef[]>();
  const nominatives = new Map<string, string>();
  // A given name in any case is never read as a surname («Барака» is Barack's, not Ehud Barak's).
  const declinedGiven = new Set<string>();
  for (const given of ix.givenNames) {
    if (/^[а-я]+$/.test(given)) for (const form of wordCases(given)) declinedGiven.add(form);
  }
  /** People whose Russian given name ends in -а or -я: women, as Russian declension sees them. */
  const women = new Set<string>();
  const familyFirstIds = new Set(PEOPLE_REGISTER.filter(isFamilyFirst).map((p) => p.id));
  for (const p of PEOPLE_REGISTER) {
    const ref: PersonRef = { id: p.id, en: p.en, ru: p.ru };
    const familyFirst = isFamilyFirst(p);
    for (const name of [p.ru, ...(p.ruAliases ?? [])]) {
      if (!CYRILLIC_NAME.test(name)) continue;
      // Declined as keys (lower case, hyphens kept until the end): no key is made twice.
      const words = wordKeys(name);
      const last = words.length - 1;
      const variants = [
        nameCases(words, (i) => (familyFirst ? i < last : PARTICLES.has(words[i] as string))),
      ];
      if (!familyFirst && words.length > 1 && /[ая]$/.test(words[0] as string)) {
        if (name === p.ru) women.add(p.id);
        variants.push(nameCases(words, (i) => i === last || PARTICLES.has(words[i] as string)));
      }
      for (const form of variants.flat()) {
        const key = form.replace(/-/g, ' ');
        if (full.has(key)) continue;
        const had = inflectedFull.get(key);
        inflectedFull.set(key, had === undefined || had?.id === ref.id ? ref : null);
      }
    }
  }
  // Surnames from the nominative index (its keys have spaces for hyphens: «аль асад» declines
  // its last word all the same). Not a woman's: a foreign one does not decline («Санны Марин»),
  // and its forms are other words («Марина» is a given name). Not an East Asian family name
  // either: «Ма», «Ли» do not decline, and their would-be forms are words («мы», «мой»).
  for (const [surname, bearers] of surnames) {
    if (!/^[а-я ]+$/.test(surname)) continue;
    const men = bearers.filter((ref) => !women.has(ref.id) && !familyFirstIds.has(ref.id));
    if (men.length === 0) continue;
    const parts = surname.split(' ');
    for (const form of nameCases(parts, (i) => PARTICLES.has(parts[i] as string))) {
      if (surnames.has(form) || declinedGiven.has(form)) continue;
      const list = inflectedSurnames.get(form) ?? [];
      for (const ref of men) if (!list.some((r) => r.id === ref.id)) list.push(ref);
      inflectedSurnames.set(form, list);
      nominatives.set(form, surname);
    }
  }
  return { full: inflectedFull, surnames: inflectedSurnames, nominatives };
}

/** The words of a Cyrillic name as personKey writes them, but each hyphen kept («аль-асад»). */
function wordKeys(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`.]/g, '')
    .replace(/[‐‑–—]/g, '-')
    .split(/\s+/)
    .filter((w) => w !== '');
}

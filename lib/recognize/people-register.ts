/**
 * Lookup in the people register (curated/people-register.ts): from a PER mention's canonical
 * name, in English or Russian, to the registered person, so that "Путин" and "Putin", «Ким Чен
 * Ын» and "Kim Jong-un" are one entity. Pure and synchronous; the index is built once, on the
 * first lookup. docs/recognition.md ("People register") describes the keys.
 */
import { SURNAME_PARTICLES } from './curated/name-parts';
import {
  NOT_SURNAMES_ALONE,
  PEOPLE_REGISTER,
  type RegisteredPerson,
} from './curated/people-register';
import { nameCases, wordCases } from './russian-name-cases';

/** What a lookup gives: the person's id and canonical names. */
export interface PersonRef {
  id: string;
  en: string;
  ru: string;
}

/** Countries whose people news name family name first ("Xi Jinping", «Ким Чен Ын»). */
const FAMILY_FIRST_COUNTRIES = new Set(['CN', 'TW', 'HK', 'KP', 'KR', 'KH']);

/**
 * Words that belong to a surname when they stand before it ("von der Leyen", «аль-Асад»): the
 * recognizer's (curated/name-parts.ts) and the spellings register names add.
 */
const PARTICLES: ReadonlySet<string> = new Set([
  ...SURNAME_PARTICLES,
  ...'do ben ден ду ас ад бен'.split(' '),
]);
/** Words that make the next one a father's name ("bin Salman", «бен Сальман»). */
const PATRONYM = new Set(['bin', 'ben', 'ibn', 'бин', 'бен', 'ибн']);
/** Arabic articles glued to a surname by a hyphen: "al-Assad" is also "Assad". */
const ARTICLE_PREFIX = /^(?:al|el|ал|аль|эль|ас|аш|ат|ад|ан|ар|аз|ан)-/u;
/** A generational suffix or regnal number closes a name without being its surname. */
const SUFFIX = /^(?:[Jj]r\.?|[Ss]r\.?|младший|старший|[IVX]+)$/u;

/** Latin letters that NFD does not split into a base and a mark. */
const LATIN_FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', ı: 'i', đ: 'd', æ: 'ae' };

/** A lower-case name that is its own key: a–z and а–я (no ё) in words one space apart. */
const PLAIN_KEY = /^[a-z\u0430-\u044f]+(?: [a-z\u0430-\u044f]+)*$/;

/** Anything but ASCII and the basic Cyrillic letters (U+0400–U+045F: precomposed, in NFC). */
const NOT_PLAIN = /[^\p{ASCII}\u0400-\u045f]/u;

/**
 * The lookup key of a name: lower case, ё as е, Latin letters without diacritics, hyphens and
 * dashes as spaces, apostrophes and dots dropped, spaces collapsed. Cyrillic letters keep their
 * marks (й is not и).
 */
export function personKey(name: string): string {
  const raw = name.toLowerCase();
  // Most names are words of ASCII or basic Cyrillic letters one space apart, already their own
  // key: one test instead of the five rewrites below (building the index calls this for every
  // name and surname of the register, at the recognizer's first Russian page after a cold start).
  if (PLAIN_KEY.test(raw)) return raw;
  const lower = raw.replace(/ё/g, 'е');
  // Only Latin letters lose their marks: a name in ASCII and basic Cyrillic letters has none to
  // lose, and skipping the two normalizations for it saves a third of the index's build.
  const folded = NOT_PLAIN.test(lower)
    ? lower
        .replace(/[ßøłıđæ]/g, (ch) => LATIN_FOLDS[ch] as string)
        .normalize('NFD')
        .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
        .normalize('NFC')
    : lower;
  return folded
    .replace(/['’ʼ`.]/g, '')
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The surname forms of a name (keys not yet made): "Ursula von der Leyen" → "Leyen", "von der Leyen". */
export function surnameForms(name: string, familyFirst: boolean, doubleSurname = false): string[] {
  const words = name
    .replace(/-(младший|старший)$/u, ' $1')
    .split(/\s+/)
    .filter((w) => w !== '');
  const suffixes: string[] = [];
  while (words.length > 1 && SUFFIX.test(words[words.length - 1] as string)) {
    // A regnal number ("Charles III", «Карл III»): the name has no surname.
    if (/^[IVX]+$/.test(words[words.length - 1] as string)) return [];
    suffixes.unshift(words.pop() as string);
  }
  if (words.length < 2) return [];
  if (familyFirst) return [words[0] as string];
  // Spanish double surnames: the father's is the one used alone ("López", not "Obrador").
  if (doubleSurname && words.length >= 3) {
    return [words[words.length - 2] as string, words.slice(-2).join(' ')];
  }
  const last = words[words.length - 1] as string;
  // After "bin", "бен": a father's name, not a surname ("Mohammed bin Salman" is not "Salman").
  if (PATRONYM.has((words[words.length - 2] as string).toLowerCase())) {
    return [words.slice(-2).join(' ')];
  }
  const forms = [last];
  const bare = last.replace(ARTICLE_PREFIX, '');
  if (bare !== last) forms.push(bare);
  let k = words.length - 1;
  while (k > 1 && PARTICLES.has((words[k - 1] as string).toLowerCase())) k--;
  if (k < words.length - 1) forms.push(words.slice(k).join(' '));
  // Two-word surnames: Spanish and Portuguese ("López Obrador", "Rebelo de Sousa"), Danish and
  // Norwegian ("Fogh Rasmussen", "Gahr Støre"); the word before is never the first name.
  if (k >= 2 && !/^\p{L}\.$/u.test(words[k - 1] as string))
    forms.push(words.slice(k - 1).join(' '));
  // "Marcos Jr.", «Маркос-младший»: the surname with its suffix tells father and son apart.
  if (suffixes.length > 0) forms.push([last, ...suffixes].join(' '));
  return forms;
}

function isFamilyFirst(p: RegisteredPerson): boolean {
  return p.familyFirst ?? FAMILY_FIRST_COUNTRIES.has(p.country);
}

interface Index {
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

/** Made on the first lookup of a name no nominative key knows (most pages name people in it). */
interface DeclinedIndex {
  /** Russian names in the oblique cases («Эммануэля Макрона»); null where two people share one. */
  full: Map<string, PersonRef | null>;
  /** Russian surnames in the oblique cases («Шольцем»): the people who bear each. */
  surnames: Map<string, PersonRef[]>;
  /** Each declined surname's nominative key («шольцем» → «шольц»). */
  nominatives: Map<string, string>;
}

let index: Index | null = null;

function buildIndex(): Index {
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
function declinedIndex(ix: Index): DeclinedIndex {
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

let declined: DeclinedIndex | null = null;

/** Initials before or after a name: "В. В. Путин", "Путин В.В.", "V. Putin". */
const INITIALS_FIRST = /^((?:\p{Lu}\.\s*)+)(\p{L}.*)$/u;
const INITIALS_LAST = /^(.*\p{L})\s+((?:\p{Lu}\.\s*)+)$/u;
/** A Russian patronymic between a given name and a surname ("Борис Николаевич Ельцин"). */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ович|евич|ич|овна|евна|ична|инична)$/u;

/**
 * The one registered person with this surname. A word that is also a registered person's given
 * name is not read as a surname: «Мишель» alone is more often Michelle than Charles Michel.
 */
function bySurname(ix: Index, key: string, from = ix.surnames): PersonRef | null {
  if (ix.givenNames.has(key)) return null;
  const bearers = from.get(key);
  return bearers?.length === 1 ? (bearers[0] as PersonRef) : null;
}

/** A name reduced to a surname and the first initial of the given name ("А. Лукашенко"). */
function byInitialAndSurname(ix: Index, name: string): PersonRef | null {
  const m = INITIALS_FIRST.exec(name);
  const n = m ? null : INITIALS_LAST.exec(name);
  const initials = m?.[1] ?? n?.[2];
  const surname = m?.[2] ?? n?.[1];
  if (!initials || !surname) return null;
  const key = personKey(surname);
  const full = ix.full.get(key);
  const candidates = full ? [full] : (ix.surnames.get(key) ?? []);
  // The first initial must be one of the person's: "В. Лукашенко" is not Alexander Lukashenko,
  // and "Б. Клинтон" is Bill, not Hillary.
  const first = personKey(initials).charAt(0);
  const matching = candidates.filter((ref) => ix.initials.get(ref.id)?.has(first));
  return matching.length === 1 ? (matching[0] as PersonRef) : null;
}

/**
 * The registered person a name stands for: by full name or alias in either language, else by
 * surname when exactly one registered person bears it ("Putin"; not "Kim"), else by a full name
 * with a Russian patronymic ("Борис Николаевич Ельцин") or with initials for the given names
 * ("А. Лукашенко", "Путин В. В."); null otherwise.
 */
/**
 * The nominative of a registered person's Russian name or surname written in another case
 * («Эммануэля Макрона» → «Эммануэль Макрон», «Шольцем» → «Шольц»), as the register writes it;
 * null for a name in the nominative, or one the register does not hold. The recognizer's
 * lemmatizer leaves foreign names it does not know as written; this gives them their canonical
 * form.
 */
export function declinedNominative(name: string): string | null {
  index ??= buildIndex();
  const key = personKey(name);
  if (key === '' || index.full.has(key) || index.surnames.has(key)) return null;
  const match = declinedMatch(index, key);
  if (!match) return null;
  if (match.surname === undefined) return match.person.ru;
  // The surname as the register's Russian name writes it (capitals, hyphens).
  const words = match.person.ru.split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const tail = words.slice(k).join(' ');
    if (personKey(tail) === match.surname) return tail;
  }
  return null;
}

/**
 * The registered person whose Russian name or surname a key is in an oblique case («эммануэля
 * макрона», «шольцем»), with the surname's nominative key when it was the surname; null otherwise.
 */
function declinedMatch(ix: Index, key: string): { person: PersonRef; surname?: string } | null {
  if (!/\p{Script=Cyrillic}/u.test(key)) return null;
  declined ??= declinedIndex(ix);
  const person = declined.full.get(key);
  if (person) return { person };
  const bearer = bySurname(ix, key, declined.surnames);
  const surname = declined.nominatives.get(key);
  return bearer && surname !== undefined ? { person: bearer, surname } : null;
}

export function lookupPerson(name: string): PersonRef | null {
  index ??= buildIndex();
  const key = personKey(name);
  if (key === '') return null;
  const hit = index.full.get(key) ?? bySurname(index, key);
  if (hit) return hit;
  // «Эммануэля Макрона», «Шольцем»: a registered Russian name or surname in another case.
  const match = declinedMatch(index, key);
  if (match) return match.person;
  const words = name.trim().split(/\s+/);
  if (words.length === 3 && PATRONYMIC.test(words[1] as string)) {
    const bare = index.full.get(personKey(`${words[0]} ${words[2]}`));
    if (bare) return bare;
  }
  return byInitialAndSurname(index, name.trim());
}

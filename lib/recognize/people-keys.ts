/**
 * The lookup keys of the people register (lib/recognize/people-register.ts): a name's key, the
 * surnames a name may be cited by, and which names put the family name first. Pure; shared by the
 * index's build (people-index.ts) and the lookups.
 */
import { SURNAME_PARTICLES } from './curated/name-parts';
import type { RegisteredPerson } from './curated/people-register';

/** Countries whose people news name family name first ("Xi Jinping", «Ким Чен Ын»). */
const FAMILY_FIRST_COUNTRIES = new Set(['CN', 'TW', 'HK', 'KP', 'KR', 'KH']);

/**
 * Words that belong to a surname when they stand before it ("von der Leyen", «аль-Асад»): the
 * recognizer's (curated/name-parts.ts) and the spellings register names add.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
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

export function isFamilyFirst(p: RegisteredPerson): boolean {
  return p.familyFirst ?? FAMILY_FIRST_COUNTRIES.has(p.country);
}

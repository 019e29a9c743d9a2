/**
 * Lookup in the people register (curated/people-register.ts): from a PER mention's canonical
 * name, in English or Russian, to the registered person, so that "Путин" and "Putin", «Ким Чен
 * Ын» and "Kim Jong-un" are one entity. Pure and synchronous. The index (people-index.ts) comes
 * with the lexicon where the lexicon is loaded and was built from this register; elsewhere (the
 * popup, the options page, a stale lexicon) it is built once, on the first lookup.
 * docs/recognition.md ("People register") describes the keys.
 */
import { lexiconData } from './data/source';
import type { LexiconData } from './lexicon-format';
import {
  buildDeclinedIndex,
  buildPeopleIndex,
  type DeclinedIndex,
  type PeopleIndex,
  type PersonRef,
} from './people-index';
import { readDeclinedIndex, readPeopleIndex } from './people-index-data';
import { personKey } from './people-keys';

export type { PersonRef } from './people-index';

let index: PeopleIndex | null = null;
let declined: DeclinedIndex | null = null;

/** The lexicon's copy of the index, if the lexicon is loaded here. */
function shippedIndex(): unknown {
  try {
    return (lexiconData() as LexiconData).people;
  } catch {
    return undefined; // the extension's pages other than the background load no lexicon
  }
}

function peopleIndex(): PeopleIndex {
  index ??= readPeopleIndex(shippedIndex()) ?? buildPeopleIndex();
  return index;
}

function declinedIndex(ix: PeopleIndex): DeclinedIndex {
  declined ??= readDeclinedIndex(shippedIndex()) ?? buildDeclinedIndex(ix);
  return declined;
}

/** Initials before or after a name: "В. В. Путин", "Путин В.В.", "V. Putin". */
const INITIALS_FIRST = /^((?:\p{Lu}\.\s*)+)(\p{L}.*)$/u;
const INITIALS_LAST = /^(.*\p{L})\s+((?:\p{Lu}\.\s*)+)$/u;
/** A Russian patronymic between a given name and a surname ("Борис Николаевич Ельцин"). */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ович|евич|ич|овна|евна|ична|инична)$/u;

/**
 * The one registered person with this surname. A word that is also a registered person's given
 * name is not read as a surname: «Мишель» alone is more often Michelle than Charles Michel.
 */
function bySurname(ix: PeopleIndex, key: string, from = ix.surnames): PersonRef | null {
  if (ix.givenNames.has(key)) return null;
  const bearers = from.get(key);
  return bearers?.length === 1 ? (bearers[0] as PersonRef) : null;
}

/** A name reduced to a surname and the first initial of the given name ("А. Лукашенко"). */
function byInitialAndSurname(ix: PeopleIndex, name: string): PersonRef | null {
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
  const index = peopleIndex();
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
function declinedMatch(
  ix: PeopleIndex,
  key: string,
): { person: PersonRef; surname?: string } | null {
  if (!/\p{Script=Cyrillic}/u.test(key)) return null;
  const oblique = declinedIndex(ix);
  const person = oblique.full.get(key);
  if (person) return { person };
  const bearer = bySurname(ix, key, oblique.surnames);
  const surname = oblique.nominatives.get(key);
  return bearer && surname !== undefined ? { person: bearer, surname } : null;
}

export function lookupPerson(name: string): PersonRef | null {
  const index = peopleIndex();
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

/**
 * What the registers say about a memory key, for the entity page and search: a registered
 * treaty's or person's name in the reader's language, a country's name, and the other way round,
 * the keys a name typed into search may stand for. Reads the curated registers directly (small
 * tables), not the recognizer's lexicon, which only the background loads.
 */
import { countryId, personId, treatyId } from '../entity-id';
import { foldName } from '../name-fold';
import { countryCode, countryNames } from '../recognize/country-codes';
import { PEOPLE_REGISTER, type RegisteredPerson } from '../recognize/curated/people-register';
import { type RegisteredTreaty, TREATY_REGISTER } from '../recognize/curated/treaty-register';
import { lookupPerson } from '../recognize/people-register';
import { latinKey } from './latin-key';
import type { RememberedArticle } from './model';

let treatiesById: Map<string, RegisteredTreaty> | undefined;
let treatiesByName: Map<string, string> | undefined;

/**
 * A treaty's names a reader may type or write: its names in any letter case and its exact forms
 * (a search box or a note is no running text, so an ambiguous abbreviation such as "?INF" counts
 * here); generic names not (several treaties share them).
 */
function treatyNames(t: RegisteredTreaty): string[] {
  return [...t.en, ...t.ru, ...(t.exact ?? []).map((f) => f.replace(/^\?/, ''))];
}

function treatyTables(): { byId: Map<string, RegisteredTreaty>; byName: Map<string, string> } {
  if (!treatiesById || !treatiesByName) {
    treatiesById = new Map();
    treatiesByName = new Map();
    for (const t of TREATY_REGISTER) {
      treatiesById.set(t.id, t);
      for (const n of treatyNames(t))
        if (!treatiesByName.has(foldName(n))) treatiesByName.set(foldName(n), t.id);
    }
  }
  return { byId: treatiesById, byName: treatiesByName };
}

/** The register's name of a treaty in `lang` ("ru": Russian, anything else: English). */
export function treatyName(id: string, lang: string): string | undefined {
  const t = treatyTables().byId.get(id);
  if (!t) return undefined;
  return lang.startsWith('ru') ? (t.ru[0] ?? t.en[0] ?? t.id) : (t.en[0] ?? t.id);
}

/** A treaty's register id from one of its names or abbreviations ("ДСНВ", "New START"). */
export function treatyIdOf(name: string): string | undefined {
  return treatyTables().byName.get(foldName(name));
}

let people: Map<string, RegisteredPerson> | undefined;

/** A registered person by register id. */
function personById(id: string): RegisteredPerson | undefined {
  people ??= new Map(PEOPLE_REGISTER.map((p) => [p.id, p]));
  return people.get(id);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in `lang` from the ISO code ("KP" → «КНДР», "North Korea"). */
export function countryName(code: string, lang: string): string | undefined {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    const name = regionNames.get(lang)?.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The name the registers give a key in `lang`, or undefined when no register knows it (a
 * spelling key: then the names the articles used are all there is).
 */
export function registeredName(key: string, lang: string): string | undefined {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (id.startsWith('~')) return undefined;
  if (type === 'TREATY') return treatyName(id, lang);
  if (type === 'LOC') return countryName(id, lang);
  if (type === 'PER') {
    const p = personById(id);
    return p && (lang.startsWith('ru') ? p.ru : p.en);
  }
  return undefined;
}

/**
 * Every name the registers know for a key, in both languages: a treaty's names and
 * abbreviations, a person's names and aliases, a country's names and short forms; empty for a
 * spelling key. A note names the entity when it uses one of them (lib/memory/entity-page.ts), so
 * «США» in a note still names `LOC:US` though the record keeps no name of it.
 */
export function registeredNames(key: string): string[] {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (id.startsWith('~')) return [];
  if (type === 'LOC') return countryNames(id);
  if (type === 'TREATY') {
    const t = treatyTables().byId.get(id);
    return t ? treatyNames(t) : [];
  }
  if (type === 'PER') {
    const p = personById(id);
    return p ? [p.en, p.ru, ...(p.enAliases ?? []), ...(p.ruAliases ?? [])] : [];
  }
  return [];
}

/**
 * Every memory key a name typed by the reader may be filed under, most specific first; empty
 * when no register knows the name. A registered person gives the register's id and the spelling
 * keys of their English and Russian names (articles remembered before the register was consulted
 * filed them so); a country its code; a treaty its id.
 */
export function registeredKeys(name: string): string[] {
  const keys: string[] = [];
  const treaty = treatyIdOf(name);
  const treatyKey = treaty && treatyId(treaty);
  if (treatyKey) keys.push(treatyKey);
  const code = countryCode(name);
  const country = code && countryId(code);
  if (country) keys.push(country);
  const person = /\p{L}/u.test(name) ? lookupPerson(name) : null;
  const personIdKey = person && personId(person.id);
  if (person && personIdKey) {
    keys.push(personIdKey);
    for (const n of [person.en, person.ru]) {
      const k = latinKey(n);
      if (k && !keys.includes(`PER:~${k}`)) keys.push(`PER:~${k}`);
    }
  }
  return keys;
}

/** What a key looks like when nothing better is known: "PER:~kim jong un" → "kim jong un". */
export function nameFromKey(key: string): string {
  return key.slice(key.indexOf(':') + 1).replace(/^~/, '');
}

/**
 * The name shown for an entity of an article: the name the record stored, else (a registered
 * key, lib/memory/record.ts storedName) the registers' name in the article's language, else the
 * key's own text.
 */
export function shownName(key: string, stored: string, lang: string): string {
  return stored || registeredName(key, lang) || nameFromKey(key);
}

/** An article's names, one per key, as shown (see shownName). */
export function articleNames(
  article: Pick<RememberedArticle, 'keys' | 'names' | 'lang'>,
): string[] {
  return article.keys.map((key, i) => shownName(key, article.names[i] ?? '', article.lang));
}

/**
 * The people register's index as the lexicon ships it (lexicon.json `people`, written by
 * scripts/build-lexicon.ts): building it takes tens of milliseconds of code that runs once, at
 * the first Russian page after the background starts cold; reading it back takes a few.
 *
 * Text tables, one entry per line, fields split by tabs (keys never hold a tab or a line break:
 * personKey collapses white space), people named by their place in the register in base 36
 * (shorter than their ids). `register` fingerprints the register the index was built from, order
 * included: a lexicon built before the register last changed is not used (the index is then built
 * at run time, as before it shipped).
 */
import {
  NOT_SURNAMES_ALONE,
  PEOPLE_REGISTER,
  type RegisteredPerson,
} from './curated/people-register';
import type { DeclinedIndex, PeopleIndex, PersonRef } from './people-index';

export interface PeopleIndexData {
  /** registerFingerprint() of the register it was built from. */
  register: string;
  /** "key\tperson": full names and aliases. */
  full: string;
  /** "key\tperson,person": surnames and the people who bear each, in the index's order. */
  surnames: string;
  /** "person\tletters": first letters of each person's given names. */
  initials: string;
  /** Given-name keys, one a line. */
  givenNames: string;
  /** "key\tperson", or "key\t" where two people share the declined name. */
  declinedFull: string;
  /** "key\tnominative key\tperson,person": declined surnames. */
  declinedSurnames: string;
}

/**
 * FNV-1a over everything the index is made of: each person's names, country and name order, and
 * the words never read as surnames alone. Roles and sources do not enter the index.
 */
export function registerFingerprint(
  register: readonly RegisteredPerson[] = PEOPLE_REGISTER,
  notSurnames: readonly string[] = NOT_SURNAMES_ALONE,
): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // a separator no field holds
    h = Math.imul(h, 0x01000193);
  };
  for (const p of register) {
    add(p.id);
    add(p.en);
    add(p.ru);
    add((p.enAliases ?? []).join('\u001e'));
    add((p.ruAliases ?? []).join('\u001e'));
    add(p.country);
    add(`${p.familyFirst ?? ''}/${p.doubleSurname ?? ''}`);
  }
  add(notSurnames.join('\u001e'));
  return `${register.length}:${(h >>> 0).toString(16)}`;
}

export function encodePeopleIndex(ix: PeopleIndex, declined: DeclinedIndex): PeopleIndexData {
  const places = new Map(PEOPLE_REGISTER.map((p, i) => [p.id, i.toString(36)]));
  const place = (id: string) => {
    const at = places.get(id);
    if (at === undefined) throw new Error(`the people index names ${id}, not in the register`);
    return at;
  };
  const one = (ref: PersonRef) => place(ref.id);
  const ids = (refs: readonly PersonRef[]) => refs.map(one).join(',');
  return {
    register: registerFingerprint(),
    full: [...ix.full].map(([key, ref]) => `${key}\t${one(ref)}`).join('\n'),
    surnames: [...ix.surnames].map(([key, refs]) => `${key}\t${ids(refs)}`).join('\n'),
    initials: [...ix.initials]
      .map(([id, letters]) => `${place(id)}\t${[...letters].join('')}`)
      .join('\n'),
    givenNames: [...ix.givenNames].join('\n'),
    declinedFull: [...declined.full]
      .map(([key, ref]) => `${key}\t${ref ? one(ref) : ''}`)
      .join('\n'),
    declinedSurnames: [...declined.surnames]
      .map(([key, refs]) => `${key}\t${declined.nominatives.get(key) ?? ''}\t${ids(refs)}`)
      .join('\n'),
  };
}

/**
 * Each row of a table cut at its first tab, as `each(key, rest)`; false at a row without a tab.
 * By index, not split(): reading the index is on the cold start's path, and split's arrays were
 * most of its time.
 */
function eachRow(table: string, each: (key: string, rest: string) => void): boolean {
  let at = 0;
  while (at < table.length) {
    let end = table.indexOf('\n', at);
    if (end < 0) end = table.length;
    const tab = table.indexOf('\t', at);
    if (tab < 0 || tab > end) return false;
    each(table.slice(at, tab), table.slice(tab + 1, end));
    at = end + 1;
  }
  return true;
}

/** The register's fingerprint, worked out once: both halves of the index check it. */
let fingerprint: string | undefined;

/**
 * The shipped tables' reader: each person by its place in the register, and whether every place
 * named was one. Null when `data` is no index or was built from another register.
 */
function shippedTables(data: unknown) {
  const d = data as Partial<PeopleIndexData> | null | undefined;
  if (!d || typeof d !== 'object') return null;
  fingerprint ??= registerFingerprint();
  if (d.register !== fingerprint) return null;
  const people: PersonRef[] = PEOPLE_REGISTER.map((p) => ({ id: p.id, en: p.en, ru: p.ru }));
  let unknown = false;
  const ref = (at: string): PersonRef => {
    const r = people[Number.parseInt(at, 36)];
    if (!r) unknown = true;
    return r as PersonRef;
  };
  const refs = (list: string) => (list.includes(',') ? list.split(',').map(ref) : [ref(list)]);
  const table = (name: keyof PeopleIndexData) => (typeof d[name] === 'string' ? d[name] : null);
  return { ref, refs, table, unknown: () => unknown };
}

/**
 * The nominative half of the index shipped in `data`, or null when there is none, it was built
 * from another register, or it is malformed (a table missing, a row without its person, a person
 * the register does not hold): the caller builds it.
 */
export function readPeopleIndex(data: unknown): PeopleIndex | null {
  const t = shippedTables(data);
  if (!t) return null;
  const [fullRows, surnameRows, initialRows, givenRows] = [
    t.table('full'),
    t.table('surnames'),
    t.table('initials'),
    t.table('givenNames'),
  ];
  if (fullRows === null || surnameRows === null || initialRows === null || givenRows === null) {
    return null;
  }
  const full = new Map<string, PersonRef>();
  const surnames = new Map<string, PersonRef[]>();
  const initials = new Map<string, Set<string>>();
  const wellFormed =
    eachRow(fullRows, (key, at) => full.set(key, t.ref(at))) &&
    eachRow(surnameRows, (key, list) => surnames.set(key, t.refs(list))) &&
    eachRow(initialRows, (at, letters) => {
      const person = t.ref(at);
      if (person) initials.set(person.id, new Set(letters));
    });
  if (!wellFormed || t.unknown()) return null;
  const givenNames = new Set(givenRows === '' ? [] : givenRows.split('\n'));
  return { full, surnames, initials, givenNames };
}

/**
 * The declined half of the index shipped in `data` (read on the first name no nominative key
 * knows), or null as for readPeopleIndex.
 */
export function readDeclinedIndex(data: unknown): DeclinedIndex | null {
  const t = shippedTables(data);
  if (!t) return null;
  const fullRows = t.table('declinedFull');
  const surnameRows = t.table('declinedSurnames');
  if (fullRows === null || surnameRows === null) return null;
  const full = new Map<string, PersonRef | null>();
  const surnames = new Map<string, PersonRef[]>();
  const nominatives = new Map<string, string>();
  let nominativeMissing = false;
  const wellFormed =
    eachRow(fullRows, (key, at) => full.set(key, at === '' ? null : t.ref(at))) &&
    eachRow(surnameRows, (key, rest) => {
      const tab = rest.indexOf('\t');
      if (tab < 0) nominativeMissing = true;
      surnames.set(key, t.refs(rest.slice(tab + 1)));
      nominatives.set(key, rest.slice(0, tab));
    });
  if (!wellFormed || nominativeMissing || t.unknown()) return null;
  return { full, surnames, nominatives };
}

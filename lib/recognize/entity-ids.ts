/**
 * The ids of mentions (lib/entity-id.ts): a person the people register names, a country by its
 * ISO code, a registered treaty by its register id. An id depends on the type and the canonical
 * name only, so every mention of one entity on a page carries the same one.
 */
import type { EntityType, TreatyInfo } from '../entities';
import { countryId, personId, treatyId } from '../entity-id';
import { countryCode } from './country-codes';
import { declinedNominative, lookupPerson } from './people-register';

/**
 * Ids of names already looked up (null: none). News name the same few people and countries
 * again and again, block after block, so each name is looked up once; the bound keeps a long
 * session's memory flat (cleared when full: looking a name up again costs microseconds).
 */
const known = { PER: new Map<string, string | null>(), LOC: new Map<string, string | null>() };
const MAX_KNOWN = 2048;

function lookUp(type: 'PER' | 'LOC', canonical: string): string | undefined {
  if (type === 'PER') {
    const person = lookupPerson(canonical);
    return person ? personId(person.id) : undefined;
  }
  const code = countryCode(canonical);
  return code ? countryId(code) : undefined;
}

/** A mention's id, or undefined when no register knows its entity. */
export function entityIdOf(
  type: EntityType,
  canonical: string,
  treaty?: TreatyInfo,
): string | undefined {
  if (type === 'TREATY') return treaty ? treatyId(treaty.id) : undefined;
  if (type !== 'PER' && type !== 'LOC') return undefined;
  const ids = known[type];
  const hit = ids.get(canonical);
  if (hit !== undefined) return hit ?? undefined;
  const id = lookUp(type, canonical);
  if (ids.size >= MAX_KNOWN) ids.clear();
  ids.set(canonical, id ?? null);
  return id;
}

/** Canonical names already looked up for their nominative (the name itself: none found). */
const nominatives = new Map<string, string>();

/**
 * A person's canonical name in the nominative where the people register knows the name in
 * another case (lib/recognize/people-register.ts declinedNominative): «Эммануэля Макрона» →
 * «Эммануэль Макрон». Any other name comes back as it is.
 */
export function personNominative(canonical: string): string {
  const hit = nominatives.get(canonical);
  if (hit !== undefined) return hit;
  const nominative = /[а-яё]/i.test(canonical)
    ? (declinedNominative(canonical) ?? canonical)
    : canonical;
  if (nominatives.size >= MAX_KNOWN) nominatives.clear();
  nominatives.set(canonical, nominative);
  return nominative;
}

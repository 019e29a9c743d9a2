/**
 * The ids of a text's mentions (lib/entity-id.ts): a person the people register names, a
 * country by its ISO code, a registered treaty by its register id. An id depends on the type and
 * the canonical name only, so every mention of one entity on a page carries the same one.
 */
import type { EntityType, TreatyInfo } from '../entities';
import { countryId, personId, treatyId } from '../entity-id';
import { countryCode } from './country-codes';
import { lookupPerson } from './people-register';

/** An id for one mention, or undefined when no register knows its entity. */
export type IdOf = (type: EntityType, canonical: string, treaty?: TreatyInfo) => string | undefined;

/**
 * An id finder for one text: each distinct name is looked up once (a page names the same few
 * people and countries again and again; a lookup normalizes the name), and the cache goes with
 * the text.
 */
export function createIdOf(): IdOf {
  const people = new Map<string, string | undefined>();
  const places = new Map<string, string | undefined>();
  return (type, canonical, treaty) => {
    if (type === 'TREATY') return treaty ? treatyId(treaty.id) : undefined;
    const cache = type === 'PER' ? people : type === 'LOC' ? places : null;
    if (!cache) return undefined;
    if (cache.has(canonical)) return cache.get(canonical);
    let id: string | undefined;
    if (type === 'PER') {
      const person = lookupPerson(canonical);
      id = person ? personId(person.id) : undefined;
    } else {
      const code = countryCode(canonical);
      id = code ? countryId(code) : undefined;
    }
    cache.set(canonical, id);
    return id;
  };
}

/**
 * The key under which the reading memory files an entity: the same for every spelling, case
 * form and language of one person, place or treaty where Glossa can tell, so «Путина» read on
 * Monday and "Putin" read on Tuesday are one entry.
 *
 * - A registered entity: its id (lib/entity-id.ts), which the recognizer gives the mention:
 *   `PER:vladimir-putin`, `LOC:KP`, `TREATY:new-start`.
 * - Otherwise a TREATY is not kept (a generic term, "ratification", is not an entity to
 *   remember); a LOC is a country's ISO code when its name is one's, else the spelling key of
 *   its English name where the city list knows it (city-names.ts), else of its own name; a
 *   PER is the spelling key (lib/memory/latin-key.ts) of the canonical, nominative name.
 * Keys start with the type ("PER:", "LOC:", "TREATY:"), so one name can be a person and a place;
 * spelling keys go on with "~", which no id does.
 */
import type { Mention } from '../entities';
import { countryId, readEntityId, treatyId } from '../entity-id';
import { countryCode } from '../recognize/country-codes';
import { cityInEnglish } from './city-names';
import { latinKey } from './latin-key';
import type { RememberedType } from './model';

export const REMEMBERED_TYPES: readonly RememberedType[] = ['PER', 'LOC', 'TREATY'];

/** The memory's key of a mention, or null when the memory does not keep it. */
export function entityKey(
  mention: Pick<Mention, 'type' | 'canonical' | 'treaty' | 'id'>,
): string | null {
  // Checked again: a summary row comes from a page, and an id of another type is no id here.
  const id = readEntityId(mention.id, mention.type);
  if (id) return id;
  switch (mention.type) {
    case 'TREATY':
      return (mention.treaty && treatyId(mention.treaty.id)) ?? null;
    case 'LOC': {
      const code = countryCode(mention.canonical);
      const country = code && countryId(code);
      if (country) return country;
      const key = placeSpelling(mention.canonical);
      return key ? `LOC:~${key}` : null;
    }
    case 'PER': {
      const key = latinKey(mention.canonical);
      return key ? `PER:~${key}` : null;
    }
    default:
      return null;
  }
}

/**
 * The spelling key of a place that is no country: a city's English name where the city list
 * knows it («Москва» → "Moscow"), so the two languages' names of one city meet.
 */
export function placeSpelling(name: string): string {
  return latinKey(cityInEnglish(name) ?? name);
}

/** The type a key files under. */
export function keyType(key: string): RememberedType | null {
  const type = key.slice(0, key.indexOf(':'));
  return (REMEMBERED_TYPES as readonly string[]).includes(type) ? (type as RememberedType) : null;
}

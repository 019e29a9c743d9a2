/**
 * Entity ids: the one name of a person, place or treaty that a Glossa register knows, the same
 * in every language, spelling and case form («Путина», "Putin" → `PER:vladimir-putin`). An id is
 * the reading memory's key of a registered entity (lib/memory/entity-key.ts); docs/memory.md
 * ("Entity ids") describes them:
 *
 * - `PER:<person id>`: the people register (lib/recognize/curated/people-register.ts);
 * - `LOC:<ISO 3166-1 alpha-2 code>`: a country (lib/recognize/country-codes.ts);
 * - `TREATY:<treaty id>`: the treaty register (lib/recognize/curated/treaty-register.ts).
 *
 * The memory's spelling-key fallbacks (`PER:~vladimir putin`) are not ids: they join spellings,
 * not registered entities. Pure: no register is loaded here.
 */

/** The types a register knows. */
export type IdType = 'PER' | 'LOC' | 'TREATY';

/** A register's id of a person or treaty: a short lower-case slug ("vladimir-putin", "new-start"). */
const SLUG = '[a-z0-9][a-z0-9-]{0,79}';
export const REGISTER_SLUG = new RegExp(`^${SLUG}$`);
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** The whole format, for untrusted input (a message, an imported file). */
const ENTITY_ID = new RegExp(`^(?:PER:${SLUG}|LOC:[A-Z]{2}|TREATY:${SLUG})$`);

/** The id of a registered person, by its register id; undefined for a malformed one. */
export function personId(registerId: string): string | undefined {
  return REGISTER_SLUG.test(registerId) ? `PER:${registerId}` : undefined;
}

/** The id of a country, by its ISO 3166-1 alpha-2 code; undefined for anything else. */
export function countryId(code: string): string | undefined {
  return COUNTRY_CODE.test(code) ? `LOC:${code}` : undefined;
}

/** The id of a registered treaty, by its register id; undefined for a malformed one. */
export function treatyId(registerId: string): string | undefined {
  return REGISTER_SLUG.test(registerId) ? `TREATY:${registerId}` : undefined;
}

/** Whether a value is a well-formed id. */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_ID.test(value);
}

/** The type an id names ("PER" for `PER:vladimir-putin`), or null when it is no id. */
export function idType(value: unknown): IdType | null {
  if (!isEntityId(value)) return null;
  return value.slice(0, value.indexOf(':')) as IdType;
}

/**
 * An id from untrusted data: the id when it is well-formed and names an entity of `type` (a
 * person's id on a place is as wrong as a malformed one), else undefined.
 */
export function readEntityId(value: unknown, type: string): string | undefined {
  return idType(value) === type ? (value as string) : undefined;
}

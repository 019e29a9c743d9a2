/**
 * The key under which the reading memory files an entity: the same for every spelling, case
 * form and language of one person, place or treaty where Glossa can tell, so «Путина» read on
 * Monday and "Putin" read on Tuesday are one entry.
 *
 * - TREATY: only registered treaties (their register id); a generic term ("ratification") is not
 *   an entity to remember.
 * - LOC: a country's ISO code; other places by their spelling key.
 * - PER: by spelling key (lib/memory/latin-key.ts) of the canonical, nominative name.
 * Keys start with the type ("PER:", "LOC:", "TREATY:"), so one name can be a person and a place.
 */
import type { Mention } from '../entities';
import { countryCode } from './country-codes';
import { latinKey } from './latin-key';
import type { RememberedType } from './model';

export const REMEMBERED_TYPES: readonly RememberedType[] = ['PER', 'LOC', 'TREATY'];

/** The memory's key of a mention, or null when the memory does not keep it. */
export function entityKey(mention: Pick<Mention, 'type' | 'canonical' | 'treaty'>): string | null {
  switch (mention.type) {
    case 'TREATY':
      return mention.treaty ? `TREATY:${mention.treaty.id}` : null;
    case 'LOC': {
      const code = countryCode(mention.canonical);
      if (code) return `LOC:${code}`;
      const key = latinKey(mention.canonical);
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
 * Whether a key is a register's id ("LOC:KP", "TREATY:new-start"), not a spelling key ("PER:~…"):
 * the registers then hold its names, and the record stores none (lib/memory/record.ts).
 */
export function isRegisteredKey(key: string): boolean {
  const colon = key.indexOf(':');
  return colon > 0 && colon + 1 < key.length && key[colon + 1] !== '~';
}

/** The type a key files under. */
export function keyType(key: string): RememberedType | null {
  const type = key.slice(0, key.indexOf(':'));
  return (REMEMBERED_TYPES as readonly string[]).includes(type) ? (type as RememberedType) : null;
}

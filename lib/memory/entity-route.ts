/**
 * Where an entity's page lives: the notes view (entrypoints/notes) with the entity's memory key in
 * the address's fragment, `#entity=<key>`. The card, the popup and the side panel link to it; the
 * notes view reads it. One place for the format so they cannot drift apart.
 */

/** The notes view's own page, relative to the extension's root. */
export const NOTES_PAGE = '/notes.html';

const PREFIX = '#entity=';
/** A memory key (lib/memory/entity-key.ts): a type, a colon, at most a line of text. */
const KEY = /^(?:PER|LOC|TREATY):\S.{0,199}$/su;

/** The fragment that opens an entity's page. */
export function entityHash(key: string): string {
  return `${PREFIX}${encodeURIComponent(key)}`;
}

/** The entity key a fragment names, or null when it names none (or a malformed one). */
export function entityFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  let key: string;
  try {
    key = decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return null;
  }
  return isMemoryKey(key) ? key : null;
}

/** Whether a value is a well-formed memory key (what a message naming an entity must carry). */
export function isMemoryKey(key: unknown): key is string {
  return typeof key === 'string' && KEY.test(key);
}

/**
 * Small checkers for reading untrusted files: each either returns the checked value or throws a
 * NotesFileError whose message names the field and the problem ("notes[3].url is missing"), so a
 * reader can find and fix it. Checked values are copied into fresh objects by the callers: nothing
 * from a file reaches the store unless a parser asked for it by name.
 */

/** A file that cannot be imported; the message names the first thing wrong. */
export class NotesFileError extends Error {
  override readonly name = 'NotesFileError';
}

export type Fields = Record<string, unknown>;

export function fail(message: string): never {
  throw new NotesFileError(message);
}

/** What a value is, for messages: "null", "an array", "an object", 'number 5', 'string "x"'. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string' && value.length > 60)
    return `a string of ${value.length} characters`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, path: string): Fields {
  if (!isObject(value)) fail(`${path} must be an object, not ${describeValue(value)}`);
  return value;
}

/** Own fields only: a key inherited from Object.prototype ("toString") is not in the file. */
export function has(obj: Fields, key: string): boolean {
  return Object.hasOwn(obj, key) && obj[key] !== undefined;
}

export function requireField(obj: Fields, key: string, path: string): unknown {
  if (!has(obj, key)) fail(`${path}.${key} is missing`);
  return obj[key];
}

export function stringField(obj: Fields, key: string, path: string, nonEmpty = false): string {
  const value = requireField(obj, key, path);
  if (typeof value !== 'string')
    fail(`${path}.${key} must be a string, not ${describeValue(value)}`);
  if (nonEmpty && value.trim() === '') fail(`${path}.${key} must not be empty`);
  return value;
}

/** ISO 8601 as Date.prototype.toISOString writes it, optionally with an offset instead of Z. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoTime(value: string): boolean {
  return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

export function checkTime(value: unknown, where: string): string {
  if (typeof value !== 'string' || !isIsoTime(value)) {
    fail(`${where} must be an ISO 8601 time with a time zone, not ${describeValue(value)}`);
  }
  return value;
}

export function timeField(obj: Fields, key: string, path: string): string {
  return checkTime(requireField(obj, key, path), `${path}.${key}`);
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    fail(`${where} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value as T;
}

export function nonNegativeInteger(obj: Fields, key: string, path: string): number {
  const value = requireField(obj, key, path);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(`${path}.${key} must be a whole number ≥ 0, not ${describeValue(value)}`);
  }
  return value;
}

/**
 * Small checkers for reading untrusted files: each either returns the checked value or throws a
 * NotesFileError whose message names the field and the problem ("notes[3].url is missing"), so a
 * reader can find and fix it. Checked values are copied into fresh objects by the callers: nothing
 * from a file reaches the store unless a parser asked for it by name.
 */
import { ENTITY_TYPES } from '../entities';
import { readEntityId } from '../entity-id';
import { formatCount, IMPORT_LIMITS, TAG_LIMITS } from './limits';
import type { Note, NoteKind, Selector, TextPositionSelector, TextQuoteSelector } from './model';
import { normalizeUrl } from './normalize-url';
import { cleanTags } from './tags';
import { canonicalNoteId } from './web-annotation';

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

/**
 * The one gate every note passes on its way into the store: the editors (lib/notes/db.ts addNote,
 * updateNote), capture from the page (through addNote), and both imports (Glossa JSON and W3C
 * JSON-LD). The parsers above check a file's structure and name the field; acceptNote checks what a
 * note means and brings it to the one form the store keeps, so a note looks the same however it
 * came in, and anything accepted here survives Glossa's own export and re-import unchanged.
 */
export type Acceptance =
  | { ok: true; note: Note }
  | { ok: false; error: string; reason: 'too-large' | 'invalid' };

const NOTE_KINDS: readonly NoteKind[] = ['page', 'selection', 'entity'];

/** Only these lead to a page a note can be shown on; javascript:, data:, file: and the rest never do. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

class Refusal extends Error {
  constructor(
    message: string,
    readonly reason: 'too-large' | 'invalid' = 'invalid',
  ) {
    super(message);
  }
}

function refuse(message: string, reason?: 'too-large' | 'invalid'): never {
  throw new Refusal(message, reason);
}

/** "javascript:alert(1)" for a message; a long address is cut, so the message stays readable. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** The page address as notes are looked up for a page: normalized, and a web address. */
function acceptUrl(url: string): string {
  const normalized = normalizeUrl(url);
  let scheme: string;
  try {
    scheme = new URL(normalized).protocol;
  } catch {
    return refuse(
      `the page address ${quoted(url)} is not a web address; Glossa keeps notes on http:// and https:// pages only`,
    );
  }
  if (!WEB_SCHEMES.has(scheme)) {
    refuse(
      `the page address ${quoted(url)} is a ${scheme} address; Glossa keeps notes on http:// and https:// pages only`,
    );
  }
  return normalized;
}

/** Any ISO 8601 time with a zone → UTC as toISOString writes it, so text order is time order. */
function acceptTime(value: string, what: string): string {
  const utc = isIsoTime(value) ? new Date(value).toISOString() : '';
  // toISOString writes years past 9999 as "+010000-…", which no import would read back.
  if (!isIsoTime(utc)) {
    refuse(`the ${what} must be an ISO 8601 time with a time zone, not ${describeValue(value)}`);
  }
  return utc;
}

function acceptTags(tags: readonly string[]): string[] {
  const clean = cleanTags(tags);
  if (clean.length > TAG_LIMITS.maxTags) {
    refuse(
      `the note has ${formatCount(clean.length)} tags; Glossa keeps at most ${TAG_LIMITS.maxTags}`,
      'too-large',
    );
  }
  for (const tag of clean) {
    if (tag.length > TAG_LIMITS.maxTagLength) {
      refuse(
        `the tag is ${formatCount(tag.length)} characters long; Glossa keeps at most ${TAG_LIMITS.maxTagLength}`,
        'too-large',
      );
    }
  }
  return clean;
}

/**
 * A selection's selectors as the W3C export writes them and its import reads them back: one
 * TextQuoteSelector whose exact text is the quote, then at most one TextPositionSelector.
 */
function acceptSelection(note: Note): { quote: string; selectors: Selector[] } {
  const quoteSelector = note.selectors?.find(
    (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector',
  );
  const quote = quoteSelector?.exact ?? note.quote ?? '';
  if (quote.trim() === '') refuse('a note on a selection must have a quote');
  const selectors: Selector[] = [
    {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: quoteSelector?.prefix ?? '',
      suffix: quoteSelector?.suffix ?? '',
    },
  ];
  const position = note.selectors?.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  if (position) {
    const { start, end } = position;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      refuse(`the quote's position ${start}–${end} is not a range of the page text`);
    }
    selectors.push({ type: 'TextPositionSelector', start, end });
  }
  return { quote, selectors };
}

/** Every text field within the limit, so any stored note can be exported and imported again. */
function checkSizes(note: Note, max: number): void {
  const fields: Array<[string, string | undefined]> = [
    ['note text', note.text],
    ['quote', note.quote],
    ['page title', note.pageTitle],
    ['page address', note.url],
    ['id', note.id],
    ['entity name', note.entity?.canonical],
    ...(note.selectors ?? []).flatMap(
      (s): Array<[string, string]> =>
        s.type === 'TextQuoteSelector'
          ? [
              ['quote context', s.prefix],
              ['quote context', s.suffix],
            ]
          : [],
    ),
  ];
  for (const [what, value] of fields) {
    if (value !== undefined && value.length > max) {
      refuse(
        `the ${what} is ${formatCount(value.length)} characters long; Glossa keeps at most ${formatCount(max)}`,
        'too-large',
      );
    }
  }
}

/**
 * The fields every note has are of the right type: callers pass typed notes, but a record stored
 * by an old or broken version (read back in a schema upgrade) may lack one.
 */
function checkShape(candidate: Note): void {
  for (const key of ['id', 'url', 'pageTitle', 'text', 'createdAt', 'updatedAt'] as const) {
    if (typeof candidate[key] !== 'string') {
      refuse(`the note's ${key} must be text, not ${describeValue(candidate[key])}`);
    }
  }
  if (!Array.isArray(candidate.tags) || candidate.tags.some((tag) => typeof tag !== 'string')) {
    refuse(`the note's tags must be a list of words, not ${describeValue(candidate.tags)}`);
  }
}

function canonicalize(candidate: Note, maxString: number): Note {
  checkShape(candidate);
  const id = canonicalNoteId(candidate.id);
  if (id.trim() === '') refuse('the note has no id');
  if (!NOTE_KINDS.includes(candidate.kind)) {
    refuse(
      `the kind must be one of ${NOTE_KINDS.join(', ')}, not ${describeValue(candidate.kind)}`,
    );
  }
  const note: Note = {
    id,
    kind: candidate.kind,
    url: acceptUrl(candidate.url),
    pageTitle: candidate.pageTitle,
    // Blank text is no text: the W3C export writes no comment for it, and the editor trims.
    text: candidate.text.trim() === '' ? '' : candidate.text,
    tags: acceptTags(candidate.tags),
    createdAt: acceptTime(candidate.createdAt, 'creation time'),
    updatedAt: acceptTime(candidate.updatedAt, 'time of the last edit'),
  };
  // Quote and selectors belong to selections, the entity to entity notes: Glossa never makes
  // others, and no export could carry them back.
  if (note.kind === 'selection') Object.assign(note, acceptSelection(candidate));
  if (note.kind === 'entity') {
    const entity = candidate.entity;
    if (!entity || !ENTITY_TYPES.includes(entity.type)) {
      refuse(`a note on an entity must say which kind of entity (${ENTITY_TYPES.join(', ')})`);
    }
    if (entity.canonical.trim() === '') refuse('a note on an entity must name the entity');
    note.entity = { type: entity.type, canonical: entity.canonical };
    if (entity.id !== undefined) {
      const id = readEntityId(entity.id, entity.type);
      if (!id) {
        refuse(
          `the entity's id ${typeof entity.id === 'string' ? quoted(entity.id) : describeValue(entity.id)} is not an id of a ${entity.type} entity (ids read PER:vladimir-putin, LOC:KP, TREATY:new-start)`,
        );
      }
      note.entity.id = id;
    }
  }
  checkSizes(note, maxString);
  return note;
}

/** Check and normalize a note before it is stored; the error says what is wrong, without a path. */
export function acceptNote(
  candidate: Note,
  maxString: number = IMPORT_LIMITS.maxStringLength,
): Acceptance {
  try {
    return { ok: true, note: canonicalize(candidate, maxString) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.message, reason: error.reason };
    throw error;
  }
}

/** acceptNote for a parser: the note, or a NotesFileError naming where in the file it was. */
export function acceptFromFile(candidate: Note, path: string, maxString?: number): Note {
  const accepted = acceptNote(candidate, maxString);
  if (!accepted.ok) fail(`${path}: ${accepted.error}. Nothing was imported.`);
  return accepted.note;
}

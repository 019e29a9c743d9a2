/**
 * Glossa's native export: every field of every note, in a versioned envelope, so a file exported
 * today can be read back (or by a later Glossa) without loss.
 */
import type { EntityType } from '../entities';
import type { Note, NoteKind, Selector } from './model';

export const NOTES_FORMAT = 'glossa-notes';
export const NOTES_FORMAT_VERSION = 1;

export interface NotesFile {
  format: typeof NOTES_FORMAT;
  version: typeof NOTES_FORMAT_VERSION;
  exportedAt: string;
  notes: Note[];
}

export function exportJson(notes: readonly Note[], now: Date): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    notes: [...notes],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file that is not a valid Glossa notes export; the message names the first thing wrong. */
export class NotesFileError extends Error {
  override readonly name = 'NotesFileError';
}

const NOTE_KINDS: readonly NoteKind[] = ['page', 'selection', 'entity'];
const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'TREATY', 'ORG'];
/** ISO 8601 as Date.prototype.toISOString writes it, optionally with an offset instead of Z. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Fields = Record<string, unknown>;

function fail(message: string): never {
  throw new NotesFileError(message);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function asObject(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${path} must be an object, not ${describe(value)}`);
  }
  return value as Fields;
}

function requireField(obj: Fields, key: string, path: string): unknown {
  if (!(key in obj) || obj[key] === undefined) fail(`${path}.${key} is missing`);
  return obj[key];
}

function stringField(obj: Fields, key: string, path: string, nonEmpty = false): string {
  const value = requireField(obj, key, path);
  if (typeof value !== 'string') fail(`${path}.${key} must be a string, not ${describe(value)}`);
  if (nonEmpty && value === '') fail(`${path}.${key} must not be empty`);
  return value;
}

function timeField(obj: Fields, key: string, path: string): string {
  const value = stringField(obj, key, path);
  if (!ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    fail(`${path}.${key} must be an ISO 8601 time, not ${JSON.stringify(value)}`);
  }
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    fail(`${where} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value as T;
}

function nonNegativeInteger(obj: Fields, key: string, path: string): number {
  const value = requireField(obj, key, path);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(`${path}.${key} must be a whole number ≥ 0, not ${describe(value)}`);
  }
  return value;
}

function parseSelector(value: unknown, path: string): Selector {
  const obj = asObject(value, path);
  const type = stringField(obj, 'type', path);
  if (type === 'TextQuoteSelector') {
    return {
      type,
      exact: stringField(obj, 'exact', path),
      prefix: stringField(obj, 'prefix', path),
      suffix: stringField(obj, 'suffix', path),
    };
  }
  if (type === 'TextPositionSelector') {
    const start = nonNegativeInteger(obj, 'start', path);
    const end = nonNegativeInteger(obj, 'end', path);
    if (end < start) fail(`${path}.end (${end}) must not be before ${path}.start (${start})`);
    return { type, start, end };
  }
  return fail(
    `${path}.type must be TextQuoteSelector or TextPositionSelector, not ${JSON.stringify(type)}`,
  );
}

/** Copy only the fields of schema version 1, checked, so nothing unexpected reaches the store. */
function parseNote(value: unknown, path: string): Note {
  const obj = asObject(value, path);
  const note: Note = {
    id: stringField(obj, 'id', path, true),
    kind: oneOf(stringField(obj, 'kind', path), NOTE_KINDS, `${path}.kind`),
    url: stringField(obj, 'url', path, true),
    pageTitle: stringField(obj, 'pageTitle', path),
    text: stringField(obj, 'text', path),
    tags: [],
    createdAt: timeField(obj, 'createdAt', path),
    updatedAt: timeField(obj, 'updatedAt', path),
  };
  const tags = requireField(obj, 'tags', path);
  if (!Array.isArray(tags)) fail(`${path}.tags must be an array, not ${describe(tags)}`);
  tags.forEach((tag, i) => {
    if (typeof tag !== 'string') fail(`${path}.tags[${i}] must be a string, not ${describe(tag)}`);
    note.tags.push(tag);
  });
  if (obj.quote !== undefined || note.kind === 'selection') {
    note.quote = stringField(obj, 'quote', path);
  }
  if (obj.selectors !== undefined) {
    const selectors = obj.selectors;
    if (!Array.isArray(selectors)) {
      fail(`${path}.selectors must be an array, not ${describe(selectors)}`);
    }
    note.selectors = selectors.map((s, i) => parseSelector(s, `${path}.selectors[${i}]`));
  }
  if (obj.entity !== undefined || note.kind === 'entity') {
    const entity = asObject(requireField(obj, 'entity', path), `${path}.entity`);
    note.entity = {
      type: oneOf(
        stringField(entity, 'type', `${path}.entity`),
        ENTITY_TYPES,
        `${path}.entity.type`,
      ),
      canonical: stringField(entity, 'canonical', `${path}.entity`, true),
    };
  }
  return note;
}

/**
 * Read a Glossa JSON export. Throws NotesFileError naming the first problem
 * ("notes[3].url is missing"); returns nothing partial, so an import can be all or nothing.
 */
export function parseNotesJson(text: string): NotesFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const root = asObject(data, 'The file');
  if (root.format !== NOTES_FORMAT) {
    fail(
      `format must be "${NOTES_FORMAT}", not ${describe(root.format)}: is this a Glossa export?`,
    );
  }
  const version = requireField(root, 'version', 'file');
  if (version !== NOTES_FORMAT_VERSION) {
    fail(
      `version ${JSON.stringify(version)} is not supported: this Glossa reads version ${NOTES_FORMAT_VERSION}`,
    );
  }
  const exportedAt = timeField(root, 'exportedAt', 'file');
  const notes = requireField(root, 'notes', 'file');
  if (!Array.isArray(notes)) fail(`notes must be an array, not ${describe(notes)}`);
  const parsed = notes.map((n, i) => parseNote(n, `notes[${i}]`));
  const seen = new Set<string>();
  parsed.forEach((n, i) => {
    if (seen.has(n.id)) fail(`notes[${i}].id ${JSON.stringify(n.id)} appears twice`);
    seen.add(n.id);
  });
  return { format: NOTES_FORMAT, version: NOTES_FORMAT_VERSION, exportedAt, notes: parsed };
}

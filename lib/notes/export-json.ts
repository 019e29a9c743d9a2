/**
 * Glossa's native export: every field of every note, in a versioned envelope, so a file exported
 * today can be read back (or by a later Glossa) without loss.
 */
import { ENTITY_TYPES } from '../entities';
import { canonicalArticle, parseMemory } from '../memory/backup';
import type { RememberedArticle } from '../memory/model';
import { formatCount, IMPORT_LIMITS, type ImportLimits } from './limits';
import type { Note, NoteKind, Selector } from './model';
import { readJsonFile } from './safe-json';
import {
  acceptFromFile,
  asObject,
  describeValue,
  fail,
  has,
  nonNegativeInteger,
  oneOf,
  requireField,
  stringField,
  timeField,
} from './validate';

export const NOTES_FORMAT = 'glossa-notes';
export const NOTES_FORMAT_VERSION = 1;

export interface NotesFile {
  format: typeof NOTES_FORMAT;
  version: typeof NOTES_FORMAT_VERSION;
  exportedAt: string;
  notes: Note[];
  /**
   * The reading memory (lib/memory), in a full backup only. Optional, so files without it (and
   * older Glossa versions, which ignore it) still read.
   */
  memory?: RememberedArticle[];
}

/** Every field of Note, in the order files list them. */
const NOTE_KEYS = [
  'id',
  'kind',
  'url',
  'pageTitle',
  'text',
  'tags',
  'quote',
  'selectors',
  'entity',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Note>;

// Compile-time guard: a field added to Note but not to NOTE_KEYS would be dropped from exports.
type UnlistedNoteKey = Exclude<keyof Note, (typeof NOTE_KEYS)[number]>;
const EVERY_FIELD_LISTED: [UnlistedNoteKey] extends [never] ? true : never = true;
void EVERY_FIELD_LISTED;

function canonicalSelector(s: Selector): Selector {
  return s.type === 'TextQuoteSelector'
    ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix }
    : { type: s.type, start: s.start, end: s.end };
}

/**
 * A copy of the note with its fields in one fixed order (objects from the store list them in the
 * order they were created), so the same notes always export to the same bytes.
 */
export function canonicalNote(note: Note): Note {
  const out: Record<string, unknown> = {};
  for (const key of NOTE_KEYS) {
    const value = note[key];
    if (value === undefined) continue;
    if (key === 'selectors') out[key] = note.selectors?.map(canonicalSelector);
    else if (key === 'entity') {
      const { type, canonical, id } = note.entity as NonNullable<Note['entity']>;
      out[key] = id ? { type, canonical, id } : { type, canonical };
    } else if (key === 'tags') out[key] = [...note.tags];
    else out[key] = value;
  }
  return out as unknown as Note;
}

export function exportJson(
  notes: readonly Note[],
  now: Date,
  memory?: readonly RememberedArticle[],
): string {
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    notes: notes.map(canonicalNote),
  };
  if (memory) {
    file.memory = [...memory].sort((a, b) => a.url.localeCompare(b.url)).map(canonicalArticle);
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

export { NotesFileError } from './validate';

const NOTE_KINDS: readonly NoteKind[] = ['page', 'selection', 'entity'];

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
  if (!Array.isArray(tags)) fail(`${path}.tags must be an array, not ${describeValue(tags)}`);
  tags.forEach((tag, i) => {
    if (typeof tag !== 'string')
      fail(`${path}.tags[${i}] must be a string, not ${describeValue(tag)}`);
    note.tags.push(tag);
  });
  if (has(obj, 'quote') || note.kind === 'selection') {
    note.quote = stringField(obj, 'quote', path);
  }
  if (has(obj, 'selectors')) {
    const selectors = obj.selectors;
    if (!Array.isArray(selectors)) {
      fail(`${path}.selectors must be an array, not ${describeValue(selectors)}`);
    }
    note.selectors = selectors.map((s, i) => parseSelector(s, `${path}.selectors[${i}]`));
  }
  if (has(obj, 'entity') || note.kind === 'entity') {
    const entity = asObject(requireField(obj, 'entity', path), `${path}.entity`);
    note.entity = {
      type: oneOf(
        stringField(entity, 'type', `${path}.entity`),
        ENTITY_TYPES,
        `${path}.entity.type`,
      ),
      canonical: stringField(entity, 'canonical', `${path}.entity`, true),
    };
    // Checked by acceptFromFile: an id of the entity's type, or the file is refused.
    if (has(entity, 'id')) note.entity.id = stringField(entity, 'id', `${path}.entity`);
  }
  return canonicalNote(acceptFromFile(note, path));
}

/** True when parsed JSON claims to be a Glossa export (whatever its version). */
export function isNotesFile(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { format?: unknown }).format === NOTES_FORMAT
  );
}

/**
 * Validate parsed JSON as a Glossa export. Throws NotesFileError naming the first problem
 * ("notes[3].url is missing"); returns nothing partial, so an import can be all or nothing.
 */
export function parseNotesFile(data: unknown, limits: ImportLimits = IMPORT_LIMITS): NotesFile {
  const root = asObject(data, 'The file');
  if (root.format !== NOTES_FORMAT) {
    fail(
      `format must be "${NOTES_FORMAT}", not ${describeValue(root.format)}: is this a Glossa export?`,
    );
  }
  const version = requireField(root, 'version', 'file');
  if (version !== NOTES_FORMAT_VERSION) {
    fail(
      `version ${JSON.stringify(version)} is not supported: this Glossa reads version ${NOTES_FORMAT_VERSION}${typeof version === 'number' && version > NOTES_FORMAT_VERSION ? ' (the file comes from a newer Glossa: update Glossa, then import it)' : ''}`,
    );
  }
  const exportedAt = timeField(root, 'exportedAt', 'file');
  const notes = requireField(root, 'notes', 'file');
  if (!Array.isArray(notes)) fail(`notes must be an array, not ${describeValue(notes)}`);
  if (notes.length > limits.maxNotes) {
    fail(
      `The file holds ${formatCount(notes.length)} notes; Glossa imports at most ${formatCount(limits.maxNotes)} at a time.`,
    );
  }
  const parsed = notes.map((n, i) => parseNote(n, `notes[${i}]`));
  const seen = new Set<string>();
  parsed.forEach((n, i) => {
    if (seen.has(n.id)) fail(`notes[${i}].id ${JSON.stringify(n.id)} appears twice`);
    seen.add(n.id);
  });
  const file: NotesFile = {
    format: NOTES_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt,
    notes: parsed,
  };
  if (has(root, 'memory')) file.memory = parseMemory(root.memory, limits);
  return file;
}

/** Read the text of a Glossa JSON export: size, syntax and hostile content first, then the fields. */
export function parseNotesJson(text: string, limits: ImportLimits = IMPORT_LIMITS): NotesFile {
  return parseNotesFile(readJsonFile(text, limits), limits);
}

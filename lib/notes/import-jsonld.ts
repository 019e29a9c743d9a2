/**
 * Read W3C Web Annotations (JSON-LD) into notes: Glossa's own JSON-LD export, and annotations
 * from other tools as far as they fit a note. Accepted shapes: an AnnotationCollection with its
 * pages embedded (first, next…), an AnnotationPage, one Annotation, or an array of Annotations.
 *
 * Mapping (the inverse of export-jsonld):
 * - id → note id (urn:uuid:X → X; other IRIs kept whole), so importing twice merges, never doubles.
 * - a TextualBody with purpose identifying → a note on an entity, whose kind comes from a
 *   classifying body (Person/PER, Place/LOC, Treaty term/TREATY, Organization/ORG);
 *   otherwise a TextQuoteSelector on the target → a note on a selection; otherwise → on the page.
 * - commenting bodies (and bodies with no or another purpose, and bodyValue) → the note text;
 *   tagging bodies → tags. Body text is stored as plain text whatever its format says.
 * - target source → page URL (normalized); created/modified → times (UTC); with no created,
 *   the TimeState sourceDate, else the import time.
 * Whatever cannot be kept (links as bodies, other selector kinds) is named in `warnings`; whatever
 * is malformed fails the whole file with a message naming the field.
 */
import type { EntityType } from '../entities';
import { readEntityId } from '../entity-id';
import { formatCount, IMPORT_LIMITS, type ImportLimits } from './limits';
import type { Note, Selector, TextPositionSelector, TextQuoteSelector } from './model';
import {
  acceptFromFile,
  asObject,
  checkTime,
  describeValue,
  type Fields,
  fail,
  has,
  isObject,
  nonNegativeInteger,
  stringField,
} from './validate';
import { ANNO_CONTEXT, ENTITY_URN, entityTypeOf, iriToNoteId } from './web-annotation';

export interface ParsedAnnotations {
  notes: Note[];
  /** What was left out, each naming where: "items[2].body[1] is a link …". */
  warnings: string[];
}

const CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

function hasAnnoContext(value: unknown): boolean {
  const list = Array.isArray(value) ? value : [value];
  return list.some((c) => typeof c === 'string' && CONTEXTS.has(c));
}

/** JSON-LD allows "type" to be one string or several. */
function typesOf(obj: Fields): string[] {
  const t = obj.type;
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function hasType(obj: Fields, type: string): boolean {
  return typesOf(obj).includes(type);
}

/** A file that says it is Web Annotation data: the W3C context, at the top or on its first item. */
export function isWebAnnotationFile(data: unknown): boolean {
  if (Array.isArray(data)) return isObject(data[0]) && hasAnnoContext(data[0]['@context']);
  return isObject(data) && hasAnnoContext(data['@context']);
}

interface Located {
  value: unknown;
  path: string;
}

/** The annotations of a page, then of the pages it links to with `next`, while they are embedded. */
function pageItems(page: Fields, path: string, out: Located[], limits: ImportLimits): void {
  let current: Fields | undefined = page;
  let where = path;
  for (let pages = 0; current; pages++) {
    if (pages > limits.maxNotes) fail(`${where}: too many annotation pages`);
    const items = current.items;
    if (!Array.isArray(items)) fail(`${where}.items must be an array, not ${describeValue(items)}`);
    items.forEach((value, i) => {
      out.push({ value, path: `${where}.items[${i}]` });
    });
    if (out.length > limits.maxNotes) break;
    const next: unknown = current.next;
    if (next === undefined) break;
    if (typeof next === 'string') {
      fail(
        `${where}.next links to another page (${next}) that is not in the file; Glossa imports only collections whose annotations are all in the file.`,
      );
    }
    current = asObject(next, `${where}.next`);
    where = `${where}.next`;
  }
}

function locateAnnotations(data: unknown, limits: ImportLimits): Located[] {
  const out: Located[] = [];
  if (Array.isArray(data)) {
    data.forEach((value, i) => {
      const item = asObject(value, `[${i}]`);
      if (!hasAnnoContext(item['@context'])) {
        fail(`[${i}]["@context"] must be "${ANNO_CONTEXT}": is this a W3C Web Annotation?`);
      }
      out.push({ value, path: `[${i}]` });
    });
    return out;
  }
  const root = asObject(data, 'The file');
  if (hasType(root, 'AnnotationCollection')) {
    if (has(root, 'first')) {
      if (typeof root.first === 'string') {
        fail(
          `first links to a page (${root.first}) that is not in the file; Glossa imports only collections whose annotations are all in the file.`,
        );
      }
      pageItems(asObject(root.first, 'first'), 'first', out, limits);
    } else if (Array.isArray(root.items)) {
      pageItems(root, 'collection', out, limits); // not the model's shape, but unambiguous
    } else if (root.total !== 0) {
      fail('The collection has no annotations in it (no "first" page).');
    }
  } else if (hasType(root, 'AnnotationPage')) {
    pageItems(root, 'page', out, limits);
  } else if (hasType(root, 'Annotation')) {
    out.push({ value: root, path: 'annotation' });
  } else {
    fail(
      `The file's type must be AnnotationCollection, AnnotationPage or Annotation, not ${describeValue(root.type)}`,
    );
  }
  return out;
}

/** JSON-LD allows one value or an array of values almost everywhere. */
function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function purposeOf(body: Fields, path: string): string | undefined {
  const purposes = listOf(body.purpose);
  for (const [i, p] of purposes.entries()) {
    if (typeof p !== 'string')
      fail(`${path}.purpose[${i}] must be a string, not ${describeValue(p)}`);
  }
  const known = ['identifying', 'classifying', 'tagging', 'commenting'];
  return (
    (purposes as string[]).find((p) => known.includes(p)) ?? (purposes[0] as string | undefined)
  );
}

interface Bodies {
  comments: string[];
  tags: string[];
  names: string[];
  classes: string[];
  /** Registered entity ids, from resource bodies `urn:glossa:entity:<id>`. */
  ids: string[];
}

function readBodies(annotation: Fields, path: string, warnings: string[]): Bodies {
  const bodies: Bodies = { comments: [], tags: [], names: [], classes: [], ids: [] };
  if (has(annotation, 'bodyValue')) {
    bodies.comments.push(stringField(annotation, 'bodyValue', path));
  }
  const list = listOf(annotation.body);
  const many = Array.isArray(annotation.body);
  list.forEach((body, i) => {
    const where = many ? `${path}.body[${i}]` : `${path}.body`;
    if (typeof body === 'string') {
      warnings.push(`${where} is a link (${body}), not text; it was left out.`);
      return;
    }
    const obj = asObject(body, where);
    if (typeof obj.id === 'string' && obj.id.startsWith(ENTITY_URN) && !has(obj, 'value')) {
      bodies.ids.push(obj.id.slice(ENTITY_URN.length));
      return;
    }
    if (!has(obj, 'value')) {
      const id = typeof obj.id === 'string' ? ` (${obj.id})` : '';
      warnings.push(
        `${where} is not a TextualBody${id}; only text bodies are kept, so it was left out.`,
      );
      return;
    }
    const value = stringField(obj, 'value', where);
    switch (purposeOf(obj, where)) {
      case 'tagging':
        bodies.tags.push(value);
        break;
      case 'identifying':
        bodies.names.push(value);
        break;
      case 'classifying':
        bodies.classes.push(value);
        break;
      default:
        bodies.comments.push(value);
    }
  });
  return bodies;
}

interface Target {
  source: string;
  selectors: Selector[];
  sourceDate?: string;
}

function readSelector(value: unknown, where: string, warnings: string[]): Selector | undefined {
  const obj = asObject(value, where);
  if (has(obj, 'refinedBy'))
    warnings.push(`${where}.refinedBy was left out (Glossa keeps whole selectors only).`);
  if (hasType(obj, 'TextQuoteSelector')) {
    const quote: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: stringField(obj, 'exact', where, true),
      prefix: has(obj, 'prefix') ? stringField(obj, 'prefix', where) : '',
      suffix: has(obj, 'suffix') ? stringField(obj, 'suffix', where) : '',
    };
    return quote;
  }
  if (hasType(obj, 'TextPositionSelector')) {
    const start = nonNegativeInteger(obj, 'start', where);
    const end = nonNegativeInteger(obj, 'end', where);
    if (end < start) fail(`${where}.end (${end}) must not be before ${where}.start (${start})`);
    const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
    return position;
  }
  warnings.push(
    `${where} is a ${typesOf(obj).join('/') || 'selector of no type'}; Glossa re-finds text by quote and position only, so it was left out.`,
  );
  return undefined;
}

function readTarget(annotation: Fields, path: string, warnings: string[]): Target {
  if (!has(annotation, 'target')) fail(`${path}.target is missing`);
  const targets = listOf(annotation.target);
  if (targets.length !== 1) {
    fail(
      `${path}.target must be one page, not ${targets.length}: a Glossa note belongs to one page.`,
    );
  }
  const where = Array.isArray(annotation.target) ? `${path}.target[0]` : `${path}.target`;
  const target = targets[0];
  if (typeof target === 'string') {
    if (target.trim() === '') fail(`${where} must not be empty`);
    return { source: target, selectors: [] };
  }
  const obj = asObject(target, where);
  let source: string;
  if (has(obj, 'source')) {
    const s = obj.source;
    source =
      typeof s === 'string'
        ? s
        : stringField(asObject(s, `${where}.source`), 'id', `${where}.source`);
  } else if (has(obj, 'id')) {
    source = stringField(obj, 'id', where); // the target is the page itself
  } else {
    return fail(`${where}.source is missing`);
  }
  if (source.trim() === '') fail(`${where}.source must not be empty`);
  const selectors: Selector[] = [];
  const many = Array.isArray(obj.selector);
  listOf(obj.selector).forEach((s, i) => {
    const selector = readSelector(
      s,
      many ? `${where}.selector[${i}]` : `${where}.selector`,
      warnings,
    );
    if (selector && !selectors.some((x) => x.type === selector.type)) selectors.push(selector);
  });
  const result: Target = { source, selectors };
  for (const [i, state] of listOf(obj.state).entries()) {
    if (isObject(state) && hasType(state, 'TimeState') && has(state, 'sourceDate')) {
      result.sourceDate = checkTime(
        state.sourceDate,
        `${where}.state${Array.isArray(obj.state) ? `[${i}]` : ''}.sourceDate`,
      );
    }
  }
  return result;
}

function optionalTime(obj: Fields, key: string, path: string): string | undefined {
  return has(obj, key) ? checkTime(obj[key], `${path}.${key}`) : undefined;
}

/**
 * The comments of one annotation become one note text. Several bodies can add up to more than a
 * note holds; such a file is refused rather than split or cut: splitting would invent note ids
 * that a second import could not merge with, and cutting would drop words the reader wrote.
 */
function commentText(bodies: Bodies, path: string, limits: ImportLimits): string {
  const text = bodies.comments.join('\n\n');
  if (bodies.comments.length > 1 && text.length > limits.maxStringLength) {
    fail(
      `${path} has ${bodies.comments.length} comment bodies that add up to ${formatCount(text.length)} characters; a Glossa note holds at most ${formatCount(limits.maxStringLength)}. Split the annotation in two, then import the file again. Nothing was imported.`,
    );
  }
  return text;
}

function readAnnotation(
  value: unknown,
  path: string,
  now: Date,
  warnings: string[],
  limits: ImportLimits,
): Note {
  const obj = asObject(value, path);
  if (!hasType(obj, 'Annotation')) {
    fail(`${path}.type must be "Annotation", not ${describeValue(obj.type)}`);
  }
  const iri = stringField(obj, 'id', path, true);
  for (const [i, m] of listOf(obj.motivation).entries()) {
    if (typeof m !== 'string')
      fail(
        `${path}.motivation${Array.isArray(obj.motivation) ? `[${i}]` : ''} must be a string, not ${describeValue(m)}`,
      );
  }
  const bodies = readBodies(obj, path, warnings);
  const target = readTarget(obj, path, warnings);
  const created = optionalTime(obj, 'created', path) ?? target.sourceDate;
  const modified = optionalTime(obj, 'modified', path);
  const createdAt = created ?? modified ?? now.toISOString();
  const updatedAt = modified ?? createdAt;

  const note: Note = {
    id: iriToNoteId(iri),
    kind: 'page',
    url: target.source,
    pageTitle: '',
    text: commentText(bodies, path, limits),
    tags: bodies.tags,
    createdAt,
    updatedAt,
  };

  const name = bodies.names[0];
  if (name !== undefined) {
    if (bodies.names.length > 1)
      warnings.push(
        `${path} identifies ${bodies.names.length} things; only the first, ${JSON.stringify(name)}, was kept.`,
      );
    if (name.trim() === '') fail(`${path}: the identifying body must name something`);
    const type = bodies.classes.map(entityTypeOf).find((t): t is EntityType => t !== undefined);
    if (!type) {
      fail(
        `${path} identifies ${JSON.stringify(name)} but does not say what it is: add a TextualBody with purpose "classifying" and value Person, Place, Treaty term or Organization.`,
      );
    }
    note.kind = 'entity';
    note.entity = { type, canonical: name };
    const id = bodies.ids[0];
    if (id !== undefined) {
      // An id of another type or form is dropped, not trusted: the name and kind still hold.
      const valid = readEntityId(id, type);
      if (valid) note.entity.id = valid;
      else
        warnings.push(
          `${path} gives the entity id ${JSON.stringify(id)}, which is no ${type} id Glossa knows the form of; it was left out.`,
        );
    }
    return acceptFromFile(note, path, limits.maxStringLength);
  }
  const quote = target.selectors.find(
    (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector',
  );
  if (quote) {
    note.kind = 'selection';
    note.quote = quote.exact;
    note.selectors = [quote, ...target.selectors.filter((s) => s.type === 'TextPositionSelector')];
  } else if (target.selectors.length > 0) {
    warnings.push(
      `${path} selects text by position only, which cannot be found again once the page changes; it was imported as a note on the whole page.`,
    );
  }
  return acceptFromFile(note, path, limits.maxStringLength);
}

export interface WebAnnotationOptions {
  /** Time for annotations that carry none. */
  now?: Date;
  limits?: ImportLimits;
}

/** Validate parsed JSON-LD and turn it into notes; throws NotesFileError naming the first problem. */
export function parseWebAnnotations(
  data: unknown,
  options: WebAnnotationOptions = {},
): ParsedAnnotations {
  const limits = options.limits ?? IMPORT_LIMITS;
  const now = options.now ?? new Date();
  if (!isWebAnnotationFile(data)) {
    fail(`"@context" must be "${ANNO_CONTEXT}": is this a W3C Web Annotation file?`);
  }
  const located = locateAnnotations(data, limits);
  if (located.length > limits.maxNotes) {
    fail(
      `The file holds ${formatCount(located.length)} annotations; Glossa imports at most ${formatCount(limits.maxNotes)} at a time.`,
    );
  }
  const warnings: string[] = [];
  const notes = located.map(({ value, path }) =>
    readAnnotation(value, path, now, warnings, limits),
  );
  const seen = new Map<string, number>();
  notes.forEach((note, i) => {
    const first = seen.get(note.id);
    if (first !== undefined) {
      fail(
        `${located[i]?.path}.id ${JSON.stringify(note.id)} is also the id of ${located[first]?.path}`,
      );
    }
    seen.set(note.id, i);
  });
  return { notes, warnings };
}

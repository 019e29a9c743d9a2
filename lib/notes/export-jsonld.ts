/**
 * Notes as W3C Web Annotations (JSON-LD), for any tool that speaks the standard: one
 * AnnotationCollection whose first (and only) AnnotationPage holds every note as an Annotation.
 *
 * - motivation: identifying for a note on an entity, highlighting for a selection without text,
 *   commenting otherwise.
 * - body: TextualBody items: the note (purpose commenting, format text/plain: never HTML), one per
 *   tag (tagging), and for an entity its canonical name (identifying) and kind (classifying).
 * - target: the page (source), for a selection its TextQuoteSelector and TextPositionSelector, and
 *   a TimeState whose sourceDate is when the note was made: the version of the page it describes.
 *
 * The page title has no place in the model's vocabulary and is left out; Glossa's own JSON export
 * keeps everything.
 */
import type { Note, TextPositionSelector, TextQuoteSelector } from './model';
import {
  ANNO_CONTEXT,
  type AnnotationCollection,
  ENTITY_CLASS,
  ENTITY_URN,
  type Motivation,
  noteIdToIri,
  type ResourceBody,
  type TextualBody,
  type W3CTextQuoteSelector,
  type WebAnnotation,
} from './web-annotation';

function motivationOf(note: Note): Motivation {
  if (note.kind === 'entity') return 'identifying';
  if (note.kind === 'selection' && note.text.trim() === '') return 'highlighting';
  return 'commenting';
}

function bodiesOf(note: Note): Array<TextualBody | ResourceBody> {
  const bodies: Array<TextualBody | ResourceBody> = [];
  if (note.kind === 'entity' && note.entity) {
    bodies.push({ type: 'TextualBody', purpose: 'identifying', value: note.entity.canonical });
    if (note.entity.id) bodies.push({ id: ENTITY_URN + note.entity.id, purpose: 'identifying' });
    bodies.push({
      type: 'TextualBody',
      purpose: 'classifying',
      value: ENTITY_CLASS[note.entity.type],
    });
  }
  if (note.text.trim() !== '') {
    bodies.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: note.text,
      format: 'text/plain',
    });
  }
  for (const tag of note.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return bodies;
}

/** Quote first, then position, as the model suggests; a quote without saved selectors still counts. */
function selectorsOf(note: Note): Array<W3CTextQuoteSelector | TextPositionSelector> {
  if (note.kind !== 'selection') return [];
  const quote = note.selectors?.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = note.selectors?.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  const selectors: Array<W3CTextQuoteSelector | TextPositionSelector> = [];
  const exact = quote?.exact ?? note.quote;
  if (exact !== undefined && exact !== '') {
    const q: W3CTextQuoteSelector = { type: 'TextQuoteSelector', exact };
    if (quote?.prefix) q.prefix = quote.prefix;
    if (quote?.suffix) q.suffix = quote.suffix;
    selectors.push(q);
  }
  if (position)
    selectors.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  return selectors;
}

export function toWebAnnotation(note: Note): WebAnnotation {
  const selector = selectorsOf(note);
  const body = bodiesOf(note);
  return {
    '@context': ANNO_CONTEXT,
    id: noteIdToIri(note.id),
    type: 'Annotation',
    motivation: motivationOf(note),
    created: note.createdAt,
    modified: note.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: note.url,
      ...(selector.length > 0 ? { selector } : {}),
      state: { type: 'TimeState', sourceDate: note.createdAt },
    },
  };
}

export interface JsonLdOptions {
  /** The collection's UUID; a new one per export unless given (tests give one). */
  collectionId?: string;
}

export function exportJsonLd(
  notes: readonly Note[],
  now: Date,
  options: JsonLdOptions = {},
): string {
  const id = `urn:uuid:${options.collectionId ?? crypto.randomUUID()}`;
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Glossa notes',
    total: notes.length,
    generated: now.toISOString(),
    generator: { type: 'Software', name: 'Glossa' },
    first: {
      id: `${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: notes.map(toWebAnnotation),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

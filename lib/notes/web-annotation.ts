/**
 * The parts of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that
 * Glossa writes and reads, and the mapping between note ids and annotation IRIs that both use.
 */
import type { EntityType } from '../entities';
import type { TextPositionSelector } from './model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type Motivation = 'commenting' | 'highlighting' | 'identifying';

export interface TextualBody {
  type: 'TextualBody';
  /** commenting: the note; tagging: one tag; identifying: the entity's canonical name;
   * classifying: the entity's kind (Person, Place, Treaty term, Organization). */
  purpose: 'commenting' | 'tagging' | 'identifying' | 'classifying';
  value: string;
  format?: 'text/plain';
}

/**
 * A body that is a resource named by an IRI: Glossa writes one for a registered entity's id,
 * `urn:glossa:entity:<id>` (lib/entity-id.ts), with purpose identifying, beside the TextualBody
 * that names it.
 */
export interface ResourceBody {
  id: string;
  purpose: 'identifying';
}

/** Prefix of the IRI of a registered entity (`urn:glossa:entity:PER:vladimir-putin`). */
export const ENTITY_URN = 'urn:glossa:entity:';

export interface W3CTextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface WebAnnotationTarget {
  source: string;
  selector?: Array<W3CTextQuoteSelector | TextPositionSelector>;
  /** When the page was seen: news pages change, and the selectors describe that version. */
  state: { type: 'TimeState'; sourceDate: string };
}

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  body?: Array<TextualBody | ResourceBody>;
  target: WebAnnotationTarget;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { type: 'Software'; name: string };
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The kind of an entity as written in a classifying body; import also accepts the codes. */
export const ENTITY_CLASS: Record<EntityType, string> = {
  PER: 'Person',
  LOC: 'Place',
  TREATY: 'Treaty term',
  WATCH: 'Watch-list term',
  ORG: 'Organization',
};

export function entityTypeOf(value: string): EntityType | undefined {
  const v = value.trim().toLowerCase();
  for (const [type, label] of Object.entries(ENTITY_CLASS) as Array<[EntityType, string]>) {
    if (v === type.toLowerCase() || v === label.toLowerCase()) return type;
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URN_UUID = /^urn:uuid:/i;
/** For ids that are neither UUIDs nor IRIs (hand-made files): kept reversible. */
const GLOSSA_URN = 'urn:glossa:note:';
/** An IRI has a scheme: letters, then ":" (RFC 3987). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Note id → annotation IRI: Glossa's UUIDs become urn:uuid:…; imported IRIs stay as they were. */
export function noteIdToIri(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  if (HAS_SCHEME.test(id) && !/\s/.test(id)) return id;
  return GLOSSA_URN + encodeURIComponent(id);
}

/** Annotation IRI → note id; the inverse of noteIdToIri for everything it writes. */
export function iriToNoteId(iri: string): string {
  if (URN_UUID.test(iri) && UUID.test(iri.slice(9))) return iri.slice(9).toLowerCase();
  if (iri.startsWith(GLOSSA_URN)) {
    try {
      return decodeURIComponent(iri.slice(GLOSSA_URN.length));
    } catch {
      return iri;
    }
  }
  return iri;
}

/**
 * A note id as it comes back from the W3C export and import (urn:uuid:X and upper-case UUIDs read
 * back as the lower-case UUID): the store keeps ids in this form so both exports round-trip.
 */
export function canonicalNoteId(id: string): string {
  return iriToNoteId(noteIdToIri(id));
}

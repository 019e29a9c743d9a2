import type { EntityType } from '../entities';

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector, offsets into the page text model (lib/page). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export type NoteKind = 'page' | 'selection' | 'entity';

/** A note as stored (schema version 2; lib/notes/db.ts keeps the history). Times are ISO 8601 strings in UTC. */
export interface Note {
  id: string;
  kind: NoteKind;
  /** Normalized page URL (see normalizeUrl). */
  url: string;
  pageTitle: string;
  text: string;
  tags: string[];
  /** kind === 'selection': the quoted text, and how to find it again. */
  quote?: string;
  selectors?: Selector[];
  /**
   * kind === 'entity'. `id`: the entity's id when a register knows it (lib/entity-id.ts,
   * "PER:kim-jong-un"); notes made before ids, and on names no register has, have none.
   */
  entity?: { type: EntityType; canonical: string; id?: string };
  createdAt: string;
  updatedAt: string;
}

/** What a caller supplies to create a note; id and times are filled in by the store. */
export type NewNote = Omit<Note, 'id' | 'createdAt' | 'updatedAt'>;

/** The entity a note on a page's entity (a summary row) is tied to: its id kept when it has one. */
export function noteEntity(entity: {
  type: EntityType;
  canonical: string;
  id?: string;
}): NonNullable<Note['entity']> {
  const { type, canonical, id } = entity;
  return id ? { type, canonical, id } : { type, canonical };
}

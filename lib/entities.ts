import { REGISTER_SLUG } from './entity-id';

/**
 * Every kind of mention, the one list validators check against. WATCH: the reader's own watch
 * list (options page), matched on the page, never by the recognizer. ORG is recognised internally
 * (so "МИД КНДР" is not taken for a person) but not painted.
 */
export const ENTITY_TYPES = ['PER', 'LOC', 'TREATY', 'WATCH', 'ORG'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The categories painted on pages and listed in the popup, in display order. */
export const PAINTED_TYPES = ['PER', 'LOC', 'TREATY', 'WATCH'] as const;
export type PaintedType = (typeof PAINTED_TYPES)[number];

export const TYPE_LABELS: Record<EntityType, string> = {
  PER: 'Person',
  LOC: 'Place',
  TREATY: 'Treaty term',
  WATCH: 'Watch list',
  ORG: 'Organization',
};

/**
 * A registered treaty (lib/recognize/curated/treaty-register.ts) that a TREATY mention names: its
 * stable id, its name in each language and the year it was signed.
 */
export interface TreatyInfo {
  id: string;
  en: string;
  ru: string;
  year?: number;
}

/** Bounds on a treaty's fields: a register id is a short slug, a name a line of text. */
const MAX_TREATY_NAME = 400;

const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_TREATY_NAME;

/** A registered treaty from untrusted data (a message), copied field by field; null when malformed. */
export function readTreaty(value: unknown): TreatyInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  if (typeof t.id !== 'string' || !REGISTER_SLUG.test(t.id) || !isName(t.en) || !isName(t.ru)) {
    return null;
  }
  const info: TreatyInfo = { id: t.id, en: t.en, ru: t.ru };
  if (t.year !== undefined) {
    if (!Number.isInteger(t.year) || (t.year as number) < 1 || (t.year as number) > 9999)
      return null;
    info.year = t.year as number;
  }
  return info;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A registered treaty as shown next to a name written in some language: its name in the other
 * language (English beside Russian text, Russian beside English) and the year it was signed.
 */
export function treatyInOtherLanguage(treaty: TreatyInfo, written: string): string {
  const other = CYRILLIC.test(written) ? treaty.en : treaty.ru;
  return treaty.year ? `${other} · ${treaty.year}` : other;
}

/** One recognised span of a text. Offsets are UTF-16 code units, end exclusive (as String.prototype.slice). */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  /** text.slice(start, end) */
  text: string;
  /** Nominative, page-grouped name: "Путина" → "Владимир Путин", "РФ" → "Россия". */
  canonical: string;
  /** For a TREATY mention of a registered treaty. */
  treaty?: TreatyInfo;
  /**
   * The entity's id when a register knows it (lib/entity-id.ts): `PER:vladimir-putin` for
   * «Путина» and "Putin", `LOC:KP` for «КНДР» and "North Korea", `TREATY:new-start`. The same
   * for every mention with this type and canonical name; absent for names no register has.
   */
  id?: string;
}

export interface RecognizeOptions {
  /** BCP 47 language of the text when known ("ru", "en-US"); guessed from the script otherwise. */
  lang?: string;
}

/**
 * The one seam between Glossa and whatever recognises entities. Implementations must be pure
 * (no DOM, no browser globals), never throw, and return mentions sorted by start, non-overlapping.
 */
export interface Recognizer {
  readonly id: string;
  recognize(text: string, options?: RecognizeOptions): Mention[];
}

/** What the page annotator passes with a text. */
export interface PageRecognizeOptions extends RecognizeOptions {
  /**
   * A remote answer has just arrived, before the page reads and checks it: from here on the page's
   * main thread works on it (the annotator's timing counts that work).
   */
  received?: () => void;
}

/**
 * What the page annotator asks: a Recognizer, or one in another context (the extension's
 * background, `remote`) that answers the same question with a promise.
 */
export interface PageRecognizer {
  readonly id: string;
  readonly remote?: boolean;
  recognize(text: string, options?: PageRecognizeOptions): Mention[] | Promise<Mention[]>;
}

/**
 * Sort key for names: letters without their accents, lower case ("Ёлкин" files with "Елкин",
 * "Émile" with "Emile"). Not Intl.Collator: building one loads collation data, which the popup,
 * side panel and hover card would wait for (docs/architecture.md, "Measured figures behind the
 * code").
 */
function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Per-page summary: one row per canonical entity, most frequent first. */
export interface EntitySummary {
  type: EntityType;
  canonical: string;
  count: number;
  /** Distinct surface forms seen, in first-seen order. */
  forms: string[];
  /** The registered treaty a TREATY entity names (from its first mention that says). */
  treaty?: TreatyInfo;
  /** The entity's id when a register knows it (Mention.id; lib/entity-id.ts). */
  id?: string;
}

export function summarize(mentions: readonly Mention[]): EntitySummary[] {
  const byKey = new Map<string, EntitySummary>();
  for (const m of mentions) {
    const key = `${m.type}\u0000${m.canonical}`;
    let row = byKey.get(key);
    if (!row) {
      row = { type: m.type, canonical: m.canonical, count: 0, forms: [] };
      byKey.set(key, row);
    }
    row.count += 1;
    if (!row.forms.includes(m.text)) row.forms.push(m.text);
    if (m.treaty && !row.treaty) row.treaty = m.treaty;
    if (m.id && !row.id) row.id = m.id;
  }
  const rows = [...byKey.values()].map((row) => ({ row, key: nameKey(row.canonical) }));
  rows.sort((a, b) => {
    if (a.row.count !== b.row.count) return b.row.count - a.row.count;
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    const ca = a.row.canonical;
    const cb = b.row.canonical;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
  return rows.map((r) => r.row);
}

/**
 * Filtering and free-text search for the notes view, as pure functions over notes already loaded
 * (10,000 notes take a few milliseconds; see scripts/bench-notes.ts).
 *
 * Free text matches when every word of the query occurs in the note's text, quote or entity name,
 * ignoring case and diacritics (é = e, ё = е) but keeping й distinct from и, as Russian readers
 * expect. Filters combine with AND: all given tags, the entity, the site, the kind.
 *
 * For the view, build the index once per loaded list (`buildSearchIndex`) and filter on every
 * keystroke (`filterNotes`); `searchNotes` does both for one-off use.
 */
import type { EntityType } from '../entities';
import type { Note, NoteKind } from './model';

const COMBINING_MARK = /\p{M}/gu;
const BREVE = '\u0306';
const NEEDS_DECOMPOSING = /[^\t\n\r\u0020-\u00bf\u0430-\u044f\u2010-\u206f]/;

/**
 * Lower case, without diacritics, ё as е. Decomposing (NFD) splits "é" into "e" + accent and "ё"
 * into "е" + diaeresis; the marks are dropped, except the breve that makes "й" of "и" (and "ў" of
 * "у"), which Russian and Belarusian treat as letters of their own.
 */
export function foldText(s: string): string {
  const lower = s.toLowerCase().replace(/ё/g, 'е');
  // Fast path: ASCII, Latin-1 symbols, а–я and general punctuation have no canonical decomposition,
  // so the result would be the same; most Russian and English news text is only these.
  if (!NEEDS_DECOMPOSING.test(lower)) return lower;
  const decomposed = lower.normalize('NFD');
  let out = '';
  let last = 0;
  for (const m of decomposed.matchAll(COMBINING_MARK)) {
    const at = m.index ?? 0;
    const base = decomposed.charAt(at - 1);
    if (m[0] === BREVE && (base === 'и' || base === 'у')) continue;
    out += decomposed.slice(last, at);
    last = at + m[0].length;
  }
  return (out + decomposed.slice(last)).normalize('NFC');
}

/**
 * The key a tag is compared by: folded, without leading "#" (readers type both "#КНДР" and
 * "КНДР"), inner whitespace as one space.
 */
export function tagKey(tag: string): string {
  return foldText(
    tag
      .trim()
      .replace(/^#+\s*/, '')
      .replace(/\s+/g, ' '),
  );
}

/** The query as folded words; empty for a blank query (which matches everything). */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** "https://www.ria.ru/a" → "ria.ru": the site a note is filed under, for filtering. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** siteOf for many notes: thousands of notes share a few hundred pages, parse each URL once. */
function siteCache(): (url: string) => string {
  const seen = new Map<string, string>();
  return (url) => {
    let site = seen.get(url);
    if (site === undefined) {
      site = siteOf(url);
      seen.set(url, site);
    }
    return site;
  };
}

export interface NoteFilter {
  /** Free text; every word must occur. */
  query?: string;
  /** Every one of these tags (case, diacritics and a leading "#" ignored). */
  tags?: readonly string[];
  /** Notes on this entity (canonical name; type too when given). */
  entity?: { canonical: string; type?: EntityType };
  /** Hostname without "www.", as siteOf gives it. */
  site?: string;
  kind?: NoteKind;
}

export interface SearchIndex {
  readonly notes: readonly Note[];
  /** Per note, folded text + quote + entity name, separated so words cannot join across them. */
  readonly haystacks: readonly string[];
  readonly tagKeys: ReadonlyArray<ReadonlySet<string>>;
  readonly sites: readonly string[];
  readonly entityKeys: ReadonlyArray<string | undefined>;
}

export function buildSearchIndex(notes: readonly Note[]): SearchIndex {
  const haystacks: string[] = [];
  const tagKeys: Set<string>[] = [];
  const sites: string[] = [];
  const entityKeys: Array<string | undefined> = [];
  const site = siteCache();
  for (const note of notes) {
    haystacks.push(
      foldText([note.text, note.quote ?? '', note.entity?.canonical ?? ''].join('\n')),
    );
    tagKeys.push(new Set(note.tags.map(tagKey)));
    sites.push(site(note.url));
    entityKeys.push(
      note.kind === 'entity' && note.entity ? foldText(note.entity.canonical) : undefined,
    );
  }
  return { notes, haystacks, tagKeys, sites, entityKeys };
}

/** The notes that pass every filter, in the order of the index. */
export function filterNotes(index: SearchIndex, filter: NoteFilter): Note[] {
  const words = queryWords(filter.query ?? '');
  const tags = (filter.tags ?? []).map(tagKey);
  const entity = filter.entity ? foldText(filter.entity.canonical) : undefined;
  const site = filter.site?.toLowerCase().replace(/^www\./, '');
  const out: Note[] = [];
  index.notes.forEach((note, i) => {
    if (filter.kind && note.kind !== filter.kind) return;
    if (site !== undefined && index.sites[i] !== site) return;
    if (entity !== undefined) {
      if (index.entityKeys[i] !== entity) return;
      if (filter.entity?.type && note.entity?.type !== filter.entity.type) return;
    }
    const noteTags = index.tagKeys[i];
    if (tags.length > 0 && !tags.every((t) => noteTags?.has(t))) return;
    const haystack = index.haystacks[i] ?? '';
    if (!words.every((w) => haystack.includes(w))) return;
    out.push(note);
  });
  return out;
}

export function searchNotes(notes: readonly Note[], filter: NoteFilter): Note[] {
  return filterNotes(buildSearchIndex(notes), filter);
}

export interface Facet<T> {
  value: T;
  count: number;
}

/** Most notes first, then alphabetically (code-unit order: the same everywhere). */
function rank<T>(counts: Map<string, Facet<T>>): Facet<T>[] {
  return [...counts.entries()]
    .sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, f]) => f);
}

function bump<T>(counts: Map<string, Facet<T>>, key: string, value: T): void {
  const f = counts.get(key);
  if (f) f.count += 1;
  else counts.set(key, { value, count: 1 });
}

/** What the notes view can filter by, with how many notes each would show. */
export function facets(notes: readonly Note[]): {
  tags: Facet<string>[];
  sites: Facet<string>[];
  entities: Facet<{ canonical: string; type: EntityType }>[];
} {
  const tags = new Map<string, Facet<string>>();
  const sites = new Map<string, Facet<string>>();
  const entities = new Map<string, Facet<{ canonical: string; type: EntityType }>>();
  const siteFor = siteCache();
  for (const note of notes) {
    const seenTags = new Set<string>();
    for (const tag of note.tags) {
      const key = tagKey(tag);
      if (key !== '' && !seenTags.has(key)) bump(tags, key, tag.trim().replace(/^#+\s*/, ''));
      seenTags.add(key);
    }
    const site = siteFor(note.url);
    if (site !== '') bump(sites, site, site);
    if (note.kind === 'entity' && note.entity) {
      bump(entities, `${note.entity.type}\u0000${foldText(note.entity.canonical)}`, {
        canonical: note.entity.canonical,
        type: note.entity.type,
      });
    }
  }
  return { tags: rank(tags), sites: rank(sites), entities: rank(entities) };
}

/**
 * Page-level name grouping.
 *
 * The recognizer groups the forms of one person within one text: "Асмолов" alone becomes
 * "Константин Асмолов" once that text named him in full. Glossa recognizes a page block by block
 * (time-sliced, and again for each block the page adds later), so it carries the full names found
 * so far from block to block: a short header of those names ("Константин Асмолов.") is put before
 * the next blocks' text, the recognizer sees the person named in full, and the header's own
 * mentions are dropped. Only names that may occur in the text (a stem of one of their words does)
 * go into a header, so it stays a few words long.
 *
 * Also here: the cheap page-wide regrouping of a surname left on its own (a block recognized
 * before the full name appeared) under the one full name that ends with it, which then also
 * gives it its id: a surname's own register hit may be a namesake's.
 */
import type { Mention } from '../entities';

export interface KnownName {
  canonical: string;
  /** The id the recognizer gave the name (lib/entity-id.ts), when a register knows it. */
  id?: string;
  /** Prefixes that any inflected form of one of the name's words starts with. */
  stems: string[];
  /** Names known before this one was added: a text recognized with fewer may have missed it. */
  version: number;
}

/** Word prefixes that survive inflection: "Асмолова", "Асмолову" both start with "Асмол". */
export function stemsOf(canonical: string): string[] {
  const stems: string[] = [];
  for (const word of canonical.split(/\s+/)) {
    const letters = [...word];
    if (letters.length < 3 || word.endsWith('.')) continue; // initials and particles say little
    const keep = letters.length <= 4 ? letters.length : Math.max(4, letters.length - 2);
    const stem = letters.slice(0, keep).join('');
    if (!stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** Full names: a person named with at least two words. */
function isFullName(m: Mention): boolean {
  return m.type === 'PER' && /\S\s+\S/.test(m.canonical);
}

/** Most names a header carries: bounds the extra text per batch on name-dense pages. */
const MAX_HEADER_NAMES = 40;

export class PageNames {
  private readonly names: KnownName[] = [];
  private readonly byCanonical = new Map<string, KnownName>();
  /** Last word (surname) → full names ending with it. */
  private readonly bySurname = new Map<string, Set<string>>();

  /** How many names are known; a text recognized at this version saw all of them. */
  get version(): number {
    return this.names.length;
  }

  /** Learn the full names among mentions; true when any was new. */
  learn(mentions: readonly Mention[]): boolean {
    let grew = false;
    for (const m of mentions) {
      if (!isFullName(m)) continue;
      const known = this.byCanonical.get(m.canonical);
      if (known) {
        if (!known.id && m.id) known.id = m.id;
        continue;
      }
      const name: KnownName = {
        canonical: m.canonical,
        stems: stemsOf(m.canonical),
        version: this.names.length,
      };
      if (m.id) name.id = m.id;
      this.names.push(name);
      this.byCanonical.set(name.canonical, name);
      const surname = name.canonical.split(/\s+/).at(-1) ?? '';
      const set = this.bySurname.get(surname) ?? new Set<string>();
      set.add(name.canonical);
      this.bySurname.set(surname, set);
      grew = true;
    }
    return grew;
  }

  /** Names that may occur in `text`, for its header. */
  relevantTo(text: string): string[] {
    const out: string[] = [];
    for (const n of this.names) {
      if (n.stems.some((s) => text.includes(s))) out.push(n.canonical);
      if (out.length >= MAX_HEADER_NAMES) break;
    }
    return out;
  }

  /** Whether a text recognized at `version` may have missed a name learned since. */
  missedSince(version: number, text: string): boolean {
    for (let i = version; i < this.names.length; i++) {
      const n = this.names[i] as KnownName;
      if (n.stems.some((s) => text.includes(s))) return true;
    }
    return false;
  }

  /** The page-wide canonical name of a mention: a lone surname → the one full name ending in it. */
  canonical(m: Pick<Mention, 'type' | 'canonical'>): string {
    return this.fullNameOf(m)?.canonical ?? m.canonical;
  }

  /**
   * The page-wide name of a mention with the id that goes with it: a lone surname regrouped under
   * a full name takes the full name's id (or none), any other mention keeps its own.
   */
  pageName(m: Pick<Mention, 'type' | 'canonical' | 'id'>): { canonical: string; id?: string } {
    const full = this.fullNameOf(m);
    const named = full ?? m;
    return named.id ? { canonical: named.canonical, id: named.id } : { canonical: named.canonical };
  }

  private fullNameOf(m: Pick<Mention, 'type' | 'canonical'>): KnownName | undefined {
    if (m.type !== 'PER' || /\s/.test(m.canonical)) return undefined;
    const full = this.bySurname.get(m.canonical);
    return full && full.size === 1 ? this.byCanonical.get([...full][0] as string) : undefined;
  }
}

/** The header put before a batch's text: one known name per line, each a sentence of its own. */
export function nameHeader(names: readonly string[]): string {
  return names.length === 0 ? '' : `${names.map((n) => `${n}.`).join('\n')}\n`;
}

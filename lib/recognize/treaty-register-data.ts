/**
 * The treaty register's table inside the generated lexicon: how the build writes it from
 * lib/recognize/curated/treaty-register.ts and how the runtime reads it. The runtime gets only
 * what matching and display need (ids, one name per language, years, lookup keys, exact forms),
 * not the register's aliases' sources.
 */
import type { TreatyInfo } from '../entities';
import { phraseKey } from './tokens';

/** Rows and keys joined by "\n". */
export interface TreatyRegisterData {
  /** One row per treaty: "id\tyear\tEnglish name\tRussian name\tparty|party". */
  rows: string;
  /**
   * Every name's lookup key (registerKey), sorted: "key\tref,ref", ref = row index in base 36,
   * prefixed with "~" for a generic name (tied to a row only with one of its parties nearby).
   */
  names: string;
  /** Case-sensitive forms: "form\tref"; "?" before the form: marked only near a treaty word. */
  exact: string;
}

/** What the build reads of a register entry (curated/treaty-register.ts RegisteredTreaty). */
export interface RegisterSource {
  id: string;
  year: number;
  en: readonly string[];
  ru: readonly string[];
  exact?: readonly string[];
  generic?: readonly string[];
  parties?: readonly string[];
}

/**
 * Lookup key of a treaty name: the phrase key, with dashes between words made one hyphen
 * ("Пакт Молотова — Риббентропа" and "Пакт Молотова-Риббентропа" are one name).
 */
export function registerKey(name: string): string {
  return phraseKey(name.replace(/\s*[–—]\s*/g, '-'));
}

/** The forms of a name as news write its dashes: "A — B", "A – B", "A–B", "A-B". */
export function dashVariants(name: string): string[] {
  if (!/[–—]/.test(name)) return [name];
  const bare = name.replace(/\s*[–—]\s*/g, '\u0000');
  return [...new Set([name, ...['-', '–', ' — ', ' – '].map((d) => bare.replaceAll('\u0000', d))])];
}

export function encodeRegister(register: readonly RegisterSource[]): TreatyRegisterData {
  const rows: string[] = [];
  const names = new Map<string, string[]>();
  const exact: string[] = [];
  register.forEach((t, i) => {
    const ref = i.toString(36);
    const en = t.en[0] ?? '';
    const ru = t.ru[0] ?? '';
    rows.push([t.id, t.year, en, ru, (t.parties ?? []).join('|')].join('\t'));
    const add = (name: string, generic: boolean) => {
      const key = registerKey(name);
      const list = names.get(key) ?? [];
      const item = generic ? `~${ref}` : ref;
      if (!list.includes(item)) list.push(item);
      names.set(key, list);
    };
    for (const n of [...t.en, ...t.ru]) add(n, false);
    for (const n of t.generic ?? []) add(n, true);
    for (const f of t.exact ?? []) exact.push(`${f}\t${ref}`);
  });
  return {
    rows: rows.join('\n'),
    names: [...names.keys()]
      .sort()
      .map((k) => `${k}\t${(names.get(k) as string[]).join(',')}`)
      .join('\n'),
    exact: exact.join('\n'),
  };
}

export interface RegisterRow {
  info: TreatyInfo;
  /** Lower-case word prefixes naming the parties ("кндр", "north korea"). */
  parties: string[];
}

export interface NameRef {
  row: number;
  generic: boolean;
}

export interface ExactForm {
  form: string;
  row: number;
  /** Also a common word or another thing's name: only near a treaty word. */
  needsContext: boolean;
}

export interface DecodedRegister {
  rows: RegisterRow[];
  names: Map<string, NameRef[]>;
  exact: ExactForm[];
}

export function decodeRegister(data: TreatyRegisterData | undefined): DecodedRegister {
  const rows: RegisterRow[] = [];
  const names = new Map<string, NameRef[]>();
  const exact: ExactForm[] = [];
  if (!data) return { rows, names, exact };
  for (const line of data.rows.split('\n')) {
    const [id = '', year = '', en = '', ru = '', parties = ''] = line.split('\t');
    const y = Number(year);
    const info: TreatyInfo = { id, en, ru };
    if (Number.isInteger(y) && y > 0) info.year = y;
    rows.push({ info, parties: parties ? parties.split('|') : [] });
  }
  for (const line of data.names.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const refs = line
      .slice(tab + 1)
      .split(',')
      .map((r) =>
        r[0] === '~'
          ? { row: Number.parseInt(r.slice(1), 36), generic: true }
          : { row: Number.parseInt(r, 36), generic: false },
      );
    names.set(line.slice(0, tab), refs);
  }
  for (const line of data.exact.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const form = line.slice(0, tab);
    const row = Number.parseInt(line.slice(tab + 1), 36);
    exact.push(
      form[0] === '?'
        ? { form: form.slice(1), row, needsContext: true }
        : { form, row, needsContext: false },
    );
  }
  return { rows, names, exact };
}

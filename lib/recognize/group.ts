/**
 * Groups the people of one text under one canonical name each: every form → the longest full
 * name seen ("Путина", "Владимиру Путину", "Путин" → "Владимир Путин"), and marks surnames
 * standing alone once the text has named that person in full.
 */

import { loneSurnameKeys } from './people';
import type { Candidate, TokenizedText } from './tokenized-text';
import { isCapWord, lowerCaseWords, newCandidate, respanned } from './tokenized-text';
import { OPEN_QUOTES, type Token } from './tokens';

/**
 * Endings of singular case forms of a surname ("Сандерсом", "Сандерсу"): only those reach a
 * person through the other nominatives of a full name's surname. A plural ("Скрипалей") names a
 * family, which NEREL does not mark as a person.
 */
const SINGULAR_CASE_ENDING = /(?:ом|ем|у|ю|е|а|я)$/;

/**
 * A singular form of a surname: a case ending, or the bare nominative of a foreign name ending in
 * a consonant ("Хефнер" after "Хью Хефнера"); not a plural ("Скрипалей", "Бекхэмов").
 */
function singularForm(key: string): boolean {
  if (SINGULAR_CASE_ENDING.test(key)) return true;
  return /[бвгджзклмнпрстфхцчшщ]$/.test(key) && !/(?:ов|ев|ёв|ых|их)$/.test(key);
}

interface Named {
  canonical: string;
  words: number;
  count: number;
  first: string;
}

/** canonical.split(' ').length, without the array. */
function wordCount(canonical: string): number {
  let n = 1;
  for (let at = canonical.indexOf(' '); at >= 0; at = canonical.indexOf(' ', at + 1)) n++;
  return n;
}

function firstWord(canonical: string): string {
  const space = canonical.indexOf(' ');
  return space < 0 ? canonical : canonical.slice(0, space);
}

/** "В." is compatible with "Владимир"; a full first name only with itself. */
function compatibleFirst(a: string, b: string): boolean {
  if (a === b) return true;
  const initial = (s: string) => (s.endsWith('.') && [...s].length === 2 ? s[0] : null);
  const ia = initial(a);
  const ib = initial(b);
  if (ia && !ib) return b.startsWith(ia);
  if (ib && !ia) return a.startsWith(ib);
  return false;
}

/**
 * `blocked` (optional): tokens that lone surnames must not take (e.g. inside a name the tagger
 * read as an organisation).
 */
/** Nominative of a Cyrillic first name form that is nothing else ("Кэтрин", "Камилю" → "Камиля"). */
function firstNameNominative(tokenized: TokenizedText, i: number): string | undefined {
  const rs = tokenized.readings(i);
  if (rs.length === 0 || rs.some((r) => r.kind !== 'F' || r.lemma.ambiguous)) return undefined;
  const r = rs[0];
  return r ? tokenized.lex.nominative(r.lemma) : undefined;
}

export function groupPeople(
  tokenized: TokenizedText,
  chosen: Candidate[],
  blocked?: Uint8Array,
): Candidate[] {
  const groups = new Map<string, Named[]>();
  const aliases = new Map<string, string>();
  const eastAsianBySurname = new Map<string, Set<string>>();
  for (const c of chosen) {
    const p = c.person;
    if (c.type !== 'PER' || !p?.full) continue;
    const key = p.surnameKeys[0];
    if (!key) continue;
    // The other nominatives the surname form allows ("Сандерса" after an indeclinable first name
    // may be "Сандерса" or "Сандерс"): a lone "Сандерсом" finds the person through them.
    for (const other of p.surnameKeys.slice(1)) if (!aliases.has(other)) aliases.set(other, key);
    let list = groups.get(key);
    if (!list) {
      list = [];
      groups.set(key, list);
    }
    const words = wordCount(c.canonical);
    const found = list.find((n) => n.canonical === c.canonical);
    if (found) found.count++;
    else list.push({ canonical: c.canonical, words, count: 1, first: firstWord(c.canonical) });
    if (p.eastAsian) {
      const family = key.split(' ')[0] ?? key;
      const set = eastAsianBySurname.get(family) ?? new Set<string>();
      set.add(key);
      eastAsianBySurname.set(family, set);
    }
  }
  const best = (list: Named[], first?: string): Named | undefined => {
    let pick: Named | undefined;
    for (const n of list) {
      if (first && !compatibleFirst(first, n.first)) continue;
      if (!pick || n.words > pick.words || (n.words === pick.words && n.count > pick.count))
        pick = n;
    }
    return pick;
  };
  const lookup = (keys: string[], viaAliases = false): Named | undefined => {
    for (const k of keys) {
      const list = groups.get(k);
      if (list) return best(list);
      const ea = eastAsianBySurname.get(k);
      if (ea && ea.size === 1) {
        const only = groups.get([...ea][0] as string);
        if (only) return best(only);
      }
    }
    if (!viaAliases) return undefined;
    for (const k of keys) {
      const primary = aliases.get(k);
      const list = primary === undefined ? undefined : groups.get(primary);
      if (list) return best(list);
    }
    return undefined;
  };

  // First names of full names, for first names standing alone ("Борис" → "Борис Джонсон").
  const byFirstName = new Map<string, Set<string>>();
  for (const list of groups.values()) {
    for (const n of list) {
      const key = n.first.toLowerCase().replace(/ё/g, 'е');
      const set = byFirstName.get(key) ?? new Set<string>();
      set.add(n.canonical);
      byFirstName.set(key, set);
    }
  }
  const byFirst = (first: string | undefined): string | undefined => {
    const set = first ? byFirstName.get(first.toLowerCase().replace(/ё/g, 'е')) : undefined;
    return set && set.size === 1 ? [...set][0] : undefined;
  };

  const out: Candidate[] = [];
  const taken = blocked ? Uint8Array.from(blocked) : new Uint8Array(tokenized.tokens.length);
  for (const c of chosen) {
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    if (c.type !== 'PER' || !c.person) {
      out.push(c);
      continue;
    }
    const p = c.person;
    let canonical = c.canonical;
    if (p.full && p.surnameKeys[0]) {
      const list = groups.get(p.surnameKeys[0]);
      const b = list && best(list, firstWord(c.canonical));
      if (b) canonical = b.canonical;
    } else if (p.surnameKeys.length) {
      const b = lookup(p.surnameKeys);
      if (b) canonical = b.canonical;
    } else {
      canonical = byFirst(p.first) ?? canonical;
    }
    // Candidates are not changed after the rules: one whose name stays is kept as it is.
    out.push(canonical === c.canonical ? c : respanned(c, c.start, c.end, canonical));
  }

  // Whole East Asian names wherever they recur (also where the family name alone is too
  // ambiguous to start a name, e.g. "Ли" at the start of a sentence).
  const eastAsian = [...groups.keys()].filter((k) => k.includes(' '));
  if (eastAsian.length > 0) {
    // Indexed by the family name, so each token costs one lookup (linear in the text).
    const byFamily = new Map<string, { parts: string[]; named: Named | undefined }[]>();
    for (const k of eastAsian) {
      const parts = k.split(' ');
      const list = byFamily.get(parts[0] as string) ?? [];
      list.push({ parts, named: best(groups.get(k) as Named[]) });
      byFamily.set(parts[0] as string, list);
    }
    // Each word's entry, looked up once per word rather than at every token.
    const seqsOf = new Array<{ parts: string[]; named: Named | undefined }[] | null | undefined>(
      tokenized.vocab.length,
    );
    for (let i = 0; i < tokenized.tokens.length; i++) {
      if (taken[i]) continue;
      const w = tokenized.wid[i] as number;
      let seqs = seqsOf[w];
      if (seqs === undefined) {
        seqs = byFamily.get(tokenized.vocab[w] as string) ?? null;
        seqsOf[w] = seqs;
      }
      if (!seqs) continue;
      for (const { parts, named } of seqs) {
        if (!named) continue;
        let ok = true;
        for (let k = 0; k < parts.length && ok; k++) {
          const t = tokenized.tokens[i + k];
          const part = parts[k] as string;
          ok =
            !!t &&
            !taken[i + k] &&
            (t.key === part ||
              (k === parts.length - 1 &&
                t.key.startsWith(part) &&
                t.key.length <= part.length + 2));
        }
        if (!ok) continue;
        for (let k = 0; k < parts.length; k++) taken[i + k] = 1;
        out.push(newCandidate(i, i + parts.length, 'PER', named.canonical, 1));
        break;
      }
    }
  }

  // Surnames standing alone, once the text named the person in full.
  if (groups.size > 0) {
    // A word's possible surname keys depend on the word only: computed once per text.
    const surnameKeysCache = new Array<string[] | undefined>(tokenized.vocab.length);
    for (let i = 0; i < tokenized.tokens.length; i++) {
      if (taken[i] || tokenized.isRole[i] || tokenized.coveredBy[i]) continue;
      const t = tokenized.tokens[i] as Token;
      if (t.script !== 'cyr' && t.script !== 'lat') continue;
      // Headlines in capitals name people by surname too ("SHEARER NAMED AS CAPTAIN").
      const headline = tokenized.capsLine[i] && t.shape === 'upper' && t.text.length > 2;
      // At a sentence start a capital says nothing: the word stands for the person when it is
      // that person's surname and the text never writes it in lower case ("Хефнер ушёл из жизни").
      const opening =
        t.sentenceStart &&
        !tokenized.capsLine[i] &&
        t.shape === 'title' &&
        t.script === 'cyr' &&
        !lowerCaseWords(tokenized).has(t.key);
      if (!isCapWord(tokenized, i) && !headline && !opening) continue;
      const w = tokenized.wid[i] as number;
      let keys = surnameKeysCache[w];
      if (!keys) {
        keys = loneSurnameKeys(tokenized, i);
        surnameKeysCache[w] = keys;
      }
      const b = lookup(
        keys,
        t.script === 'cyr' &&
          singularForm(t.key) &&
          !OPEN_QUOTES.has(tokenized.tokens[i - 1]?.text ?? ''),
      );
      const canonical =
        b?.canonical ??
        (headline || opening
          ? undefined
          : t.script === 'lat'
            ? byFirst(t.text)
            : byFirst(firstNameNominative(tokenized, i)));
      if (!canonical) continue;
      out.push(newCandidate(i, i + 1, 'PER', canonical, 1));
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

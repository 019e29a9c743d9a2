/**
 * Groups the people of one text under one canonical name each: every form → the longest full
 * name seen ("Путина", "Владимиру Путину", "Путин" → "Владимир Путин"), and marks surnames
 * standing alone once the text has named that person in full.
 */
import type { Candidate, Doc } from './document';
import { isCapWord } from './document';
import { loneSurnameKeys } from './people';
import type { Token } from './tokens';

interface Named {
  canonical: string;
  words: number;
  count: number;
  first: string;
}

function firstWord(canonical: string): string {
  return canonical.split(' ')[0] ?? '';
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

export function groupPeople(doc: Doc, chosen: Candidate[]): Candidate[] {
  const groups = new Map<string, Named[]>();
  const eastAsianBySurname = new Map<string, Set<string>>();
  for (const c of chosen) {
    const p = c.person;
    if (c.type !== 'PER' || !p?.full) continue;
    const key = p.surnameKeys[0];
    if (!key) continue;
    let list = groups.get(key);
    if (!list) {
      list = [];
      groups.set(key, list);
    }
    const words = c.canonical.split(' ').length;
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
  const lookup = (keys: string[]): Named | undefined => {
    for (const k of keys) {
      const list = groups.get(k);
      if (list) return best(list);
      const ea = eastAsianBySurname.get(k);
      if (ea && ea.size === 1) {
        const only = groups.get([...ea][0] as string);
        if (only) return best(only);
      }
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
  const taken = new Uint8Array(doc.tokens.length);
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
    out.push({ ...c, canonical });
  }

  // Whole East Asian names wherever they recur (also where the family name alone is too
  // ambiguous to start a name, e.g. "Ли" at the start of a sentence).
  const eastAsian = [...groups.keys()].filter((k) => k.includes(' '));
  if (eastAsian.length > 0) {
    const seqs = eastAsian.map((k) => ({
      parts: k.split(' '),
      named: best(groups.get(k) as Named[]),
    }));
    for (let i = 0; i < doc.tokens.length; i++) {
      if (taken[i]) continue;
      for (const { parts, named } of seqs) {
        if (!named) continue;
        let ok = true;
        for (let k = 0; k < parts.length && ok; k++) {
          const t = doc.tokens[i + k];
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
        out.push({
          start: i,
          end: i + parts.length,
          type: 'PER',
          canonical: named.canonical,
          tier: 1,
        });
        break;
      }
    }
  }

  // Surnames standing alone, once the text named the person in full.
  if (groups.size > 0) {
    for (let i = 0; i < doc.tokens.length; i++) {
      if (taken[i] || doc.isRole[i] || doc.coveredBy[i]) continue;
      const t = doc.tokens[i] as Token;
      if (t.script !== 'cyr' && t.script !== 'lat') continue;
      // Headlines in capitals name people by surname too ("SHEARER NAMED AS CAPTAIN").
      const headline = doc.capsLine[i] && t.shape === 'upper' && t.text.length > 2;
      if (!isCapWord(doc, i) && !headline) continue;
      const b = lookup(loneSurnameKeys(doc, i));
      const canonical =
        b?.canonical ?? (t.script === 'lat' && !headline ? byFirst(t.text) : undefined);
      if (!canonical) continue;
      out.push({ start: i, end: i + 1, type: 'PER', canonical, tier: 1 });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * One sense per text for names written the same way: once a span of a text is a person, every
 * other span of exactly the same words, capitalised and standing alone, is that person too
 * ("Jay Z" in the headline, once "Джей Зи (Jay Z)" was recognised in the body). Only tokens that
 * no other span took are marked, so this adds marks and never changes one.
 */
import {
  type Candidate,
  lowerCaseWords,
  newCandidate,
  type TokenizedText,
  takenTokens,
} from './tokenized-text';
import { keyOf, nameShaped, quotedName, type Token } from './tokens';

const MAX_NAMES_PER_WORD = 8;

/** A capitalised word right before or after (the span would be part of a longer name). */
function partOfLonger(tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[end];
  const first = tokens[start] as Token;
  if (before && first.gap === ' ' && nameShaped(before) && !before.sentenceStart) return true;
  return !!after && after.gap === ' ' && nameShaped(after);
}

/**
 * Adds the recurrences of the text's people. The names of `organisations` block them where they
 * are longer than the person's ("фонд Владимира Потанина"); an organisation span of exactly the
 * person's words is the tagger's other reading of the same name, and gives way unless the text
 * reads the name as an organisation more often than as a person.
 */
export function markRecurrences(
  tokenized: TokenizedText,
  chosen: Candidate[],
  organisations: readonly Candidate[] = [],
): Candidate[] {
  const { tokens } = tokenized;
  // Names by their first word: key sequences and the canonical name they stand for.
  const byFirst = new Map<string, { id: string; keys: string[]; canonical: string }[]>();
  // The same lists by the first word's id (tokenized.wid): the scan below looks up every token.
  const byFirstWid = new Array<{ id: string; keys: string[]; canonical: string }[] | undefined>(
    tokenized.vocab.length,
  );
  const seen = new Set<string>();
  const asPerson = new Map<string, number>();
  for (const c of chosen) {
    if (c.type !== 'PER') continue;
    const keys: string[] = [];
    let shaped = true;
    for (let k = c.start; k < c.end && shaped; k++) {
      const t = tokens[k] as Token;
      shaped = nameShaped(t);
      keys.push(t.key);
    }
    if (!shaped || keys.length === 0) continue;
    const id = keyOf(tokens, c.start, c.end);
    // A name noun's word counts double: it settles a tie with the tagger's organisation.
    asPerson.set(id, (asPerson.get(id) ?? 0) + (c.cued ? 2 : 1));
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byFirst.get(keys[0] as string) ?? [];
    // A few names per first word keep the scan linear on any text (a page of "John …").
    if (list.length >= MAX_NAMES_PER_WORD) continue;
    list.push({ id, keys, canonical: c.canonical });
    byFirst.set(keys[0] as string, list);
    byFirstWid[tokenized.wid[c.start] as number] = list;
  }
  if (byFirst.size === 0) return chosen;
  // The longest name first: "Jay Z" before "Jay".
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const taken = takenTokens(tokenized, chosen);
  // How often each name is still an organisation's whole span (one a person has not since
  // taken): the majority reading wins. 2 in `taken` = inside an organisation's name.
  const asOrganisation = new Map<string, number>();
  const organisationEnd = new Map<number, number>();
  for (const o of organisations) {
    const id = keyOf(tokens, o.start, o.end);
    if (seen.has(id) && taken[o.start] !== 1)
      asOrganisation.set(id, (asOrganisation.get(id) ?? 0) + 1);
    organisationEnd.set(o.start, o.end);
    for (let k = o.start; k < o.end; k++) taken[k] ||= 2;
  }
  const added: Candidate[] = [];
  let lower: Set<string> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] === 1) continue;
    const names = byFirstWid[tokenized.wid[i] as number];
    if (!names) continue;
    for (const { id, keys, canonical } of names) {
      const end = i + keys.length;
      const yields = (asOrganisation.get(id) ?? 0) < (asPerson.get(id) ?? 0);
      let ok = end <= tokens.length;
      for (let k = 0; k < keys.length && ok; k++) {
        const t = tokens[i + k] as Token;
        ok =
          (!taken[i + k] || (taken[i + k] === 2 && yields && organisationEnd.get(i) === end)) &&
          t.key === keys[k] &&
          nameShaped(t) &&
          (k === 0 || t.gap === ' ');
      }
      if (!ok || partOfLonger(tokens, i, end) || quotedName(tokens, i, end)) continue;
      // A lone capitalised word opening a sentence may be a common word there ("Роза").
      if (keys.length === 1 && (tokens[i] as Token).sentenceStart) {
        lower ??= lowerCaseWords(tokenized);
        if (lower.has(keys[0] as string)) continue;
      }
      for (let k = i; k < end; k++) taken[k] = 1;
      added.push(newCandidate(i, end, 'PER', canonical, 1));
      break;
    }
  }
  if (added.length === 0) return chosen;
  return [...chosen, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Russian person spans at their right edge: the rest of a name after a regnal number ("Карл XVI
 * | Густав") and an organisation's abbreviation after a name ("В. А. Стеклова | РАН").
 */
import { personForSpan } from './people';
import { REGNAL_NUMBER } from './person-spans';
import { type Candidate, type TokenizedText, taggedCopy, takenTokens } from './tokenized-text';
import type { Token } from './tokens';

/** A Cyrillic abbreviation ("РАН", "КНДР"). */
const ABBREVIATION = /^[А-ЯЁ]{2,}$/;

/**
 * Russian: a person ending in a regnal number takes the capitalised Cyrillic word right after it,
 * inside the sentence, that no other span but a lone person took ("Карл XVI Густав", "Йюхи V Мусинги": in NEREL
 * train+dev and factRuEval no gold person ends in a regnal number before such a word, and five
 * go on past it); a person of several words ending in a Cyrillic abbreviation after a word in
 * lower-case letters loses it ("им. В. А. Стеклова РАН", "Кима Чен Ира КНДР": no gold person
 * ends so).
 */
export function nameEdges(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  let busy: Uint8Array | null = null;
  const dropped = new Set<Candidate>();
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || c.end - c.start < 2) continue;
    const last = tokens[c.end - 1] as Token;
    const before = tokens[c.end - 2] as Token;
    let end = c.end;
    if (REGNAL_NUMBER.test(last.text) && before.script === 'cyr') {
      const w = tokens[c.end];
      if (
        w?.kind === 'word' &&
        w.script === 'cyr' &&
        w.shape === 'title' &&
        w.gap === ' ' &&
        !w.sentenceStart &&
        !tokenized.isRole[c.end]
      ) {
        if (!busy) busy = takenTokens(tokenized, chosen);
        const next = chosen[n + 1];
        // A lone person there is the rest of this name ("Карл XVI | Густав").
        const lone =
          next?.type === 'PER' && next.start === c.end && next.end === c.end + 1 ? next : null;
        if (!busy[c.end] || lone) end = c.end + 1;
        if (lone) dropped.add(lone);
      }
    } else if (
      ABBREVIATION.test(last.text) &&
      before.kind === 'word' &&
      /\p{Ll}/u.test(before.text) &&
      !tokenized.capsLine[c.end - 1]
    )
      end = c.end - 1;
    if (end === c.end) continue;
    out ??= chosen.slice();
    out[n] = taggedCopy(personForSpan(tokenized, c.start, end), c.tier);
    busy?.fill(1, c.start, end);
  }
  if (!out) return chosen;
  return dropped.size > 0 ? out.filter((c) => !dropped.has(c)) : out;
}

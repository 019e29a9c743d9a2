/**
 * First names the dictionary reads as places only ("Азия Ардженто", "София Коппола", "Харпер Ли").
 */
import { surnameCases } from './patronymic-names';
import { personForSpan } from './people';
import { type Candidate, type TokenizedText, taggedCopy, takenTokens } from './tokenized-text';
import type { Token } from './tokens';

/** Prepositions after which a nominative-looking place is an accusative ("в Милан", "на Кубу"). */
const PREPOSITIONS = new Set(
  'в во на из с со к ко от до по под над за через про для о об у при между перед'.split(' '),
);

/**
 * Russian: a one-word place in the nominative right before a lone surname that can be a
 * nominative, inside a sentence after a lower-case word other than a preposition, a comma or a
 * dash, is the person's first name ("американка [София] Коппола", "писательница [Харпер] Ли",
 * ", [Азия] Ардженто"): a place in the nominative is a subject, and a subject is not followed by
 * another one without a verb or a comma between.
 */
export function placeFirstNames(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  let busy: Uint8Array | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || c.end !== c.start + 1) continue;
    const surname = tokens[c.start] as Token;
    if (surname.script !== 'cyr' || surname.shape !== 'title' || surname.gap !== ' ') continue;
    const nominative = (surnameCases(surname.key, 'm') | surnameCases(surname.key, 'f')) & 1;
    if (!nominative) continue;
    const k = c.start - 1;
    const w = tokens[k];
    if (w?.kind !== 'word' || w.script !== 'cyr' || w.shape !== 'title' || w.sentenceStart)
      continue;
    if (tokenized.isRole[k] || tokenized.capsLine[k]) continue;
    const readings = tokenized.readings(k);
    if (readings.length === 0 || readings.some((r) => r.kind !== 'G')) continue;
    // Nominative (or a like accusative) only: an indeclinable place ("Мали") may be a genitive
    // complement ("правительства Мали | Кейта").
    if (!readings.some((r) => r.codes.some((code) => code[0] === 'n'))) continue;
    if (readings.some((r) => r.codes.some((code) => code[0] !== 'n' && code[0] !== 'a'))) continue;
    const before = tokens[k - 1];
    if (!before || w.gap !== ' ') continue;
    const lead =
      before.kind === 'word'
        ? before.shape === 'lower' && !PREPOSITIONS.has(before.key)
        : before.text === ',' || before.text === '—' || before.text === '–';
    if (!lead) continue;
    const prev = n > 0 ? (chosen[n - 1] as Candidate) : null;
    const place = prev && prev.start === k && prev.end === c.start && prev.type === 'LOC';
    if (!busy) busy = takenTokens(tokenized, chosen);
    if (busy[k] && !place) continue;
    out ??= chosen.slice();
    const person = taggedCopy(personForSpan(tokenized, k, c.end), c.tier);
    out[n] = person;
    if (place) out[n - 1] = person;
    busy[k] = 1;
  }
  if (!out) return chosen;
  return out.filter((c, i) => i === 0 || c !== out?.[i - 1]);
}

/**
 * The lexicon-and-rules layer (Glossa's first recognizer): phrase lexicon hits, treaty names,
 * person and place rules. Its candidates give canonical names and treaty terms, and its choice
 * of spans is one of the tagger's features (see model/features.ts).
 */

import { proposePeople } from './people';
import { proposePlaces } from './places';
import { selectCandidates } from './select';
import { newCandidate, type TokenizedText } from './tokenized-text';
import { keyOf } from './tokens';
import { checkTreatyContext, proposeTreaties } from './treaties';
import { attachRegisteredTreaties, proposeRegisteredForms } from './treaty-register';

/** Adds every rule candidate to tokenized.candidates. */
export function proposeAll(tokenized: TokenizedText): void {
  const { tokens } = tokenized;
  // Phrase lexicon hits: places, organisations, treaty names and terms.
  for (let i = 0; i < tokens.length; i++) {
    const m = tokenized.phraseAt[i];
    if (!m || m.entry.type === 'PER' || m.entry.type === 'ROLE') continue;
    // A world city's GeoNames name before a learned lemma ("Балтимор", not "Балтиморё").
    const canonical =
      (m.entry.type === 'LOC' && !m.entry.curated && tokenized.lang === 'ru'
        ? tokenized.lex.placeRu(keyOf(tokens, i, m.end))
        : undefined) ?? m.entry.canonical;
    tokenized.candidates.push(
      newCandidate(i, m.end, m.entry.type, canonical, m.entry.curated ? 4 : 3),
    );
  }
  proposeRegisteredForms(tokenized);
  proposeTreaties(tokenized);
  checkTreatyContext(tokenized);
  attachRegisteredTreaties(tokenized);
  if (tokenized.lang === 'other') return;
  // English people come from the tagger alone: the English person rules added nothing to it on
  // CoNLL dev (same spans, same scores) and cost time.
  if (tokenized.lang === 'en') return;
  proposePeople(tokenized);
  proposePlaces(tokenized);
}

const RULE_TYPES: Record<string, number> = { PER: 1, LOC: 2, TREATY: 3 };

/**
 * What the rules alone would mark, per token: type * 2 + (0 first token, 1 inside), 0 none
 * (call after proposeAll).
 */
export function ruleCodes(tokenized: TokenizedText): Uint8Array {
  const codes = new Uint8Array(tokenized.tokens.length);
  // Russian only: the English rules lean on name lists learned from the CoNLL train split, which
  // are right on that split almost always, so a tagger trained with them over-trusts them (dev
  // F1 fell: docs/recognition.md, "Measured figures behind the rules"); the Russian rules rest
  // mostly on the OpenCorpora morphology.
  if (tokenized.lang !== 'ru') return codes;
  for (const c of selectCandidates(tokenized)) {
    const t = RULE_TYPES[c.type];
    if (!t) continue;
    for (let k = c.start; k < c.end; k++) codes[k] = t * 2 + (k === c.start ? 0 : 1);
  }
  return codes;
}

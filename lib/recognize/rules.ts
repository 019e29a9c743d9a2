/**
 * The lexicon-and-rules layer (Glossa's first recognizer): phrase lexicon hits, treaty names,
 * person and place rules. Its candidates give canonical names and treaty terms, and its choice
 * of spans is one of the tagger's features (see model/features.ts).
 */
import type { Doc } from './document';
import { proposePeople } from './people';
import { proposePlaces } from './places';
import { selectCandidates } from './select';
import { checkTreatyContext, proposeTreaties } from './treaties';
import { attachRegisteredTreaties, proposeRegisteredForms } from './treaty-register';

/** Adds every rule candidate to doc.candidates. */
export function proposeAll(doc: Doc): void {
  const { tokens } = doc;
  // Phrase lexicon hits: places, organisations, treaty names and terms.
  for (let i = 0; i < tokens.length; i++) {
    const m = doc.phraseAt[i];
    if (!m || m.entry.type === 'PER' || m.entry.type === 'ROLE') continue;
    doc.candidates.push({
      start: i,
      end: m.end,
      type: m.entry.type,
      canonical: m.entry.canonical,
      tier: m.entry.curated ? 4 : 3,
    });
  }
  proposeRegisteredForms(doc);
  proposeTreaties(doc);
  checkTreatyContext(doc);
  attachRegisteredTreaties(doc);
  if (doc.lang === 'other') return;
  // English people come from the tagger alone: the English person rules added nothing to it on
  // CoNLL dev (same spans, same scores) and cost time.
  if (doc.lang === 'en') return;
  proposePeople(doc);
  proposePlaces(doc);
}

const RULE_TYPES: Record<string, number> = { PER: 1, LOC: 2, TREATY: 3 };

/**
 * What the rules alone would mark, per token: type * 2 + (0 first token, 1 inside), 0 none
 * (call after proposeAll).
 */
export function ruleCodes(doc: Doc): Uint8Array {
  const codes = new Uint8Array(doc.tokens.length);
  // Russian only: the English rules lean on name lists learned from the CoNLL train split, which
  // are right on that split almost always, so a tagger trained with them over-trusts them (dev
  // F1 fell by 2–3 points); the Russian rules rest mostly on the OpenCorpora morphology.
  if (doc.lang !== 'ru') return codes;
  for (const c of selectCandidates(doc)) {
    const t = RULE_TYPES[c.type];
    if (!t) continue;
    for (let k = c.start; k < c.end; k++) codes[k] = t * 2 + (k === c.start ? 0 : 1);
  }
  return codes;
}

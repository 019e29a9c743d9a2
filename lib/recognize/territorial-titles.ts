/**
 * Territorial titles: "патриарх Болгарский", "митрополит Софийский", "герцогиня Кембриджская",
 * "Александрийского патриарха". The adjective of a see or a domain beside a church or noble
 * title is part of the title, not a person's name.
 */
import { revised } from '../arrays';
import { personForSpan } from './people';
import { type Candidate, type TokenizedText, taggedCopy } from './tokenized-text';
import type { Token } from './tokens';

/** Church and noble titles that take a territorial adjective, as lookup-key stems. */
const TITLE =
  /^(?:патриарх|митрополит|архиепископ|епископ|принц|принцесс|герцог|герцогин|эрцгерцог|граф|графин|княз|княгин|маркиз)(?:а|у|ом|е|и|ы|ой|ю|ем|я|ь|ов|ам|ами|ах|ей)?$/;

/** A capitalised adjective in "-ский"/"-цкий" in any case and number ("Болгарским", "Йоркских"). */
const TERRITORIAL = /^\p{Lu}[\p{Ll}-]*(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)$/u;

function titleAt(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k];
  return t?.kind === 'word' && t.script === 'cyr' && TITLE.test(t.key);
}

/**
 * Russian: a person span opening with a territorial adjective right after a church or noble title
 * loses it ("митрополит [Русенский] Неофит"), and a one-word one beside such a title, before or
 * after it, is none ("Патриархом Болгарским", "Александрийского патриарха"): in NEREL train and
 * dev and factRuEval such an adjective beside a title is no person in 33 of 36 cases, and the
 * three others take the title into the name.
 */
export function territorialTitles(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  return revised(chosen, (c) => {
    const t = tokens[c.start] as Token;
    if (c.type !== 'PER' || t.script !== 'cyr' || !TERRITORIAL.test(t.text)) return c;
    const lone = c.end === c.start + 1;
    const before = t.gap === ' ' && titleAt(tokenized, c.start - 1);
    const after = lone && tokens[c.end]?.gap === ' ' && titleAt(tokenized, c.end);
    if (!before && !after) return c;
    return lone ? null : taggedCopy(personForSpan(tokenized, c.start + 1, c.end), c.tier);
  });
}

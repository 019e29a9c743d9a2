/**
 * Annotation conventions that differ between corpora.
 *
 * NEREL marks places written as adjectives ("российских", "Московского") as LOC, 172 of its 731
 * dev LOC spans; factRuEval does not, nor does Glossa (docs/recognition.md says what a place is).
 * The trainer labels such spans apart (GEA) so the tagger learns them without painting them,
 * and the evaluation can score NEREL without them, to show each convention's figure.
 */
/** A one-word place adjective: a -ск-/-цк- adjective ending. */
const PLACE_ADJECTIVE = /(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|им|ом|ую|их|ими|ым|ых|ей|ые|ый)$/;

export function isPlaceAdjective(word: string): boolean {
  return !/\s/.test(word.trim()) && PLACE_ADJECTIVE.test(word.trim().toLowerCase());
}

interface Span {
  start: number;
  end: number;
  type: string;
}

/** The spans without LOC spans that are place adjectives (for scoring without that convention). */
export function withoutPlaceAdjectives<T extends Span>(text: string, spans: readonly T[]): T[] {
  return spans.filter((s) => !(s.type === 'LOC' && isPlaceAdjective(text.slice(s.start, s.end))));
}

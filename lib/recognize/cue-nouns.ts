/**
 * Common nouns that say what the name after them is, in Russian: "группы Talk Talk" names a
 * band, "клана Гамбино" a family, "городке Сан-Ладзаро-ди-Савена" and "округа Чарльз" places. The
 * tagger reads such names as people when it has not seen them; these rules correct it after the
 * spans are chosen. Each rule was checked against what follows the same nouns in the NEREL train
 * split. Streets are left alone: NEREL marks the person a street is named after
 * ("улице Михаила Грушевского").
 */
import { type Candidate, type Doc, spanText, takenTokens } from './document';
import { placeCanonical, placeNounKind } from './places';
import { nameShaped, OPEN_QUOTES, type Token } from './tokens';

/** Stems of organisation nouns; the name after one, in Latin script, is the organisation's. */
const ORGANISATION_NOUN =
  /^(?:групп|компани|бренд|холдинг|концерн|корпораци|лейбл|фирм|стартап)(?:а|ы|е|у|ой|ою|и|ю|ей|ия|ии|ию|ией|ом|ами|ах|ам)?$/;
/** Clan, dynasty and gang nouns: the name after one is not one person ("клана Гамбино"). */
const FAMILY_NOUN =
  /^(?:клан|династи|триад|группировк)(?:а|у|ом|е|ы|ов|ам|ами|ах|я|и|ю|ей|ям|ях|ой)?$/;
/** "клану Кадырова": a Russian surname in the genitive singular names the clan's head. */
const SURNAME_GENITIVE = /(?:ов|ев|ин|ын)а$/;

/** Index of the cue noun before token i (skipping an opening quote), or -1. */
function cueBefore(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  const t = tokens[k];
  if (t && t.kind === 'punct' && OPEN_QUOTES.has(t.text)) k--;
  const cue = tokens[k];
  if (cue?.kind !== 'word' || cue.shape !== 'lower' || cue.script !== 'cyr') return -1;
  const after = tokens[k + 1] as Token;
  return after.gap === '\n' ? -1 : k;
}

/** Every word of the span is one of the words. */
function allWordsIn(tokens: readonly Token[], c: Candidate, words: Set<string>): boolean {
  for (let k = c.start; k < c.end; k++) if (!words.has((tokens[k] as Token).key)) return false;
  return true;
}

/**
 * Applies the cue nouns to the chosen spans of a Russian text. A name introduced as a band,
 * company or clan is not a person anywhere in the text (one sense per text: «Talk Talk» later on,
 * and each "Talk" alone, are the band too); a person right after a settlement noun becomes a
 * place unless the dictionary reads it as a person.
 */
export function applyCueNouns(doc: Doc, chosen: Candidate[]): Candidate[] {
  const { tokens } = doc;
  let notPeople: Set<string> | null = null;
  // Starts of the bracketed originals after dropped names ("триадой Луэн (聯字頭)").
  const bracketed = new Set<number>();
  let changed = false;
  const out = chosen.map((c) => {
    if (c.type !== 'PER') return c;
    const k = cueBefore(tokens, c.start);
    if (k < 0) return c;
    const cue = (tokens[k] as Token).key;
    const first = tokens[c.start] as Token;
    const family = FAMILY_NOUN.test(cue) && !SURNAME_GENITIVE.test(first.key);
    if ((ORGANISATION_NOUN.test(cue) && first.script === 'lat') || family) {
      notPeople ??= new Set();
      for (let w = c.start; w < c.end; w++) notPeople.add((tokens[w] as Token).key);
      if (tokens[c.end]?.text === '(') bracketed.add(c.end + 1);
      changed = true;
      return null;
    }
    // After a unit noun only a one-word name: "полиции округа Йорам Ха-Леви" is its officer.
    const kind = placeNounKind(cue);
    const place = kind === 'settlement' || (kind === 'unit' && c.end === c.start + 1);
    if (place && !readsAsPerson(doc, c.start, c.end)) {
      changed = true;
      return {
        ...c,
        type: 'LOC' as const,
        canonical: placeCanonical(doc, c.start, c.end),
        person: undefined,
      };
    }
    return c;
  });
  if (!changed) return chosen;
  const names = notPeople as Set<string> | null;
  return out.filter(
    (c): c is Candidate =>
      c !== null &&
      !(c.type === 'PER' && (bracketed.has(c.start) || (names && allWordsIn(tokens, c, names)))),
  );
}

/**
 * The dictionary reads the span as a person: a full name that starts with a known first name
 * ("мэр города Сергей Собянин"), or one word known only as a surname ("городом Каддафи").
 */
function readsAsPerson(doc: Doc, start: number, end: number): boolean {
  const readings = doc.readings(start);
  if (end - start > 1) return readings.some((r) => r.kind === 'F');
  return (
    readings.some((r) => r.kind === 'S' || r.kind === 'P') && !readings.some((r) => r.kind === 'G')
  );
}

/** "под именем", "по прозвищу", "псевдоним (на)", "ником": a person's other name follows. */
const NAME_NOUN = /^(?:псевдоним(?:ом|а|у|е)?|прозвищ(?:е|ем|а|у)|ником|никнеймом)$/;
const NAME_AFTER_PREPOSITION = new Map([
  ['под', /^(?:именем|псевдонимом)$/],
  ['по', /^(?:имени|прозвищу)$/],
]);

/** Index of the first token of the name a name noun introduces at token k, or -1. */
function nameAfterCue(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (t.kind !== 'word' || t.shape !== 'lower') return -1;
  let next = k + 1;
  if (NAME_NOUN.test(t.key)) {
    if (tokens[next]?.key === 'на' && tokens[next]?.shape === 'lower') next++;
  } else {
    const noun = tokens[next];
    if (noun?.gap !== ' ' || !NAME_AFTER_PREPOSITION.get(t.key)?.test(noun.key)) return -1;
    next++;
  }
  const first = tokens[next];
  return nameShaped(first) && first.gap === ' ' ? next : -1;
}

/**
 * Adds the names written right after a name noun, unquoted ("выступает под именем ДЖЕЙ-ЗИ",
 * "поменял псевдоним на JAY-Z"), where no person or place was chosen: stage names and
 * nicknames the tagger has not seen. (In NEREL train, 19 of the 20 unquoted names after these
 * nouns are people; quoted ones are often nicknames of things: «Крокодил».)
 */
export function cuedPeople(doc: Doc, chosen: Candidate[]): Candidate[] {
  const { tokens } = doc;
  let taken: Uint8Array | null = null;
  const added: Candidate[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const start = nameAfterCue(tokens, k);
    if (start < 0) continue;
    let end = start + 1;
    while (end < start + 3 && nameShaped(tokens[end]) && tokens[end]?.gap === ' ') end++;
    taken ??= takenTokens(doc, chosen);
    let free = true;
    for (let w = start; w < end; w++) if (taken[w]) free = false;
    if (!free) continue;
    for (let w = start; w < end; w++) taken[w] = 1;
    added.push({
      start,
      end,
      type: 'PER',
      canonical: spanText(doc, start, end),
      tier: 1,
      cued: true,
    });
  }
  if (added.length === 0) return chosen;
  return [...chosen, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Where a Russian place's span begins and ends, and which chosen spans are places: the merge
 * steps for places after the tagger (docs/recognition.md, "How it works"). The rules rest on how
 * Russian names places, checked against nerel-train; their figures are in docs/recognition.md.
 */

import { ABSTRACT_NOUN, ADJECTIVE, complementLike, placeCanonical } from './places';
import type { Candidate, TokenizedText } from './tokenized-text';
import {
  asPlace,
  isCapWord,
  lowerCaseWords,
  newCandidate,
  respanned,
  spanText,
} from './tokenized-text';
import type { Token } from './tokens';

/**
 * A cardinal direction in the locative or genitive before a place in the genitive names a part
 * of it: "на востоке Украины", "юго-востоке Польши", "севера Мали" (nerel-train marks the part
 * as the place 33 times, the bare place once).
 */
const DIRECTION = /^((?:северо-|юго-)?(?:север|юг|запад|восток))(?:е|а|у|ом)?$/;

/**
 * The form of state a country's official name opens with, capitalised: "Республика Корея",
 * "Республике Куба", "Королевство Тонга" (nerel-train marks the head inside the place 19 times,
 * outside it never).
 */
const STATE_FORM = new Map<string, string>(
  (
    [
      ['Республика', 'республик', ['а', 'и', 'е', 'у', 'ой', 'ою']],
      ['Королевство', 'королевств', ['о', 'а', 'у', 'ом', 'е']],
      ['Княжество', 'княжеств', ['о', 'а', 'у', 'ом', 'е']],
      ['Султанат', 'султанат', ['', 'а', 'у', 'ом', 'е']],
      ['Эмират', 'эмират', ['', 'а', 'у', 'ом', 'е']],
    ] as const
  ).flatMap(([nominative, stem, endings]) => endings.map((e) => [stem + e, nominative] as const)),
);

/** The place span right after token i, if any (chosen is sorted by start). */
function placeAt(chosen: readonly Candidate[], byStart: Map<number, number>, i: number) {
  const k = byStart.get(i);
  return k === undefined ? null : (chosen[k] as Candidate);
}

/**
 * Widens places over the word before them that belongs to the name: a direction ("востоке
 * Украины" → "восток Украины") or a form of state ("Республике Куба" → "Республика Куба").
 */
export function widenPlaces(tokenized: TokenizedText, chosen: readonly Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  const byStart = new Map<number, number>();
  const taken = new Uint8Array(tokens.length);
  chosen.forEach((c, k) => {
    byStart.set(c.start, k);
    taken.fill(1, c.start, c.end);
  });
  let out: Candidate[] | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || t.kind !== 'word' || t.script !== 'cyr') continue;
    const place = placeAt(chosen, byStart, i + 1);
    if (place?.type !== 'LOC' || place.adjective || (tokens[i + 1] as Token).gap !== ' ') continue;
    let head: string | undefined;
    if (t.shape === 'lower') {
      const m = DIRECTION.exec(t.key);
      if (m && isCapWord(tokenized, i + 1)) head = m[1];
    } else if (isCapWord(tokenized, i)) {
      head = STATE_FORM.get(t.key);
    }
    if (!head) continue;
    const phrase = tokenized.phraseAt[i];
    const canonical =
      phrase && phrase.end === place.end && phrase.entry.type === 'LOC'
        ? phrase.entry.canonical
        : `${head} ${t.shape === 'lower' ? spanText(tokenized, place.start, place.end) : place.canonical}`;
    out ??= chosen.slice();
    out[byStart.get(i + 1) as number] = respanned(place, i, place.end, canonical);
  }
  return out ?? (chosen as Candidate[]);
}

/**
 * Seats of government that the news name for the government itself ("Кремль заявил", "сайта
 * Кремля", "Даунинг-стрит назвала"): a place only where the text puts something in, at or near
 * the building ("в Кремле", "на Даунинг-стрит", "перед Белым домом"). Both corpora mark the
 * metonymic use as an organisation (nerel-train and nerel-dev: "Кремль" 30 times, "Белый дом"
 * 20, never a place).
 */
const SEATS_OF_GOVERNMENT = new Set([
  'Кремль',
  'Белый дом',
  'Капитолий',
  'Елисейский дворец',
  'Даунинг-стрит',
  'Смольный',
  'Уолл-стрит',
]);

const AT_PREPOSITIONS = new Set([
  'в',
  'во',
  'на',
  'у',
  'около',
  'возле',
  'близ',
  'вблизи',
  'перед',
  'над',
  'под',
  'из',
]);

/** Drops the seats of government that the text names as an institution. */
export function seatsAsInstitutions(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  return chosen.filter((c) => {
    if (c.type !== 'LOC' || !SEATS_OF_GOVERNMENT.has(c.canonical)) return true;
    const prep = tokenized.tokens[c.start - 1];
    return !!prep && prep.kind === 'word' && AT_PREPOSITIONS.has(prep.key);
  });
}

/** The words of the multi-word people among the spans (a place word may be a surname there). */
export function fullNameWords(tokenized: TokenizedText, spans: readonly Candidate[]): Set<string> {
  const out = new Set<string>();
  for (const c of spans) {
    if (c.type !== 'PER' || c.end - c.start < 2) continue;
    for (let k = c.start; k < c.end; k++) out.add((tokenized.tokens[k] as Token).key);
  }
  return out;
}

/**
 * A tagged "person" that is exactly a place of the lexicon, curated or learned from the train
 * corpus ("представительницы Южной Каролины", "с Виргинских островов", "селений Гимры"), is that
 * place, unless one of its words belongs to a person the text names in full ("Патриша Хьюстон",
 * then "Хьюстон").
 */
export function curatedPlaceNotPerson(
  tokenized: TokenizedText,
  c: Candidate,
  personWords: ReadonlySet<string>,
): Candidate {
  if (c.type !== 'PER') return c;
  const phrase = tokenized.phraseAt[c.start];
  if (!phrase || phrase.end !== c.end || phrase.entry.type !== 'LOC') return c;
  for (let k = c.start; k < c.end; k++)
    if (personWords.has((tokenized.tokens[k] as Token).key)) return c;
  return asPlace(c, phrase.entry.canonical);
}

/**
 * Places the tagger cut in two where the lexicon knows the whole ("Боснии | и | Герцеговине",
 * "Джамму и Кашмир"): a lexicon place that starts a chosen place and ends another, with nothing
 * chosen between but places, becomes one place.
 */
export function joinLexiconPlaces(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  let joined = false;
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k] as Candidate;
    const phrase = tokenized.phraseAt[c.start];
    let j = k + 1;
    if (c.type === 'LOC' && phrase?.entry.type === 'LOC' && phrase.end > c.end) {
      while (j < chosen.length && (chosen[j] as Candidate).type === 'LOC') {
        if ((chosen[j] as Candidate).end >= phrase.end) break;
        j++;
      }
      if (chosen[j]?.type === 'LOC' && chosen[j]?.end === phrase.end) {
        out.push(respanned(c, c.start, phrase.end, phrase.entry.canonical));
        joined = true;
        k = j;
        continue;
      }
    }
    out.push(c);
  }
  return joined ? out : (chosen as Candidate[]);
}

/** A chosen place ends right before token i, across "," or "и" ("Гимры и Унцукуль"). */
function placeBefore(tokenized: TokenizedText, isPlaceEnd: Uint8Array, i: number): boolean {
  const link = tokenized.tokens[i - 1];
  return !!link && (link.text === ',' || link.key === 'и') && isPlaceEnd[i - 1] === 1;
}

/**
 * Words listed with places are places ("в Фейсалабаде, Гуджранвале и Карачи", "селений Гимры и
 * Унцукуль", "Южной Каролины и Оклахомы"): a one-word "person", or a capitalised word nothing
 * took, joined by a comma or "и" to a place, is a place too when the dictionary knows it as no
 * name (first name, surname, patronymic) and the text names nobody in full with it; a word
 * nothing took must also be no capitalised adjective, abstract noun or role, nor a word the text
 * writes in lower case.
 */
export function placesInLists(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
  personWords: ReadonlySet<string>,
): Candidate[] {
  const { tokens } = tokenized;
  const n = tokens.length;
  // isPlaceEnd[i] = 1: token i + 1 is the link after a place ending at token i.
  const isPlaceEnd = new Uint8Array(n + 1);
  const isPlaceStart = new Uint8Array(n + 1);
  const taken = new Uint8Array(n);
  for (const c of chosen) {
    taken.fill(1, c.start, c.end);
    if (c.type !== 'LOC' || c.adjective) continue;
    isPlaceEnd[c.end] = 1;
    isPlaceStart[c.start] = 1;
  }
  const placeAfter = (i: number) =>
    (tokens[i + 1]?.text === ',' || tokens[i + 1]?.key === 'и') && isPlaceStart[i + 2] === 1;
  const listed = (i: number) => placeBefore(tokenized, isPlaceEnd, i) || placeAfter(i);
  // A tagged person needs more: "и" to a place, or places on both sides.
  const listedPerson = (i: number) =>
    (placeBefore(tokenized, isPlaceEnd, i) && (placeAfter(i) || tokens[i - 1]?.key === 'и')) ||
    (placeAfter(i) && tokens[i + 1]?.key === 'и');
  const nameLike = (i: number) => {
    const t = tokens[i] as Token;
    if (t.script !== 'cyr' || !isCapWord(tokenized, i) || personWords.has(t.key)) return false;
    return !tokenized.readings(i).some((r) => r.kind === 'F' || r.kind === 'S' || r.kind === 'P');
  };
  let changed = false;
  const out: Candidate[] = chosen.map((c) => {
    const one = c.type === 'PER' && c.end === c.start + 1;
    if (!one || !nameLike(c.start) || !listedPerson(c.start)) return c;
    changed = true;
    return asPlace(c, placeCanonical(tokenized, c.start, c.end));
  });
  for (let i = 1; i < n; i++) {
    const t = tokens[i] as Token;
    if (taken[i] || t.kind !== 'word' || t.sentenceStart || !nameLike(i) || !listed(i)) continue;
    const next = tokens[i + 1];
    // Capitalised adjectives, abstract and institution nouns and roles open other names
    // ("Государственный совет", "Движение в защиту …", "Президентом").
    if (ADJECTIVE.test(t.key) || ABSTRACT_NOUN.test(t.key) || tokenized.isRole[i]) continue;
    if (lowerCaseWords(tokenized).has(t.key)) continue;
    // A lexicon organisation is none ("Соединённые Штаты, Евросоюз, Китай").
    const phrase = tokenized.coveredBy[i];
    if (phrase && phrase.type !== 'LOC') continue;
    if (next?.gap === ' ' && next.shape === 'lower' && complementLike(next.key)) continue;
    if (next && next.gap === ' ' && isCapWord(tokenized, i + 1)) continue;
    changed = true;
    out.push(newCandidate(i, i + 1, 'LOC', placeCanonical(tokenized, i, i + 1), 1));
  }
  return changed ? out.sort((a, b) => a.start - b.start) : (chosen as Candidate[]);
}

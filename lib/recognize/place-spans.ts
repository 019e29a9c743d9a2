/**
 * Where a Russian place's span begins and ends, and which chosen spans are places: the merge
 * steps for places after the tagger (docs/recognition.md, "How it works"). The rules rest on how
 * Russian names places, checked against nerel-train; their figures are in docs/recognition.md.
 */

import { mapped } from '../arrays';
import { personForSpan } from './people';
import { ABSTRACT_NOUN, ADJECTIVE, complementLike, placeCanonical } from './places';
import { adjectiveNominative } from './russian';
import type { Candidate, TokenizedText } from './tokenized-text';
import {
  asPlace,
  isCapWord,
  lowerCaseWords,
  newCandidate,
  respanned,
  spanText,
  taggedCopy,
  takenTokens,
} from './tokenized-text';
import { nameShaped, type Token } from './tokens';

/**
 * A cardinal direction in the locative or genitive before a place in the genitive names a part
 * of it: "на востоке Украины", "юго-востоке Польши", "севера Мали" (nerel-train marks the part
 * as the place 33 times, the bare place once).
 */
const DIRECTION = /^((?:северо-|юго-)?(?:север|юг|запад|восток))(?:е|а|у|ом)?$/;

/**
 * In the centre or a suburb of a place: "в центре Тбилиси", "в пригороде Феникса" (after "в",
 * nerel-train and nerel-dev mark the part as the place 10 times, the bare place 3; other cases of
 * "центр" are mostly institutions, "культурного центра Германии").
 */
const PART = /^(центр|пригород)е$/;

/**
 * A direction adjective in lower case right before a place names a part of it: "восточной
 * Украины", "в центральном Афганистане", "южной Германии" (nerel-train and nerel-dev: inside the
 * place 5 times of 5).
 */
const DIRECTION_ADJECTIVE =
  /^(?:северо-|юго-)?(?:северн|южн|восточн|западн|центральн)(?:ый|ая|ое|ые|ого|ой|ому|ом|ую|ых|ым|ыми|ей)$/;

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
    if (t.shape === 'lower' && DIRECTION_ADJECTIVE.test(t.key) && isCapWord(tokenized, i + 1)) {
      const name = place.canonical;
      const gender = /[ая]$/.test(name) ? 'f' : /[оеё]$/.test(name) ? 'n' : 'm';
      const adjective = adjectiveNominative(t.key, gender, /[ыи]$/.test(name));
      out ??= chosen.slice();
      out[byStart.get(i + 1) as number] = respanned(place, i, place.end, `${adjective} ${name}`);
      continue;
    }
    if (t.shape === 'lower') {
      const before = tokens[i - 1];
      const inPart = before?.key === 'в' || before?.key === 'во';
      const m = DIRECTION.exec(t.key) ?? (inPart ? PART.exec(t.key) : null);
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
  const out: Candidate[] = mapped(chosen, (c) => {
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

/** The case forms of a noun from its stem and endings, keyed as tokens are (no «ё»). */
function forms(stems: readonly string[], endings: readonly string[]): string[] {
  return stems.flatMap((s) => endings.map((e) => s + e));
}

/**
 * Nouns of settlements, singular and plural, that the name of the settlement follows in apposition
 * ("в селе Дорогинка", "у села Хохотуй", "селений Гимры и Унцукуль", "в городе Дирем"): in
 * nerel-train and nerel-dev the capitalised word after one is the place (or starts it) 144 times,
 * a person 3 times (a mayor's name, "родным городом Каддафи"), anything else never.
 */
const SETTLEMENT_NOUNS = new Set([
  ...forms(['город', 'хутор', 'аул', 'кишлак'], ['', 'а', 'у', 'ом', 'е', 'ов', 'ам', 'ами', 'ах']),
  ...forms(['городк', 'поселк'], ['а', 'у', 'ом', 'е', 'и', 'ов', 'ам', 'ами', 'ах']),
  'городок',
  'поселок',
  ...forms(['сел'], ['о', 'а', 'у', 'ом', 'е', 'ам', 'ами', 'ах']),
  'сел',
  ...forms(['селени'], ['е', 'я', 'ю', 'ем', 'и', 'й', 'ям', 'ями', 'ях']),
  ...forms(['деревн'], ['я', 'и', 'е', 'ю', 'ей', 'ям', 'ями', 'ях']),
  'деревень',
  ...forms(['станиц'], ['а', 'ы', 'е', 'у', 'ей', 'ам', 'ами', 'ах']),
  ...forms(['местност'], ['ь', 'и', 'ью']),
]);

/** Longest name after a settlement noun, in words ("Светлый Яр", "Сазерленд Спрингс"). */
const MAX_SETTLEMENT_WORDS = 3;

/** A capitalised Cyrillic word that the dictionary reads as a person's name part. */
function personNamePart(tokenized: TokenizedText, i: number): boolean {
  return tokenized.readings(i).some((r) => r.kind === 'F' || r.kind === 'S' || r.kind === 'P');
}

/**
 * Names of settlements after a settlement noun that nothing took ("в селе Дорогинка", "поселка
 * Светлый Яр"): the capitalised Cyrillic words right after the noun, none read as a person's name
 * part, not the first of them a capitalised adjective standing alone, nor a role.
 */
export function placesAfterSettlementNouns(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  const { tokens } = tokenized;
  let taken: Uint8Array | null = null;
  let out: Candidate[] | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const noun = tokens[i] as Token;
    if (noun.shape !== 'lower' || noun.script !== 'cyr') continue;
    // After "в" and a place noun in the prepositional the name in apposition is the place's
    // whatever names it looks like ("в селе Солнцеве", "в районе Стретем", "в посёлке Привольный").
    const locative = locativePlaceNoun(tokens, i);
    if (!locative && !SETTLEMENT_NOUNS.has(noun.key)) continue;
    taken ??= takenTokens(tokenized, chosen);
    if (taken[i + 1]) {
      // A one-word "person" there that the dictionary does not read as a name ("селений Гимры").
      const list: readonly Candidate[] = out ?? chosen;
      const k = list.findIndex((c) => c.start === i + 1);
      const c = list[k];
      if (c?.type === 'LOC' && c.end === i + 2 && !tokenized.phraseAt[i + 1]?.entry.curated) {
        // A one-word place that the name goes on after ("в городе Сазерленд Спрингс").
        const end = nameAfter(tokenized, i + 2, taken, i + 1 + MAX_SETTLEMENT_WORDS);
        if (end > i + 2) {
          out ??= chosen.slice();
          out[k] = respanned(c, c.start, end, spanText(tokenized, i + 1, end));
        }
        continue;
      }
      if (c?.type !== 'PER' || c.end !== i + 2 || personNamePart(tokenized, i + 1)) continue;
      if ((tokens[i + 1] as Token).gap !== ' ' || (tokens[i + 1] as Token).script !== 'cyr')
        continue;
      out ??= chosen.slice();
      out[k] = asPlace(c, placeCanonical(tokenized, i + 1, i + 2));
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && end - i - 1 < MAX_SETTLEMENT_WORDS) {
      const w = tokens[end] as Token;
      if (w.gap !== ' ' || taken[end] || w.script !== 'cyr' || !isCapWord(tokenized, end)) break;
      if (tokenized.isRole[end] || (!locative && personNamePart(tokenized, end))) break;
      if (locative && end === i + 1 && obliqueFirstName(tokenized, end)) break;
      // An adjective after the name opens the next one ("селе Дуба-Юрт Чечено-Ингушской …").
      if (end > i + 1 && ADJECTIVE.test(w.key)) break;
      end++;
    }
    if (end === i + 1) continue;
    const first = tokens[i + 1] as Token;
    if (
      end === i + 2 &&
      ADJECTIVE.test(first.key) &&
      !(locative && NOMINATIVE_ADJECTIVE.test(first.key))
    )
      continue;
    if (tokenized.lex.capsNotNames.has(first.key)) continue;
    out ??= chosen.slice();
    const canonical =
      end === i + 2 ? placeCanonical(tokenized, i + 1, end) : spanText(tokenized, i + 1, end);
    out.push(newCandidate(i + 1, end, 'LOC', canonical, 1));
    i = end - 1;
  }
  return out ? out.sort((a, b) => a.start - b.start) : (chosen as Candidate[]);
}

/** "Республика" in any case form, capitalised or not. */
const REPUBLIC = new Set(forms(['республик'], ['а', 'и', 'е', 'у', 'ой', 'ою']));

/**
 * A state's official name of adjectives and "Республика" ("Кыргызской Республики", "Португальской
 * республики", "Приднестровской Молдавской Республике", "Автономной Республики Крым"): the
 * adjectives, the first capitalised, with the noun are one place, and so is a place right after
 * them. nerel-train and nerel-dev mark such a run a place (or inside one) 23 times out of 23.
 */
export function republicNames(tokenized: TokenizedText, chosen: readonly Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  for (let j = 1; j < tokens.length; j++) {
    const head = tokens[j] as Token;
    if (head.kind !== 'word' || head.script !== 'cyr' || !REPUBLIC.has(head.key)) continue;
    let start = j;
    while (start > 0 && j - start < 3) {
      const a = tokens[start - 1] as Token;
      if ((tokens[start] as Token).gap !== ' ' || a.kind !== 'word' || a.script !== 'cyr') break;
      if (a.key.length < 5 || !ADJECTIVE.test(a.key) || a.shape === 'upper') break;
      start--;
    }
    while (start < j && !isCapWord(tokenized, start)) start++;
    if (start === j) continue;
    let end = j + 1;
    const list: readonly Candidate[] = out ?? chosen;
    const next = list.find((c) => c.start === j + 1 && c.type === 'LOC' && !c.adjective);
    if (next && (tokens[j + 1] as Token).gap === ' ') end = next.end;
    // Only places may lie under the new span, and none may run past it.
    const place = newCandidate(start, end, 'LOC', spanText(tokenized, start, end), 1);
    const replaced = inPlaceOf(list, place, 'LOC');
    if (!replaced) continue;
    out = replaced;
    j = end - 1;
  }
  return out ?? (chosen as Candidate[]);
}

/**
 * The original Latin spelling in brackets after a place is that place ("Луисвилля (Louisville)",
 * "Даммартен-ан-Гоэль (Dammartin-en-Goële; …)", "Королевство Эсватини (Kingdom of Eswatini)"): a
 * bracket opening right after a place that does not end a longer capitalised name ("Университета
 * Барселоны (Universidad de Barcelona)"), holding Latin words up to ")", ";" or ",", no more
 * capitalised ones than the place has words plus one, not an abbreviation. In nerel-train and
 * nerel-dev the Latin after a place is a place 19 times, an organisation's or facility's name 9
 * times, all but two after a longer name or an abbreviation.
 */
export function latinAfterPlaces(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  for (const c of chosen) {
    if (c.type !== 'LOC' || c.adjective || tokens[c.end]?.text !== '(') continue;
    const before = tokens[c.start - 1];
    if (
      before &&
      before.gap === ' ' &&
      !(tokens[c.start] as Token).sentenceStart &&
      nameShaped(before)
    )
      continue;
    let k = c.end + 1;
    let caps = 0;
    while (k < tokens.length && k < c.end + 8) {
      const t = tokens[k] as Token;
      if (t.kind !== 'word' || t.script !== 'lat') break;
      if (t.shape === 'upper') {
        caps = -1;
        break;
      }
      if (/^\p{Lu}/u.test(t.text)) caps++;
      else if (k === c.end + 1) break;
      k++;
    }
    const close = tokens[k]?.text;
    if (caps < 1 || caps > c.end - c.start + 1 || (close !== ')' && close !== ';' && close !== ','))
      continue;
    out = inPlaceOf(out ?? chosen, newCandidate(c.end + 1, k, 'LOC', c.canonical, 1), 'PER') ?? out;
  }
  return out ?? (chosen as Candidate[]);
}

/**
 * `list` with `span` in place of the candidates it overlaps, when all of those are of `type` and
 * lie inside it (sorted by start); null when another candidate stands in the way.
 */
function inPlaceOf(
  list: readonly Candidate[],
  span: Candidate,
  type: Candidate['type'],
): Candidate[] | null {
  const overlaps = (c: Candidate) => c.start < span.end && span.start < c.end;
  if (
    list.some((c) => overlaps(c) && (c.type !== type || c.start < span.start || c.end > span.end))
  )
    return null;
  const kept = list.filter((c) => !overlaps(c));
  kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}

/** Region nouns in the plural ("областей", "районах"), after adjectives joined by "и" or ",". */
const REGION_PLURALS = new Set([
  ...forms(['област'], ['ей', 'ям', 'ями', 'ях']),
  ...forms(['район', 'округ'], ['ов', 'ам', 'ами', 'ах']),
  ...forms(['кра'], ['ев', 'ям', 'ями', 'ях']),
  ...forms(['провинци'], ['й', 'ям', 'ями', 'ях']),
]);

/**
 * The last of several regions named by adjectives that share a plural noun is a place with the
 * noun ("Ярославской и Владимирской областей", "Томской, Новосибирской и Калининградской
 * областях": so in nerel-train and nerel-dev, 3 times of 3); the adjectives before it are place
 * adjectives.
 */
export function sharedRegionNouns(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  for (let j = 3; j < tokens.length; j++) {
    const noun = tokens[j] as Token;
    if (noun.shape !== 'lower' || noun.gap !== ' ' || !REGION_PLURALS.has(noun.key)) continue;
    const a = tokens[j - 1] as Token;
    const link = tokens[j - 2] as Token;
    if (!isCapWord(tokenized, j - 1) || a.gap !== ' ' || !/(?:ой|ей|ого|его)$/.test(a.key))
      continue;
    if (link.key !== 'и' && link.text !== ',') continue;
    if (!isCapWord(tokenized, j - 3) || !ADJECTIVE.test((tokens[j - 3] as Token).key)) continue;
    const place = newCandidate(j - 1, j + 1, 'LOC', spanText(tokenized, j - 1, j + 1), 1);
    out = inPlaceOf(out ?? chosen, place, 'LOC') ?? out;
  }
  return out ?? (chosen as Candidate[]);
}

/** The end of a place that token i opens, if the lexicon or the gazetteer knows one there. */
function knownPlaceEnd(tokenized: TokenizedText, i: number, limit: number): number {
  const phrase = tokenized.phraseAt[i];
  if (phrase?.entry.type === 'LOC' && phrase.end <= limit) return phrase.end;
  if (tokenized.lex.placeRu((tokenized.tokens[i] as Token).key)) return i + 1;
  const readings = tokenized.readings(i);
  return readings.length > 0 && readings.every((r) => r.kind === 'G') ? i + 1 : -1;
}

/**
 * A tagged person that opens with a place and goes on with a full name ("премьер-министр Дании
 * Хелле Торнинг-Шмитт", "житель Санта-Фе Димитриос Пагуртзис"): the place that a role or a noun
 * governs in the genitive, then the person. The first word must be no first name or surname the
 * dictionary knows ("Сальвадора Дали", "Владимира Путина" stay whole), and at least two
 * capitalised words must follow it.
 */
export function placesBeforeNames(tokenized: TokenizedText, names: Candidate[]): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < names.length; n++) {
    const c = names[n] as Candidate;
    const end = placeBeforeName(tokenized, c);
    if (end < 0) {
      out?.push(c);
      continue;
    }
    out ??= names.slice(0, n);
    const place = newCandidate(
      c.start,
      end,
      'LOC',
      placeCanonical(tokenized, c.start, end),
      c.tier,
    );
    out.push(taggedCopy(place, c.tier));
    out.push(taggedCopy(personForSpan(tokenized, end, c.end), c.tier));
  }
  return out ?? names;
}

/** Where the place that opens person span c ends, or -1 (placesBeforeNames). */
function placeBeforeName(tokenized: TokenizedText, c: Candidate): number {
  if (c.type !== 'PER' || c.end - c.start < 3) return -1;
  const t = tokenized.tokens[c.start] as Token;
  if (t.script !== 'cyr' || t.shape !== 'title') return -1;
  const end = knownPlaceEnd(tokenized, c.start, c.end - 2);
  if (end < 0) return -1;
  if (tokenized.readings(c.start).some((r) => r.kind !== 'G')) {
    // A curated place that is also a first name ("Дании", "Сальвадора") only before a word that
    // can open a name, no surname ("Сальвадора Франсиско Флорес", not "Питер Хиггс").
    const phrase = tokenized.phraseAt[c.start];
    if (!phrase?.entry.curated || phrase.entry.type !== 'LOC') return -1;
    const next = tokenized.readings(end);
    if (next.length > 0 && !next.some((r) => r.kind === 'F')) return -1;
  }
  for (let k = end; k < c.end; k++) if (!nameShaped(tokenized.tokens[k] as Token)) return -1;
  return end;
}

/**
 * Place nouns in the prepositional singular: after "в"/"на" they say where, and the capitalised
 * name in apposition after them is that place's ("в графстве Кент", "в городе Дирем", "в штате
 * Южная Дакота", "в районе Мохаммед Ага"), whatever names it looks like.
 */
const LOCATIVE_PLACE_NOUNS = new Set([
  'городе',
  'городке',
  'селе',
  'деревне',
  'поселке',
  'местечке',
  'станице',
  'микрорайоне',
  'районе',
  'округе',
  'штате',
  'графстве',
  'провинции',
  'префектуре',
  'коммуне',
]);

/** A place noun of LOCATIVE_PLACE_NOUNS at token i after "в"/"на", maybe with an adjective. */
function locativePlaceNoun(tokens: readonly Token[], i: number): boolean {
  const noun = tokens[i];
  if (noun?.kind !== 'word' || noun.shape !== 'lower' || !LOCATIVE_PLACE_NOUNS.has(noun.key))
    return false;
  let k = i - 1;
  const adj = tokens[k];
  if (adj?.shape === 'lower' && /(?:ом|ем|ой|ей)$/.test(adj.key)) k--;
  const prep = tokens[k];
  return prep?.kind === 'word' && (prep.key === 'в' || prep.key === 'во' || prep.key === 'на');
}

/**
 * People right after a place noun in the prepositional after "в"/"на" (LOCATIVE_PLACE_NOUNS)
 * are that place: nobody is "в городе" a person.
 */
export function peopleAfterLocativePlaceNouns(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || (tokenized.tokens[c.start] as Token).gap !== ' ') continue;
    if (!locativePlaceNoun(tokenized.tokens, c.start - 1)) continue;
    // A first name the dictionary reads only in an oblique case opens a person a noun before
    // governs ("полпреда президента в округе Виктора Ишаева"); names in apposition agree with
    // the noun or stand in the nominative.
    if (obliqueFirstName(tokenized, c.start)) continue;
    out ??= chosen.slice();
    out[n] = asPlace(c, placeCanonical(tokenized, c.start, c.end));
  }
  return out ?? (chosen as Candidate[]);
}

/** A nominative adjective, which cannot agree with a noun in the prepositional: a name. */
const NOMINATIVE_ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее)$/;

/** Token i reads as a first name, and only in an oblique case. */
function obliqueFirstName(tokenized: TokenizedText, i: number): boolean {
  const first = tokenized.readings(i).filter((r) => r.kind === 'F');
  return first.length > 0 && first.every((r) => r.codes.every((code) => code[0] !== 'n'));
}

/**
 * The end of the capitalised Cyrillic words from token `from` on (before `limit`) that no span
 * took and that are no name part, role or adjective: the rest of a settlement's name.
 */
function nameAfter(tokenized: TokenizedText, from: number, taken: Uint8Array, limit: number) {
  let end = from;
  while (end < Math.min(limit, tokenized.tokens.length)) {
    const w = tokenized.tokens[end] as Token;
    if (w.gap !== ' ' || taken[end] || w.script !== 'cyr' || !isCapWord(tokenized, end)) break;
    if (tokenized.isRole[end] || personNamePart(tokenized, end) || ADJECTIVE.test(w.key)) break;
    if (lowerCaseWords(tokenized).has(w.key)) break;
    end++;
  }
  return end;
}

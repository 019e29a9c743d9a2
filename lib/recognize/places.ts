/**
 * Russian place rules beyond the phrase lexicon: single-word dictionary places (OpenCorpora) in
 * any case form, regions named by an adjective ("Гегаркуникской области", "Советском районе"),
 * names after a place noun ("в городе Пауэй", "провинции Хунань"), and an adjective joined to a
 * known place ("Новой Шотландии").
 */

import { displayLike } from './display-names';
import { adjectiveNominative, looksLikeVerb } from './russian';
import {
  isCapWord,
  lowerCaseWords,
  newCandidate,
  spanText,
  type TokenizedText,
} from './tokenized-text';
import { keyOf, quotedName, type Token } from './tokens';

/** Prepositions after which a capitalised word that could be a name is more likely a place. */
const PLACE_PREPOSITIONS = new Set([
  'в',
  'во',
  'из',
  'на',
  'под',
  'над',
  'до',
  'через',
  'около',
  'возле',
  'близ',
  'вблизи',
  'из-под',
]);

export const ADJECTIVE =
  /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей)$/;

interface Noun {
  lemma: string;
  gender: 'm' | 'f' | 'n';
}

function nounForms(lemma: string, gender: 'm' | 'f' | 'n', stem: string, endings: string[]) {
  return endings.map((e) => [stem + e, { lemma, gender }] as const);
}

/** Region nouns that follow an adjective name ("Курская область", "Советский район"). */
const REGION_NOUNS = new Map<string, Noun>([
  ...nounForms('область', 'f', 'област', ['ь', 'и', 'ью']),
  ...nounForms('район', 'm', 'район', ['', 'а', 'у', 'ом', 'е']),
  ...nounForms('край', 'm', 'кра', ['й', 'я', 'ю', 'ем', 'е']),
  ...nounForms('округ', 'm', 'округ', ['', 'а', 'у', 'ом', 'е']),
  ...nounForms('уезд', 'm', 'уезд', ['', 'а', 'у', 'ом', 'е']),
  ...nounForms('провинция', 'f', 'провинци', ['я', 'и', 'ю', 'ей']),
  ...nounForms('префектура', 'f', 'префектур', ['а', 'ы', 'е', 'у', 'ой']),
  ...nounForms('графство', 'n', 'графств', ['о', 'а', 'у', 'ом', 'е']),
  ...nounForms('волость', 'f', 'волост', ['ь', 'и', 'ью']),
]);

/**
 * What a lower-case place noun says of the capitalised name after it: a settlement's name
 * ("в городке Сан-Ладзаро-ди-Савена"), an administrative unit's or island's, whose heads and
 * officers are also named after it ("полиции округа Йорам Ха-Леви"), or another feature's.
 */
export type PlaceNounKind = 'settlement' | 'unit' | 'feature';

const MASCULINE = ['', 'а', 'у', 'ом', 'е'];
const NEUTER = ['о', 'а', 'у', 'ом', 'е'];
const FEMININE = ['я', 'а', 'и', 'ы', 'е', 'ю', 'у', 'ей', 'ой'];

/** Every case form of the singular, keyed without «ё» like token keys. */
const PLACE_NOUNS = new Map<string, PlaceNounKind>(
  (
    [
      ['settlement', ['город', 'аул', 'кишлак', 'хутор'], MASCULINE],
      ['settlement', ['городк', 'поселк'], MASCULINE.slice(1)],
      ['settlement', ['городок', 'поселок'], ['']],
      ['settlement', ['местност'], ['ь', 'и', 'ью']],
      ['settlement', ['сел'], NEUTER],
      ['settlement', ['деревн', 'станиц', 'коммун'], FEMININE],
      ['unit', ['район', 'округ', 'штат', 'остров'], MASCULINE],
      ['unit', ['озер', 'графств', 'княжеств'], NEUTER],
      ['unit', ['провинци', 'префектур'], FEMININE],
      ['feature', ['порт'], MASCULINE],
      ['feature', ['рек', 'столиц'], FEMININE],
    ] as const
  ).flatMap(([kind, stems, endings]) =>
    stems.flatMap((stem) => endings.map((e) => [stem + e, kind] as const)),
  ),
);

/** The kind of place a lower-case token key names, if it is a place noun. */
export function placeNounKind(key: string): PlaceNounKind | undefined {
  return PLACE_NOUNS.get(key);
}

function nominativeNoun(noun: Noun): string {
  return noun.lemma;
}

/** A place's canonical name: the lexicon's, a one-word place's nominative, or the text. */
export function placeCanonical(tokenized: TokenizedText, start: number, end: number): string {
  const phrase = tokenized.phraseAt[start];
  if (phrase?.entry.curated && phrase.end === end && phrase.entry.type === 'LOC')
    return phrase.entry.canonical;
  // A world city's GeoNames name before a learned lemma ("Балтимор", not the guessed "Балтиморё").
  const city =
    tokenized.lang === 'ru'
      ? tokenized.lex.placeRu(keyOf(tokenized.tokens, start, end))
      : undefined;
  if (city) return city;
  if (phrase && phrase.end === end && phrase.entry.type === 'LOC') return phrase.entry.canonical;
  const first = tokenized.tokens[start] as Token;
  if (end === start + 1 && first.script === 'cyr') {
    const g = tokenized.readings(start).find((r) => r.kind === 'G');
    if (g) return displayLike(tokenized.lex.nominative(g.lemma), first.text);
  }
  return spanText(tokenized, start, end);
}

/** Single-word dictionary places ("Бишкеке", "Кинешмой"). */
function dictionaryPlace(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  const caps = t.shape === 'upper' && t.text.length > 2;
  if (!isCapWord(tokenized, i) && !caps) return;
  const readings = tokenized.readings(i);
  const place = readings.find((r) => r.kind === 'G');
  if (!place) return;
  const ambiguous = place.lemma.ambiguous;
  const prev = tokenized.tokens[i - 1];
  const afterPreposition = !!prev && prev.kind === 'word' && PLACE_PREPOSITIONS.has(prev.key);
  if (ambiguous && (t.sentenceStart || caps || tokenized.capsLine[i]) && !afterPreposition) return;
  const person = readings.some((r) => r.kind !== 'G');
  if ((person || ambiguous) && !afterPreposition) return;
  const canonical = displayLike(tokenized.lex.nominative(place.lemma), t.text);
  tokenized.candidates.push(newCandidate(i, i + 1, 'LOC', canonical, 2));
}

/** "Гегаркуникской области", "Западного административного округа". */
function adjectiveRegion(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  if (!isCapWord(tokenized, i) || !ADJECTIVE.test(t.key)) return;
  const adjectives = [i];
  let j = i + 1;
  while (j < tokenized.tokens.length && adjectives.length < 3) {
    const w = tokenized.tokens[j] as Token;
    if (w.gap !== ' ' || w.kind !== 'word' || w.shape !== 'lower' || !ADJECTIVE.test(w.key)) break;
    adjectives.push(j);
    j++;
  }
  const head = tokenized.tokens[j];
  if (head?.gap !== ' ' || head.shape !== 'lower') return;
  const noun = REGION_NOUNS.get(head.key);
  if (!noun) return;
  const words = adjectives.map((k) => {
    const w = tokenized.tokens[k] as Token;
    const nom = adjectiveNominative(w.key, noun.gender, false);
    return k === i ? displayLike(nom, w.text) : nom;
  });
  const canonical = `${words.join(' ')} ${nominativeNoun(noun)}`;
  tokenized.candidates.push(newCandidate(i, j + 1, 'LOC', canonical, 3));
}

/** "в городе Пауэй", "провинции Хунань", "графство Эссекс". */
function afterPlaceNoun(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  if (t.shape !== 'lower' || !PLACE_NOUNS.has(t.key)) return;
  const n = i + 1;
  const w = tokenized.tokens[n];
  if (w?.gap !== ' ' || !isCapWord(tokenized, n) || w.script !== 'cyr') return;
  if (tokenized.coveredBy[n] || tokenized.isRole[n]) return;
  const readings = tokenized.readings(n);
  if (readings.some((r) => r.kind === 'F' || r.kind === 'S' || r.kind === 'P')) return;
  if (tokenized.lex.capsNotNames.has(w.key) || ADJECTIVE.test(w.key)) return;
  const canonical = placeCanonical(tokenized, n, n + 1);
  tokenized.candidates.push(newCandidate(n, n + 1, 'LOC', canonical, 2));
}

/** "Новой Шотландии", "Западном Иерусалиме": an adjective joined to a known one-word place. */
function adjectivePlusPlace(tokenized: TokenizedText, i: number): void {
  const m = tokenized.phraseAt[i];
  if (m?.entry.type !== 'LOC' || m.end !== i + 1) return;
  const prev = tokenized.tokens[i - 1];
  const t = tokenized.tokens[i] as Token;
  if (!prev || t.gap !== ' ' || !isCapWord(tokenized, i - 1) || prev.sentenceStart) return;
  if (!ADJECTIVE.test(prev.key) || tokenized.coveredBy[i - 1] || tokenized.readings(i - 1).length)
    return;
  const canonical = m.entry.canonical;
  const gender = /[ая]$/.test(canonical) ? 'f' : /[оеё]$/.test(canonical) ? 'n' : 'm';
  const plural = /[ыи]$/.test(canonical);
  const adj = displayLike(adjectiveNominative(prev.key, gender, plural), prev.text);
  tokenized.candidates.push(newCandidate(i - 1, i + 1, 'LOC', `${adj} ${canonical}`, 3));
}

export function proposePlaces(tokenized: TokenizedText): void {
  if (tokenized.lang !== 'ru') return;
  const { tokens } = tokenized;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || t.script !== 'cyr') continue;
    if (t.shape === 'lower') {
      afterPlaceNoun(tokenized, i);
      continue;
    }
    dictionaryPlace(tokenized, i);
    adjectiveRegion(tokenized, i);
    adjectivePlusPlace(tokenized, i);
  }
}

/**
 * Abstract and institution nouns: "Стратегии", "Объединении", "Министерстве", "Рособрнадзоре",
 * "Театре", "Матчах".
 */
export const ABSTRACT_NOUN =
  /(?:ии|ени[еияю]|ств[еоау]|ост[иь]|(?:надзор|комитет|совет|центр|институт|университет|театр|музе|матч|банк|фонд|суд|клуб|колледж|лице|мир)(?:а|у|е|ом|ах|ы|ов)?)$/;

/**
 * A lower-case word that reads as the genitive complement of a noun before it ("Институте
 * русского языка", "Гильдии продюсеров"): the capitalised word is then a common noun opening a
 * name. Past-tense verbs ("в Портапике стала") do not count.
 */
export function complementLike(key: string): boolean {
  return (
    key.length > 3 && /(?:а|я|ы|и|ов|ев|ей|ого|его|ой|их|ых)$/.test(key) && !looksLikeVerb(key)
  );
}

/** Prepositions of location and direction that take a settlement ("в Портапике", "из Торгау"). */
const LOCATIVE_PREPOSITIONS = new Set(['в', 'во', 'из', 'близ', 'вблизи', 'около', 'возле']);

/**
 * Unknown one-word names right after a locative preposition, that nothing else took: places
 * ("в Портапике", "в Наньпине", "из Торгау"). The word must be capitalised inside a sentence, stand
 * alone (no capitalised word after it), be no dictionary name but a place, not look like a Russian
 * surname, and not be quoted; the tagger's organisations ("в Газпроме") block it unless `open`
 * (unquotedOrganisations) marks the word a one-word organisation that placeNamedLikeOrganisation
 * reads as a place.
 */
export function placesAfterPrepositions(
  tokenized: TokenizedText,
  taken: Uint8Array,
  open?: Int32Array,
): { start: number; end: number }[] {
  const { tokens } = tokenized;
  const out: { start: number; end: number }[] = [];
  let lower: Set<string> | null = null;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const organisation = !!taken[i] && open?.[i] === i + 1;
    if ((taken[i] && !organisation) || t.kind !== 'word' || t.script !== 'cyr') continue;
    if (t.shape !== 'title') continue;
    if (organisation && !placeNamedLikeOrganisation(tokenized, i)) continue;
    if (t.sentenceStart || t.gap !== ' ' || tokenized.isRole[i]) continue;
    const prep = tokens[i - 1] as Token;
    const lowerPrep = prep.shape === 'lower' || prep.sentenceStart;
    if (prep.kind !== 'word' || !lowerPrep || !LOCATIVE_PREPOSITIONS.has(prep.key)) continue;
    const next = tokens[i + 1];
    if (next && next.gap === ' ' && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) continue;
    if (next && next.gap === '' && next.text !== '.' && next.text !== ',') continue;
    // Inner capitals only after a hyphen: a compound place name ("в Оксон-Хилле", "в
    // Сазерленд-Спрингс"), not a company's camel case ("во ВКонтакте").
    if (tokenized.lex.capsNotNames.has(t.key) || /[^-]\p{Lu}/u.test(t.text)) continue;
    // A compound ending in a lower-case common noun names a facility ("в Гайд-парке").
    if (/-\p{Ll}+$/u.test(t.text)) continue;
    // Capitalised adjectives and abstract nouns open names of institutions and documents
    // ("в Следственном управлении", "в Стратегии развития", "в Министерстве юстиции").
    if (ADJECTIVE.test(t.key) || ABSTRACT_NOUN.test(t.key)) continue;
    if (next?.gap === ' ' && next.shape === 'lower' && complementLike(next.key)) continue;
    lower ??= lowerCaseWords(tokenized);
    if (lower.has(t.key)) continue;
    const readings = tokenized.readings(i);
    if (readings.some((r) => r.kind !== 'G')) continue;
    if (/(?:ов|ев|ин|ын|ск|цк)(?:а|у|ым|ом|е|ой|ого|ому|им)?$/.test(t.key)) continue;
    out.push({ start: i, end: i + 1 });
  }
  return out;
}

/**
 * A one-word name the tagger read as an organisation that is a place after a locative preposition
 * all the same: a noun in the prepositional after "в" ("в Мармарисе", "в Уинчестере": where
 * something is), or a compound name whose last part is capitalised ("в Сазерленд-Спрингс", "в
 * Парк-Сити": how foreign place names are spelt, nearly always a place after a locative
 * preposition). Organisations the lexicon's curated list knows ("в Минздраве", "в Конгрессе")
 * stay organisations (figures in docs/recognition.md).
 */
function placeNamedLikeOrganisation(tokenized: TokenizedText, i: number): boolean {
  if (tokenized.phraseAt[i]?.entry.type === 'ORG') return false;
  const prep = tokenized.tokens[i - 1] as Token;
  const t = tokenized.tokens[i] as Token;
  if ((prep.key === 'в' || prep.key === 'во') && t.key.endsWith('е')) return true;
  return /-\p{Lu}[^-]*$/u.test(t.text);
}

/** Longest world-city name tried, in tokens ("Нёйи - сюр - Сен"). */
const MAX_CITY_TOKENS = 6;

/**
 * The end of each of the tagger's organisations by its first token, unquoted ones only (quotes
 * mark a club or company named after its town: «Уигана»): an organisation whose words are exactly
 * a world city's name is the city ("в Балтиморе", "из Арлингтона"), as an organisation named after
 * a city is written with its noun ("Университета Рочестера") or in quotes (gazetteerPlaces), and a
 * one-word one may be a place after a locative preposition (placesAfterPrepositions).
 */
export function unquotedOrganisations(
  tokenized: TokenizedText,
  picked: readonly { start: number; end: number; type: string }[],
): Int32Array | undefined {
  let out: Int32Array | undefined;
  for (const c of picked) {
    if (c.type !== 'ORG' || quotedName(tokenized.tokens, c.start, c.end)) continue;
    out ??= new Int32Array(tokenized.tokens.length);
    out[c.start] = c.end;
  }
  return out;
}

/**
 * World cities of the gazetteer (lexicon placesRu, GeoNames) on tokens no span took ("в
 * Балтиморе", "мексиканском Канкуне"), or on exactly an organisation span of `open` (its end by
 * its first token: unquotedOrganisations): capitalised Cyrillic names, not the end of a longer
 * capitalised name ("Пуэрто Антекера"), not the start of one unless after a locative preposition
 * ("Берни Сандерса" stays a person's), not written in lower case elsewhere in the text, not a first
 * name or surname the lexicon knows.
 */
export function gazetteerPlaces(
  tokenized: TokenizedText,
  taken: Uint8Array,
  open?: Int32Array,
): { start: number; end: number; canonical: string }[] {
  const { tokens } = tokenized;
  const out: { start: number; end: number; canonical: string }[] = [];
  let lower: Set<string> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const openEnd = open?.[i] ?? 0;
    if ((taken[i] && !openEnd) || t.kind !== 'word' || t.script !== 'cyr' || t.shape !== 'title')
      continue;
    // The longest name tried ends before the next token a span took, or where the organisation
    // opening here ends; other names of several tokens are tried only where a city's may start
    // with this word.
    let limit = i + 1;
    if (openEnd) limit = openEnd;
    else if (tokenized.lex.cityStarts(t.key))
      while (limit < Math.min(tokens.length, i + MAX_CITY_TOKENS) && !taken[limit]) limit++;
    let end = -1;
    let canonical: string | undefined;
    for (let j = limit; j > (openEnd ? limit - 1 : i); j--) {
      if ((tokens[j - 1] as Token).kind !== 'word') continue;
      canonical = tokenized.lex.placeRu(keyOf(tokens, i, j));
      if (canonical) {
        end = j;
        break;
      }
    }
    if (!canonical) continue;
    const prev = tokens[i - 1];
    if (t.gap === ' ' && prev?.kind === 'word' && prev.shape !== 'lower' && !t.sentenceStart)
      continue;
    const afterPreposition =
      !!prev && prev.kind === 'word' && prev.shape === 'lower' && PLACE_PREPOSITIONS.has(prev.key);
    const next = tokens[end];
    if (
      next?.gap === ' ' &&
      next.kind === 'word' &&
      /^\p{Lu}/u.test(next.text) &&
      !afterPreposition
    )
      continue;
    if (end === i + 1) {
      if (tokenized.readings(i).some((r) => r.kind !== 'G')) continue;
      lower ??= lowerCaseWords(tokenized);
      if (lower.has(t.key)) continue;
    }
    out.push({ start: i, end, canonical });
    i = end - 1;
  }
  return out;
}

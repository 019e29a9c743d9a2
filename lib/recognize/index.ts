/**
 * Glossa's recognizer, pure TypeScript, synchronous, no I/O: finds people, places and treaty
 * terms in Russian and English news (docs/recognition.md), and only country names in other languages.
 * recognizeText is the pipeline: the lexicon and rules propose, the tagger tags, and the merge
 * below picks one reading per token (docs/recognition.md, "How it works").
 */
import { appendAll, mapped } from '../arrays';
import type { Mention, RecognizeOptions, Recognizer } from '../entities';
import { applyCueNouns, cuedPeople } from './cue-nouns';
import { eastAsianNamesEn } from './east-asian-en';
import {
  abbreviationsNotPeople,
  dropCommonWordPeople,
  dropCompanyPeople,
  englishDatelines,
  FUNCTION_WORDS_EN,
  organisationNounNames,
  organisationsNotPeople,
  partOfEnglishName,
  placesNotPeople,
  surnamesOverPlaces,
} from './english';
import { entityIdOf, personNominative } from './entity-ids';
import { groupPeople } from './group';
import { pickLanguage } from './language';
import { getLexicon, type Lexicon, type WordReading } from './lexicon';
import type { TaggedSpan } from './model/tagger';
import type { LoadedModel } from './model/weights';
import { nameEdges } from './name-edges';
import { markRecurrences } from './one-sense';
import { surnamesWithPatronymics } from './patronymic-names';
import {
  bracketedOriginals,
  complementedNotPeople,
  firstNameBeforeSurname,
  firstNameFromText,
  functionWordsNotPeople,
  INFLECTED_ABBREVIATION,
  joinAcrossParticles,
  joinNicknames,
  juniorSeniorNames,
  latinInBrackets,
  latinNamesNotPeople,
  particlesAndNumbers,
  REGNAL_NUMBER,
  spelledFirstNames,
  splitPeople,
  surnameAfterFirstName,
  surnamePlacesAfterFirstName,
} from './person-spans';
import { placeFirstNames } from './place-first-names';
import {
  curatedPlaceNotPerson,
  fullNameWords,
  joinLexiconPlaces,
  latinAfterPlaces,
  peopleAfterLocativePlaceNouns,
  placesAfterSettlementNouns,
  placesBeforeNames,
  placesInLists,
  republicNames,
  seatsAsInstitutions,
  sharedRegionNouns,
  widenPlaces,
} from './place-spans';
import {
  gazetteerPlaces,
  placeNounKind,
  placesAfterPrepositions,
  unquotedOrganisations,
} from './places';
import { proposeAll, ruleCodes } from './rules';
import { treatyHead } from './russian';
import { selectCandidates } from './select';
import { getTagger, taggedCandidates, tagSpans } from './tagged';
import { territorialTitles } from './territorial-titles';
import {
  type Candidate,
  createTokenizedText,
  newCandidate,
  respanned,
  spanText,
  type TokenizedText,
  taggedCopy,
  takenTokens,
  uniformCandidate,
} from './tokenized-text';
import { hasNumberChar, nameShaped, quotedName, type Token, tokenize } from './tokens';

export const RECOGNIZER_ID = 'glossa-tagger-1';

/**
 * How the tagger's spans and the rules' candidates combine (measured on the dev splits; see
 * docs/recognition.md). Exposed for scripts/eval.ts experiments; the defaults are what ships.
 */
export interface MergePolicy {
  /** Mark places written as adjectives: 0 never, 1 capitalised ones only, 2 all ("российских"). */
  adjectives: number;
  /** Rule candidates of at least this tier are kept where the tagger found nothing. */
  fallbackTier: number;
  /** Apply the rules' English name filter ("U.S. Open") to tagged places too. */
  filterTagged: boolean;
  /** Add lone surnames of people named in full elsewhere in the text. */
  groupLone: boolean;
  /** Mark the other spans written exactly as a person's name (one-sense.ts). */
  recurrences: boolean;
}

export const DEFAULT_POLICY: MergePolicy = {
  adjectives: 0,
  fallbackTier: 4,
  filterTagged: false,
  groupLone: true,
  recurrences: true,
};

let policy: MergePolicy = { ...DEFAULT_POLICY };

/** For experiments only (scripts/eval.ts --policy). */
export function setMergePolicy(p: Partial<MergePolicy>): void {
  policy = { ...DEFAULT_POLICY, ...p };
}

/** Words the tagger sometimes takes for names that a reader never wants marked as one. */
const NEVER_ALONE = new Set(['север', 'юг', 'запад', 'восток', 'договор', 'соглашение']);

/** A tagged span no reader would call a person or place: a treaty head noun, "Север"/"Юг", a code. */
function implausible(tokenized: TokenizedText, c: Candidate): boolean {
  // A code, not a name ("SARS-CoV-2", "F-16"): no person in the train splits has a digit.
  if (c.type === 'PER') {
    for (let k = c.start; k < c.end; k++)
      if (hasNumberChar((tokenized.tokens[k] as Token).text)) return true;
  }
  if (c.end !== c.start + 1) return false;
  const t = tokenized.tokens[c.start] as Token;
  if (c.type === 'PER' && INFLECTED_ABBREVIATION.test(t.text)) return true;
  if (t.script === 'lat' && FUNCTION_WORDS_EN.has(t.key)) return true;
  return NEVER_ALONE.has(t.key) || (c.type === 'PER' && !!treatyHead(t.key));
}

function keepAdjective(tokenized: TokenizedText, c: Candidate): boolean {
  if (!c.adjective) return true;
  if (policy.adjectives >= 2) return true;
  return policy.adjectives === 1 && (tokenized.tokens[c.start] as Token).shape !== 'lower';
}

/**
 * In Russian text a place written in Latin letters is nearly always part of a foreign name
 * ("The Washington Post", "Weibo", "Carolina Panthers", "Victoria's Secret"), unless it is a
 * place the lexicon knows or the original spelling in brackets ("Тарнак (Tarnak)"). Dropping them
 * raised place precision on both Russian dev splits and lost no place (docs/recognition.md,
 * "Measured figures behind the rules").
 */
function latinNameInRussian(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.type !== 'LOC' || (tokenized.tokens[c.start] as Token).script !== 'lat') return false;
  if (tokenized.tokens[c.start - 1]?.text === '(') return false;
  const phrase = tokenized.phraseAt[c.start];
  return !(phrase && phrase.end === c.end && phrase.entry.type === 'LOC');
}

/**
 * In Russian text a lone capitalised Latin word taken for a person is mostly a company, a team or
 * an English word ("Monsanto", "StubHub", "Christie's", "God bless"): no person unless it is an
 * English given name (lexicon or Moby lists: "Peter", "Jonas"), the original spelling in brackets,
 * or written otherwise (capitals "PSY", "TJ"; "Jay-Z", "AaronSw"). Measured on the NEREL
 * cross-validation folds (docs/recognition.md).
 */
function latinWordNotPersonInRussian(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.type !== 'PER' || c.end !== c.start + 1) return false;
  const t = tokenized.tokens[c.start] as Token;
  if (t.script !== 'lat' || !/^[A-Z][a-z]+$/.test(t.text)) return false;
  if (tokenized.tokens[c.start - 1]?.text === '(') return false;
  return !tokenized.lex.isGivenNameEn(t.key);
}

/** Words before a quoted nickname: "по прозвищу «Крокодил»", "с позывным «Гордон»", "известный как". */
const NICKNAME_CUE = /^(?:прозвищ|позывн|псевдоним|ник|кличк|как$)/;

/**
 * Russian quotes mark the names of works, companies, bands, ships and events, named after people
 * or not («Жанна», «Порше», «Борис Годунов», «Лаборатории Касперского»): a person span that is
 * exactly a quoted name is none, unless it is a nickname — after a nickname word, or between
 * the parts of a name ("Джеймс «Бадди» Макгирт"). 13 of the 8,702 NEREL people are quoted so,
 * most of them nicknames (docs/recognition.md).
 */
function quotedNotPersonInRussian(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.type !== 'PER' || !quotedName(tokenized.tokens, c.start, c.end)) return false;
  const cue = tokenized.tokens[c.start - 2];
  if (cue?.kind === 'word' && NICKNAME_CUE.test(cue.key)) return false;
  const next = tokenized.tokens[c.end + 1];
  const between =
    !!cue && !cue.sentenceStart && nameShaped(cue) && next?.gap === ' ' && nameShaped(next);
  return !between;
}

/** Prepositions after which an unknown one-word name is a place ("в Гаваре", "из Брикстона"). */
const PLACE_PREPOSITIONS = new Set(['в', 'во', 'из', 'под', 'близ', 'вблизи', 'около', 'возле']);

/** Words after which a place named like a person stays a place: "в Овьедо", "городе Овьедо". */
const PLACE_WORDS_RU = {
  has: (key: string) => PLACE_PREPOSITIONS.has(key) || placeNounKind(key) !== undefined,
};

/**
 * Right after "в"/"во", a word the dictionary knows as a first name or surname but not as one
 * the news name alone, in the prepositional case ("в Шарлотте", "в Фергюсоне", "в Астриде"): a
 * place named like a person, as people are seldom the object of "в" + prepositional.
 */
function locativeOnlyAsName(prep: Token, t: Token, readings: readonly WordReading[]): boolean {
  if (prep.key !== 'в' && prep.key !== 'во') return false;
  if (!/[еи]$/.test(t.key)) return false;
  return readings.every(
    (r) => (r.kind === 'F' || r.kind === 'S') && r.codes.some((code) => code[0] === 'l'),
  );
}

/**
 * A one-word "person" right after a place preposition, that no dictionary knows as a name and
 * that does not look like a Russian surname, is a place: "в армянском Гаваре" reads as a town.
 */
export function placeAfterPreposition(tokenized: TokenizedText, c: Candidate): Candidate {
  if (c.type !== 'PER' || c.end !== c.start + 1) return c;
  let k = c.start - 1;
  // One adjective may stand between ("в армянском Гаваре").
  const prevTok = tokenized.tokens[k];
  if (prevTok && prevTok.shape === 'lower' && /(?:ом|ем|ой|ей|ых|их)$/.test(prevTok.key)) k--;
  const prep = tokenized.tokens[k];
  if (prep?.kind !== 'word' || !PLACE_PREPOSITIONS.has(prep.key)) return c;
  const t = tokenized.tokens[c.start] as Token;
  if (t.script !== 'cyr') return c;
  const readings = tokenized.readings(c.start);
  if (readings.length > 0 && !(k === c.start - 1 && locativeOnlyAsName(prep, t, readings)))
    return c;
  if (/(?:ов|ев|ин|ын|ск|цк)(?:а|у|ым|ом|е|ой|ого|ому|им)?$/.test(t.key)) return c;
  const next = tokenized.tokens[c.end];
  if (next && next.gap === ' ' && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) return c;
  return taggedCopy(newCandidate(c.start, c.end, 'LOC', t.text, c.tier), c.tier);
}

const BRACKETS = new Set(['(', ')', '[', ']', '{', '}']);

/**
 * A name never runs across a bracket: "( Tom ) Seaver" is two names. Tagged spans are cut at
 * bracket tokens (the brackets themselves dropped).
 */
function splitAtBrackets(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  let out: TaggedSpan[] | null = null;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s] as TaggedSpan;
    let cut = false;
    for (let k = span.start; k < span.end && !cut; k++) {
      if (BRACKETS.has((tokens[k] as Token).text)) cut = true;
    }
    if (!cut) {
      out?.push(span);
      continue;
    }
    out ??= spans.slice(0, s);
    let from = span.start;
    for (let k = span.start; k <= span.end; k++) {
      if (k < span.end && !BRACKETS.has((tokens[k] as Token).text)) continue;
      if (k > from) out.push({ start: from, end: k, type: span.type });
      from = k + 1;
    }
  }
  return out ?? spans;
}

/**
 * A person or place starts and ends at a word or number, or ends at an abbreviation's full stop
 * ("U.S."): the tagger may take a stray symbol next to a name for part of it (a lone surrogate),
 * and cutting a role word off a span may leave one at its edge.
 */
function trimToWords(tokens: readonly Token[], spans: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    if (span.type !== 'PER' && span.type !== 'LOC') {
      out.push(span);
      continue;
    }
    let { start, end } = span;
    while (start < end && (tokens[start] as Token).kind === 'punct') start++;
    while (end > start) {
      const last = tokens[end - 1] as Token;
      const abbreviation =
        last.text === '.' &&
        end - 1 > start &&
        last.gap === '' &&
        // "Харальд V." ends a sentence: a regnal number takes no full stop.
        !(
          span.type === 'PER' &&
          end - 2 > start &&
          REGNAL_NUMBER.test(tokens[end - 2]?.text ?? '')
        );
      if (last.kind !== 'punct' || abbreviation) break;
      end--;
    }
    if (end > start)
      out.push(
        start === span.start && end === span.end
          ? span
          : respanned(span, start, end, span.canonical),
      );
  }
  return out;
}

/**
 * Adds the unknown places after a locative preposition ("в Портапике") on tokens no span took,
 * the tagger's organisations included (places.ts).
 */
function withPlacesAfterPrepositions(
  tokenized: TokenizedText,
  chosen: Candidate[],
  picked: readonly Candidate[],
): Candidate[] {
  const taken = takenTokens(tokenized, picked);
  for (const c of chosen) for (let k = c.start; k < c.end; k++) taken[k] = 1;
  const organisations =
    tokenized.lang === 'ru' ? unquotedOrganisations(tokenized, picked) : undefined;
  const found = placesAfterPrepositions(tokenized, taken, organisations);
  const places = mapped(found, (p) =>
    newCandidate(p.start, p.end, 'LOC', spanText(tokenized, p.start, p.end), 1),
  );
  if (tokenized.lang === 'ru') {
    for (const p of found) for (let k = p.start; k < p.end; k++) taken[k] = 1;
    for (const p of gazetteerPlaces(tokenized, taken, organisations))
      places.push(newCandidate(p.start, p.end, 'LOC', p.canonical, 1));
  }
  if (places.length === 0) return chosen;
  return [...chosen, ...places].sort((a, b) => a.start - b.start);
}

/**
 * Greedy choice in priority order: a span is kept if none of its tokens is taken. The chosen
 * come out in one shape (uniformCandidate): every later step reads them.
 */
function choose(n: number, ordered: readonly Candidate[]): Candidate[] {
  const taken = new Uint8Array(n);
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    let free = c.end > c.start;
    for (let k = c.start; k < c.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    chosen.push(uniformCandidate(c));
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const byLengthThenTier = (a: Candidate, b: Candidate) =>
  b.end - b.start - (a.end - a.start) || b.tier - a.tier || a.start - b.start;

/**
 * The generated data a recognizer runs with: by default the shipped lexicon and model; the
 * cross-validation (scripts/eval-cv.ts) passes the ones built for each fold.
 */
export interface RecognizerData {
  lexicon: Lexicon;
  tagger: LoadedModel;
}

function recognizeText(text: string, data: RecognizerData, options?: RecognizeOptions): Mention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lex = data.lexicon;
  const lang = pickLanguage(text, options?.lang);
  const tokens = tokenize(text);
  const tokenized = createTokenizedText(text, tokens, lex, lang);
  proposeAll(tokenized);
  let chosen: Candidate[];
  if (lang === 'other') {
    // Other languages: country and capital names from the lexicon only (the tagger knows
    // Russian and English news).
    chosen = selectCandidates(tokenized);
  } else {
    const spans = splitAtBrackets(tokens, tagSpans(tokenized, ruleCodes(tokenized), data.tagger));
    const tagged = taggedCandidates(tokenized, spans).filter(
      (c) => keepAdjective(tokenized, c) && !implausible(tokenized, c),
    );
    const treaties = tokenized.candidates.filter((c) => c.type === 'TREATY').sort(byLengthThenTier);
    const fallback = tokenized.candidates
      .filter((c) => (c.type === 'PER' || c.type === 'LOC') && c.tier >= policy.fallbackTier)
      .filter((c) => !(c.type === 'LOC' && quotedName(tokens, c.start, c.end)))
      .sort(byLengthThenTier);
    // Priority: treaty names and terms, the tagger's people and places, then in Russian curated
    // lexicon places (the Kremlin is a place even where NEREL labels it an organisation) before
    // the tagger's organisations and other names, which only block. In English, CoNLL's
    // convention (a team named after its city is an organisation) is also the reader's.
    const people = splitPeople(
      tokenized,
      tagged.filter((c) => c.type === 'PER' || c.type === 'LOC'),
    );
    const personWords = lang === 'ru' ? fullNameWords(tokenized, people) : null;
    const names = personWords
      ? mapped(people, (c) =>
          placeAfterPreposition(tokenized, curatedPlaceNotPerson(tokenized, c, personWords)),
        )
      : people;
    const named = lang === 'ru' ? placesBeforeNames(tokenized, names) : names;
    if (lang === 'ru') appendAll(named, latinInBrackets(tokenized, named));
    const blockers = tagged.filter((c) => c.type !== 'PER' && c.type !== 'LOC');
    const order =
      lang === 'ru'
        ? [...treaties, ...named, ...fallback, ...blockers]
        : [
            ...treaties,
            ...englishDatelines(tokenized),
            ...eastAsianNamesEn(tokenized),
            ...named,
            ...blockers,
            ...fallback,
          ];
    const picked = choose(tokens.length, order);
    chosen = picked.filter((c) => c.type !== 'ORG');
    if (lang === 'ru')
      chosen = applyCueNouns(
        tokenized,
        chosen.filter(
          (c) =>
            !latinNameInRussian(tokenized, c) &&
            !latinWordNotPersonInRussian(tokenized, c) &&
            !quotedNotPersonInRussian(tokenized, c),
        ),
      );
    chosen = joinNicknames(tokenized, chosen);
    if (lang === 'ru')
      chosen = latinNamesNotPeople(
        tokenized,
        functionWordsNotPeople(tokenized, complementedNotPeople(tokenized, chosen)),
      );
    // Lone surnames of people named in full may also take tokens the tagger read as an
    // organisation's: on CoNLL people this gains more recall than it costs precision
    // (docs/recognition.md, "Measured figures behind the rules").
    if (policy.groupLone) chosen = groupPeople(tokenized, chosen);
    if (lang === 'ru') chosen = cuedPeople(tokenized, chosen);
    if (lang === 'ru') {
      const taken = takenTokens(tokenized, picked);
      chosen = surnameAfterFirstName(tokenized, chosen, taken);
      chosen = firstNameBeforeSurname(tokenized, chosen, taken);
      chosen = firstNameFromText(tokenized, chosen, taken);
      chosen = spelledFirstNames(tokenized, chosen, taken);
      chosen = juniorSeniorNames(tokenized, chosen);
      chosen = surnamesOverPlaces(tokenized, chosen, PLACE_WORDS_RU);
      chosen = particlesAndNumbers(tokenized, joinAcrossParticles(tokenized, chosen));
      chosen = withPlacesAfterPrepositions(tokenized, chosen, picked);
      chosen = widenPlaces(
        tokenized,
        joinLexiconPlaces(tokenized, seatsAsInstitutions(tokenized, chosen)),
      );
      chosen = peopleAfterLocativePlaceNouns(
        tokenized,
        placesAfterSettlementNouns(
          tokenized,
          sharedRegionNouns(tokenized, republicNames(tokenized, chosen)),
        ),
      );
      chosen = placesInLists(tokenized, chosen, personWords ?? new Set());
      chosen = latinAfterPlaces(tokenized, chosen);
      chosen = surnamePlacesAfterFirstName(tokenized, chosen);
      chosen = bracketedOriginals(tokenized, chosen);
      chosen = surnamesWithPatronymics(tokenized, territorialTitles(tokenized, chosen), taken);
      chosen = placeFirstNames(tokenized, chosen);
      chosen = nameEdges(tokenized, chosen);
    }
    if (policy.recurrences)
      chosen = markRecurrences(
        tokenized,
        chosen,
        picked.filter((c) => c.type === 'ORG'),
      );
    if (lang === 'en')
      chosen = organisationNounNames(
        tokenized,
        abbreviationsNotPeople(
          tokenized,
          surnamesOverPlaces(
            tokenized,
            organisationsNotPeople(
              tokenized,
              placesNotPeople(
                tokenized,
                dropCommonWordPeople(tokenized, dropCompanyPeople(tokens, chosen)),
              ),
            ),
          ),
        ),
      );
  }
  chosen = trimToWords(tokens, chosen).filter(
    (c) =>
      !(
        c.type === 'LOC' &&
        (!c.tagged || policy.filterTagged) &&
        lang === 'en' &&
        partOfEnglishName(tokens, c.start, c.end)
      ),
  );
  const mentions: Mention[] = [];
  for (const c of chosen) {
    if (c.type === 'ORG') continue;
    const start = tokens[c.start]?.start ?? 0;
    const end = tokens[c.end - 1]?.end ?? start;
    if (end <= start) continue;
    const written = c.canonical || text.slice(start, end);
    // A registered person's name the lemmatizer left in another case gets the register's form.
    const canonical = c.type === 'PER' && lang === 'ru' ? personNominative(written) : written;
    const id = entityIdOf(c.type, canonical, c.treaty);
    mentions.push({
      start,
      end,
      type: c.type,
      text: text.slice(start, end),
      canonical,
      ...(c.treaty ? { treaty: c.treaty } : {}),
      ...(id ? { id } : {}),
    });
  }
  return mentions;
}

export function createRecognizer(data?: RecognizerData): Recognizer {
  let own = data ?? null;
  return {
    id: RECOGNIZER_ID,
    recognize(text: string, options?: RecognizeOptions): Mention[] {
      try {
        // The shipped data is loaded on the first text, not when the recognizer is made (the
        // extension installs it after start-up: data/source.extension.ts).
        own ??= { lexicon: getLexicon(), tagger: getTagger() };
        return recognizeText(text, own, options);
      } catch {
        // A recognizer failure must never break the page: no marks rather than an exception.
        return [];
      }
    },
  };
}

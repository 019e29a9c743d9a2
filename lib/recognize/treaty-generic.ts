/**
 * Agreements named by a common noun rather than a proper name: "a visa-free travel agreement",
 * "the 1994 agreement", "the treaty between Norway and Sweden", "peace deal", «Антикоминтерновский
 * пакт», «соглашение 1994 года», «российско-американский договор». A head noun is marked when
 * its modifiers, date or parties say it is an instrument between states, and never when they say
 * it is a commercial, employment or court contract (curated/treaty-cues.ts). Places stay outside
 * the span: they are marked as places.
 */

import { PLACE_ADJECTIVES_RU } from './curated/place-adjectives';
import {
  COMMERCIAL_ADJECTIVE_RU,
  COMMERCIAL_NOUN_RU,
  COMMERCIAL_WORDS_EN,
  COMPANIES,
  INTERNATIONAL_ADJECTIVE_RU,
  INTERNATIONAL_CONTEXT_EN,
  INTERNATIONAL_DEAL_MODIFIERS_EN,
  INTERNATIONAL_MODIFIERS_EN,
  NEUTRAL_MODIFIERS_EN,
  PRIVATE_PARTY_RU,
  SHARED_MODIFIERS_EN,
  STATE_BODIES,
} from './curated/treaty-cues';
import { treatyHead } from './russian';
import {
  type Candidate,
  isCapWord,
  newCandidate,
  spanText,
  type TokenizedText,
} from './tokenized-text';
import type { Token } from './tokens';

type EnglishHead = 'treaty' | 'agreement' | 'accord' | 'convention' | 'deal';

const EN_GENERIC_HEADS = new Map<string, EnglishHead>([
  ['treaty', 'treaty'],
  ['treaties', 'treaty'],
  ['agreement', 'agreement'],
  ['agreements', 'agreement'],
  ['pact', 'agreement'],
  ['pacts', 'agreement'],
  ['accord', 'accord'],
  ['accords', 'accord'],
  ['convention', 'convention'],
  ['conventions', 'convention'],
  ['deal', 'deal'],
  ['deals', 'deal'],
  ['memorandum', 'agreement'],
  ['memoranda', 'agreement'],
]);

/** "an agreement between/with X", "a deal on/over X": X a state or a body is a party or the subject. */
const PARTY_PREPOSITIONS = new Set(['between', 'with', 'on', 'over']);

const EN_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'any',
  'no',
]);

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

const PLURAL_HEADS = new Set(['agreements', 'pacts', 'treaties', 'accords']);

/** Words that end a modifier chain: prepositions, conjunctions, auxiliaries. */
const FUNCTION_WORDS = new Set([
  'of',
  'on',
  'in',
  'to',
  'for',
  'with',
  'by',
  'and',
  'or',
  'but',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'not',
  'that',
  'which',
  'who',
  'said',
  'says',
  'as',
  'at',
  'from',
]);

/** Years of modern treaty practice, and decades ("the 1920s treaty"). */
const YEAR = /^(?:1[6-9]\d\d|20\d\d)s?$/;

/** Nationality adjectives ("Russian", "Israeli-Palestinian", "Anglo-Irish", "Sino-Soviet"). */
const DEMONYM = /^(?:[a-z]+-)*[a-z]+(?:an|ian|ese|ish|i|ic|ch|ss)$/;

/** Tokens within this distance of a bare head are its context. */
const WINDOW = 12;

/** Token k ends a state's or a body's possessive: "Iraq's", or "Iraq 's" split by a tokenizer. */
function statePossessive(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k];
  if (t?.key === "'s") return placeOrBody(tokenized, k - 1);
  return t?.key === 's' && tokenized.tokens[k - 1]?.text === "'" && placeOrBody(tokenized, k - 2);
}

/**
 * The first token of the parties that end at k: places, bodies, possessives and the dots,
 * hyphens and apostrophes glued between them ("U.S.-Taliban", "Iraq 's").
 */
function partiesStart(tokenized: TokenizedText, k: number): number {
  let j = k;
  while (j > 0 && j > k - 8) {
    const prev = tokenized.tokens[j - 1] as Token;
    const cur = tokenized.tokens[j] as Token;
    const glued = cur.gap === '' || prev.text === "'" || cur.key === "'s";
    if (
      placeOrBody(tokenized, j - 1) ||
      (glued && (prev.kind === 'punct' || prev.shape !== 'lower'))
    )
      j--;
    else break;
  }
  return j;
}

/** A hyphenated word with a known place among its parts ("israel-plo"). */
function hasPlacePart(tokenized: TokenizedText, key: string): boolean {
  for (const part of key.split('-'))
    if (tokenized.lex.phrases(part)?.some((h) => h.entry.type === 'LOC')) return true;
  return false;
}

/** Words of demonym shape that name parties, faiths or oceans, not peoples. */
const NOT_PEOPLES = new Set([
  'democratic',
  'republican',
  'socialist',
  'catholic',
  'islamic',
  'olympic',
  'atlantic',
  'pacific',
  'public',
  'christian',
  'labour',
  'libertarian',
]);

function isDemonym(key: string): boolean {
  return DEMONYM.test(key) && !NOT_PEOPLES.has(key);
}

function isYear(t: Token | undefined): boolean {
  return !!t && YEAR.test(t.key);
}

/** A place the lexicon knows (a country, city, region), or an international organisation. */
function placeOrBody(tokenized: TokenizedText, k: number): boolean {
  const e = tokenized.coveredBy[k];
  if (!e) return false;
  return e.type === 'LOC' || (e.type === 'ORG' && STATE_BODIES.has(e.canonical));
}

/** Prefix counts of context cues, built once per text on the first bare head. */
interface ContextCounts {
  international: Int32Array;
  commercial: Int32Array;
}

const contextCache = new WeakMap<TokenizedText, ContextCounts>();

function contextCounts(tokenized: TokenizedText): ContextCounts {
  let counts = contextCache.get(tokenized);
  if (counts) return counts;
  const n = tokenized.tokens.length;
  const international = new Int32Array(n + 1);
  const commercial = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const t = tokenized.tokens[k] as Token;
    const word = t.kind === 'word';
    const intl = word && (placeOrBody(tokenized, k) || INTERNATIONAL_CONTEXT_EN.has(t.key));
    const comm = word && COMMERCIAL_WORDS_EN.has(t.key);
    international[k + 1] = (international[k] as number) + (intl ? 1 : 0);
    commercial[k + 1] = (commercial[k] as number) + (comm ? 1 : 0);
  }
  counts = { international, commercial };
  contextCache.set(tokenized, counts);
  return counts;
}

/** The window around [start, end), cut at line breaks (a paragraph is the unit of context). */
function windowOf(tokenized: TokenizedText, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && from > start - WINDOW && (tokenized.tokens[from] as Token).gap !== '\n')
    from--;
  let to = end;
  while (
    to < tokenized.tokens.length &&
    to < end + WINDOW &&
    (tokenized.tokens[to] as Token).gap !== '\n'
  )
    to++;
  return [from, to];
}

function count(prefix: Int32Array, from: number, to: number): number {
  return (prefix[to] as number) - (prefix[from] as number);
}

/** Parties after the head: "between Norway and Sweden", "with Iran" (places or bodies). */
function englishParties(tokenized: TokenizedText, i: number): boolean {
  const next = tokenized.tokens[i + 1];
  if (next?.gap !== ' ' || !PARTY_PREPOSITIONS.has(next.key)) return false;
  for (let k = i + 2; k < tokenized.tokens.length && k < i + 5; k++) {
    const w = tokenized.tokens[k] as Token;
    if (placeOrBody(tokenized, k)) return true;
    if (w.key !== 'the' && !(isCapWord(tokenized, k) && isDemonym(w.key))) return false;
  }
  return false;
}

function englishGeneric(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  const head = EN_GENERIC_HEADS.get(t.key);
  if (!head) return;
  // Capitalised heads inside a sentence belong to names ("Paris Agreement"): treaties.ts; a
  // bare "the Treaty" is a defined term of one.
  const definedTreaty =
    head === 'treaty' &&
    t.shape === 'title' &&
    tokenized.tokens[i - 1]?.key === 'the' &&
    !tokenized.capsLine[i];
  if (t.shape !== 'lower' && !(t.shape === 'title' && t.sentenceStart) && !definedTreaty) return;
  if (t.shape !== 'lower' && tokenized.capsLine[i]) return;
  let start = i;
  let strong = false;
  let stateOnly = false;
  let dealStrong = false;
  let place = false;
  let commercial = false;
  let statePossessor = false;
  let demonym = false;
  let acronym = false;
  // Words not in the lists may stand in the chain ("a bilateral aviation agreement") when a
  // known modifier or a determiner closes it on the left.
  let pending = 0;
  // Where the parties before the chain begin ("the [U.S.-Taliban] deal"): the determiner is
  // before them.
  let partyEdge = -1;
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const w = tokenized.tokens[k] as Token;
    const after = tokenized.tokens[k + 1] as Token;
    if (after.gap === '\n') break;
    if (placeOrBody(tokenized, k) || statePossessive(tokenized, k)) {
      // "the Iran nuclear deal", "Iraq's pact", "the Iraq-U.N. memorandum": a party, left to
      // the place rules.
      place = true;
      partyEdge = partiesStart(tokenized, k);
      break;
    }
    // "the Iraq-U.N. memorandum": a dotted abbreviation is a state's or a body's (U.S., U.N.).
    if (w.text === '.' && w.gap === '' && /^[A-Z]$/.test(tokenized.tokens[k - 1]?.text ?? '')) {
      place = true;
      partyEdge = partiesStart(tokenized, k);
      break;
    }
    // "the U.S.-Taliban deal": the second of two parties joined by a hyphen.
    if (
      w.gap === '' &&
      w.shape !== 'lower' &&
      tokenized.tokens[k - 1]?.text === '-' &&
      (placeOrBody(tokenized, k - 2) || tokenized.tokens[k - 2]?.text === '.')
    ) {
      place = true;
      partyEdge = partiesStart(tokenized, k);
      break;
    }
    if (w.kind === 'punct') break;
    // "the AUKUS pact", "the INF treaty": the instrument's own short name.
    if (w.shape === 'upper' && w.kind === 'word' && w.text.length >= 2 && w.text.length <= 6) {
      if (pending > 0) break;
      acronym = true;
      start = k;
      break;
    }
    if (COMMERCIAL_WORDS_EN.has(w.key)) {
      commercial = true;
      // "Iraq's partial oil sales pact with U.N.": a state's own sale deal with a body.
      for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
        if (statePossessive(tokenized, j)) statePossessor = true;
      }
      break;
    }
    let known = true;
    if (isYear(w)) strong = true;
    else if (
      w.kind === 'num' &&
      MONTHS.has(tokenized.tokens[k - 1]?.key ?? '') &&
      Number(w.key) <= 31
    ) {
      // "the May 20 agreement": a dated one.
      strong = true;
      k--;
    } else if (w.shape !== 'lower' && isDemonym(w.key) && !w.sentenceStart) {
      place = true;
      demonym = true;
    } else if (w.shape !== 'lower' && w.key.includes('-') && hasPlacePart(tokenized, w.key)) {
      // "the Israel-PLO deal", "Iraq-U.N.": parties written as one word.
      place = true;
      break;
    } else if (w.shape !== 'lower' || definedTreaty) break;
    else if (INTERNATIONAL_MODIFIERS_EN.has(w.key) || INTERNATIONAL_DEAL_MODIFIERS_EN.has(w.key)) {
      strong = true;
      if (!SHARED_MODIFIERS_EN.has(w.key)) stateOnly = true;
      if (INTERNATIONAL_DEAL_MODIFIERS_EN.has(w.key)) dealStrong = true;
    } else if (EN_DETERMINERS.has(w.key) || FUNCTION_WORDS.has(w.key) || pending >= 2) break;
    else if (!NEUTRAL_MODIFIERS_EN.has(w.key)) known = false;
    if (!known) {
      pending++;
      continue;
    }
    start = k;
    pending = 0;
  }
  // Unknown words closed by a determiner belong to the phrase ("the signed agreement").
  if (pending > 0 && EN_DETERMINERS.has(tokenized.tokens[start - pending - 1]?.key ?? '')) {
    start -= pending;
  }
  const parties = englishParties(tokenized, i);
  if (commercial && !(statePossessor && parties)) return;
  const determined = EN_DETERMINERS.has(
    tokenized.tokens[(partyEdge >= 0 ? partyEdge : start) - 1]?.key ?? '',
  );
  let mark: boolean;
  if (head === 'treaty') mark = true;
  else if (head === 'deal') mark = dealStrong || ((place || parties) && determined);
  else if (head === 'convention') mark = strong || parties || (place && !demonym);
  else if (strong || place || parties) mark = true;
  else if (acronym && head === 'agreement' && t.key.startsWith('pact')) mark = true;
  else {
    // A bare or plainly modified head ("the agreement", "a new accord", "seeking pacts"):
    // marked among states only, never near words of business ("of its own accord" has no
    // determiner).
    if (!determined && !PLURAL_HEADS.has(t.key) && !acronym) return;
    const counts = contextCounts(tokenized);
    const [from, to] = windowOf(tokenized, start, i + 1);
    mark = count(counts.international, from, to) > 0 && count(counts.commercial, from, to) === 0;
  }
  if (!mark) return;
  if (head !== 'treaty' && !statePossessor && commercialAround(tokenized, start, i)) return;
  // "The two firms signed a cooperation agreement in Tokyo": a subject companies share with
  // states, and words of business outnumber those of states.
  if (head !== 'treaty' && !stateOnly && !place && !parties) {
    const counts = contextCounts(tokenized);
    const [from, to] = windowOf(tokenized, start, i + 1);
    const business = count(counts.commercial, from, to);
    if (business > 0 && count(counts.international, from, to) <= business) return;
  }
  tokenized.candidates.push(
    newCandidate(start, i + 1, 'TREATY', spanText(tokenized, start, i + 1), 3),
  );
}

/** A business word right after the head ("the deal with Adidas worth …" is caught by the window). */
function commercialAround(tokenized: TokenizedText, start: number, i: number): boolean {
  const next = tokenized.tokens[i + 1];
  const prev = tokenized.tokens[start - 1];
  return (
    (!!next && COMMERCIAL_WORDS_EN.has(next.key)) || (!!prev && COMMERCIAL_WORDS_EN.has(prev.key))
  );
}

// Russian.

const RU_ADJECTIVE =
  /(?:ая|ой|ую|ое|ого|ому|ом|ий|ый|ые|ие|ых|их|ым|им|ыми|ими|ей|юю|яя|ее|его|ему)$/;
const VERBAL_NOUN = /(?:ни|ти)(?:е|я|ю|ем|и|й|ям|ями|ях)$/;
const PLACE_ADJECTIVE = /(?:ск|цк)(?:ий|ый|ая|ое|ие|ые|ого|ой|ому|им|ым|ом|ую|их|ых|ими|ыми|ей|о)$/;
/** Compound adjectives of two peoples ("российско-американский", "американо-иранское"). */
const COMPOUND_PLACE_ADJECTIVE = /^[а-я]+[ое]-[а-я]+(?:ск|цк)[а-я]+$/;

const DEAL_FORMS = new Set([
  'сделка',
  'сделки',
  'сделке',
  'сделку',
  'сделкой',
  'сделок',
  'сделкам',
  'сделками',
  'сделках',
]);

const QUOTES = new Set(['«', '"', '„', '“', "'"]);

/**
 * A people in the instrumental plural («с палестинцами», «с американцами»): the noun shares its
 * stem with the place adjective (палестин-цами, палестин-ский).
 */
function nationalityNoun(t: Token | undefined): boolean {
  if (t?.shape !== 'lower') return false;
  const m = /^(.{4,}?)(?:цами|анами|янами)$/.exec(t.key);
  return !!m && !!PLACE_ADJECTIVES_RU[`${m[1]}ск`];
}

const YEAR_WORDS = new Set(['года', 'году', 'год', 'г']);

function russianGeneric(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  const head = treatyHead(t.key);
  const deal = !head && DEAL_FORMS.has(t.key);
  if (!head && !deal) return;
  if (tokenized.capsLine[i]) return;
  // Adjectives before the head.
  let start = i;
  let evidence = false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const a = tokenized.tokens[k] as Token;
    const after = tokenized.tokens[k + 1] as Token;
    if (after.gap !== ' ' || a.kind !== 'word' || a.script !== 'cyr') break;
    // Verbal nouns share the adjectives' "-ие" ("нарушение Конвенции").
    if (!RU_ADJECTIVE.test(a.key) || VERBAL_NOUN.test(a.key) || a.key.length < 4) break;
    const covered = tokenized.coveredBy[k];
    if (covered && covered.type !== 'LOC' && covered.type !== 'TREATY') break;
    if (COMMERCIAL_ADJECTIVE_RU.test(a.key)) return;
    // «Национальная конвенция», «Конституционный конвент»: assemblies and parties.
    if (head?.lemma === 'конвенция' && /^(?:национальн|конституционн)/.test(a.key)) return;
    let own = false;
    if (INTERNATIONAL_ADJECTIVE_RU.test(a.key)) own = true;
    else if (COMPOUND_PLACE_ADJECTIVE.test(a.key)) own = true;
    else if (PLACE_ADJECTIVE.test(a.key) && (a.shape === 'lower' || !a.sentenceStart)) own = !deal;
    // A capitalised adjective inside a sentence makes a name ("Антикоминтерновский пакт").
    else if (isCapWord(tokenized, k) && !a.sentenceStart && !deal) own = true;
    // The span reaches the leftmost adjective that says what the agreement is, with the
    // adjectives between it and the head («Европейскую социальную хартию»); words in
    // adjective-like endings further left stay out ("защитой Женевской конвенции").
    if (own) {
      evidence = true;
      start = k;
    }
  }
  const next = tokenized.tokens[i + 1];
  if (next && next.gap === ' ' && COMMERCIAL_NOUN_RU.test(next.key)) return;
  let end = i + 1;
  // «соглашение 1994 года»: a dated agreement.
  if (
    !deal &&
    next?.gap === ' ' &&
    next.kind === 'num' &&
    YEAR.test(next.key) &&
    YEAR_WORDS.has(tokenized.tokens[i + 2]?.key ?? '')
  ) {
    evidence = true;
    end = i + 3;
  }
  // «сделка ОПЕК+», «соглашение ЕС»: an international body's; «договор с Ираном»: a state's.
  if (!evidence && next?.gap === ' ') {
    if (placeOrBody(tokenized, i + 1) && tokenized.coveredBy[i + 1]?.type === 'ORG')
      evidence = true;
    if (
      (next.key === 'с' || next.key === 'со') &&
      (placeOrBody(tokenized, i + 2) || nationalityNoun(tokenized.tokens[i + 2]))
    )
      evidence = true;
  }
  // «нарушение Конвенции»: a capitalised head inside a sentence stands for a named instrument.
  if (
    !evidence &&
    !deal &&
    t.shape === 'title' &&
    !t.sentenceStart &&
    // A title in quotes is capitalised by convention («Протоколы сионских мудрецов»).
    !QUOTES.has(tokenized.tokens[start - 1]?.text ?? '') &&
    head?.lemma !== 'договоренность' &&
    head?.lemma !== 'декларация'
  )
    evidence = true;
  // Parties: «договорённости между Россией и Турцией» (the places stay places).
  if (!evidence && next?.gap === ' ' && next.key === 'между') {
    let parties = 0;
    for (let k = i + 2; k < tokenized.tokens.length && k < i + 8; k++) {
      const w = tokenized.tokens[k] as Token;
      if (tokenized.coveredBy[k]?.type === 'LOC') parties++;
      else if (/^(?:странами|государствами|державами)$/.test(w.key)) parties += 2;
      else if (/^(?:двумя|тремя|обеими)$/.test(w.key)) continue;
      else if (w.key !== 'и' && w.text !== ',' && !isCapWord(tokenized, k)) break;
    }
    evidence = parties >= 2;
  }
  if (!evidence) return;
  // Extend a name found by treaties.ts at the same head ("…договор о сокращении вооружений"),
  // unless it is capitalised: then it is the name, and a lower-case adjective only describes it.
  for (
    let c = tokenized.candidates.length - 1;
    c >= 0 && c >= tokenized.candidates.length - 3;
    c--
  ) {
    const other = tokenized.candidates[c] as Candidate;
    if (other.type !== 'TREATY' || other.start > i || other.end <= i) continue;
    if (isCapWord(tokenized, other.start) && start < other.start) return;
    start = Math.min(start, other.start);
    end = Math.max(end, other.end);
  }
  tokenized.candidates.push(newCandidate(start, end, 'TREATY', spanText(tokenized, start, end), 3));
}

/** Companies or private parties around [start, end), and no place or international body. */
export function privateContext(tokenized: TokenizedText, start: number, end: number): boolean {
  const { places, privateParties } = parties(tokenized, start, end);
  if (tokenized.lang === 'en') return privateParties > places;
  return privateParties > 0 && places === 0;
}

/** Companies or private parties around [start, end), places or not. */
export function privatePartyNear(tokenized: TokenizedText, start: number, end: number): boolean {
  return parties(tokenized, start, end).privateParties > 0;
}

function parties(
  tokenized: TokenizedText,
  start: number,
  end: number,
): { places: number; privateParties: number } {
  const [from, to] = windowOf(tokenized, start, end);
  let places = 0;
  let privateParties = 0;
  for (let k = from; k < to; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (placeOrBody(tokenized, k)) places++;
    else if (t.script === 'cyr' && PRIVATE_PARTY_RU.test(t.key)) privateParties++;
    else if (
      tokenized.coveredBy[k]?.type === 'ORG' &&
      COMPANIES.has(tokenized.coveredBy[k]?.canonical ?? '')
    )
      privateParties++;
    // Latin-script names in Russian text are mostly companies and brands ("Tumblr").
    else if (
      t.script === 'lat' &&
      tokenized.lang === 'ru' &&
      t.shape !== 'lower' &&
      !tokenized.coveredBy[k]
    )
      privateParties++;
    else if (t.script === 'lat' && tokenized.lang === 'en' && COMMERCIAL_WORDS_EN.has(t.key))
      privateParties++;
  }
  return { places, privateParties };
}

/** A place or a state body within the window around [start, end). */
export function statesNamed(tokenized: TokenizedText, start: number, end: number): boolean {
  const [from, to] = windowOf(tokenized, start, end);
  for (let k = from; k < to; k++) if (placeOrBody(tokenized, k)) return true;
  return false;
}

const WITHDRAW = new Set([
  'выход',
  'выхода',
  'выходу',
  'выходом',
  'выходе',
  'выйти',
  'вышла',
  'вышел',
  'вышли',
  'выйдет',
  'выйдут',
  'выходит',
  'выходят',
  'withdrawal',
  'withdraw',
  'withdraws',
  'withdrew',
  'withdrawing',
  'withdrawn',
]);

const PULL = new Set(['pull', 'pulls', 'pulled', 'pulling']);
const QUIT = new Set(['quit', 'quits', 'quitting', 'exit', 'exits', 'exited', 'exiting']);
/** Every word that may start a withdrawal: one lookup answers the other words. */
const WITHDRAWAL_HEADS: ReadonlySet<string> = new Set([...WITHDRAW, ...PULL, ...QUIT]);

/**
 * Withdrawal from a treaty or an international body («выход России из МУС», "withdrawal from
 * NATO"); from a place it is a pull-out of troops, no treaty term.
 */
function withdrawal(tokenized: TokenizedText, i: number): void {
  const key = (tokenized.tokens[i] as Token).key;
  if (!WITHDRAWAL_HEADS.has(key)) return;
  let end = i + 1;
  let from = -1;
  if (
    PULL.has(key) &&
    tokenized.tokens[i + 1]?.key === 'out' &&
    tokenized.tokens[i + 2]?.key === 'of'
  ) {
    // "pulled out of the treaty"
    end = i + 2;
    from = i + 2;
  } else if (QUIT.has(key)) from = tokenized.tokens[i + 1]?.key === 'from' ? i + 1 : i;
  else if (!WITHDRAW.has(key)) return;
  for (let k = from >= 0 ? from : i + 1; k < tokenized.tokens.length && k < i + 4; k++) {
    const w = tokenized.tokens[k] as Token;
    if (w.kind === 'punct' || w.gap === '\n') return;
    if (from < 0 && w.key !== 'из' && w.key !== 'from') continue;
    let j = k + 1;
    if (tokenized.tokens[j]?.key === 'the') j++;
    const e = tokenized.coveredBy[j];
    const target = tokenized.tokens[j];
    const body = e?.type === 'ORG' && STATE_BODIES.has(e.canonical);
    const treaty =
      (e?.type === 'TREATY' && !e.anyCase) ||
      (!!target && (!!treatyHead(target.key) || EN_GENERIC_HEADS.has(target.key)));
    if (body || treaty)
      tokenized.candidates.push(newCandidate(i, end, 'TREATY', spanText(tokenized, i, end), 3));
    return;
  }
}

/** Proposes the generic treaty heads at token i (called per token by treaties.ts). */
export function proposeGenericTreaty(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  if (t.kind !== 'word') return;
  withdrawal(tokenized, i);
  if (t.script === 'cyr') russianGeneric(tokenized, i);
  else if (t.script === 'lat') englishGeneric(tokenized, i);
}

/**
 * Agreements named by a common noun rather than a proper name: "a visa-free travel agreement",
 * "the 1994 agreement", "the treaty between Norway and Sweden", "peace deal", «Антикоминтерновский
 * пакт», «соглашение 1994 года», «российско-американский договор». A head noun is marked when
 * its modifiers, date or parties say it is an instrument between states, and never when they say
 * it is a commercial, employment or court contract (curated/treaty-cues.ts). Places stay outside
 * the span: they are marked as places.
 */
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
import { type Candidate, type Doc, isCapWord, spanText } from './document';
import { treatyHead } from './russian';
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

/** Years of modern treaty practice, and decades ("the 1920s treaty"). */
const YEAR = /^(?:1[6-9]\d\d|20\d\d)s?$/;

/** Nationality adjectives ("Russian", "Israeli-Palestinian", "Anglo-Irish", "Sino-Soviet"). */
const DEMONYM = /^(?:[a-z]+-)*[a-z]+(?:an|ian|ese|ish|i|ic|ch|ss)$/;

/** Tokens within this distance of a bare head are its context. */
const WINDOW = 12;

function isYear(t: Token | undefined): boolean {
  return !!t && YEAR.test(t.key);
}

/** A place the lexicon knows (a country, city, region), or an international organisation. */
function placeOrBody(doc: Doc, k: number): boolean {
  const e = doc.coveredBy[k];
  if (!e) return false;
  return e.type === 'LOC' || (e.type === 'ORG' && STATE_BODIES.has(e.canonical));
}

/** Prefix counts of context cues, built once per text on the first bare head. */
interface ContextCounts {
  international: Int32Array;
  commercial: Int32Array;
}

const contextCache = new WeakMap<Doc, ContextCounts>();

function contextCounts(doc: Doc): ContextCounts {
  let counts = contextCache.get(doc);
  if (counts) return counts;
  const n = doc.tokens.length;
  const international = new Int32Array(n + 1);
  const commercial = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const t = doc.tokens[k] as Token;
    const word = t.kind === 'word';
    const intl = word && (placeOrBody(doc, k) || INTERNATIONAL_CONTEXT_EN.has(t.key));
    const comm = word && COMMERCIAL_WORDS_EN.has(t.key);
    international[k + 1] = (international[k] as number) + (intl ? 1 : 0);
    commercial[k + 1] = (commercial[k] as number) + (comm ? 1 : 0);
  }
  counts = { international, commercial };
  contextCache.set(doc, counts);
  return counts;
}

/** The window around [start, end), cut at line breaks (a paragraph is the unit of context). */
function windowOf(doc: Doc, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && from > start - WINDOW && (doc.tokens[from] as Token).gap !== '\n') from--;
  let to = end;
  while (to < doc.tokens.length && to < end + WINDOW && (doc.tokens[to] as Token).gap !== '\n')
    to++;
  return [from, to];
}

function count(prefix: Int32Array, from: number, to: number): number {
  return (prefix[to] as number) - (prefix[from] as number);
}

/** Parties after the head: "between Norway and Sweden", "with Iran" (places or bodies). */
function englishParties(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  if (next?.gap !== ' ' || (next.key !== 'between' && next.key !== 'with')) return false;
  for (let k = i + 2; k < doc.tokens.length && k < i + 5; k++) {
    const w = doc.tokens[k] as Token;
    if (placeOrBody(doc, k)) return true;
    if (w.key !== 'the' && !(isCapWord(doc, k) && DEMONYM.test(w.key))) return false;
  }
  return false;
}

function englishGeneric(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  const head = EN_GENERIC_HEADS.get(t.key);
  if (!head) return;
  // Capitalised heads inside a sentence belong to names ("Paris Agreement"): treaties.ts; a
  // bare "the Treaty" is a defined term of one.
  const definedTreaty =
    head === 'treaty' &&
    t.shape === 'title' &&
    doc.tokens[i - 1]?.key === 'the' &&
    !doc.capsLine[i];
  if (t.shape !== 'lower' && !(t.shape === 'title' && t.sentenceStart) && !definedTreaty) return;
  if (t.shape !== 'lower' && doc.capsLine[i]) return;
  let start = i;
  let strong = false;
  let stateOnly = false;
  let dealStrong = false;
  let place = false;
  let commercial = false;
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = doc.tokens[k] as Token;
    const after = doc.tokens[k + 1] as Token;
    if (after.gap === '\n') break;
    if (w.kind === 'punct') {
      // "Iran's nuclear deal": the possessor is a party.
      break;
    }
    if (w.key === "'s" && k > 0 && placeOrBody(doc, k - 1)) {
      place = true;
      break;
    }
    if (placeOrBody(doc, k)) {
      // "the Iran nuclear deal", "the UN convention": a party, left to the place rules.
      place = true;
      break;
    }
    if (COMMERCIAL_WORDS_EN.has(w.key)) {
      commercial = true;
      break;
    }
    if (isYear(w)) strong = true;
    else if (w.shape !== 'lower' && DEMONYM.test(w.key) && !w.sentenceStart) place = true;
    else if (w.shape !== 'lower' || definedTreaty) break;
    else if (INTERNATIONAL_MODIFIERS_EN.has(w.key) || INTERNATIONAL_DEAL_MODIFIERS_EN.has(w.key)) {
      strong = true;
      if (!SHARED_MODIFIERS_EN.has(w.key)) stateOnly = true;
      if (INTERNATIONAL_DEAL_MODIFIERS_EN.has(w.key)) dealStrong = true;
    } else if (!NEUTRAL_MODIFIERS_EN.has(w.key)) break;
    start = k;
  }
  if (commercial) return;
  const determined = EN_DETERMINERS.has(doc.tokens[start - 1]?.key ?? '');
  const parties = englishParties(doc, i);
  let mark: boolean;
  if (head === 'treaty') mark = true;
  else if (head === 'deal') mark = dealStrong || ((place || parties) && determined);
  else if (strong || place || parties) mark = true;
  else if (head === 'convention') mark = false;
  else {
    // A bare or plainly modified head ("the agreement", "a new accord"): marked among states
    // only, never near words of business ("of its own accord" has no determiner).
    if (!determined) return;
    const counts = contextCounts(doc);
    const [from, to] = windowOf(doc, start, i + 1);
    mark = count(counts.international, from, to) > 0 && count(counts.commercial, from, to) === 0;
  }
  if (!mark) return;
  if (head !== 'treaty' && commercialAround(doc, start, i)) return;
  // "The two firms signed a cooperation agreement": a subject companies share with states.
  if (head !== 'treaty' && !stateOnly && !place && !parties) {
    const [from, to] = windowOf(doc, start, i + 1);
    if (count(contextCounts(doc).commercial, from, to) > 0) return;
  }
  doc.candidates.push({
    start,
    end: i + 1,
    type: 'TREATY',
    canonical: spanText(doc, start, i + 1),
    tier: 3,
  });
}

/** A business word right after the head ("the deal with Adidas worth …" is caught by the window). */
function commercialAround(doc: Doc, start: number, i: number): boolean {
  const next = doc.tokens[i + 1];
  const prev = doc.tokens[start - 1];
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

const YEAR_WORDS = new Set(['года', 'году', 'год', 'г']);

function russianGeneric(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  const head = treatyHead(t.key);
  const deal = !head && DEAL_FORMS.has(t.key);
  if (!head && !deal) return;
  if (doc.capsLine[i]) return;
  // Adjectives before the head.
  let start = i;
  let evidence = false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const a = doc.tokens[k] as Token;
    const after = doc.tokens[k + 1] as Token;
    if (after.gap !== ' ' || a.kind !== 'word' || a.script !== 'cyr') break;
    // Verbal nouns share the adjectives' "-ие" ("нарушение Конвенции").
    if (!RU_ADJECTIVE.test(a.key) || VERBAL_NOUN.test(a.key)) break;
    const covered = doc.coveredBy[k];
    if (covered && covered.type !== 'LOC' && covered.type !== 'TREATY') break;
    if (COMMERCIAL_ADJECTIVE_RU.test(a.key)) return;
    // «Национальная конвенция», «Конституционный конвент»: assemblies and parties.
    if (head?.lemma === 'конвенция' && /^(?:национальн|конституционн)/.test(a.key)) return;
    if (INTERNATIONAL_ADJECTIVE_RU.test(a.key)) evidence = true;
    else if (COMPOUND_PLACE_ADJECTIVE.test(a.key)) evidence = true;
    else if (PLACE_ADJECTIVE.test(a.key) && (a.shape === 'lower' || !a.sentenceStart))
      evidence = evidence || !deal;
    // A capitalised adjective inside a sentence makes a name ("Антикоминтерновский пакт").
    else if (isCapWord(doc, k) && !a.sentenceStart && !deal) evidence = true;
    start = k;
  }
  const next = doc.tokens[i + 1];
  if (next && next.gap === ' ' && COMMERCIAL_NOUN_RU.test(next.key)) return;
  let end = i + 1;
  // «соглашение 1994 года»: a dated agreement.
  if (
    !deal &&
    next?.gap === ' ' &&
    next.kind === 'num' &&
    YEAR.test(next.key) &&
    YEAR_WORDS.has(doc.tokens[i + 2]?.key ?? '')
  ) {
    evidence = true;
    end = i + 3;
  }
  // «сделка ОПЕК+», «соглашение ЕС»: an international body's; «договор с Ираном»: a state's.
  if (!evidence && next?.gap === ' ') {
    const body = doc.coveredBy[i + 1];
    if (body?.type === 'ORG' && STATE_BODIES.has(body.canonical) && next.shape === 'upper')
      evidence = true;
    if ((next.key === 'с' || next.key === 'со') && doc.coveredBy[i + 2]?.type === 'LOC')
      evidence = true;
  }
  // «нарушение Конвенции»: a capitalised head inside a sentence stands for a named instrument.
  if (
    !evidence &&
    !deal &&
    t.shape === 'title' &&
    !t.sentenceStart &&
    head?.lemma !== 'договоренность' &&
    head?.lemma !== 'декларация'
  )
    evidence = true;
  // Parties: «договорённости между Россией и Турцией» (the places stay places).
  if (!evidence && next?.gap === ' ' && next.key === 'между') {
    let parties = 0;
    for (let k = i + 2; k < doc.tokens.length && k < i + 8; k++) {
      const w = doc.tokens[k] as Token;
      if (doc.coveredBy[k]?.type === 'LOC') parties++;
      else if (w.key !== 'и' && w.text !== ',' && !isCapWord(doc, k)) break;
    }
    evidence = parties >= 2;
  }
  if (!evidence) return;
  // Extend a name found by treaties.ts at the same head ("…договор о сокращении вооружений").
  for (let c = doc.candidates.length - 1; c >= 0 && c >= doc.candidates.length - 3; c--) {
    const other = doc.candidates[c] as Candidate;
    if (other.type !== 'TREATY' || other.start > i || other.end <= i) continue;
    start = Math.min(start, other.start);
    end = Math.max(end, other.end);
  }
  doc.candidates.push({
    start,
    end,
    type: 'TREATY',
    canonical: spanText(doc, start, end),
    tier: 3,
  });
}

/** Places and international bodies around [start, end), and companies or private parties. */
export function privateContext(doc: Doc, start: number, end: number): boolean {
  const [from, to] = windowOf(doc, start, end);
  let places = 0;
  let privateParties = 0;
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (placeOrBody(doc, k)) places++;
    else if (t.script === 'cyr' && PRIVATE_PARTY_RU.test(t.key)) privateParties++;
    else if (doc.coveredBy[k]?.type === 'ORG' && COMPANIES.has(doc.coveredBy[k]?.canonical ?? ''))
      privateParties++;
    // Latin-script names in Russian text are mostly companies and brands ("Tumblr").
    else if (t.script === 'lat' && t.shape !== 'lower' && !doc.coveredBy[k]) privateParties++;
  }
  return privateParties > 0 && places === 0;
}

/** Proposes the generic treaty heads at token i (called per token by treaties.ts). */
export function proposeGenericTreaty(doc: Doc, i: number): void {
  const t = doc.tokens[i] as Token;
  if (t.kind !== 'word') return;
  if (t.script === 'cyr') russianGeneric(doc, i);
  else if (t.script === 'lat') englishGeneric(doc, i);
}

/**
 * Treaty names found by pattern: "Договор/Соглашение/Конвенция … о|об|по …" over the name
 * phrase, "Treaty on …", "… Agreement", and article references ("статья 5", "Article 5").
 * Known treaty names and the treaty-law glossary come from the phrase lexicon.
 */

import { TREATY_HEADS_EN } from './curated/treaties';
import {
  COMMERCIAL_ADJECTIVE_RU,
  COMMERCIAL_NOUN_RU,
  COMMERCIAL_WORDS_EN,
} from './curated/treaty-cues';
import {
  adjectiveNominative,
  looksLikeNominal,
  looksLikeVerb,
  NAME_STOP_WORDS,
  treatyHead,
} from './russian';
import {
  type Candidate,
  isCapWord,
  newCandidate,
  spanText,
  type TokenizedText,
} from './tokenized-text';
import type { Token } from './tokens';
import {
  privateContext,
  privatePartyNear,
  proposeGenericTreaty,
  statesNamed,
} from './treaty-generic';
import { checkTreatySenses } from './treaty-senses';

const RU_NAME_PREPOSITIONS = new Set(['о', 'об', 'обо', 'по']);
const RU_ARTICLE = new Set(['статья', 'статьи', 'статье', 'статью', 'статьей', 'статьею']);
// "в области/в сфере …" continues a name ("Соглашение о сотрудничестве в области …").
const RU_FIELD = new Set(['области', 'сфере']);

const EN_HEADS: ReadonlySet<string> = new Set(TREATY_HEADS_EN);
const EN_NAME_PREPOSITIONS = new Set(['on', 'of', 'for', 'between', 'concerning']);
const EN_CONNECTORS = new Set(['the', 'of', 'and', 'on', 'in', 'for', 'to', 'against', '-']);
const EN_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'new']);

function capitalize(s: string): string {
  return (s[0] ?? '').toUpperCase() + s.slice(1);
}

/** Index of the first lower-case "и" within the next few tokens before any punctuation. */
function listContinues(tokenized: TokenizedText, from: number): boolean {
  for (let k = from; k < from + 6; k++) {
    const t = tokenized.tokens[k];
    if (!t || t.gap === '\n') return false;
    if (t.kind === 'punct') return t.text === ',';
    if (t.key === 'и') return true;
  }
  return false;
}

const STATES_NOUN = /^(?:странами|государствами|державами)$/;
const PARTY_COUNT = new Set(['двумя', 'тремя', 'обеими', 'всеми']);

const RU_ADJECTIVE = /(?:ая|ой|ую|ое|ого|ому|ом|ий|ый|ые|ие|ых|их|ым|им|ыми|ими|ей|юю|яя)$/;

/**
 * "Договор о …", and in lower case too ("соглашения о разделе власти": Russian news name
 * agreements by what they settle), with capitalised adjectives before the head ("Европейской
 * конвенции о защите прав человека").
 */
function russianName(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  const head = treatyHead(t.key);
  if (!head) return;
  const capital = isCapWord(tokenized, i) || t.shape === 'upper';
  // Lower-case "договорённость о …" is any understanding, not an instrument.
  // Lower-case "протокол о/об …" is mostly a police report ("протокол об административном
  // правонарушении").
  // Lower-case "декларация о …" is a tax or customs return.
  if (
    !capital &&
    (head.lemma === 'договоренность' || head.lemma === 'протокол' || head.lemma === 'декларация')
  )
    return;
  // "трудовой договор о …", "договор о покупке …": private contracts (curated/treaty-cues.ts).
  const before = tokenized.tokens[i - 1];
  if (before && t.gap === ' ' && COMMERCIAL_ADJECTIVE_RU.test(before.key)) return;
  let start = i;
  while (start > i - 2) {
    const a = tokenized.tokens[start - 1];
    const after = tokenized.tokens[start] as Token;
    if (!a || after.gap !== ' ' || !isCapWord(tokenized, start - 1) || !RU_ADJECTIVE.test(a.key))
      break;
    if (tokenized.coveredBy[start - 1] && tokenized.coveredBy[start - 1]?.type !== 'LOC') break;
    start--;
  }
  // Between the head and "о/об/по": the parties ("между Россией и Южной Осетией") or an
  // organisation's abbreviation ("Рамочной конвенции ООН по изменению климата").
  let p = i + 1;
  const first = tokenized.tokens[p];
  if (first?.gap === ' ' && first.key === 'между') {
    let q = p + 1;
    let parties = 0;
    while (q < tokenized.tokens.length && q < p + 10) {
      const w = tokenized.tokens[q] as Token;
      if (w.gap === '\n') break;
      if (tokenized.coveredBy[q]?.type === 'LOC' || isCapWord(tokenized, q) || w.shape === 'upper')
        parties++;
      // «между двумя странами», «между государствами»: the parties are states.
      else if (STATES_NOUN.test(w.key)) parties += 2;
      else if (w.key !== 'и' && w.text !== ',' && !PARTY_COUNT.has(w.key)) break;
      q++;
    }
    if (parties >= 2) p = q;
  } else if (first?.gap === ' ' && first.shape === 'upper' && first.text.length >= 2) p++;
  const prep = tokenized.tokens[p];
  if (prep?.gap !== ' ' || !RU_NAME_PREPOSITIONS.has(prep.key)) return;
  for (let k = p + 1; k <= p + 2; k++) {
    const w = tokenized.tokens[k];
    if (w && w.shape === 'lower' && COMMERCIAL_NOUN_RU.test(w.key)) return;
  }
  let end = -1;
  let k = p + 1;
  let words = 0;
  while (k < tokenized.tokens.length && words < 12) {
    const w = tokenized.tokens[k] as Token;
    if (w.gap === '\n') break;
    if (w.kind === 'punct') {
      if (w.text === ',' && end === k && listContinues(tokenized, k + 1)) {
        k++;
        // "…, и …": the conjunction after the comma joins, it does not end the name.
        if (tokenized.tokens[k]?.key === 'и') k++;
        continue;
      }
      if (w.text === '-' && w.gap === '') {
        k++;
        continue;
      }
      break;
    }
    if (w.kind !== 'word') break;
    if (w.key === 'и' && end === k) {
      k++;
      continue;
    }
    // "о мерах по дальнейшему сокращению …": "по" joins two parts of one name.
    if (w.key === 'по' && end === k && words > 0) {
      const next = tokenized.tokens[k + 1];
      if (
        next &&
        next.shape === 'lower' &&
        looksLikeNominal(next.key) &&
        !looksLikeVerb(next.key)
      ) {
        k++;
        continue;
      }
    }
    if (w.key === 'в' && RU_FIELD.has(tokenized.tokens[k + 1]?.key ?? '') && end === k) {
      k += 2;
      end = k;
      words += 2;
      continue;
    }
    const covered = tokenized.coveredBy[k];
    // «соглашение по ФСЭГ», «договор о РСМД»: an abbreviation is the whole subject.
    if (words === 0 && w.shape === 'upper' && w.text.length >= 2 && covered?.type !== 'LOC') {
      words++;
      k++;
      end = k;
      break;
    }
    if (covered && covered.type !== 'TREATY') break;
    if (w.shape === 'upper' || NAME_STOP_WORDS.has(w.key)) break;
    // A capitalised word after the name's first words is the next sentence part ("… власти
    // Мугабе остался"), unless a treaty phrase covers it.
    if (words > 0 && w.shape !== 'lower' && covered?.type !== 'TREATY') break;
    if (looksLikeVerb(w.key)) break;
    // Genitive chains continue a name ("о защите прав человека"): after the first word any
    // lower-case non-verb of three letters or more.
    if (!looksLikeNominal(w.key) && !(words > 0 && w.shape === 'lower' && w.key.length >= 3)) break;
    words++;
    k++;
    end = k;
  }
  if (end < 0 || words === 0) return;
  // A lower-case "соглашение о сотрудничестве" among companies is a business agreement.
  if (!capital && start === i && p === i + 1 && privateContext(tokenized, i, end)) return;
  const rest = spanText(tokenized, i + 1, end);
  const adjectives: string[] = [];
  for (let k2 = start; k2 < i; k2++) {
    const a = tokenized.tokens[k2] as Token;
    adjectives.push(capitalize(adjectiveNominative(a.key, head.gender, head.plural)));
  }
  const headWord = adjectives.length ? head.nominative : capitalize(head.nominative);
  const canonical = [...adjectives, headWord, rest].join(' ');
  tokenized.candidates.push(newCandidate(start, end, 'TREATY', canonical, 4));
}

/** Regions that name a treaty's area ("in Europe", "in the Middle East"), not its venue. */
const TREATY_REGIONS = new Set([
  'europe',
  'asia',
  'africa',
  'america',
  'americas',
  'latin',
  'central',
  'southeast',
  'south',
  'east',
  'middle',
  'pacific',
  'atlantic',
  'arctic',
  'antarctica',
  'antarctic',
  'baltic',
  'balkans',
  'mediterranean',
  'caribbean',
  'korea',
  'cambodia',
  'bosnia',
]);

/** A place (not a region) after "in" at k, skipping "the". */
function placeAfter(tokenized: TokenizedText, k: number): boolean {
  const w = tokenized.tokens[k]?.key === 'the' ? k + 1 : k;
  const t = tokenized.tokens[w];
  if (!t || TREATY_REGIONS.has(t.key)) return false;
  return tokenized.coveredBy[w]?.type === 'LOC';
}

const VENUE_WORDS = new Set(['center', 'centre', 'hall', 'bureau', 'complex', 'arena', 'street']);

const ASSEMBLY_WORDS = new Set(['national', 'constitutional', 'party', 'republican', 'democratic']);

function englishName(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  if (!EN_HEADS.has(t.key) || t.shape !== 'title' || tokenized.capsLine[i]) return;
  // Capitalised words before the head: "Non-Proliferation Treaty", "Good Friday Agreement".
  let start = i;
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const w = tokenized.tokens[k] as Token;
    const next = tokenized.tokens[k + 1] as Token;
    if (next.gap === '\n') break;
    if (w.kind === 'punct' && w.text === '-' && next.gap === '') continue;
    if (!isCapWord(tokenized, k) && !(w.shape === 'upper' && w.kind === 'word')) break;
    if (EN_DETERMINERS.has(w.key)) break;
    const covered = tokenized.coveredBy[k];
    if (covered && covered.type === 'ORG') break;
    start = k;
  }
  // A prepositional name after it: "Treaty on the Non-Proliferation of Nuclear Weapons".
  let end = i + 1;
  const prep = tokenized.tokens[i + 1];
  if (prep && prep.gap === ' ' && EN_NAME_PREPOSITIONS.has(prep.key)) {
    let k = i + 2;
    let lastCap = -1;
    while (k < tokenized.tokens.length && k < i + 14) {
      const w = tokenized.tokens[k] as Token;
      if (w.gap === '\n') break;
      // "… Partnership in Pyongyang": the place of signature is no part of the name, a region
      // is ("… Armed Forces in Europe").
      if (w.key === 'in' && placeAfter(tokenized, k + 1)) break;
      if (isCapWord(tokenized, k) || (w.kind === 'word' && w.shape === 'upper')) lastCap = k;
      else if (!EN_CONNECTORS.has(w.key)) break;
      k++;
    }
    if (lastCap > 0) end = lastCap + 1;
  }
  if (start === i && end === i + 1) return;
  // "Merger Agreement", "Collective Bargaining Agreement": a business contract's name.
  for (let k = start; k < i; k++)
    if (COMMERCIAL_WORDS_EN.has((tokenized.tokens[k] as Token).key)) return;
  // "Democratic National Convention", "Constitutional Convention": assemblies, not treaties;
  // "the Javits Convention Center": a building.
  if (t.key === 'convention' && ASSEMBLY_WORDS.has(tokenized.tokens[i - 1]?.key ?? '')) return;
  if (end === i + 1 && VENUE_WORDS.has(tokenized.tokens[i + 1]?.key ?? '')) return;
  const canonical = spanText(tokenized, start, end);
  tokenized.candidates.push(newCandidate(start, end, 'TREATY', canonical, 4));
}

/** Words after "статья N" / "Article N" that say it is a treaty's article, not a code's. */
const RU_TREATY_GENITIVE =
  /^(?:договора|соглашения|конвенции|пакта|протокола|устава|хартии|меморандума)$/;
const EN_TREATY_WORDS = new Set([
  'treaty',
  'agreement',
  'accord',
  'convention',
  'pact',
  'protocol',
  'charter',
  'memorandum',
]);

/**
 * Whether "статья N" / "Article N" at i refers to a treaty: a treaty head or treaty name follows
 * within a few words ("статье 5 договора", "Article 5 of the North Atlantic Treaty"). Articles of
 * criminal and administrative codes ("статье 19.7 КоАП") are not treaty terms.
 */
function treatyArticle(tokenized: TokenizedText, i: number, english: boolean): boolean {
  for (let k = i + 2; k < tokenized.tokens.length && k < i + 8; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.gap === '\n') return false;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '«' && t.text !== '"') {
      // "статья 128.1": a code's numbering.
      if (t.text === '.' && t.gap === '' && tokenized.tokens[k + 1]?.kind === 'num') return false;
      if (t.text !== '.') return false;
      continue;
    }
    if (tokenized.coveredBy[k]?.type === 'TREATY' && !tokenized.coveredBy[k]?.anyCase) return true;
    if (english ? EN_TREATY_WORDS.has(t.key) : RU_TREATY_GENITIVE.test(t.key)) return true;
    if (t.shape === 'upper' && t.text.length > 1 && !english) return false; // УК, КоАП, ГК
  }
  return false;
}

function article(tokenized: TokenizedText, i: number): void {
  const t = tokenized.tokens[i] as Token;
  const num = tokenized.tokens[i + 1];
  if (num?.gap !== ' ' || num.kind !== 'num') return;
  if (RU_ARTICLE.has(t.key)) {
    if (!treatyArticle(tokenized, i, false)) return;
    tokenized.candidates.push(newCandidate(i, i + 2, 'TREATY', `статья ${num.text}`, 4));
  } else if (t.key === 'article') {
    if (!treatyArticle(tokenized, i, true)) return;
    tokenized.candidates.push(newCandidate(i, i + 2, 'TREATY', `Article ${num.text}`, 4));
  }
}

/**
 * Glossary terms that laws, decrees and verdicts share with treaties ("Указ вступает в силу со
 * дня его подписания"): marked only near a treaty word or name (within CONTEXT tokens).
 */
const NEEDS_CONTEXT = new Set([
  'вступление в силу',
  'подписание',
  'signature',
  'оговорка',
  'присоединение',
  'entry into force',
  'reservation',
  'accession',
  'depositary',
  'депозитарий',
  // Neighbours and societies help each other too («касса взаимной помощи»).
  'взаимная помощь',
  'mutual assistance',
]);
const CONTEXT = 15;

/**
 * Signing is everyday (contracts, decrees, letters, players): a signing word is a treaty term
 * only near a treaty mark, or with a treaty head as its object («подписали соглашение») where
 * states are named and no company is.
 */
const NEEDS_TREATY_MARK = new Set(['подписание', 'signature']);

function signsTreatyHead(tokenized: TokenizedText, c: Candidate): boolean {
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 4; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind === 'punct' || t.gap === '\n') return false;
    if (treatyHead(t.key) || EN_HEADS.has(t.key)) {
      // «подписал соглашение о покупке …»: a private contract.
      for (let j = k + 1; j <= k + 3; j++) {
        const w = tokenized.tokens[j];
        if (w && w.shape === 'lower' && COMMERCIAL_NOUN_RU.test(w.key)) return false;
      }
      return !privatePartyNear(tokenized, c.start, k + 1) && statesNamed(tokenized, c.start, k + 1);
    }
  }
  // "a signing ceremony" among states.
  const last = tokenized.tokens[c.end - 1] as Token;
  return (
    last.key === 'ceremony' &&
    statesNamed(tokenized, c.start, c.end) &&
    !privateContext(tokenized, c.start, c.end)
  );
}

function treatyWordAt(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k] as Token;
  if (t.kind !== 'word') return false;
  if (treatyHead(t.key) || EN_HEADS.has(t.key)) return true;
  const e = tokenized.coveredBy[k];
  return !!e && e.type === 'TREATY' && !e.anyCase;
}

function dropContextless(tokenized: TokenizedText): void {
  const n = tokenized.tokens.length;
  // Prefix counts of treaty words, for a constant-time window test (linear overall).
  const prefix = new Int32Array(n + 1);
  for (let k = 0; k < n; k++)
    prefix[k + 1] = (prefix[k] as number) + (treatyWordAt(tokenized, k) ? 1 : 0);
  const named = new Uint8Array(n + 1);
  for (const c of tokenized.candidates) {
    if (c.type === 'TREATY' && !NEEDS_CONTEXT.has(c.canonical)) {
      for (let k = c.start; k < c.end; k++) named[k] = 1;
    }
  }
  const namedPrefix = new Int32Array(n + 1);
  for (let k = 0; k < n; k++)
    namedPrefix[k + 1] = (namedPrefix[k] as number) + (named[k] as number);
  tokenized.candidates = tokenized.candidates.filter((c) => {
    if (c.type !== 'TREATY' || !NEEDS_CONTEXT.has(c.canonical)) return true;
    const from = Math.max(0, c.start - CONTEXT);
    const to = Math.min(n, c.end + CONTEXT);
    if (NEEDS_TREATY_MARK.has(c.canonical))
      return (
        (namedPrefix[to] as number) - (namedPrefix[from] as number) > 0 ||
        signsTreatyHead(tokenized, c)
      );
    return (
      (prefix[to] as number) - (prefix[from] as number) > 0 ||
      (namedPrefix[to] as number) - (namedPrefix[from] as number) > 0
    );
  });
}

export function proposeTreaties(tokenized: TokenizedText): void {
  if (tokenized.lang === 'other') return;
  for (let i = 0; i < tokenized.tokens.length; i++) {
    const t = tokenized.tokens[i] as Token;
    if (t.kind !== 'word') continue;
    if (t.script === 'cyr') russianName(tokenized, i);
    else if (t.script === 'lat') englishName(tokenized, i);
    article(tokenized, i);
    proposeGenericTreaty(tokenized, i);
  }
}

/** Drops context-dependent glossary terms with no treaty nearby (call after all proposals). */
export function checkTreatyContext(tokenized: TokenizedText): void {
  if (tokenized.lang === 'other') return;
  // Senses first: a mark dropped there is no context for a signing or an entry into force.
  checkTreatySenses(tokenized);
  dropContextless(tokenized);
}

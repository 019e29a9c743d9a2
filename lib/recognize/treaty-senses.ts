/**
 * Glossary words that are treaty terms in one sense only: accession to a treaty, not the
 * annexation of a territory («присоединение Техаса к США»); signature of a treaty, not of a
 * contract or a decree («подписание контракта»); sanctions between states, not a penalty of a
 * sports body or a court ("FIFA imposed sanctions on the club"); and «санкция» in the singular,
 * which is an authorisation («санкция прокурора»). Runs after every treaty proposal.
 */
import {
  DOMESTIC_SANCTION_CUE_RU,
  DOMESTIC_SANCTION_CUES_EN,
  INTERNATIONAL_SANCTION_ADJECTIVE_RU,
  NON_STATE_RATIFIERS,
  NON_TREATY_SIGNED_RU,
  STATE_BODIES,
} from './curated/treaty-cues';
import { treatyHead } from './russian';
import type { Candidate, TokenizedText } from './tokenized-text';
import type { Token } from './tokens';
import { privateContext, statesNamed } from './treaty-generic';

const WINDOW = 10;

/** A place the lexicon knows or an international body (ООН, EU). */
function placeOrBody(tokenized: TokenizedText, k: number): boolean {
  const e = tokenized.coveredBy[k];
  return !!e && (e.type === 'LOC' || (e.type === 'ORG' && STATE_BODIES.has(e.canonical)));
}

function isTreatyWord(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k];
  if (t?.kind !== 'word') return false;
  const e = tokenized.coveredBy[k];
  if (e?.type === 'TREATY' && !e.anyCase) return true;
  return (
    !!treatyHead(t.key) || /^(?:treaty|treaties|agreement|convention|protocol|pact)s?$/.test(t.key)
  );
}

/**
 * «присоединение X к Y» / "X's accession to Y": annexation when Y is a place, accession when Y
 * is a treaty or an organisation. Without "к/to" the context rule of treaties.ts decides.
 */
function annexation(tokenized: TokenizedText, c: Candidate): boolean {
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 6; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind === 'punct' || t.gap === '\n') return false;
    if (t.key !== 'к' && t.key !== 'ко' && t.key !== 'to') continue;
    for (let j = k + 1; j < tokenized.tokens.length && j < k + 4; j++) {
      // "accession to the throne", "to power": a ruler's.
      if (RULERS_ACCESSION.has(tokenized.tokens[j]?.key ?? '')) return true;
      if (isTreatyWord(tokenized, j)) return false;
      if (tokenized.coveredBy[j]?.type === 'LOC') return true;
    }
    return false;
  }
  return false;
}

const RULERS_ACCESSION = new Set(['throne', 'power', 'престолу', 'престол', 'власти', 'трону']);

/**
 * "expressed reservations about the deal": doubts, not a reservation to a treaty (which is
 * entered, made, formulated or withdrawn).
 */
function doubts(tokenized: TokenizedText, c: Candidate): boolean {
  const next = tokenized.tokens[c.end]?.key ?? '';
  const prev = tokenized.tokens[c.start - 1]?.key ?? '';
  return DOUBT_AFTER.has(next) || DOUBT_BEFORE.has(prev);
}

const DOUBT_AFTER = new Set(['about', 'over', 'regarding']);
const DOUBT_BEFORE = new Set([
  'expressed',
  'voiced',
  'serious',
  'strong',
  'some',
  'deep',
  'grave',
  'had',
  'have',
  'has',
  'without',
  'no',
  'any',
]);

/**
 * «оговорка к Конвенции»: a reservation names its treaty right after it; «с оговоркой», «без
 * оговорок», «оговорка о форс-мажоре» are caveats and contract clauses.
 */
function treatyAfter(tokenized: TokenizedText, c: Candidate): boolean {
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 5; k++) {
    if (isTreatyWord(tokenized, k)) return true;
    if ((tokenized.tokens[k] as Token).kind === 'punct') return false;
  }
  return false;
}

/** "denunciation of the violence" is condemnation: a treaty must be its object. */
function condemnation(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.end - c.start > 1) return false; // "denounce the treaty"
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 5; k++) {
    if (isTreatyWord(tokenized, k)) return false;
    const t = tokenized.tokens[k] as Token;
    if (t.kind === 'punct') break;
  }
  return true;
}

/**
 * Strategic partnerships and framework agreements are also companies' («Сбербанк и Яндекс
 * заключили рамочное соглашение»): not with companies around and no state.
 */
function businessOnly(tokenized: TokenizedText, c: Candidate): boolean {
  // English company names are not in the lexicon: a state must be in sight.
  if (tokenized.lang === 'en') return !statesNamed(tokenized, c.start, c.end);
  return privateContext(tokenized, c.start, c.end);
}

/** «подписание контракта/указа/закона»: the object is no treaty. */
function nonTreatySignature(tokenized: TokenizedText, c: Candidate): boolean {
  const next = tokenized.tokens[c.end];
  return (
    !!next && next.gap === ' ' && next.shape === 'lower' && NON_TREATY_SIGNED_RU.test(next.key)
  );
}

const EN_SANCTION_ADJECTIVES = new Set([
  'international',
  'economic',
  'western',
  'trade',
  'oil',
  'financial',
  'sectoral',
  'secondary',
  'targeted',
  'unilateral',
  'multilateral',
  'arms',
  'punitive',
  'tougher',
  'crippling',
]);

/** Right next to «санкции»/"sanctions": who imposes them or on whom, if a state or body. */
function internationalSanctions(tokenized: TokenizedText, c: Candidate): boolean {
  const prev = tokenized.tokens[c.start - 1];
  if (
    prev &&
    (placeOrBody(tokenized, c.start - 1) ||
      (prev.key === '.' && placeOrBody(tokenized, c.start - 2)))
  )
    return true;
  if (prev?.script === 'cyr') {
    if (INTERNATIONAL_SANCTION_ADJECTIVE_RU.test(prev.key)) return true;
    if (/(?:ск|цк)(?:ие|их|ими|им)$/.test(prev.key)) return true; // американские, европейские
  } else if (
    prev &&
    (EN_SANCTION_ADJECTIVES.has(prev.key) ||
      (/(?:an|ian|ese|ish)$/.test(prev.key) && prev.shape === 'title'))
  )
    return true;
  // «санкции ЕС», «санкции против России», "sanctions on Iran", «в отношении Ирана».
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 4; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.gap === '\n' || (t.kind === 'punct' && t.text !== '.')) return false;
    if (placeOrBody(tokenized, k)) return true;
    if (/(?:ск|цк)(?:ой|ого|их|ую|ие)$/.test(t.key) && t.script === 'cyr') return true;
    if (
      !['против', 'в', 'отношении', 'on', 'against', 'the', 'over', 'от', 'со', 'стороны'].includes(
        t.key,
      )
    )
      return false;
  }
  return false;
}

const PRESS = new Set(['news', 'press', 'media', 'information', 'publication', 'информационное']);

/**
 * The verb: "the U.S. sanctioned five Russian officials" (a state sanctions a state's people);
 * "an officially sanctioned event" is approval.
 */
function statesSanction(tokenized: TokenizedText, c: Candidate): boolean {
  for (let k = c.start - 1; k >= 0 && k >= c.start - 3; k--) {
    if (placeOrBody(tokenized, k)) return true;
    if ((tokenized.tokens[k] as Token).kind === 'punct' && tokenized.tokens[k]?.text !== '.') break;
  }
  for (let k = c.end; k < tokenized.tokens.length && k < c.end + 4; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind === 'punct') break;
    if (placeOrBody(tokenized, k) || (t.shape === 'title' && /(?:an|ian|ese|ish|i)$/.test(t.key)))
      return true;
  }
  return false;
}

const SINGULAR_SANCTION = new Set(['санкция', 'санкцию', 'санкцией', 'санкциею']);

function domesticSanctions(tokenized: TokenizedText, c: Candidate): boolean {
  // "Belgium bank sanctions $6.5 mln loan": the verb "to approve".
  const next = tokenized.tokens[c.end];
  if (next && (next.text === '$' || next.kind === 'num')) return true;
  // "a news embargo": the press's.
  if (PRESS.has(tokenized.tokens[c.start - 1]?.key ?? '')) return true;
  if (internationalSanctions(tokenized, c)) return false;
  if (SINGULAR_SANCTION.has((tokenized.tokens[c.start] as Token).key)) return true;
  const from = Math.max(0, c.start - WINDOW);
  const to = Math.min(tokenized.tokens.length, c.end + WINDOW);
  for (let k = from; k < to; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (
      t.script === 'cyr'
        ? DOMESTIC_SANCTION_CUE_RU.test(t.key)
        : DOMESTIC_SANCTION_CUES_EN.has(t.key)
    )
      return true;
  }
  return false;
}

/**
 * "Shareholders ratified the merger", «собрание акционеров ратифицировало»: a ratification by
 * others than states, with no treaty word, treaty mark or state within the window.
 */
function privateRatification(tokenized: TokenizedText, c: Candidate): boolean {
  const from = Math.max(0, c.start - WINDOW);
  const to = Math.min(tokenized.tokens.length, c.end + WINDOW);
  let others = false;
  for (let k = from; k < to; k++) {
    if (k >= c.start && k < c.end) continue;
    if (isTreatyWord(tokenized, k) || placeOrBody(tokenized, k)) return false;
    const t = tokenized.tokens[k] as Token;
    if (NON_STATE_RATIFIERS.has(t.key)) others = true;
  }
  return others;
}

/** Drops glossary marks used in their everyday sense (call after all treaty proposals). */
export function checkTreatySenses(tokenized: TokenizedText): void {
  tokenized.candidates = tokenized.candidates.filter((c) => {
    if (c.type !== 'TREATY') return true;
    switch (c.canonical) {
      case 'присоединение':
      case 'accession':
        return !annexation(tokenized, c);
      case 'подписание':
        return !nonTreatySignature(tokenized, c);
      case 'ratification':
      case 'ратификация':
        return !privateRatification(tokenized, c);
      case 'санкции':
      case 'sanctions':
      case 'эмбарго':
      case 'embargo':
        return !domesticSanctions(tokenized, c);
      case 'sanctioned':
        return statesSanction(tokenized, c);
      case 'reservation':
        return !doubts(tokenized, c);
      case 'оговорка':
        return treatyAfter(tokenized, c);
      case 'denunciation':
        return !condemnation(tokenized, c);
      case 'рамочное соглашение':
      case 'framework agreement':
      case 'стратегическое партнёрство':
      case 'всеобъемлющее стратегическое партнёрство':
      case 'comprehensive strategic partnership':
        return !businessOnly(tokenized, c);
      default:
        return true;
    }
  });
}

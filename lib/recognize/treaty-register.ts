/**
 * Registered treaties in a text (the register: curated/treaty-register.ts; its table: the
 * lexicon's `treaties`). Two steps of the rules layer:
 * - proposeRegisteredForms: abbreviations and other case-sensitive forms ("NPT", "ДНЯО",
 *   "СНВ-3", "New START"), matched exactly as written; those that are also common words or
 *   other things' names ("INF", "ДОН", "ABM") only near a treaty word.
 * - attachRegisteredTreaties: every TREATY candidate whose name is a registered name (found by
 *   the phrase lexicon, which holds every case form of the register's names, or by the treaty
 *   patterns) gets the treaty's id, names and year. A name several treaties share ("Договор о
 *   всеобъемлющем стратегическом партнёрстве") is tied to the one whose party is named nearest.
 */
import type { TreatyInfo } from '../entities';
import { lexiconData } from './data/source';
import type { LexiconData } from './lexicon-format';
import { treatyHead } from './russian';
import { type Candidate, newCandidate, type TokenizedText } from './tokenized-text';
import { type Token, tokenize } from './tokens';
import { type DecodedRegister, decodeRegister, registerKey } from './treaty-register-data';

interface ExactPattern {
  texts: string[];
  /** Whether each token after the first follows the previous one with no space. */
  glued: boolean[];
  row: number;
  needsContext: boolean;
}

interface Register extends DecodedRegister {
  /** Exact forms by their first token's text, longest first. */
  byFirst: Map<string, ExactPattern[]>;
}

let shared: Register | null = null;

function register(): Register {
  if (shared) return shared;
  const decoded = decodeRegister((lexiconData() as LexiconData).treaties);
  const byFirst = new Map<string, ExactPattern[]>();
  for (const f of decoded.exact) {
    const tokens = tokenize(f.form);
    const first = tokens[0];
    if (!first) continue;
    const pattern: ExactPattern = {
      texts: tokens.map((t) => t.text),
      glued: tokens.map((t) => t.gap === ''),
      row: f.row,
      needsContext: f.needsContext,
    };
    const list = byFirst.get(first.text) ?? [];
    list.push(pattern);
    list.sort((a, b) => b.texts.length - a.texts.length);
    byFirst.set(first.text, list);
  }
  shared = { ...decoded, byFirst };
  return shared;
}

/** English words that make an ambiguous abbreviation a treaty's ("the INF treaty"). */
const EN_TREATY_WORDS = new Set([
  'treaty',
  'treaties',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'convention',
  'pact',
  'protocol',
]);
/** Tokens either side searched for a treaty word or a party. */
const CONTEXT = 15;
const PARTY_WINDOW = 40;

function treatyWordNear(tokenized: TokenizedText, start: number, end: number): boolean {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(tokenized.tokens.length, end + CONTEXT);
  for (let k = from; k < to; k++) {
    if (k >= start && k < end) continue;
    const t = tokenized.tokens[k] as Token;
    if (t.kind !== 'word') continue;
    if (EN_TREATY_WORDS.has(t.key) || treatyHead(t.key)) return true;
    const covered = tokenized.coveredBy[k];
    if (covered?.type === 'TREATY' && !covered.anyCase) return true;
  }
  return false;
}

function matchesAt(tokenized: TokenizedText, i: number, p: ExactPattern): boolean {
  for (let j = 0; j < p.texts.length; j++) {
    const t = tokenized.tokens[i + j];
    if (!t || t.text !== p.texts[j]) return false;
    if (j > 0 && (t.gap === '') !== p.glued[j]) return false;
  }
  // "NPT-" + a word, "СНВ-3" read as "СНВ": a glued continuation is another word.
  const next = tokenized.tokens[i + p.texts.length];
  return !(next && next.gap === '' && next.kind === 'word');
}

/**
 * An English word in a line of capitals ("SCIENTIST CITES NEW DATA"): there the capitals of an
 * abbreviation ("CITES") say nothing.
 */
function capsWord(tokenized: TokenizedText, start: number, end: number): boolean {
  if (!tokenized.capsLine[start]) return false;
  for (let k = start; k < end; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind === 'word' && t.script === 'lat' && tokenized.lex.isCommonWordEn(t.key)) return true;
  }
  return false;
}

function infoFor(reg: Register, row: number): TreatyInfo | undefined {
  return reg.rows[row]?.info;
}

/** Abbreviations and case-sensitive names of registered treaties, as TREATY candidates. */
export function proposeRegisteredForms(tokenized: TokenizedText): void {
  if (tokenized.lang === 'other') return;
  const reg = register();
  if (reg.byFirst.size === 0) return;
  const { tokens } = tokenized;
  for (let i = 0; i < tokens.length; i++) {
    const patterns = reg.byFirst.get((tokens[i] as Token).text);
    if (!patterns) continue;
    for (const p of patterns) {
      if (!matchesAt(tokenized, i, p)) continue;
      const end = i + p.texts.length;
      if ((p.needsContext || capsWord(tokenized, i, end)) && !treatyWordNear(tokenized, i, end))
        continue;
      const info = infoFor(reg, p.row);
      if (!info) continue;
      const canonical = (tokens[i] as Token).script === 'cyr' ? info.ru : info.en;
      const named = newCandidate(i, end, 'TREATY', canonical, 4);
      named.treaty = info;
      tokenized.candidates.push(named);
      for (let k = i; k < end; k++) {
        tokenized.coveredBy[k] ??= {
          type: 'TREATY',
          scope: 0,
          anyCase: false,
          curated: true,
          canonical,
        };
      }
      i = end - 1;
      break;
    }
  }
}

/** Distance in tokens from [start, end) to the nearest mention of one of the parties, or -1. */
function partyDistance(
  tokenized: TokenizedText,
  start: number,
  end: number,
  parties: readonly string[],
): number {
  const { tokens } = tokenized;
  const from = Math.max(0, start - PARTY_WINDOW);
  const to = Math.min(tokens.length, end + PARTY_WINDOW);
  let best = -1;
  for (let k = from; k < to; k++) {
    if (k >= start && k < end) continue;
    const t = tokens[k] as Token;
    if (t.kind !== 'word') continue;
    const two = `${t.key} ${tokens[k + 1]?.key ?? ''}`;
    if (!parties.some((p) => (p.includes(' ') ? two.startsWith(p) : t.key.startsWith(p)))) continue;
    const d = k < start ? start - k : k - end + 1;
    if (best < 0 || d < best) best = d;
  }
  return best;
}

/** The one row a generic name stands for here, by the nearest party named; -1 when unclear. */
function resolveGeneric(
  tokenized: TokenizedText,
  c: Candidate,
  reg: Register,
  rows: readonly number[],
): number {
  let bestRow = -1;
  let bestDistance = -1;
  let tie = false;
  for (const row of rows) {
    const d = partyDistance(tokenized, c.start, c.end, reg.rows[row]?.parties ?? []);
    if (d < 0) continue;
    if (bestDistance < 0 || d < bestDistance) {
      bestRow = row;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? -1 : bestRow;
}

/**
 * A name with its parties between the head and the subject ("Договор между Москвой и
 * Вашингтоном о мерах …", "Treaty between X and Y on …") without them: the register names
 * treaties by head and subject.
 */
function withoutParties(name: string): string | null {
  const m = /^(\S+(?: \S+)?) (?:между|between) .+? (о|об|обо|по|on|of|for) /u.exec(name);
  return m ? `${m[1]} ${m[2]} ${name.slice(m[0].length)}` : null;
}

/** Gives each TREATY candidate that names a registered treaty its id, names and year. */
export function attachRegisteredTreaties(tokenized: TokenizedText): void {
  if (tokenized.lang === 'other') return;
  const reg = register();
  if (reg.names.size === 0) return;
  // A generic name that one mention ties to a treaty stands for it throughout the text.
  const resolved = new Map<string, number>();
  const pending: { c: Candidate; key: string }[] = [];
  for (const c of tokenized.candidates) {
    if (c.type !== 'TREATY' || c.treaty) continue;
    let key = registerKey(c.canonical);
    let refs = reg.names.get(key);
    const bare = refs ? null : withoutParties(c.canonical);
    if (bare) {
      key = registerKey(bare);
      refs = reg.names.get(key);
    }
    if (!refs) continue;
    const named = refs.filter((r) => !r.generic);
    if (named.length === 1) {
      c.treaty = infoFor(reg, (named[0] as { row: number }).row);
      continue;
    }
    const row = resolveGeneric(
      tokenized,
      c,
      reg,
      refs.map((r) => r.row),
    );
    if (row >= 0) {
      c.treaty = infoFor(reg, row);
      if (!resolved.has(key)) resolved.set(key, row);
    } else pending.push({ c, key });
  }
  for (const { c, key } of pending) {
    const row = resolved.get(key);
    if (row !== undefined) c.treaty = infoFor(reg, row);
  }
  dropCoordinations(tokenized);
}

/**
 * A span that holds two whole registered names is a coordination the name patterns ran across
 * ("the Treaty on the Non-Proliferation of Nuclear Weapons and the Rome Statute"), not one name.
 */
function dropCoordinations(tokenized: TokenizedText): void {
  const registered = tokenized.candidates
    .filter((c) => c.type === 'TREATY' && c.treaty)
    .sort((a, b) => a.start - b.start);
  if (registered.length < 2) return;
  tokenized.candidates = tokenized.candidates.filter((c) => {
    if (c.type !== 'TREATY' || c.treaty) return true;
    // Disjoint registered names inside (a phrase and a pattern may both give the same one).
    let inside = 0;
    let lastEnd = -1;
    for (const r of registered) {
      if (r.start < c.start || r.end > c.end || r.start < lastEnd) continue;
      inside++;
      lastEnd = r.end;
    }
    return inside < 2;
  });
}

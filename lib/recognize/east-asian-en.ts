/**
 * East Asian names as English news writes them, found by their spelling rather than by the
 * tagger, which misses them at the start of a sentence and when the given name is split
 * ("Kim Jong Un ratified …", "Lee Teng-hui visited …", "Shinzo Abe said …").
 *
 * - Family name first (Chinese, Korean, Vietnamese): a family name of the lexicon's list
 *   (curated EAST_ASIAN_SURNAMES_EN) and a given name of one or two romanised syllables, written
 *   as one word ("Jinping": Pinyin jin + ping), hyphenated ("Jae-in", "Teng-hui") or as separate
 *   words ("Jong Un", "Xuan Phuc").
 * - Given name first (Japanese): two words that both spell out in Hepburn romanisation, the
 *   writing of Japanese names in English news ("Shinzo Abe", "Ryutaro Hashimoto"): every letter
 *   group a mora (consonant + vowel, or the moraic n), no c, l, q, v or x.
 */

import { FUNCTION_WORDS_EN } from './english';
import { type Candidate, newPerson, type TokenizedText } from './tokenized-text';
import type { Token } from './tokens';

/** A Pinyin syllable: initial and final (the standard table, ü written u or v). */
const PINYIN =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|iao|ian|ing|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|v)$/;

/** One or two Pinyin syllables ("jinping", "jiabao", "ping"). */
function pinyinGiven(word: string): boolean {
  if (PINYIN.test(word)) return true;
  for (let k = 1; k < word.length; k++) {
    if (PINYIN.test(word.slice(0, k)) && PINYIN.test(word.slice(k))) return true;
  }
  return false;
}

/**
 * One romanised syllable of Korean (Revised or McCune–Reischauer), Wade–Giles or Vietnamese
 * without tones: up to three consonant letters, a vowel group, an optional final consonant
 * ("jae", "teng", "hui", "geun", "hye", "xuan", "phuc", "kiet", "young").
 */
const SYLLABLE = /^[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|nh|ch|[nmkptlhc])?$/;

/** A given-name word: one or two syllables, hyphenated or run together in Pinyin. */
function givenWord(key: string): number {
  const parts = key.split('-');
  if (parts.length === 2 && parts.every((p) => SYLLABLE.test(p) || PINYIN.test(p))) return 2;
  if (parts.length !== 1) return 0;
  if (SYLLABLE.test(key) || PINYIN.test(key)) return 1;
  return pinyinGiven(key) ? 2 : 0;
}

/** Hepburn morae: (consonant) + vowel, or the moraic n; a doubled consonant is a geminate. */
const HEPBURN = /^(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|y|w|kk|ss|tt|pp|tch)?[aeiou]|n)+$/;

/** A word that spells out in Hepburn morae ("Shinzo", "Hashimoto"). */
export function japaneseWord(key: string): boolean {
  return key.length >= 3 && HEPBURN.test(key);
}

function capitalised(t: Token | undefined): t is Token {
  return !!t && t.kind === 'word' && t.script === 'lat' && t.shape === 'title';
}

/** A word that is already part of a place, organisation or treaty name of the lexicon. */
function inKnownName(tokenized: TokenizedText, i: number): boolean {
  const covered = tokenized.coveredBy[i];
  if (!covered || covered.type === 'PER') return false;
  // Acronyms written in title case are not the organisation ("Un" in "Kim Jong Un").
  const phrase = tokenized.phraseAt[i];
  const t = tokenized.tokens[i] as Token;
  return !(phrase && phrase.end === i + 1 && t.text.length <= 3 && covered.type === 'ORG');
}

/** Could token i be part of an East Asian name: capitalised, not a function or common word. */
function nameWord(tokenized: TokenizedText, i: number, gap: boolean): boolean {
  const t = tokenized.tokens[i];
  if (!capitalised(t) || (gap && t.gap !== ' ')) return false;
  return !FUNCTION_WORDS_EN.has(t.key) && !inKnownName(tokenized, i);
}

/** A word often capitalised in the news but rarely in a name ("Park"), or a common word. */
function weakName(tokenized: TokenizedText, key: string): boolean {
  return tokenized.lex.capsNotNames.has(key) || tokenized.lex.isCommonWordEn(key);
}

/** English auxiliaries, closed-class like the function words ("Pan Am" is no name). */
const AUXILIARIES = new Set('am is are was were be been has had have do does did'.split(' '));

function familyFirst(tokenized: TokenizedText, i: number): Candidate | null {
  const family = tokenized.tokens[i] as Token;
  if (tokenized.lex.eastAsianSurnames.get(family.key) === undefined) return null;
  let syllables = 0;
  let end = i + 1;
  while (end < tokenized.tokens.length && end - i <= 2 && nameWord(tokenized, end, true)) {
    const key = (tokenized.tokens[end] as Token).key;
    if (AUXILIARIES.has(key) || tokenized.lex.capsNotNames.has(key)) break;
    const n = givenWord(key);
    if (n === 0 || syllables + n > 2) break;
    syllables += n;
    end++;
  }
  if (syllables === 0) return null;
  // Only when the next word does not go on with capitals; a family name that is also an English
  // word ("Park", "Song") needs a two-syllable given name ("Park Geun-hye", not "Park Lane").
  if (capitalised(tokenized.tokens[end]) && tokenized.tokens[end]?.gap === ' ') return null;
  if (syllables === 1 && weakName(tokenized, family.key)) return null;
  const canonical = tokenized.tokens
    .slice(i, end)
    .map((t) => t.text)
    .join(' ');
  return newPerson(i, end, canonical, 4, {
    surname: canonical,
    surnameKeys: [canonical.toLowerCase()],
    eastAsian: true,
    full: true,
  });
}

function givenFirst(tokenized: TokenizedText, i: number): Candidate | null {
  const given = tokenized.tokens[i] as Token;
  const family = tokenized.tokens[i + 1];
  // The spelling first: most capitalised English words fail it at once.
  if (!family || !japaneseWord(given.key) || !japaneseWord(family.key)) return null;
  if (!nameWord(tokenized, i + 1, true)) return null;
  // Not an English word or given name, nor a longer run of capitals (a company: "Asahi Glass").
  for (const t of [given, family]) {
    if (weakName(tokenized, t.key) || tokenized.lex.isPlaceEn(t.key)) return null;
  }
  if (capitalised(tokenized.tokens[i + 2]) && tokenized.tokens[i + 2]?.gap === ' ') return null;
  if (capitalised(tokenized.tokens[i - 1]) && given.gap === ' ') return null;
  return newPerson(i, i + 2, `${given.text} ${family.text}`, 4, {
    first: given.text,
    surname: family.text,
    surnameKeys: [family.key],
    full: true,
  });
}

/** East Asian person names of an English text, by their spelling (see the module comment). */
export function eastAsianNamesEn(tokenized: TokenizedText): Candidate[] {
  const out: Candidate[] = [];
  const { tokens } = tokenized;
  for (let i = 0; i + 1 < tokens.length; i++) {
    // Both kinds are at least two capitalised words.
    if (!capitalised(tokens[i + 1]) || !nameWord(tokenized, i, false)) continue;
    const c = familyFirst(tokenized, i) ?? givenFirst(tokenized, i);
    if (!c) continue;
    out.push(c);
    i = c.end - 1;
  }
  return out;
}

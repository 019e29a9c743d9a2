/**
 * The shape of the generated lexicon (lib/recognize/data/lexicon.json), shared by the build
 * script that writes it and the runtime that reads it.
 */
import type { PeopleIndexData } from './people-index-data';
import type { TreatyRegisterData } from './treaty-register-data';

/** What a phrase of the lexicon names. ROLE marks words that introduce a person ("президент"). */
export type PhraseType = 'LOC' | 'ORG' | 'TREATY' | 'PER' | 'ROLE';

/** Which texts a phrase applies to (bit mask). */
export const SCOPE_RU = 1;
export const SCOPE_EN = 2;
export const SCOPE_OTHER = 4;

/** Phrase flags (bit mask). */
/** Matches in lower case too (treaty-law terms, roles). */
export const FLAG_ANY_CASE = 1;
/** Hand-curated (as opposed to learned from the train corpora): trusted more. */
export const FLAG_CURATED = 2;

/**
 * Lookup data is split into buckets by the first two characters of the key, so that the runtime
 * parses only the buckets a text needs (fast cold start in a content script).
 */
export function bucketOf(key: string): string {
  return key.slice(0, 2);
}

/**
 * Phrases. `entries` are rows "TYPE scope flags canonical" joined by "\n" (canonical may contain
 * spaces). `keys` maps a bucket to lines "key\tentry,entry" joined by "\n", sorted (the runtime
 * binary-searches them); entry indexes are base 36, and one prefixed with "~" means that this form is also a common word and needs stronger evidence
 * (capitalised inside a sentence). Keys are made by tokens.ts phraseKey.
 */
export interface PhraseData {
  entries: string;
  keys: Record<string, string>;
  /** Most words (space-separated) in a key. */
  maxWords: number;
  /**
   * First-token keys of the phrases that may start in lower case (roles, treaty terms), joined
   * by " ": other lower-case words never start a phrase, so the runtime skips them quickly.
   */
  lowerStarts: string;
}

/** Kinds of single-word lemmas. */
export type LemmaKind =
  /** first name */
  | 'F'
  /** surname known to the dictionary */
  | 'S'
  /** surname of a person often named alone in the news (learned from train data) */
  | 'P'
  /** place */
  | 'G';

export interface LexiconData {
  version: number;
  phrases: PhraseData;
  /** Word endings joined by ","; paradigms refer to them by index. */
  endings: string;
  /**
   * Paradigms: comma-separated `endingIndex:code`, code = case (n g d a i l) + number (s p) +
   * gender (m f n c -), e.g. "0:nsm,1:gsm".
   */
  paradigms: string[];
  /**
   * Lemmas by bucket of their stem: items `stem:KindParadigm` joined by " ", sorted, where Kind
   * is one letter (LemmaKind, in lower case when the lemma is also a common word: "вер:f2")
   * and Paradigm the paradigm index in base 36 ("путин:S3f").
   */
  lemmas: Record<string, string>;
  /**
   * East Asian family names and given-name syllables (lookup keys joined by " "); a family name
   * prefixed with "~" is also a common word ("Но", "Со").
   */
  eastAsian: { surnames: string; syllables: string };
  /** English given names (keys joined by " "). */
  firstNamesEn: string;
  /**
   * English common words, lower case, joined by " ": Hunspell en_US entries with no capitalised
   * entry of the same letters and no part of a train person's name.
   */
  commonWordsEn: string;
  /**
   * English place names that are no part of a person's name (lookup keys joined by "|"): a
   * gazetteer's cities and the country names, without any word of a train person's name.
   */
  placesEn: string;
  /**
   * Russian names of world cities (GeoNames alternate names, cities1000), for the rules only (the
   * tagger never reads them): sorted lines "stem\tendings[\tname]", one per city: the lookup keys
   * of its case forms are stem + each ending (comma-separated, the nominative's first, at most
   * MAX_CITY_ENDING letters); the name, when absent, is stem + first ending with a capital.
   */
  placesRu: string;
  /**
   * English names that are never a person's (lookup keys joined by "|"): companies of a company
   * dictionary, organisations and other names (nationalities, events) the train split labels
   * mostly so, demonyms of the country names; none with a word of a person's name.
   */
  notPeopleEn: string;
  /**
   * More English given names, for the rules only (the tagger reads firstNamesEn): the Moby first
   * names not in firstNamesEn (keys joined by " ").
   */
  givenNamesEn: string;
  /**
   * Words often written with a capital inside a sentence but rarely part of a person's name in
   * the train corpora ("Ministry", "Центра"), by script (keys joined by " ").
   */
  capsNotNames: { ru: string; en: string };
  /** The treaty register's table (absent from lexicons built before it). */
  treaties?: TreatyRegisterData;
  /** The people register's index (absent from lexicons built before it: then built at run time). */
  people?: PeopleIndexData;
}

/** Longest case ending of a world city's form in placesRu. */
export const MAX_CITY_ENDING = 4;

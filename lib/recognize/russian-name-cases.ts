/**
 * The case forms of a name in Russian as the press declines names of foreigners and Russians
 * alike: «Макрон» → «Макрона», «Макрону», «Макроном», «Макроне»; «Шольц» → «Шольцем»; «Урсула» →
 * «Урсулы»; «Цзиньпин» → «Цзиньпина». Rules of Russian grammar for nouns by their ending (a
 * consonant, -й, -ь, -а, -я; -ов/-ин and -ский surnames; indeclinable after -о, -е, -и, -у, -ю,
 * -э), without a dictionary: the people register uses them to know a registered person in any
 * case (lib/recognize/people-register.ts). A form that happens to be wrong for a given person
 * (a woman's surname ending in a consonant does not decline) is only an extra key that no text
 * writes.
 */

/** Genitive, dative, instrumental, prepositional, accusative. */
export type CaseForms = [string, string, string, string, string];

const HUSHING = /[гкхжшчщ]$/;
const SIBILANT_OR_TS = /[жшчщц]$/;

/** The five oblique case forms of one word (Cyrillic, nominative); the word itself five times when it does not decline. */
export function wordCases(word: string): CaseForms {
  const lower = word.toLowerCase();
  const same: CaseForms = [word, word, word, word, word];
  if (!/[а-яё]$/.test(lower)) return same;
  const stem = (n: number) => word.slice(0, word.length - n);
  if (/(?:ский|цкий)$/.test(lower)) {
    const s = stem(2);
    return [`${s}ого`, `${s}ому`, `${s}им`, `${s}ом`, `${s}ого`];
  }
  if (/(?:ов|ев|ёв|ин|ын)$/.test(lower))
    return [`${word}а`, `${word}у`, `${word}ым`, `${word}е`, `${word}а`];
  if (lower.endsWith('ий')) {
    const s = stem(1);
    return [`${s}я`, `${s}ю`, `${s}ем`, `${s}и`, `${s}я`];
  }
  if (lower.endsWith('й') || lower.endsWith('ь')) {
    const s = stem(1);
    return [`${s}я`, `${s}ю`, `${s}ем`, `${s}е`, `${s}я`];
  }
  if (lower.endsWith('ия')) {
    const s = stem(1);
    return [`${s}и`, `${s}и`, `${s}ей`, `${s}и`, `${s}ю`];
  }
  if (lower.endsWith('я')) {
    const s = stem(1);
    return [`${s}и`, `${s}е`, `${s}ей`, `${s}е`, `${s}ю`];
  }
  if (lower.endsWith('а')) {
    const s = stem(1);
    const gen = HUSHING.test(s.toLowerCase()) ? 'и' : 'ы';
    const ins = SIBILANT_OR_TS.test(s.toLowerCase()) ? 'ей' : 'ой';
    return [`${s}${gen}`, `${s}е`, `${s}${ins}`, `${s}е`, `${s}у`];
  }
  if (/[оеиуюэыё]$/.test(lower)) return same;
  // A consonant: «Макрон», «Шольц».
  const ins = SIBILANT_OR_TS.test(lower) ? 'ем' : 'ом';
  return [`${word}а`, `${word}у`, `${word}${ins}`, `${word}е`, `${word}а`];
}

/**
 * The case forms of a whole name, each word in the same case; `keep` says which words stay as
 * they are (particles such as «фон», «аль»; the family name and syllables of an East Asian name
 * but the last). A hyphenated word declines in its last part («аль-Асад» → «аль-Асада»).
 */
export function nameCases(words: readonly string[], keep: (index: number) => boolean): string[] {
  const perWord = words.map((w, i) => {
    if (keep(i)) return [w, w, w, w, w] as CaseForms;
    const dash = w.lastIndexOf('-');
    if (dash < 0) return wordCases(w);
    const head = w.slice(0, dash + 1);
    return wordCases(w.slice(dash + 1)).map((f) => head + f) as CaseForms;
  });
  const forms = new Set<string>();
  for (let c = 0; c < 5; c++) forms.add(perWord.map((f) => f[c]).join(' '));
  forms.delete(words.join(' '));
  return [...forms];
}

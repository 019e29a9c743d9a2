/**
 * Which language a text is in, from its letters and function words: the recognizer's choice of
 * rule set (pickLanguage), and the page's language hint (lib/page/lang.ts), from one count.
 */
import type { Lang } from './tokenized-text';

const EN_WORDS = new Set(
  'the of and to in is was for on that with said by at from as it he his has have are be not but an this which'.split(
    ' ',
  ),
);
/** Function words of other Latin-script languages (German, French, Spanish, Italian, Dutch…). */
const OTHER_LATIN_WORDS = new Set(
  'der die das und ist nicht ein eine den dem des le la les et est une du que qui el los las y es del una por para il di che non della sono o os não uma em de het een en van op i w nie na się jest że'.split(
    ' ',
  ),
);

/** How much of a text is read to guess its language. */
export const LANGUAGE_SAMPLE_CHARS = 20_000;

/** What the guess rests on, counted over the first LANGUAGE_SAMPLE_CHARS of a text. */
export interface LanguageSignals {
  cyrillic: number;
  latin: number;
  /** Letters only Ukrainian uses among Cyrillic ones (і ї є ґ). */
  ukrainian: number;
  englishWords: number;
  otherLatinWords: number;
}

export function languageSignals(text: string): LanguageSignals {
  const sample = text.length > LANGUAGE_SAMPLE_CHARS ? text.slice(0, LANGUAGE_SAMPLE_CHARS) : text;
  const s: LanguageSignals = {
    cyrillic: 0,
    latin: 0,
    ukrainian: 0,
    englishWords: 0,
    otherLatinWords: 0,
  };
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x400 && c <= 0x4ff) {
      s.cyrillic++;
      if ('іїєґІЇЄҐ'.includes(ch)) s.ukrainian++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      s.latin++;
    }
  }
  // Function words only decide between Latin-script languages.
  if (s.cyrillic < s.latin) {
    for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
      if (EN_WORDS.has(m[0])) s.englishWords++;
      else if (OTHER_LATIN_WORDS.has(m[0])) s.otherLatinWords++;
    }
  }
  return s;
}

/** Russian when Cyrillic letters lead, unless Ukrainian letters are more than a trace. */
export function isRussian(s: LanguageSignals): boolean {
  return s.cyrillic > 0 && s.cyrillic >= s.latin && s.ukrainian <= s.cyrillic * 0.004;
}

export function pickLanguage(text: string, lang?: string): Lang {
  if (lang) {
    const l = lang.toLowerCase();
    if (l.startsWith('ru')) return 'ru';
    if (l.startsWith('en')) return 'en';
    return 'other';
  }
  const s = languageSignals(text);
  if (isRussian(s)) return 'ru';
  if (s.cyrillic >= s.latin) return 'other'; // Ukrainian, or no letters at all
  return s.englishWords >= s.otherLatinWords ? 'en' : 'other';
}

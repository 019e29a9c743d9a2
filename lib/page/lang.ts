/**
 * The language hint passed to the recognizer for a whole page. Glossa recognizes a page in
 * batches; guessing once from a sample of the page (instead of per batch) keeps every batch on the
 * same rules. The page's own lang attribute wins; otherwise Cyrillic-heavy text is Russian, Latin
 * text with English function words is English, and anything else is "und" (the recognizer then
 * marks country names only). The counting is the recognizer's own (lib/recognize/language.ts);
 * a page also needs at least one English function word to be called English.
 */
import { isRussian, LANGUAGE_SAMPLE_CHARS, languageSignals } from '../recognize/language';

export const SAMPLE_CHARS = LANGUAGE_SAMPLE_CHARS;

export function guessLang(sample: string): string {
  const s = languageSignals(sample);
  if (isRussian(s)) return 'ru';
  if (s.cyrillic >= s.latin) return 'und'; // Ukrainian, or no letters at all
  // Function words are about a fifth of running text: whichever language's are more common.
  return s.englishWords > 0 && s.englishWords >= s.otherLatinWords ? 'en' : 'und';
}

/** The page's declared language, or a guess from its text. */
export function pageLang(doc: Document, sample: () => string): string {
  const declared = doc.documentElement?.lang?.trim();
  return declared ? declared : guessLang(sample());
}

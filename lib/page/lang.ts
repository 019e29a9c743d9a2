/**
 * The language hint passed to the recognizer for a whole page. Glossa recognizes a page in
 * batches; guessing once from a sample of the page (instead of per batch) keeps every batch on the
 * same rules. The page's own lang attribute wins; otherwise Cyrillic-heavy text is Russian, Latin
 * text with English function words is English, and anything else is "und" (the recognizer then
 * marks country names only).
 */
const EN_WORDS = new Set(
  'the of and to in is was for on that with said by at from as it he his has have are be not'.split(
    ' ',
  ),
);
/** Function words of other Latin-script languages (German, French, Spanish, Italian, Dutch…). */
const OTHER_WORDS = new Set(
  'der die das und ist nicht ein eine den dem des le la les et est une du que qui el los las y es del una por para il di che non della sono o os não uma em de het een en van op i w nie na się jest że'.split(
    ' ',
  ),
);

export const SAMPLE_CHARS = 20_000;

export function guessLang(sample: string): string {
  const text = sample.length > SAMPLE_CHARS ? sample.slice(0, SAMPLE_CHARS) : sample;
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      latin++;
    }
  }
  if (cyrillic === 0 && latin === 0) return 'und';
  if (cyrillic >= latin) {
    // Ukrainian letters in more than a trace: not Russian.
    const ukrainian = text.match(/[іїєґІЇЄҐ]/g)?.length ?? 0;
    return ukrainian > cyrillic * 0.004 ? 'und' : 'ru';
  }
  let english = 0;
  let other = 0;
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (EN_WORDS.has(m[0])) english++;
    else if (OTHER_WORDS.has(m[0])) other++;
  }
  // Function words are about a fifth of running text: whichever language's are more common.
  return english > 0 && english >= other ? 'en' : 'und';
}

/** The page's declared language, or a guess from its text. */
export function pageLang(doc: Document, sample: () => string): string {
  const declared = doc.documentElement?.lang?.trim();
  return declared ? declared : guessLang(sample());
}

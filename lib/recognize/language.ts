/** Chooses the rule set for a text: Russian, English, or "other" (country names only). */
import type { Lang } from './document';

const EN_WORDS = new Set(
  'the of and to in is was for on that with said by at from as it he his has have are be not but an this which'.split(
    ' ',
  ),
);
const OTHER_LATIN_WORDS = new Set(
  'der die das und ist nicht ein eine den dem des le la les et est des une du que qui el los las y es del una por para il di che non della sono o os não uma em de het een en van op i w nie na się jest że'.split(
    ' ',
  ),
);

export function pickLanguage(text: string, lang?: string): Lang {
  if (lang) {
    const l = lang.toLowerCase();
    if (l.startsWith('ru')) return 'ru';
    if (l.startsWith('en')) return 'en';
    return 'other';
  }
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let cyr = 0;
  let lat = 0;
  let ukr = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x400 && c <= 0x4ff) {
      cyr++;
      if ('іїєґІЇЄҐ'.includes(ch)) ukr++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      lat++;
    }
  }
  if (cyr === 0 && lat === 0) return 'other';
  if (cyr >= lat) return ukr > cyr * 0.004 ? 'other' : 'ru';
  let en = 0;
  let other = 0;
  for (const m of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (EN_WORDS.has(m[0])) en++;
    else if (OTHER_LATIN_WORDS.has(m[0])) other++;
  }
  return en >= other ? 'en' : 'other';
}

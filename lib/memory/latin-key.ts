/**
 * One spelling key for a name written in Cyrillic or in Latin letters, so that «Путин» and
 * "Putin", «Зеленский», "Zelensky" and "Zelenskyy" meet. Cyrillic is transliterated the way
 * news write it (close to BGN/PCGN without its diacritics), then both scripts are folded to a
 * skeleton that forgets what the systems and the press disagree on: y/i/j, kh/h, ye/e, x/ks,
 * doubled letters, diacritics. Names that cannot be derived from each other ("Biden",
 * «Байден»; Korean and Chinese names) are left to the registers: this key only joins what
 * spelling alone can join.
 */

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters, as their names appear in Russian and English news.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Lower-case Cyrillic letters transliterated; every other character kept. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

/** Folds, in order: each pair says what two spellings of one sound become. */
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/kh/g, 'h'],
  [/[yj]/g, 'i'],
  [/ie/g, 'e'],
  [/(.)\1+/g, '$1'],
];

/** The key of a name: words in Latin skeleton form, one space between them. */
export function latinKey(name: string): string {
  let key = transliterate(name.normalize('NFD').replace(/\p{M}/gu, ''));
  key = key
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key;
}

/**
 * Is a Cyrillic word a foreign given name written the Russian way? Russian news transcribe
 * foreign names by sound («Николаус», «Холли», «Рэй»), and the press's transcription is close to
 * a letter-for-letter mapping back to the original spelling. The original spellings are the
 * English and Moby first-name lists the lexicon carries (`isGivenNameEn`: "Nikolaus", "Holly",
 * "Ray"); this module spells a Cyrillic word back into the Latin letters each Russian letter or
 * letter pair transcribes, and asks the lists about each spelling.
 */

import { memoized } from './memo';

/**
 * Latin spellings that Russian letter pairs transcribe, tried before the single letters:
 * «дж» j or g ("Джон" John, "Джордж" George), «кс» x, «ай» i or y ("Клайв" Clive, "Брайан" Brian),
 * «эй»/«ей» a or ay ("Рэй" Ray, "Джейн" Jane), «оу» o ("Роуз" Rose), «ль» l.
 */
const PAIRS: Record<string, readonly string[]> = {
  дж: ['j', 'g', 'dg'],
  кс: ['x', 'ks', 'cks'],
  кв: ['qu'],
  тч: ['tch'],
  ай: ['i', 'y', 'ai', 'ay', 'igh'],
  эй: ['a', 'ay', 'ey', 'ai'],
  ей: ['a', 'ay', 'ey', 'ei'],
  ой: ['oy', 'oi'],
  уй: ['ui'],
  оу: ['o', 'ow', 'ou', 'oa'],
  ью: ['ew', 'u', 'iu', 'eu'],
  ий: ['ie', 'y', 'i', 'ey'],
  ль: ['l', 'll', 'le'],
  нь: ['n', 'gn', 'ny'],
};

/** Latin spellings of single Russian letters in transcribed names ("Питер" Peter: и → e). */
const LETTERS: Record<string, readonly string[]> = {
  а: ['a', 'u'],
  б: ['b', 'bb'],
  в: ['v', 'w'],
  г: ['g', 'h', 'gh'],
  д: ['d', 'dd'],
  е: ['e', 'a', 'ie', 'ea'],
  ё: ['o', 'eu', 'jo'],
  ж: ['j', 'zh', 'g', 's'],
  з: ['z', 's'],
  и: ['i', 'ee', 'e', 'y', 'ie'],
  й: ['y', 'i', 'j'],
  к: ['k', 'c', 'ch', 'ck', 'q'],
  л: ['l', 'll'],
  м: ['m', 'mm'],
  н: ['n', 'nn'],
  о: ['o', 'au'],
  п: ['p', 'pp'],
  р: ['r', 'rr'],
  с: ['s', 'ss', 'c', 'z'],
  т: ['t', 'tt', 'th'],
  у: ['u', 'oo', 'w', 'ou'],
  ф: ['f', 'ph', 'ff'],
  х: ['h', 'j', 'kh', 'ch', 'x'],
  ц: ['ts', 'tz', 'z', 'c'],
  ч: ['ch', 'tch', 'c'],
  ш: ['sh', 'sch', 'ch', 's'],
  щ: ['shch', 'sch'],
  ъ: [''],
  ы: ['y', 'i'],
  ь: [''],
  э: ['e', 'a', 'ai'],
  ю: ['yu', 'u', 'ju', 'iu'],
  я: ['ya', 'ia', 'ja', 'a'],
};

/** Spellings tried per word at most: the lookups stay cheap on long words that spell no name. */
const BUDGET = 200;

/**
 * The furthest a spelling may stray from the likeliest one: the sum over the letters of the rank
 * of the spelling taken for each (Николаус → "nikolaus" costs 0, Карлес → "charles" 2: к → ch).
 */
const MAX_COST = 4;

/**
 * Whether some Latin spelling of a Cyrillic key (lower case, one word) is a given name of the
 * lists, a silent final "e" or "h" allowed ("Клайв" Clive, "Сара" Sarah). Spellings are tried by
 * rising cost, so the likely ones come first and the budget goes to them.
 */
export function spellsGivenName(key: string, isGivenName: (latin: string) => boolean): boolean {
  let budget = BUDGET;
  const walk = (at: number, spelt: string, left: number): boolean => {
    if (budget <= 0) return false;
    if (at === key.length) {
      // Each spelling is tried at the one bound that spends its cost exactly.
      if (left !== 0) return false;
      budget--;
      return isGivenName(spelt) || isGivenName(`${spelt}e`) || isGivenName(`${spelt}h`);
    }
    const pair = PAIRS[key.slice(at, at + 2)];
    if (pair) {
      for (let r = 0; r < pair.length && r <= left; r++)
        if (walk(at + 2, spelt + (pair[r] as string), left - r)) return true;
    }
    const single = LETTERS[key[at] as string];
    if (!single) return false;
    for (let r = 0; r < single.length && r <= left; r++)
      if (walk(at + 1, spelt + (single[r] as string), left - r)) return true;
    return false;
  };
  for (let cost = 0; cost <= MAX_COST && budget > 0; cost++) if (walk(0, '', cost)) return true;
  return false;
}

/**
 * The nominatives a Cyrillic name form may come from: itself, and without the case ending of a
 * declined name ("Николауса" Николаус, "Холли", "Вирджинии" Вирджиния, "Эмилем" Эмиль).
 */
export function nominativeGuesses(key: string): string[] {
  const out = [key];
  const m = /^(.{3,}?)(ом|ем|ой|ей|ию|ии|а|у|е|ы|и|ю|я)$/.exec(key);
  if (!m) return out;
  const stem = m[1] as string;
  switch (m[2]) {
    case 'ом':
    case 'а':
    case 'у':
      out.push(stem, `${stem}а`);
      break;
    case 'ем':
    case 'е':
    case 'ю':
    case 'я':
      out.push(stem, `${stem}ь`, `${stem}й`, `${stem}я`, `${stem}а`);
      break;
    case 'ой':
    case 'ы':
      out.push(`${stem}а`);
      break;
    case 'ей':
    case 'и':
      out.push(`${stem}я`, `${stem}а`, `${stem}ь`);
      break;
    case 'ию':
    case 'ии':
      out.push(`${stem}ия`);
      break;
  }
  return out;
}

/** Answers kept per lexicon (a fold's or the shipped one), dropped when they reach this many. */
const ANSWER_LIMIT = 10000;

const spellers = new WeakMap<object, (id: string) => boolean>();

/**
 * Whether a Cyrillic form (lower case) spells a given name of the lexicon's English lists, read as
 * it is (`asWritten`) or also through the nominatives it may be a case form of. Answers are kept
 * per lexicon: a text repeats its words and the same names recur across texts.
 */
export function spelledGivenName(
  lex: { isGivenNameEn(key: string): boolean },
  key: string,
  asWritten: boolean,
): boolean {
  let spelled = spellers.get(lex);
  if (!spelled) {
    const isGivenName = (latin: string) => lex.isGivenNameEn(latin);
    spelled = memoized(
      (id) =>
        id[0] === '~'
          ? nominativeGuesses(id.slice(1)).some((g) => spellsGivenName(g, isGivenName))
          : spellsGivenName(id, isGivenName),
      ANSWER_LIMIT,
    );
    spellers.set(lex, spelled);
  }
  return spelled(asWritten ? key : `~${key}`);
}

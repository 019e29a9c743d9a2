/**
 * Light Russian inflection rules for words the lexicon does not know: nominatives of surnames,
 * patronymics and adjectives, and the forms of treaty head nouns. All work on lookup keys
 * (lower case, ё → е).
 */

/** Case letters as in the lexicon codes: n g d a i l. */
export type CaseLetter = 'n' | 'g' | 'd' | 'a' | 'i' | 'l';

interface SurnameRule {
  suffix: string;
  replace: string;
  gender: 'm' | 'f';
  cases: string;
}

// Declension of Russian surnames in -ов/-ев/-ин/-ын, -ский/-цкий, and of foreign surnames ending
// in a consonant (Трамп) or -а/-я (Обама). Order matters: more specific suffixes first.
const RULES: SurnameRule[] = [
  ...['ов', 'ев', 'ин', 'ын'].flatMap((s): SurnameRule[] => [
    { suffix: `${s}ым`, replace: s, gender: 'm', cases: 'i' },
    { suffix: `${s}ой`, replace: `${s}а`, gender: 'f', cases: 'gdil' },
    { suffix: `${s}а`, replace: s, gender: 'm', cases: 'ga' },
    { suffix: `${s}у`, replace: s, gender: 'm', cases: 'd' },
    { suffix: `${s}е`, replace: s, gender: 'm', cases: 'l' },
    { suffix: `${s}у`, replace: `${s}а`, gender: 'f', cases: 'a' },
  ]),
  ...['ск', 'цк'].flatMap((s): SurnameRule[] => [
    { suffix: `${s}ого`, replace: `${s}ий`, gender: 'm', cases: 'ga' },
    { suffix: `${s}ому`, replace: `${s}ий`, gender: 'm', cases: 'd' },
    { suffix: `${s}им`, replace: `${s}ий`, gender: 'm', cases: 'i' },
    { suffix: `${s}ом`, replace: `${s}ий`, gender: 'm', cases: 'l' },
    { suffix: `${s}ой`, replace: `${s}ая`, gender: 'f', cases: 'gdil' },
    { suffix: `${s}ую`, replace: `${s}ая`, gender: 'f', cases: 'a' },
  ]),
  { suffix: 'ого', replace: 'ой', gender: 'm', cases: 'ga' },
  { suffix: 'ому', replace: 'ой', gender: 'm', cases: 'd' },
  { suffix: 'ым', replace: 'ый', gender: 'm', cases: 'i' },
  // consonant stems: Трампа, Трампу, Трампом, Трампе
  { suffix: 'ом', replace: '', gender: 'm', cases: 'i' },
  { suffix: 'ем', replace: 'й', gender: 'm', cases: 'i' },
  { suffix: 'ем', replace: 'ь', gender: 'm', cases: 'i' },
  { suffix: 'я', replace: 'й', gender: 'm', cases: 'ga' },
  { suffix: 'я', replace: 'ь', gender: 'm', cases: 'ga' },
  { suffix: 'ю', replace: 'й', gender: 'm', cases: 'd' },
  { suffix: 'ю', replace: 'ь', gender: 'm', cases: 'd' },
  { suffix: 'а', replace: '', gender: 'm', cases: 'ga' },
  { suffix: 'у', replace: '', gender: 'm', cases: 'd' },
  { suffix: 'е', replace: '', gender: 'm', cases: 'l' },
  // -а/-я stems: Обамы, Обаме, Обаму, Обамой; Берии, Берией
  { suffix: 'ой', replace: 'а', gender: 'm', cases: 'i' },
  { suffix: 'ей', replace: 'я', gender: 'm', cases: 'i' },
  { suffix: 'ы', replace: 'а', gender: 'm', cases: 'g' },
  { suffix: 'и', replace: 'а', gender: 'm', cases: 'g' },
  { suffix: 'и', replace: 'я', gender: 'm', cases: 'gdl' },
  { suffix: 'е', replace: 'а', gender: 'm', cases: 'dl' },
  { suffix: 'у', replace: 'а', gender: 'm', cases: 'a' },
  { suffix: 'ю', replace: 'я', gender: 'm', cases: 'a' },
];

const VOWEL_END = /[аеёиоуыэюя]$/;

/**
 * RULES by the last letter of their suffix, in RULES order: a form is only tested against the
 * rules that can match its ending (the same rules in the same order as a scan of all of them).
 */
const RULES_BY_LAST = (() => {
  const out = new Map<number, SurnameRule[]>();
  for (const r of RULES) {
    const last = r.suffix.charCodeAt(r.suffix.length - 1);
    const list = out.get(last);
    if (list) list.push(r);
    else out.set(last, [r]);
  }
  return out;
})();

/** Whether one of a rule's case letters is among `cases` (without an array per rule tried). */
function someCaseIn(ruleCases: string, cases: readonly string[]): boolean {
  for (const c of ruleCases) if (cases.includes(c)) return true;
  return false;
}

/**
 * Possible nominatives of a surname form, most likely first. With a gender and case (known from
 * a first name next to it) only matching rules apply.
 */
export function surnameNominatives(
  key: string,
  gender?: string,
  cases?: readonly string[],
): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  const nominative = !cases || cases.includes('n');
  if (nominative) push(key);
  for (const r of RULES_BY_LAST.get(key.charCodeAt(key.length - 1)) ?? []) {
    if (!key.endsWith(r.suffix)) continue;
    if (gender && gender !== r.gender && gender !== 'c') continue;
    if (cases && !someCaseIn(r.cases, cases)) continue;
    const stem = key.slice(0, key.length - r.suffix.length);
    if (stem.length < 2) continue;
    // A consonant-stem rule needs a consonant before the ending.
    if (r.replace === '' && VOWEL_END.test(stem)) continue;
    push(stem + r.replace);
  }
  if (!nominative) push(key);
  return out;
}

/** Whether a form looks like a Russian surname (Путиным, Асмоловым, Вишневской). */
export function looksLikeRussianSurname(key: string): boolean {
  return /(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ых)?$|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$|(?:ич|енко|ко|ук|юк|дзе|швили|ян|янц)$/.test(
    key,
  );
}

const PATRONYMIC_M = /^(.+(?:ович|евич|ьич|ич))(?:а|у|ем|ом|е)?$/;
const PATRONYMIC_F = /^(.+(?:овн|евн|ичн|ьичн))(?:а|ы|е|у|ой|ою)$/;

/** Nominative of a patronymic (Владимировича → владимирович), or null if it is not one. */
export function patronymicNominative(key: string): { lemma: string; gender: 'm' | 'f' } | null {
  if (key.length < 6) return null;
  const m = PATRONYMIC_M.exec(key);
  if (m?.[1] && /(?:ович|евич|ьич|[иы]ч)$/.test(m[1])) return { lemma: m[1], gender: 'm' };
  const f = PATRONYMIC_F.exec(key);
  if (f?.[1]) return { lemma: `${f[1]}а`, gender: 'f' };
  return null;
}

const ADJ_ENDINGS: [RegExp, string, string][] = [
  // [ending, nominative masc/neut/fem by head gender handled by caller]
  [/(?:ого|ому|ым|ом)$/, 'ый', 'm'],
  [/(?:его|ему|им|ем)$/, 'ий', 'm'],
  [/(?:ой|ую|ою)$/, 'ая', 'f'],
  [/(?:ей|юю|ею)$/, 'яя', 'f'],
  [/(?:ых|ыми|ым)$/, 'ые', 'p'],
  [/(?:их|ими|им)$/, 'ие', 'p'],
];

/** Nominative of an adjective in agreement with a head of the given gender/number (rough). */
export function adjectiveNominative(
  word: string,
  gender: 'm' | 'f' | 'n',
  plural: boolean,
): string {
  if (/(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.test(word)) return word;
  for (const [re, , kind] of ADJ_ENDINGS) {
    const m = re.exec(word);
    if (!m) continue;
    const stem = word.slice(0, m.index);
    const soft =
      /[гкхжшчщ]$/.test(stem) || kind === 'p'
        ? /и/.test(m[0][0] ?? '')
        : /[еи]/.test(m[0][0] ?? '');
    if (plural) return stem + (soft || /[гкхжшчщ]$/.test(stem) ? 'ие' : 'ые');
    if (gender === 'f') return stem + (soft && !/[гкх]$/.test(stem) ? 'яя' : 'ая');
    if (gender === 'n') return stem + (soft && !/[гкх]$/.test(stem) ? 'ее' : 'ое');
    return stem + (soft || /[гкхжшчщ]$/.test(stem) ? 'ий' : 'ый');
  }
  return word;
}

export interface TreatyHead {
  lemma: string;
  gender: 'm' | 'f' | 'n';
  plural: boolean;
  nominative: string;
}

const HEADS: [string, string, 'm' | 'f' | 'n', string[], string[]][] = [
  // stem, lemma, gender, singular endings, plural endings
  ['договор', 'договор', 'm', ['', 'а', 'у', 'ом', 'е'], ['ы', 'ов', 'ам', 'ами', 'ах']],
  ['пакт', 'пакт', 'm', ['', 'а', 'у', 'ом', 'е'], ['ы', 'ов', 'ам', 'ами', 'ах']],
  ['протокол', 'протокол', 'm', ['', 'а', 'у', 'ом', 'е'], ['ы', 'ов', 'ам', 'ами', 'ах']],
  ['меморандум', 'меморандум', 'm', ['', 'а', 'у', 'ом', 'е'], ['ы', 'ов', 'ам', 'ами', 'ах']],
  ['соглашени', 'соглашение', 'n', ['е', 'я', 'ю', 'ем', 'и'], ['й', 'ям', 'ями', 'ях']],
  ['конвенци', 'конвенция', 'f', ['я', 'и', 'ю', 'ей'], ['й', 'ям', 'ями', 'ях']],
  ['хартия', 'хартия', 'f', [''], []],
  ['харти', 'хартия', 'f', ['и', 'ю', 'ей'], ['й', 'ям', 'ями', 'ях']],
  ['деклараци', 'декларация', 'f', ['я', 'и', 'ю', 'ей'], ['й', 'ям', 'ями', 'ях']],
  ['договоренност', 'договоренность', 'f', ['ь', 'и', 'ью'], ['ей', 'ям', 'ями', 'ях']],
];

const HEAD_FORMS = new Map<string, TreatyHead>();
for (const [stem, lemma, gender, sing, plur] of HEADS) {
  for (const e of sing)
    HEAD_FORMS.set(stem + e, { lemma, gender, plural: false, nominative: lemma });
  const nomPl =
    gender === 'm'
      ? `${stem}ы`
      : gender === 'n'
        ? `${stem}я`
        : lemma.endsWith('ь')
          ? `${stem}и`
          : `${stem}и`;
  for (const e of plur) {
    if (!HEAD_FORMS.has(stem + e)) {
      HEAD_FORMS.set(stem + e, { lemma, gender, plural: true, nominative: nomPl });
    }
  }
}

/** Treaty head nouns (договор, соглашение, конвенция, пакт, …) in any case form. */
export function treatyHead(key: string): TreatyHead | undefined {
  return HEAD_FORMS.get(key);
}

/** Words that end a Russian treaty-name phrase ("… о партнёрстве, подписанный …"). */
export const NAME_STOP_WORDS = new Set([
  'от',
  'в',
  'во',
  'на',
  'с',
  'со',
  'между',
  'до',
  'после',
  'для',
  'к',
  'ко',
  'за',
  'при',
  'через',
  'против',
  'без',
  'под',
  'который',
  'которая',
  'которое',
  'которые',
  'которого',
  'которой',
  'которым',
  'что',
  'чтобы',
  'как',
  'где',
  'когда',
  'если',
  'но',
  'а',
  'или',
  'не',
  'ни',
  'уже',
  'также',
  'тоже',
  'был',
  'была',
  'было',
  'были',
  'будет',
  'будут',
  'это',
  'этот',
  'эта',
  'этого',
  'этой',
  'их',
  'его',
  'ее',
  'её',
  'они',
  'он',
  'она',
  'оно',
  'год',
  'года',
  'году',
]);

/** Rough test for Russian finite verb forms and infinitives (they end a noun phrase). */
export function looksLikeVerb(key: string): boolean {
  return /(?:ть|ться|чь|лся|лась|лось|лись|ла|ло|ли|ет|ют|ут|ит|ят|ется|ются|ится|ятся|вши|вшись)$/.test(
    key,
  );
}

/** Noun or adjective endings that may continue a name phrase after "о/об" (prepositional, genitive). */
export function looksLikeNominal(key: string): boolean {
  return /(?:е|и|ах|ях|ом|ем|ой|ей|ых|их|ого|его|ым|им|ими|ыми|а|я|ы|ов|ев|ий|ия|ии|ие|ые|ое|ее|ую|юю|ь|ам|ям|ами|ями|у|ю)$/.test(
    key,
  );
}

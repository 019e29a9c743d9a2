/**
 * Glossa's first recognizer: lexicon + rules, pure TypeScript, synchronous, no I/O.
 * Finds people, places and treaty terms in Russian and English news (see NOTES.md), and only
 * country names in other languages.
 */
import type { Mention, RecognizeOptions, Recognizer } from '../entities';
import { applyCueNouns, cuedPeople } from './cue-nouns';
import { type Candidate, createDoc, type Doc, isInitial, lowerCaseWords } from './document';
import { groupPeople } from './group';
import { pickLanguage } from './language';
import { getLexicon, type WordReading } from './lexicon';
import type { TaggedSpan } from './model/tagger';
import { markRecurrences } from './one-sense';
import { COMPANY_SUFFIXES, personForSpan, SURNAME_PARTICLES } from './people';
import { proposeAll, ruleCodes } from './rules';
import { patronymicNominative, treatyHead } from './russian';
import { selectCandidates } from './select';
import { taggedCandidates, tagSpans } from './tagged';
import { CLOSE_QUOTES, keyOf, OPEN_QUOTES, quotedName, type Token, tokenize } from './tokens';

export const RECOGNIZER_ID = 'glossa-tagger-1';

/** Capitalised words that make a place name part of an event's or organisation's name. */
const NAME_HEADS_AFTER = new Set(
  'open games cup championship championships masters classic grand festival olympics series trophy league stock exchange airlines airways bank university times post herald journal telecom motors council party ministry department police army navy commission agency corp inc ltd group railways television radio club'.split(
    ' ',
  ),
);
const NAME_HEADS_BEFORE_OF = new Set(
  'bank university council commission ministry federation association league union institute museum church'.split(
    ' ',
  ),
);

/** "U.S. Open", "Air France", "National Bank of Poland": in English news these are not places. */
function partOfEnglishName(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[end];
  if (next && next.gap === ' ' && next.shape === 'title' && NAME_HEADS_AFTER.has(next.key))
    return true;
  const prev = tokens[start - 1];
  if (prev && prev.shape === 'title' && prev.key === 'air') return true;
  const head = tokens[start - 2];
  return (
    prev?.key === 'of' && !!head && head.shape === 'title' && NAME_HEADS_BEFORE_OF.has(head.key)
  );
}

/**
 * How the tagger's spans and the rules' candidates combine (measured on the dev splits; see
 * docs/recognition.md). Exposed for scripts/eval.ts experiments; the defaults are what ships.
 */
export interface MergePolicy {
  /** Mark places written as adjectives: 0 never, 1 capitalised ones only, 2 all ("российских"). */
  adjectives: number;
  /** Rule candidates of at least this tier are kept where the tagger found nothing. */
  fallbackTier: number;
  /** Apply the rules' English name filter ("U.S. Open") to tagged places too. */
  filterTagged: boolean;
  /** Add lone surnames of people named in full elsewhere in the text. */
  groupLone: boolean;
  /** Mark the other spans written exactly as a person's name (one-sense.ts). */
  recurrences: boolean;
}

export const DEFAULT_POLICY: MergePolicy = {
  adjectives: 0,
  fallbackTier: 4,
  filterTagged: false,
  groupLone: true,
  recurrences: true,
};

let policy: MergePolicy = { ...DEFAULT_POLICY };

/** For experiments only (scripts/eval.ts --policy). */
export function setMergePolicy(p: Partial<MergePolicy>): void {
  policy = { ...DEFAULT_POLICY, ...p };
}

/** Words the tagger sometimes takes for names that a reader never wants marked as one. */
const NEVER_ALONE = new Set(['север', 'юг', 'запад', 'восток', 'договор', 'соглашение']);

/**
 * English closed-class words (prepositions, articles, pronouns, conjunctions, number words): never
 * a name on their own, however capitalised ("At Portsmouth : Middlesex beat …", "Six former
 * Soviet republics").
 */
const FUNCTION_WORDS_EN = new Set(
  'a the at in on of off to from by for with without within into onto over under after before during since until till about above below between among against across through via and or nor but if then than as so yet when while where whether because although though unless he she it we they you me him her us them his its our their your my mine this that these those there here who whom whose which what why how all any some each every both either neither no not none one two three four five six seven eight nine ten eleven twelve'.split(
    ' ',
  ),
);

/** A tagged span no reader would call a person or place: a treaty head noun, "Север"/"Юг", a code. */
function implausible(doc: Doc, c: Candidate): boolean {
  // A code, not a name ("SARS-CoV-2", "F-16"): no person in the train splits has a digit.
  if (c.type === 'PER') {
    for (let k = c.start; k < c.end; k++)
      if (/\p{N}/u.test((doc.tokens[k] as Token).text)) return true;
  }
  if (c.end !== c.start + 1) return false;
  const t = doc.tokens[c.start] as Token;
  if (t.script === 'lat' && FUNCTION_WORDS_EN.has(t.key)) return true;
  return NEVER_ALONE.has(t.key) || (c.type === 'PER' && !!treatyHead(t.key));
}

function keepAdjective(doc: Doc, c: Candidate): boolean {
  if (!c.adjective) return true;
  if (policy.adjectives >= 2) return true;
  return policy.adjectives === 1 && (doc.tokens[c.start] as Token).shape !== 'lower';
}

const CASE_INDEX: Record<string, number> = { n: 0, g: 1, d: 2, a: 3, i: 4, l: 5 };

/** Bit mask of the (case, gender) forms of readings: bit case * 3 + (m 0, f 1, n 2; c both m, f). */
function formsOf(readings: readonly WordReading[]): number {
  let m = 0;
  for (const r of readings) {
    for (const code of r.codes) {
      const c = CASE_INDEX[code[0] as string];
      if (c === undefined) continue;
      const g = code[2];
      m |=
        g === 'f'
          ? 2 << (c * 3)
          : g === 'n'
            ? 4 << (c * 3)
            : g === 'm'
              ? 1 << (c * 3)
              : 3 << (c * 3);
    }
  }
  return m;
}

/**
 * An initial ("А." of "А.Кулешов") right after a word that is no first name or patronymic starts
 * another person: "окружения В.Шеймана | А.Кулешов" ("Джон Ф. Кеннеди" stays one).
 */
function initialAfterSurname(doc: Doc, k: number, end: number): boolean {
  const before = doc.tokens[k - 1] as Token;
  if (!isInitial(doc, k) || before.kind !== 'word' || before.text.length < 2) return false;
  // Russian names only: "John S. Pistole" has a middle initial, and a Latin "V" in Russian is a
  // regnal number ("Харальд V").
  if ((doc.tokens[k] as Token).script !== 'cyr' || before.script !== 'cyr') return false;
  if (doc.readings(k - 1).some((r) => r.kind === 'F' || r.kind === 'P')) return false;
  // The name before must be complete, initial and surname ("В.Шеймана"): after a first name
  // the dictionary does not know, an initial is a middle one ("Вениньо С. Акино").
  if (!isInitial(doc, k - 3)) return false;
  // The initials must lead to a surname inside the span: "Михальчука И. Ф." and "Харальд V." are
  // one person each.
  let i = k;
  while (i < end && isInitial(doc, i)) i += 2;
  const surname = doc.tokens[i];
  return i < end && surname?.kind === 'word' && surname.text.length > 1;
}

/**
 * Russian: a surname and a first name that cannot agree in case and gender belong to two people
 * ("Майкла Джексона | Кэтрин", "Института Пушкина | Виталий Григорьевич Костомаров"): a tagged
 * person span is cut before such a first name, and before an initial after a surname.
 */
function splitAtCase(doc: Doc, c: Candidate): Candidate[] {
  if (c.type !== 'PER' || c.end - c.start < 2 || doc.lang !== 'ru') return [c];
  const cuts: number[] = [];
  for (let k = c.start + 1; k < c.end; k++) {
    if (initialAfterSurname(doc, k, c.end)) {
      cuts.push(k);
      continue;
    }
    if ((doc.tokens[k] as Token).shape !== 'title') continue;
    const first = doc.readings(k).filter((r) => r.kind === 'F');
    if (first.length === 0) continue;
    const before = doc.readings(k - 1);
    if (before.some((r) => r.kind === 'F' || r.kind === 'P')) continue;
    const surname = before.filter((r) => r.kind === 'S');
    if (surname.length === 0) continue;
    if ((formsOf(surname) & formsOf(first)) === 0) cuts.push(k);
  }
  if (cuts.length === 0) return [c];
  const out: Candidate[] = [];
  let from = c.start;
  for (const k of [...cuts, c.end]) {
    out.push({ ...personForSpan(doc, from, k), tier: c.tier, tagged: true });
    from = k;
  }
  return out;
}

/**
 * Two people written side by side ("Майкла Джексона Кэтрин", "внучка Шаймиева Камиля") come out
 * of a BIO tagger as one span; where the rules tile the span with two or more people, each after
 * the first starting with a first name, keep theirs.
 */
function splitPeople(doc: Doc, taggedSpans: Candidate[]): Candidate[] {
  const tagged = taggedSpans
    .flatMap((c) => trimAndSplit(doc, c))
    .flatMap((c) => splitAtCase(doc, c));
  const rulePeople = new Map<number, Candidate[]>();
  for (const c of doc.candidates) {
    if (c.type !== 'PER' || c.tagged) continue;
    const list = rulePeople.get(c.start) ?? [];
    list.push(c);
    rulePeople.set(c.start, list);
  }
  const out: Candidate[] = [];
  for (const c of tagged) {
    if (c.type !== 'PER' || c.end - c.start < 2 || doc.lang !== 'ru') {
      out.push(c);
      continue;
    }
    const pieces: Candidate[] = [];
    let k = c.start;
    while (k < c.end) {
      let best: Candidate | undefined;
      for (const r of rulePeople.get(k) ?? []) {
        if (r.end <= c.end && (!best || r.end > best.end)) best = r;
      }
      if (!best) break;
      pieces.push(best);
      k = best.end;
    }
    // A second person starts with a first name ("… Джексона | Кэтрин"); a lone surname after a
    // name is the same person's ("Жермен Джексон", "Кэтлин Кеннеди Таунсенд"), and so are a first
    // name and patronymic in its case after a lone surname ("Грызлова Бориса Вячеславовича").
    const newPersonAt = (p: Candidate, i: number) => {
      const first = doc.readings(p.start).filter((r) => r.kind === 'F');
      if (first.length === 0) return false;
      const before = pieces[i] as Candidate;
      if (before.end - before.start !== 1) return true;
      // After a lone first name comes the rest of the same name ("Аарон Александр", "Джимми Ли
      // Дайкс", "Роберт Генри Лоуренс-младший").
      if (doc.readings(before.start).some((r) => r.kind === 'F')) return false;
      // Surname-first order is the official one, with the patronymic: "Шаймиева | Камиля" stays two.
      const middle = doc.tokens[p.start + 1];
      const patronymic =
        p.end - p.start > 1 &&
        middle !== undefined &&
        (doc.readings(p.start + 1).some((r) => r.kind === 'P') ||
          patronymicNominative(middle.key) !== null);
      const surname = doc.readings(before.start).filter((r) => r.kind === 'S');
      return !patronymic || surname.length === 0 || (formsOf(surname) & formsOf(first)) === 0;
    };
    if (k === c.end && pieces.length >= 2 && pieces.slice(1).every(newPersonAt)) {
      for (const p of pieces) out.push({ ...p, tier: c.tier, tagged: true });
    } else out.push(c);
  }
  return out;
}

/**
 * In Russian text a place written in Latin letters is nearly always part of a foreign name
 * ("The Washington Post", "Weibo", "Carolina Panthers", "Victoria's Secret"), unless it is a
 * place the lexicon knows or the original spelling in brackets ("Тарнак (Tarnak)"). Measured:
 * nerel-dev LOC precision +1.8 points, factru-dev +0.3, no place lost on either.
 */
function latinNameInRussian(doc: Doc, c: Candidate): boolean {
  if (c.type !== 'LOC' || (doc.tokens[c.start] as Token).script !== 'lat') return false;
  if (doc.tokens[c.start - 1]?.text === '(') return false;
  const phrase = doc.phraseAt[c.start];
  return !(phrase && phrase.end === c.end && phrase.entry.type === 'LOC');
}

/**
 * A nickname in quotes between a first name and a surname is part of the name: "Джеймс «Бадди»
 * Макгирт", 'Roberto " Hands of Stone " Duran'. The three pieces (or two, when the nickname was
 * not taken for a name) become one person, known by first name and surname.
 */
function joinNicknames(doc: Doc, chosen: Candidate[]): Candidate[] {
  const { tokens } = doc;
  const out: Candidate[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const first = chosen[i] as Candidate;
    const open = tokens[first.end];
    if (
      first.type !== 'PER' ||
      first.end - first.start > 2 ||
      !open ||
      !OPEN_QUOTES.has(open.text)
    ) {
      out.push(first);
      continue;
    }
    // One to four words, the first capitalised ("Hands of Stone"), the closing quote, the surname.
    let close = first.end + 1;
    while (
      close < first.end + 5 &&
      tokens[close]?.kind === 'word' &&
      (close > first.end + 1 || /^\p{Lu}/u.test(tokens[close]?.text ?? ''))
    )
      close++;
    const words = close - first.end - 1;
    let j = i + 1;
    while (j < chosen.length && (chosen[j] as Candidate).end <= close) j++;
    const last = chosen[j];
    const inside = chosen.slice(i + 1, j);
    if (
      words === 0 ||
      words > 4 ||
      !CLOSE_QUOTES.has(tokens[close]?.text ?? '') ||
      !last ||
      last.type !== 'PER' ||
      last.start !== close + 1 ||
      last.end - last.start > 2 ||
      inside.some((c) => c.type !== 'PER' || c.start <= first.end)
    ) {
      out.push(first);
      continue;
    }
    out.push({
      start: first.start,
      end: last.end,
      type: 'PER',
      canonical: `${first.canonical} ${last.canonical}`,
      tier: Math.max(first.tier, last.tier),
      tagged: true,
    });
    i = j;
  }
  return out;
}

/** Prepositions after which an unknown one-word name is a place ("в Гаваре", "из Брикстона"). */
const PLACE_PREPOSITIONS = new Set(['в', 'во', 'из', 'под', 'близ', 'вблизи', 'около', 'возле']);

/**
 * A one-word "person" right after a place preposition, that no dictionary knows as a name and
 * that does not look like a Russian surname, is a place: "в армянском Гаваре" reads as a town.
 */
function placeAfterPreposition(doc: Doc, c: Candidate): Candidate {
  if (c.type !== 'PER' || c.end !== c.start + 1) return c;
  let k = c.start - 1;
  // One adjective may stand between ("в армянском Гаваре").
  const prevTok = doc.tokens[k];
  if (prevTok && prevTok.shape === 'lower' && /(?:ом|ем|ой|ей|ых|их)$/.test(prevTok.key)) k--;
  const prep = doc.tokens[k];
  if (prep?.kind !== 'word' || !PLACE_PREPOSITIONS.has(prep.key)) return c;
  const t = doc.tokens[c.start] as Token;
  if (t.script !== 'cyr' || doc.readings(c.start).length > 0) return c;
  if (/(?:ов|ев|ин|ын|ск|цк)(?:а|у|ым|ом|е|ой|ого|ому|им)?$/.test(t.key)) return c;
  const next = doc.tokens[c.end];
  if (next && next.gap === ' ' && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) return c;
  return { start: c.start, end: c.end, type: 'LOC', canonical: t.text, tier: c.tier, tagged: true };
}

/**
 * A tagged person span without a leading title ("Император Акихито"; "Тело Флинта" at a
 * sentence start): a role word, or at a sentence start a word the text also writes in lower
 * case. Titles stay out of person spans (NOTES.md).
 */
function trimAndSplit(doc: Doc, c: Candidate): Candidate[] {
  if (c.type !== 'PER' || c.end - c.start < 2) return [c];
  const lower = lowerCaseWords(doc);
  let start = c.start;
  while (c.end - start > 1) {
    const t = doc.tokens[start] as Token;
    const next = doc.tokens[start + 1] as Token;
    if (next.gap !== ' ') break;
    // A surname particle belongs to the name ("Van Heeswijk", "De Kock", "Dal Maso").
    if (SURNAME_PARTICLES.has(t.key) && /^\p{Lu}/u.test(next.text)) break;
    const title =
      doc.isRole[start] ||
      ((t.sentenceStart || doc.capsLine[start]) && lower.has(t.key)) ||
      (t.script === 'lat' && FUNCTION_WORDS_EN.has(t.key));
    if (!title) break;
    start++;
  }
  // (Splitting before a first name that follows a surname was tried: −0.5 F1 on nerel-dev
  // people, as NEREL also writes "Майкла Джексона Кэтрин"-like runs inside one name.)
  const cuts = [start];
  if (cuts.length === 1 && start === c.start) return [c];
  cuts.push(c.end);
  const out: Candidate[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] as number;
    const to = cuts[k + 1] as number;
    out.push({ ...personForSpan(doc, from, to), tier: c.tier, tagged: true });
  }
  return out;
}

/** A name written in Chinese characters, Japanese kana or Korean Hangul ("Чжан Инъин (章莹颖)"). */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/**
 * "Модибо Сидибе (Modibo Sidibe)", "Ма Лин (马凌)": the original spelling in brackets after a
 * person's name.
 */
function latinInBrackets(doc: Doc, names: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of names) {
    if (c.type !== 'PER') continue;
    const open = doc.tokens[c.end];
    if (open?.text !== '(') continue;
    let k = c.end + 1;
    let depth = 0;
    let words = 0;
    let last = -1;
    while (k < doc.tokens.length && k < c.end + 12) {
      const t = doc.tokens[k] as Token;
      if (t.text === '(') depth++;
      else if (t.text === ')') {
        if (depth === 0) break;
        depth--;
      } else if (t.kind === 'word') {
        if (!(t.script === 'lat' && /^\p{Lu}/u.test(t.text)) && !CJK_NAME.test(t.text)) {
          words = -1;
          break;
        }
        words++;
        last = k;
      } else if (t.text !== '"' && t.text !== '«' && t.text !== '»' && t.text !== '.') {
        words = -1;
        break;
      }
      k++;
    }
    if (words < 1 || words > 5 || doc.tokens[k]?.text !== ')' || last < 0) continue;
    out.push({
      start: c.end + 1,
      end: last + 1,
      type: 'PER',
      canonical: c.canonical,
      tier: c.tier,
      tagged: true,
    });
  }
  return out;
}

const BRACKETS = new Set(['(', ')', '[', ']', '{', '}']);

/**
 * A name never runs across a bracket: "( Tom ) Seaver" is two names. Tagged spans are cut at
 * bracket tokens (the brackets themselves dropped).
 */
function splitAtBrackets(tokens: readonly Token[], spans: TaggedSpan[]): TaggedSpan[] {
  let out: TaggedSpan[] | null = null;
  for (let s = 0; s < spans.length; s++) {
    const span = spans[s] as TaggedSpan;
    let cut = false;
    for (let k = span.start; k < span.end && !cut; k++) {
      if (BRACKETS.has((tokens[k] as Token).text)) cut = true;
    }
    if (!cut) {
      out?.push(span);
      continue;
    }
    out ??= spans.slice(0, s);
    let from = span.start;
    for (let k = span.start; k <= span.end; k++) {
      if (k < span.end && !BRACKETS.has((tokens[k] as Token).text)) continue;
      if (k > from) out.push({ start: from, end: k, type: span.type });
      from = k + 1;
    }
  }
  return out ?? spans;
}

/** Officers and players named after their organisation ("Eagles owner Jeffrey Lurie"). */
const OFFICERS_EN = new Set(
  'owner chairman coach manager captain keeper goalkeeper striker midfielder defender spokesman president chief director'.split(
    ' ',
  ),
);

/**
 * One sense per text: a word written as a company's name ("Pirelli SpA", "Magna International")
 * names the company wherever it stands alone in that text, not a person ("Pirelli said …"); so
 * does a name written before an officer's title and a name ("Eagles owner Jeffrey Lurie",
 * "Petofi general manager Laszlo Sebesvari": in conll2003-train, 1 of 90 such names is a
 * person's, and that one with "'s").
 */
function dropCompanyPeople(tokens: readonly Token[], chosen: Candidate[]): Candidate[] {
  let companies: Set<string> | null = null;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (t.kind !== 'word' || (t.shape !== 'title' && t.shape !== 'upper')) continue;
    if (next.gap !== ' ' || (next.shape !== 'title' && next.shape !== 'upper')) continue;
    if (!COMPANY_SUFFIXES.has(next.key)) continue;
    companies ??= new Set();
    companies.add(t.key);
  }
  let officers: Set<string> | null = null;
  for (const c of chosen) {
    if (c.type !== 'PER') continue;
    let k = c.end;
    if (tokens[k]?.key === 'general' || tokens[k]?.key === 'chief') k++;
    const title = tokens[k];
    const name = tokens[k + 1];
    if (title?.shape !== 'lower' || title.gap !== ' ' || k > c.end + 1) continue;
    if (!OFFICERS_EN.has(title.key) && !(k > c.end && title.key === 'executive')) continue;
    if (name?.gap !== ' ' || name.shape !== 'title') continue;
    officers ??= new Set();
    officers.add(keyOf(tokens, c.start, c.end));
  }
  if (!companies && !officers) return chosen;
  return chosen.filter((c) => {
    if (c.type !== 'PER') return true;
    if (officers?.has(keyOf(tokens, c.start, c.end))) return false;
    const first = tokens[c.start] as Token;
    if (!companies?.has(first.key)) return true;
    const last = tokens[c.end - 1] as Token;
    return !(c.end === c.start + 1 || (c.end === c.start + 2 && COMPANY_SUFFIXES.has(last.key)));
  });
}

const MONTH_ABBREVIATIONS = new Set(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december'.split(
    ' ',
  ),
);
const WEEKDAYS_EN = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NEWS_AGENCIES = new Set('reuters ap afp upi bloomberg dpa xinhua interfax'.split(' '));

/**
 * English news datelines: a line that opens with a place in capitals, optionally its region or
 * country, then the date or the agency ("WIGAN , England 1996-08-31", "ST. LOUIS 1996-08-30",
 * "WASHINGTON, Aug 30 (Reuters)"). The capitals are a place.
 */
function englishDatelines(doc: Doc): Candidate[] {
  const { tokens } = doc;
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i > 0 && t.gap !== '\n') continue;
    // The place: one to three words in capitals ("ST. LOUIS": a glued period inside).
    let j = i;
    let words = 0;
    while (j < tokens.length && words < 3) {
      const w = tokens[j] as Token;
      if (j > i && w.gap === '\n') break;
      if (w.kind === 'word' && w.shape === 'upper' && w.script === 'lat' && w.text.length >= 2) {
        words++;
        j++;
      } else if (
        w.text === '.' &&
        w.gap === '' &&
        j > i &&
        tokens[j + 1]?.shape === 'upper' &&
        tokens[j + 1]?.gap === ' '
      ) {
        j++;
      } else break;
    }
    if (words === 0) continue;
    const end = j;
    // Not a weekday or month ("FRIDAY ( ... )"), nor an organisation the lexicon knows
    // ("UNITED NATIONS").
    let plausible = true;
    for (let w = i; w < end; w++) {
      if (
        WEEKDAYS_EN.has((tokens[w] as Token).key) ||
        MONTH_ABBREVIATIONS.has((tokens[w] as Token).key)
      )
        plausible = false;
      // (Learned from the train data, one-word clubs named after their town do not count.)
      const covered = doc.coveredBy[w];
      if (covered && covered.type !== 'LOC' && (covered.curated || end - i > 1)) plausible = false;
    }
    if (!plausible) continue;
    // Then ", Region" (capitalised words, abbreviations with periods), then the date or the
    // agency in brackets.
    let k = end;
    if (tokens[k]?.text === ',' && tokens[k]?.gap !== '\n') {
      k++;
      let region = 0;
      while (k < tokens.length && region < 4) {
        const w = tokens[k] as Token;
        if (w.gap === '\n') break;
        if (w.kind === 'word' && /^\p{Lu}/u.test(w.text) && !MONTH_ABBREVIATIONS.has(w.key)) {
          region++;
          k++;
        } else if (w.text === '.' && region > 0) k++;
        else break;
      }
    }
    const next = tokens[k];
    if (!next || next.gap === '\n') continue;
    const dated =
      ISO_DATE.test(next.text) ||
      (next.text === '(' && NEWS_AGENCIES.has(tokens[k + 1]?.key ?? '')) ||
      (MONTH_ABBREVIATIONS.has(next.key) && tokens[k + 1]?.kind === 'num');
    if (!dated) continue;
    const phrase = doc.phraseAt[i];
    const canonical =
      phrase && phrase.end === end && phrase.entry.type === 'LOC'
        ? phrase.entry.canonical
        : doc.text.slice(t.start, (tokens[end - 1] as Token).end);
    out.push({ start: i, end, type: 'LOC', canonical, tier: 5 });
  }
  return out;
}

/** Greedy choice in priority order: a span is kept if none of its tokens is taken. */
function choose(n: number, ordered: readonly Candidate[]): Candidate[] {
  const taken = new Uint8Array(n);
  const chosen: Candidate[] = [];
  for (const c of ordered) {
    let free = c.end > c.start;
    for (let k = c.start; k < c.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) taken[k] = 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const byLengthThenTier = (a: Candidate, b: Candidate) =>
  b.end - b.start - (a.end - a.start) || b.tier - a.tier || a.start - b.start;

function recognizeText(text: string, options?: RecognizeOptions): Mention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lex = getLexicon();
  const lang = pickLanguage(text, options?.lang);
  const tokens = tokenize(text);
  const doc = createDoc(text, tokens, lex, lang);
  proposeAll(doc);
  let chosen: Candidate[];
  if (lang === 'other') {
    // Other languages: country and capital names from the lexicon only (the tagger knows
    // Russian and English news).
    chosen = selectCandidates(doc);
  } else {
    const spans = splitAtBrackets(tokens, tagSpans(doc, ruleCodes(doc)));
    const tagged = taggedCandidates(doc, spans).filter(
      (c) => keepAdjective(doc, c) && !implausible(doc, c),
    );
    const treaties = doc.candidates.filter((c) => c.type === 'TREATY').sort(byLengthThenTier);
    const fallback = doc.candidates
      .filter((c) => (c.type === 'PER' || c.type === 'LOC') && c.tier >= policy.fallbackTier)
      .filter((c) => !(c.type === 'LOC' && quotedName(tokens, c.start, c.end)))
      .sort(byLengthThenTier);
    // Priority: treaty names and terms, the tagger's people and places, then in Russian curated
    // lexicon places (the Kremlin is a place even where NEREL labels it an organisation) before
    // the tagger's organisations and other names, which only block. In English, CoNLL's
    // convention (a team named after its city is an organisation) is also the reader's.
    const names = splitPeople(
      doc,
      tagged.filter((c) => c.type === 'PER' || c.type === 'LOC'),
    ).map((c) => (lang === 'ru' ? placeAfterPreposition(doc, c) : c));
    if (lang === 'ru') names.push(...latinInBrackets(doc, names));
    const blockers = tagged.filter((c) => c.type !== 'PER' && c.type !== 'LOC');
    const order =
      lang === 'ru'
        ? [...treaties, ...names, ...fallback, ...blockers]
        : [...treaties, ...englishDatelines(doc), ...names, ...blockers, ...fallback];
    const picked = choose(tokens.length, order);
    chosen = picked.filter((c) => c.type !== 'ORG');
    if (lang === 'ru')
      chosen = applyCueNouns(
        doc,
        chosen.filter((c) => !latinNameInRussian(doc, c)),
      );
    chosen = joinNicknames(doc, chosen);
    // Lone surnames of people named in full may also take tokens the tagger read as an
    // organisation's (measured: +2 points of recall on CoNLL people, precision −1).
    if (policy.groupLone) chosen = groupPeople(doc, chosen);
    if (lang === 'ru') chosen = cuedPeople(doc, chosen);
    if (policy.recurrences)
      chosen = markRecurrences(
        doc,
        chosen,
        picked.filter((c) => c.type === 'ORG'),
      );
    if (lang === 'en') chosen = dropCompanyPeople(tokens, chosen);
  }
  chosen = chosen.filter(
    (c) =>
      !(
        c.type === 'LOC' &&
        (!c.tagged || policy.filterTagged) &&
        lang === 'en' &&
        partOfEnglishName(tokens, c.start, c.end)
      ),
  );
  const mentions: Mention[] = [];
  for (const c of chosen) {
    if (c.type === 'ORG') continue;
    const start = tokens[c.start]?.start ?? 0;
    const end = tokens[c.end - 1]?.end ?? start;
    if (end <= start) continue;
    mentions.push({
      start,
      end,
      type: c.type,
      text: text.slice(start, end),
      canonical: c.canonical || text.slice(start, end),
    });
  }
  return mentions;
}

export function createRecognizer(): Recognizer {
  return {
    id: RECOGNIZER_ID,
    recognize(text: string, options?: RecognizeOptions): Mention[] {
      try {
        return recognizeText(text, options);
      } catch {
        // A recognizer failure must never break the page: no marks rather than an exception.
        return [];
      }
    },
  };
}

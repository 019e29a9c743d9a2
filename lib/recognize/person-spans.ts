/**
 * Where a person's name begins and ends: the tagger's person spans without leading titles, cut
 * between two people written side by side ("Майкла Джексона | Кэтрин"), joined across a nickname
 * in quotes ("Джеймс «Бадди» Макгирт"), and the original spelling in brackets after a Russian
 * name ("Ма Лин (马凌)") as the same person.
 */
import { appendAll, revised } from '../arrays';
import { SURNAME_PARTICLES } from './curated/name-parts';
import { displayLike } from './display-names';
import { FUNCTION_WORDS_EN } from './english';
import { spelledGivenName } from './given-names-ru';
import type { WordReading } from './lexicon';
import { personForSpan } from './people';
import { complementLike } from './places';
import { patronymicNominative } from './russian';
import {
  asPlace,
  type Candidate,
  isInitial,
  lowerCaseWords,
  newCandidate,
  type TokenizedText,
  taggedCopy,
  takenTokens,
} from './tokenized-text';
import { CLOSE_QUOTES, OPEN_QUOTES, type Token } from './tokens';

const CASE_INDEX: Record<string, number> = { n: 0, g: 1, d: 2, a: 3, i: 4, l: 5 };

/** The bit of formsOf for the masculine nominative. */
const NOMINATIVE_MASCULINE = 1;

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
function initialAfterSurname(tokenized: TokenizedText, k: number, end: number): boolean {
  const before = tokenized.tokens[k - 1] as Token;
  if (!isInitial(tokenized, k) || before.kind !== 'word' || before.text.length < 2) return false;
  // Russian names only: "John S. Pistole" has a middle initial, and a Latin "V" in Russian is a
  // regnal number ("Харальд V").
  if ((tokenized.tokens[k] as Token).script !== 'cyr' || before.script !== 'cyr') return false;
  if (tokenized.readings(k - 1).some((r) => r.kind === 'F' || r.kind === 'P')) return false;
  // The name before must be complete, initial and surname ("В.Шеймана"): after a first name
  // the dictionary does not know, an initial is a middle one ("Вениньо С. Акино").
  if (!isInitial(tokenized, k - 3)) return false;
  // The initials must lead to a surname inside the span: "Михальчука И. Ф." and "Харальд V." are
  // one person each.
  let i = k;
  while (i < end && isInitial(tokenized, i)) i += 2;
  const surname = tokenized.tokens[i];
  return i < end && surname?.kind === 'word' && surname.text.length > 1;
}

/**
 * Two first names side by side that cannot agree in case and gender belong to two people when a
 * full name follows and no case is shared: "знакомый Марины | Дмитрий Туркин", "Мать Ксении | Людмила Нарусова" (the
 * first in the genitive, the second opening a name in the nominative). Both words must read only
 * as first names, none of them also a common word.
 */
function firstNamesDisagree(
  before: readonly WordReading[],
  first: readonly WordReading[],
  fullNameFollows: boolean,
): boolean {
  if (!fullNameFollows || before.length === 0) return false;
  if (before.some((r) => r.kind !== 'F' || r.lemma.ambiguous)) return false;
  if (first.some((r) => r.lemma.ambiguous)) return false;
  // Case alone: "Луис Мария Арганья", "Хосе Мария" join names of both genders.
  return (casesOf(before) & casesOf(first)) === 0;
}

/** Bit mask of the cases of readings. */
function casesOf(readings: readonly WordReading[]): number {
  let m = 0;
  for (const r of readings) {
    for (const code of r.codes) {
      const c = CASE_INDEX[code[0] as string];
      if (c !== undefined) m |= 1 << c;
    }
  }
  return m;
}

/**
 * A man's first name in an oblique case and his surname, then a capitalised word ending in a
 * consonant other than "м" ("Виктора Януковича | Кернес", "Александром Хлопониным | Пшихачев",
 * "Тимом Бернерсом-Ли | Аарон Шварц"): a man's name declines in every word, and the oblique cases
 * end in a vowel or "-ом"/"-ем"/"-ым", so the word is in the nominative and starts another person.
 */
function nominativeAfterObliqueName(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k] as Token;
  if (t.script !== 'cyr' || !/[бвгджзклнпрстфхцчшщ]$/.test(t.key)) return false;
  const surname = tokenized.tokens[k - 1] as Token;
  if (surname.script !== 'cyr' || surname.shape !== 'title' || t.gap !== ' ') return false;
  if (patronymicNominative(surname.key)) return false;
  if (tokenized.readings(k - 1).some((r) => r.kind === 'F')) return false;
  const first = tokenized.readings(k - 2);
  if (first.length === 0 || first.some((r) => r.kind !== 'F' || r.lemma.ambiguous)) return false;
  return first.every((r) => r.codes.every((code) => code[0] !== 'n' && code[2] === 'm'));
}

/**
 * Russian: a surname and a first name that cannot agree in case and gender belong to two people
 * ("Майкла Джексона | Кэтрин", "Института Пушкина | Виталий Григорьевич Костомаров"): a tagged
 * person span is cut before such a first name, and before an initial after a surname.
 */
function splitAtCase(tokenized: TokenizedText, c: Candidate): Candidate[] {
  if (c.type !== 'PER' || c.end - c.start < 2 || tokenized.lang !== 'ru') return [c];
  const cuts: number[] = [];
  for (let k = c.start + 1; k < c.end; k++) {
    if (initialAfterSurname(tokenized, k, c.end)) {
      cuts.push(k);
      continue;
    }
    if ((tokenized.tokens[k] as Token).shape !== 'title') continue;
    const from = cuts.length > 0 ? (cuts[cuts.length - 1] as number) : c.start;
    if (k - from >= 2 && nominativeAfterObliqueName(tokenized, k)) {
      cuts.push(k);
      continue;
    }
    const first = tokenized.readings(k).filter((r) => r.kind === 'F');
    if (first.length === 0) continue;
    const before = tokenized.readings(k - 1);
    if (firstNamesDisagree(before, first, k + 1 < c.end)) {
      cuts.push(k);
      continue;
    }
    if (before.some((r) => r.kind === 'F' || r.kind === 'P')) continue;
    const surname = before.filter((r) => r.kind === 'S');
    if (surname.length === 0) continue;
    if ((formsOf(surname) & formsOf(first)) === 0) cuts.push(k);
  }
  if (cuts.length === 0) return [c];
  const out: Candidate[] = [];
  let from = c.start;
  for (const k of [...cuts, c.end]) {
    out.push(taggedCopy(personForSpan(tokenized, from, k), c.tier));
    from = k;
  }
  return out;
}

/**
 * Two people written side by side ("Майкла Джексона Кэтрин", "внучка Шаймиева Камиля") come out
 * of a BIO tagger as one span; where the rules tile the span with two or more people, each after
 * the first starting with a first name, keep theirs.
 */
export function splitPeople(tokenized: TokenizedText, taggedSpans: Candidate[]): Candidate[] {
  const tagged: Candidate[] = [];
  for (const c of taggedSpans) {
    // Both steps keep a span that is no person or one token long as it is (no arrays for it).
    if (c.type !== 'PER' || c.end - c.start < 2) {
      tagged.push(c);
      continue;
    }
    for (const trimmed of trimAndSplit(tokenized, c))
      appendAll(tagged, splitAtCase(tokenized, trimmed));
  }
  const rulePeople = new Map<number, Candidate[]>();
  for (const c of tokenized.candidates) {
    if (c.type !== 'PER' || c.tagged) continue;
    const list = rulePeople.get(c.start) ?? [];
    list.push(c);
    rulePeople.set(c.start, list);
  }
  const out: Candidate[] = [];
  for (const c of tagged) {
    if (c.type !== 'PER' || c.end - c.start < 2 || tokenized.lang !== 'ru') {
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
      const first = tokenized.readings(p.start).filter((r) => r.kind === 'F');
      if (first.length === 0) return false;
      const before = pieces[i] as Candidate;
      if (before.end - before.start !== 1) return true;
      // After a lone first name comes the rest of the same name ("Аарон Александр", "Джимми Ли
      // Дайкс", "Роберт Генри Лоуренс-младший").
      if (tokenized.readings(before.start).some((r) => r.kind === 'F')) return false;
      // Surname-first order is the official one, with the patronymic: "Шаймиева | Камиля" stays two.
      const middle = tokenized.tokens[p.start + 1];
      const patronymic =
        p.end - p.start > 1 &&
        middle !== undefined &&
        (tokenized.readings(p.start + 1).some((r) => r.kind === 'P') ||
          patronymicNominative(middle.key) !== null);
      const surname = tokenized.readings(before.start).filter((r) => r.kind === 'S');
      // Two masculine nominatives are one name, in either order ("Аарон Эрнандес", where the
      // dictionary reads the first as a surname; "Арсланов Айрат"); a genitive surname before a
      // first name is another person's ("внучка Шаймиева | Камиля").
      if (!patronymic && (formsOf(surname) & formsOf(first) & NOMINATIVE_MASCULINE) !== 0)
        return false;
      return !patronymic || surname.length === 0 || (formsOf(surname) & formsOf(first)) === 0;
    };
    if (k === c.end && pieces.length >= 2 && pieces.slice(1).every(newPersonAt)) {
      for (const p of pieces) out.push(taggedCopy(p, c.tier));
    } else out.push(c);
  }
  return out;
}

/**
 * A nickname in quotes between a first name and a surname is part of the name: "Джеймс «Бадди»
 * Макгирт", 'Roberto " Hands of Stone " Duran'. The three pieces (or two, when the nickname was
 * not taken for a name) become one person, known by first name and surname.
 */
export function joinNicknames(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
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
    const tier = Math.max(first.tier, last.tier);
    const canonical = `${first.canonical} ${last.canonical}`;
    out.push(taggedCopy(newCandidate(first.start, last.end, 'PER', canonical, tier), tier));
    i = j;
  }
  return out;
}

/**
 * "земли Гессен | Фолькер Буфье", "Челси | Фрэнк Лэмпард": a place the dictionary or the lexicon
 * knows (and no name reading), right before a first name that starts a name of two or more words,
 * is not part of the person's name.
 */
function placeBeforeFirstName(tokenized: TokenizedText, i: number, end: number): boolean {
  if (end - i < 3) return false;
  const readings = tokenized.readings(i);
  const place =
    (readings.length > 0 && readings.every((r) => r.kind === 'G' && !r.lemma.ambiguous)) ||
    (tokenized.phraseAt[i]?.end === i + 1 && tokenized.phraseAt[i]?.entry.type === 'LOC');
  if (!place) return false;
  return tokenized.readings(i + 1).some((r) => r.kind === 'F' && !r.lemma.ambiguous);
}

/**
 * A Russian abbreviation with a case ending ("МИДа", "МХАТе", "ВГИКе"): an organisation, never
 * part of a person's name (none in the NEREL and factRuEval people).
 */
export const INFLECTED_ABBREVIATION = /^[А-ЯЁ]{2,}[а-яё]{1,3}$/;

/** A one-word place candidate with its dictionary or lexicon name. */
function placeSpan(tokenized: TokenizedText, i: number): Candidate {
  const phrase = tokenized.phraseAt[i];
  const g = tokenized.readings(i).find((r) => r.kind === 'G');
  const canonical = phrase
    ? phrase.entry.canonical
    : g
      ? displayLike(tokenized.lex.nominative(g.lemma), (tokenized.tokens[i] as Token).text)
      : (tokenized.tokens[i] as Token).text;
  return newCandidate(i, i + 1, 'LOC', canonical, 1);
}

/** Whether a Cyrillic word can open a person's name: a first name or an initial. */
function opensName(tokenized: TokenizedText, k: number): boolean {
  const t = tokenized.tokens[k];
  if (t?.kind !== 'word' || t.shape === 'lower') return false;
  if (isInitial(tokenized, k)) return true;
  if (tokenized.readings(k).some((r) => r.kind === 'F' && !r.lemma.ambiguous)) return true;
  return t.script === 'cyr' && spelledName(tokenized, t.key);
}

function spelledName(tokenized: TokenizedText, key: string): boolean {
  return spelledGivenName(tokenized.lex, key, false);
}

/**
 * The capitalised word in the genitive that opens a person span right after a role word, before
 * a full name, is the role's complement — the state or body the person serves ("губернатор
 * Висконсина | Скотт Уокер", "премьер-министр Дании | Хелле Торнинг-Шмитт", "главы Госстроя |
 * В.Токарева") — unless it can itself be a name part (a first name or surname the dictionary
 * knows, or a spelled given name) and is no place. Cyrillic letters only ("Бeшара" with a Latin
 * "e" is a name copied from elsewhere).
 */
function complementAfterRole(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.end - c.start < 3 || !tokenized.isRole[c.start - 1] || tokenized.isRole[c.start])
    return false;
  const w = tokenized.tokens[c.start] as Token;
  if (w.script !== 'cyr' || w.shape === 'lower' || !/^[А-ЯЁа-яё-]+$/.test(w.text)) return false;
  // A role's complement is in the genitive.
  if (!/(?:а|я|ы|и|ов|ев|ей)$/.test(w.key)) return false;
  const readings = tokenized.readings(c.start);
  const place = readings.some((r) => r.kind === 'G');
  if (!place && (readings.length > 0 || spelledName(tokenized, w.key))) return false;
  return opensName(tokenized, c.start + 1);
}

/**
 * A tagged person span without a leading title ("Император Акихито"; "Тело Флинта" at a
 * sentence start): a role word, or at a sentence start a word the text also writes in lower
 * case. Titles stay out of person spans (docs/recognition.md, "What counts as a person").
 */
function trimAndSplit(tokenized: TokenizedText, c: Candidate): Candidate[] {
  if (c.type !== 'PER' || c.end - c.start < 2) return [c];
  const lower = lowerCaseWords(tokenized);
  let start = c.start;
  let place: Candidate | null = null;
  if (complementAfterRole(tokenized, c)) {
    const phrase = tokenized.phraseAt[start];
    const isPlace =
      tokenized.readings(start).some((r) => r.kind === 'G') ||
      (phrase?.end === start + 1 && phrase.entry.type === 'LOC');
    if (isPlace) place = taggedCopy(placeSpan(tokenized, start), c.tier);
    start++;
  }
  while (!place && start === c.start && c.end - start > 1) {
    const t = tokenized.tokens[start] as Token;
    const next = tokenized.tokens[start + 1] as Token;
    if (next.gap !== ' ') break;
    // A surname particle belongs to the name ("Van Heeswijk", "De Kock", "Dal Maso").
    if (SURNAME_PARTICLES.has(t.key) && /^\p{Lu}/u.test(next.text)) break;
    const title =
      tokenized.isRole[start] ||
      ((t.sentenceStart || tokenized.capsLine[start]) && lower.has(t.key)) ||
      (t.script === 'lat' && FUNCTION_WORDS_EN.has(t.key)) ||
      // A Latin-script word before a Cyrillic name is a company's ("StubHub Гленн Леман",
      // "Lockheed Martin Боб Стивенс"): no NEREL or factRuEval person mixes the two so.
      (t.script === 'lat' && next.script === 'cyr' && tokenized.lang === 'ru') ||
      INFLECTED_ABBREVIATION.test(t.text);
    if (!title && placeBeforeFirstName(tokenized, start, c.end)) {
      // The place stays a place: "земли [Гессен] [Фолькер Буфье]".
      place = taggedCopy(placeSpan(tokenized, start), c.tier);
      start++;
      break;
    }
    if (!title) break;
    start++;
  }
  // (Splitting before a first name that follows a surname was tried and lost F1 on nerel-dev
  // people, as NEREL also writes "Майкла Джексона Кэтрин"-like runs inside one name.)
  const cuts = [start];
  if (cuts.length === 1 && start === c.start) return [c];
  cuts.push(c.end);
  const out: Candidate[] = place ? [place] : [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] as number;
    const to = cuts[k + 1] as number;
    out.push(taggedCopy(personForSpan(tokenized, from, to), c.tier));
  }
  return out;
}

/** A name written in Chinese characters, Japanese kana or Korean Hangul ("Чжан Инъин (章莹颖)"). */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/**
 * "Модибо Сидибе (Modibo Sidibe)", "Ма Лин (马凌)": the original spelling in brackets after a
 * person's name.
 */
export function latinInBrackets(
  tokenized: TokenizedText,
  names: readonly Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const c of names) {
    if (c.type !== 'PER') continue;
    const open = tokenized.tokens[c.end];
    if (open?.text !== '(') continue;
    let k = c.end + 1;
    let depth = 0;
    let words = 0;
    let last = -1;
    while (k < tokenized.tokens.length && k < c.end + 12) {
      const t = tokenized.tokens[k] as Token;
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
    if (words < 1 || words > 5 || tokenized.tokens[k]?.text !== ')' || last < 0) continue;
    out.push(taggedCopy(newCandidate(c.end + 1, last + 1, 'PER', c.canonical, c.tier), c.tier));
  }
  return out;
}

/**
 * Russian: a lone first name followed by a capitalised word inside the sentence takes it as the
 * surname, whatever else the word means ("Виктор Понедельник", "Дик Адвокат"): in Russian a
 * capital letter inside a sentence marks a proper name, and after a first name that is the
 * surname. Not when the word is taken by another span, a place or organisation phrase, a role,
 * another first name ("Кэтрин Жермен Джексон" are two people), an adjective in the nominative
 * the dictionary does not know as a surname ("Принц Джордж Кембриджский"), or all capitals.
 */
export function surnameAfterFirstName(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || c.end !== c.start + 1) continue;
    const first = tokenized.tokens[c.start] as Token;
    if (first.script !== 'cyr') continue;
    const f = tokenized.readings(c.start).filter((r) => r.kind === 'F');
    if (f.length === 0 || f.some((r) => r.lemma.ambiguous)) continue;
    const k = c.end;
    const w = tokenized.tokens[k];
    if (w?.kind !== 'word' || w.script !== 'cyr' || w.shape !== 'title' || w.gap !== ' ') continue;
    if (taken[k] || tokenized.isRole[k] || tokenized.coveredBy[k] || tokenized.phraseAt[k])
      continue;
    const readings = tokenized.readings(k);
    if (readings.some((r) => r.kind === 'F' || r.kind === 'G')) continue;
    // "Джордж Кембриджский": a title after a place, unless the dictionary knows the surname.
    if (/(?:ий|ой|ая|ое|ые)$/.test(w.key) && !readings.some((r) => r.kind === 'S')) continue;
    const after = tokenized.tokens[k + 1];
    if (after?.gap === ' ' && after.kind === 'word' && /^\p{Lu}/u.test(after.text)) continue;
    out ??= chosen.slice();
    out[n] = taggedCopy(personForSpan(tokenized, c.start, k + 1), c.tier);
    taken[k] = 1;
  }
  return out ?? chosen;
}

/**
 * Russian: a lone surname takes the capitalised word right before it as its first name when
 * nothing else took that word and it can only be a name the dictionary does not know (or a
 * first name it does): "Янез | Янша", "Тилль | Линдеманн" in news about foreigners whose given
 * names no list holds. Not at a sentence start or in a line of capitals (where any word is
 * capitalised), not a word the text also writes in lower case, a role, a lexicon phrase, a place
 * or surname reading, an adjective ("Кембриджский") or an abbreviation, and not after another
 * capitalised word (a run of names is the tagger's to cut).
 */
const NAME_LEAD_PUNCT = new Set([',', '—', '–', '-']);

export function firstNameBeforeSurname(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
): Candidate[] {
  return withFirstNameBefore(tokenized, chosen, taken, (k, w) => {
    if (w.sentenceStart || tokenized.capsLine[k] || w.gap !== ' ') return false;
    if (!onlyFirstName(tokenized, k, w)) return false;
    // After a lower-case word, a comma or a dash only: not after a quote or a colon, where a
    // title or a sentence may begin ("«Детство Чика»"), nor after another capitalised word.
    const before = tokenized.tokens[k - 1];
    if (!before) return false;
    return before.kind === 'word' ? before.shape === 'lower' : NAME_LEAD_PUNCT.has(before.text);
  });
}

/**
 * The lone surnames of `chosen` that take the word before them as their first name: a
 * capitalised Cyrillic word that no span took, no role and no lexicon phrase, which the rule's own
 * test (`accepts`) takes.
 */
function withFirstNameBefore(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
  accepts: (k: number, word: Token, surname: Candidate) => boolean,
): Candidate[] {
  let out: Candidate[] | null = null;
  let busy: Uint8Array | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || c.end !== c.start + 1) continue;
    const surname = tokenized.tokens[c.start] as Token;
    if (surname.script !== 'cyr' || surname.shape !== 'title' || surname.gap !== ' ') continue;
    const k = c.start - 1;
    const w = tokenized.tokens[k];
    if (w?.kind !== 'word' || w.script !== 'cyr' || w.shape !== 'title') continue;
    if (taken[k] || tokenized.isRole[k] || tokenized.phraseAt[k] || !accepts(k, w, c)) continue;
    if (!busy) {
      busy = taken.slice();
      for (const other of chosen) busy.fill(1, other.start, other.end);
    }
    if (busy[k]) continue;
    out ??= chosen.slice();
    out[n] = taggedCopy(personForSpan(tokenized, k, c.end), c.tier);
    busy[k] = 1;
  }
  return out ?? chosen;
}

/**
 * Whether word k can only be a first name: no span covers it, no abbreviation or adjective, the
 * dictionary reads it as a first name only (or not at all), and the text never writes it in
 * lower case.
 */
function onlyFirstName(tokenized: TokenizedText, k: number, w: Token): boolean {
  if (tokenized.coveredBy[k]) return false;
  if (INFLECTED_ABBREVIATION.test(w.text) || /(?:ий|ый|ой|ая|ое|ые|ие|ого|ому)$/.test(w.key))
    return false;
  if (tokenized.readings(k).some((r) => r.kind !== 'F' || r.lemma.ambiguous)) return false;
  return !lowerCaseWords(tokenized).has(w.key);
}

/** A surname with "-младший"/"-старший" ("Буш-младший", "Кампрада-старшего", "Уильямс-младшая"). */
const JUNIOR_SENIOR = /^\p{Lu}[\p{Ll}-]*\p{Ll}-(?:младш|старш)\p{Ll}+$/u;

/**
 * Russian: a capitalised word with "-младший" or "-старший" is a person's surname (all 27 such
 * words in NEREL train and dev are inside a person's name): a person where no person took it,
 * also over the tagger's one-word place or organisation.
 */
export function juniorSeniorNames(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  let out: Candidate[] | null = null;
  let owner: Int32Array | null = null;
  for (let k = 0; k < tokenized.tokens.length; k++) {
    const t = tokenized.tokens[k] as Token;
    if (t.kind !== 'word' || t.script !== 'cyr' || t.key.indexOf('-') < 0) continue;
    if (!JUNIOR_SENIOR.test(t.text)) continue;
    if (!owner) {
      owner = new Int32Array(tokenized.tokens.length).fill(-1);
      for (let n = 0; n < chosen.length; n++) {
        const c = chosen[n] as Candidate;
        owner.fill(n, c.start, c.end);
      }
    }
    const n = owner[k] as number;
    const c = n >= 0 ? (chosen[n] as Candidate) : null;
    if (c && (c.type === 'PER' || c.type === 'TREATY' || c.end !== c.start + 1)) continue;
    out ??= chosen.slice();
    const person = taggedCopy(personForSpan(tokenized, k, k + 1), 1);
    if (c) out[n] = person;
    else out.push(person);
  }
  return out ? out.sort((a, b) => a.start - b.start) : chosen;
}

/** Lower-case particles inside Arabic, Malay, African and Romance names ("бин", "ва", "де"). */
const JOINING_PARTICLES: ReadonlySet<string> = new Set([
  ...SURNAME_PARTICLES,
  'ва',
  'бен',
  'бинт',
  'ду',
  'ben',
  'bint',
]);

/**
 * Russian: two people on either side of a name particle are one ("Бингу ва Мутарика", "Мохаммеда
 * бин Салмана", "Мегат Шахдан бин Абдул Самад"): no two NEREL people are written with a particle
 * between them, and 44 have one inside.
 */
export function joinAcrossParticles(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    const last = out ? out[out.length - 1] : chosen[n - 1];
    if (!last || particleBetween(tokenized, last, c) < 0) {
      out?.push(c);
      continue;
    }
    out ??= chosen.slice(0, n);
    out[out.length - 1] = taggedCopy(personForSpan(tokenized, last.start, c.end), last.tier);
  }
  return out ?? chosen;
}

/** The particle token joining two adjacent people (between them or ending the first), or −1. */
function particleBetween(tokenized: TokenizedText, a: Candidate, b: Candidate): number {
  if (a.type !== 'PER' || b.type !== 'PER') return -1;
  const k =
    b.start === a.end + 1 ? a.end : b.start === a.end && a.end - a.start > 1 ? a.end - 1 : -1;
  if (k < 0) return -1;
  const p = tokenized.tokens[k];
  const after = tokenized.tokens[k + 1];
  if (p?.shape !== 'lower' || !JOINING_PARTICLES.has(p.key) || p.gap !== ' ') return -1;
  return after?.gap === ' ' && /^\p{Lu}/u.test(after.text) ? k : -1;
}

/** Two forms of one Cyrillic name word: one is the other with a case ending of up to three letters. */
function sameNameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 3 && long.startsWith(short);
}

/**
 * Russian: a lone surname takes the capitalised word right before it as its first name when the
 * same text names that person in full with that word ("Николаус Арнонкур … [Николаус] Арнонкур
 * родился", "Янез Янша" at a sentence start): one text names one person the same way, and
 * where a sentence starts, or another name stands before, any word is capitalised and only the
 * text's other mentions tell a given name from a common word. Not a word another span took, a
 * role or a lexicon phrase.
 */
export function firstNameFromText(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
): Candidate[] {
  // First word and surname keys of the people named in full (two words or more, Cyrillic).
  let full: { first: string; keys: readonly string[] }[] | null = null;
  return withFirstNameBefore(tokenized, chosen, taken, (_k, w, c) => {
    if (!full) {
      full = [];
      for (const p of chosen) {
        if (p.type !== 'PER' || p.end - p.start < 2 || !p.person) continue;
        const first = tokenized.tokens[p.start] as Token;
        if (first.script !== 'cyr') continue;
        full.push({ first: first.key, keys: p.person.surnameKeys });
      }
    }
    const keys = c.person?.surnameKeys ?? [];
    return full.some(
      (p) => sameNameWord(p.first, w.key) && p.keys.some((key) => keys.includes(key)),
    );
  });
}

/** Russian words that open sentences and are never names (adverbs, pronouns, conjunctions). */
const FUNCTION_WORDS_RU: ReadonlySet<string> = new Set(
  'сам сама само сами там тут здесь туда сюда но однако далее ранее позже позднее затем потом тогда теперь сейчас уже еще также тоже даже лишь только вот вчера сегодня завтра поэтому кроме после перед когда если хотя пока как так где куда это этот эта эти тот та те все весь вся всех он она они оно мы вы его ее их им ей ему кто что чем почему зачем более менее очень почти именно наконец впрочем правда кстати итак зато либо или нет между среди вместе около возле против через вами вам вас нам нас нами мне меня мной тебе тебя ним ней нее них нему'.split(
    ' ',
  ),
);

/**
 * Russian: a lone surname takes the capitalised word right before it as its first name when that
 * word spells back into a given name of the English and Moby lists ("[Николаус] Арнонкур",
 * "[Холли] Соломон", "[Никлас] Лидстрём"): the press writes foreign given names by their sound
 * (given-names-ru.ts). Not a word another span took, a role, a lexicon phrase, a word the
 * dictionary reads as other than a first name, a word the text writes in lower case, an
 * adjective or an abbreviation. At a sentence start, where any word is capitalised, only a word
 * of five letters or more as written, and no function word: short common words spell short
 * names («Сам» Sam, «Мать» Matt, «Дела» Della).
 */
export function spelledFirstNames(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
): Candidate[] {
  return withFirstNameBefore(tokenized, chosen, taken, (k, w) => {
    const opening = w.sentenceStart || tokenized.capsLine[k] === true;
    if (opening && (w.key.length < 5 || FUNCTION_WORDS_RU.has(w.key))) return false;
    return onlyFirstName(tokenized, k, w) && spelledGivenName(tokenized.lex, w.key, opening);
  });
}

/**
 * Russian: a lone capitalised word taken for a person but followed by a lower-case word that
 * reads as its genitive complement ("Коллежа патафизики", "Службы безопасности", "Книги
 * рекордов") is a common noun opening the name of an organisation or work: a person's name takes
 * no genitive complement. Not a word the dictionary knows as a name, nor one the text names
 * someone in full with.
 */
export function complementedNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  let surnames: Set<string> | null = null;
  let drop: Set<Candidate> | null = null;
  for (const c of chosen) {
    if (c.type !== 'PER' || c.end !== c.start + 1 || c.cued) continue;
    const t = tokenized.tokens[c.start] as Token;
    if (t.script !== 'cyr' || t.shape !== 'title') continue;
    const next = tokenized.tokens[c.end];
    if (next?.gap !== ' ' || next.shape !== 'lower' || next.script !== 'cyr') continue;
    if (!complementLike(next.key)) continue;
    if (tokenized.readings(c.start).length > 0) continue;
    // NEREL marks an adjective made from a name as the person ("Нобелевской премии").
    if (/(?:ов|ев|ёв|ин)ск/.test(t.key)) continue;
    if (!surnames) {
      surnames = new Set();
      for (const p of chosen)
        if (p.type === 'PER' && p.person?.full)
          for (const key of p.person.surnameKeys) surnames.add(key);
    }
    if ((c.person?.surnameKeys ?? []).some((key) => surnames?.has(key))) continue;
    drop ??= new Set();
    drop.add(c);
  }
  return drop ? chosen.filter((c) => !drop?.has(c)) : chosen;
}

/**
 * Russian: a lone function word is no person («Доктора Кто», «указанном Вами»): pronouns,
 * adverbs and conjunctions name nobody, however they are written.
 */
export function functionWordsNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  return revised(chosen, (c) =>
    c.type === 'PER' &&
    c.end === c.start + 1 &&
    FUNCTION_WORDS_RU.has((tokenized.tokens[c.start] as Token).key)
      ? null
      : c,
  );
}

/**
 * Russian: a Latin-script name with the English possessive ("Christie’s", "McDonald’s") is a
 * company or shop: Russian text writes no person's name so.
 */
export function latinNamesNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  return revised(chosen, (c) =>
    c.type === 'PER' && possessiveLatin(tokenized.tokens, c) ? null : c,
  );
}

function possessiveLatin(tokens: readonly Token[], c: Candidate): boolean {
  if ((tokens[c.end - 1] as Token).script !== 'lat') return false;
  const possessive = tokens[c.end];
  return possessive?.gap === '' && (possessive.text === '’s' || possessive.text === "'s");
}

/** Particles that open a surname in Russian text ("фон Беттихер", "де Ниро", "ван Маарсен"). */
const LEADING_PARTICLES: ReadonlySet<string> = new Set(
  'фон ван де ди да дер ле ла дю дос дель делла'.split(' '),
);

/**
 * The epithet of a saint ("святого Петра", "Блаженным Августином"): part of the name, as NEREL
 * marks it (10 of the 12 NEREL people written after one).
 */
const SAINT = /^(?:свят|блаженн|преподобн)(?:ой|ый|ого|ому|ым|ом|ая|ую)$/;

/** A regnal number after a name ("Кигели V", "Карл XVI"). */
export const REGNAL_NUMBER = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI{1,3}|XIX|XX)$/;

/**
 * Russian: a person's name takes the surname particle or a saint's epithet right before it ("фон
 * Беттихер", "Де Ниро", "ван Маарсен", "святого Петра": NEREL marks them inside the name) and the
 * regnal number right after it ("Кигели V"), where no other span took them.
 */
export function particlesAndNumbers(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  let busy: Uint8Array | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER') continue;
    const first = tokens[c.start] as Token;
    const particle = tokens[c.start - 1];
    const number = tokens[c.end];
    const before =
      first.script === 'cyr' &&
      first.gap === ' ' &&
      particle?.kind === 'word' &&
      (LEADING_PARTICLES.has(particle.key) || SAINT.test(particle.key));
    const after =
      number?.gap === ' ' &&
      REGNAL_NUMBER.test(number.text) &&
      (tokens[c.end - 1] as Token).script === 'cyr' &&
      tokens[c.end + 1]?.text !== '-';
    if (!before && !after) continue;
    if (!busy) busy = takenTokens(tokenized, chosen);
    const start = before && !busy[c.start - 1] ? c.start - 1 : c.start;
    const end = after && !busy[c.end] ? c.end + 1 : c.end;
    if (start === c.start && end === c.end) continue;
    out ??= chosen.slice();
    out[n] = taggedCopy(personForSpan(tokenized, start, end), c.tier);
    busy.fill(1, start, end);
  }
  return out ?? chosen;
}

/**
 * Russian: a name in another script in brackets is the original spelling of what stands before
 * the bracket ("Даммартен-ан-Гоэль (Dammartin-en-Goële)", "коллегия регистраторов (Colegio de
 * Registradores)"): after a place it is that place, after a lower-case word no person. (After a
 * closing quote or an organisation it was tried: titles and the tagger's organisations hold
 * people too, «Доктор Дуги Хаузер» (Doogie Howser).)
 */
export function bracketedOriginals(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let owner: Int32Array | null = null;
  return revised(chosen, (c) => {
    if (
      c.type !== 'PER' ||
      (tokens[c.start] as Token).script === 'cyr' ||
      tokens[c.start - 1]?.text !== '(' ||
      !tokens[c.start - 2]
    )
      return c;
    const k = c.start - 2;
    if (!owner) {
      owner = new Int32Array(tokens.length).fill(-1);
      for (let i = 0; i < chosen.length; i++) {
        const span = chosen[i] as Candidate;
        owner.fill(i, span.start, span.end);
      }
    }
    const o = owner[k] as number;
    const other = o >= 0 ? (chosen[o] as Candidate) : null;
    if (other?.type === 'LOC') return asPlace(c, other.canonical);
    return !other && (tokens[k] as Token).shape === 'lower' ? null : c;
  });
}

/**
 * Russian: a lone first name and the one-word place right after it, in the same case, are one
 * person ("Джорджа Вашингтона", "Олега Иванова"): a place does not follow a given name in
 * running text, a surname does, and many surnames are also place names. Not a territorial
 * adjective (in NEREL train+dev and factru-dev a gold first name stands before a gold place
 * twice, both such adjectives).
 */
export function surnamePlacesAfterFirstName(
  tokenized: TokenizedText,
  chosen: Candidate[],
): Candidate[] {
  let out: Candidate[] | null = null;
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    const next = chosen[n + 1];
    if (
      c.type !== 'PER' ||
      c.end !== c.start + 1 ||
      next?.type !== 'LOC' ||
      next.start !== c.end ||
      next.end !== next.start + 1
    ) {
      out?.push(c);
      continue;
    }
    const first = tokenized.tokens[c.start] as Token;
    const place = tokenized.tokens[next.start] as Token;
    const f = tokenized.readings(c.start).filter((r) => r.kind === 'F');
    const joined =
      first.script === 'cyr' &&
      place.script === 'cyr' &&
      place.shape === 'title' &&
      place.gap === ' ' &&
      // A territorial title is an adjective: "Джордж Кембриджский", "Терезой Калькуттской".
      !/(?:ск|цк)(?:ий|ая|ой|ого|ому|им|ом|ую)$/.test(place.key) &&
      f.length > 0 &&
      !f.some((r) => r.lemma.ambiguous) &&
      tokenized.readings(c.start).every((r) => r.kind === 'F') &&
      (casesOf(f) & casesOf(tokenized.readings(next.start))) !== 0;
    if (!joined) {
      out?.push(c);
      continue;
    }
    out ??= chosen.slice(0, n);
    out.push(taggedCopy(personForSpan(tokenized, c.start, next.end), c.tier));
    n++;
  }
  return out ?? chosen;
}

/**
 * Person rules: first name + surname, initials + surname, East Asian names, names after a role
 * word, and surnames of people the lexicon knows. Titles stay out of the spans.
 */

import { NAME_PARTICLES, SURNAME_PARTICLES } from './curated/name-parts';
import { displayLike } from './display-names';
import { isAmbiguous, type WordReading } from './lexicon';
import {
  looksLikeRussianSurname,
  looksLikeVerb,
  patronymicNominative,
  surnameNominatives,
} from './russian';
import {
  type Candidate,
  isCapWord,
  isInitial,
  isPlaceOrOrg,
  newCandidate,
  newPerson,
  type PersonInfo,
  personInfo,
  type TokenizedText,
} from './tokenized-text';
import type { Token } from './tokens';

/** English role words that only introduce a name when capitalised ("Foreign Minister X"). */
const EN_MODIFIERS = new Set([
  'prime',
  'foreign',
  'defence',
  'defense',
  'finance',
  'interior',
  'trade',
  'state',
  'home',
  'justice',
  'economy',
  'energy',
  'health',
  'general',
  'major',
  'chief',
  'father',
  'lady',
  'lord',
]);

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь понедельник вторник среда четверг пятница суббота воскресенье'.split(
    ' ',
  ),
);

/** Endings of adjectives and institution nouns (not surnames) in any case. */
const ORG_LIKE =
  /(?:ого|его|ому|ему|ой|ей|ых|их|ыми|ими|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ств(?:о|а|у|ом|е)|ни[яеию]|ци[яеию]|надзора?|комитета?|совета?|центра?|институт[ау]?|университета?|управлени[яе]|агентства?)$/;

/** "Ontario-based", "U.S.-led": capitalised compound adjectives, not names. */
const COMPOUND_ADJECTIVE = /-\p{Ll}+$/u;

/** Words that end company names ("Pirelli SpA", "Bear Stearns & Co"). */
export const COMPANY_SUFFIXES = new Set(
  'inc ltd co corp corporation plc spa ag sa nv bv llc gmbh ab asa oy group holdings holding bros industries international airlines airways bank'.split(
    ' ',
  ),
);

const ROMAN = /^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI{1,3})$/;

function tok(tokenized: TokenizedText, i: number): Token | undefined {
  return tokenized.tokens[i];
}

/** Next token on the same line after a space (names do not run across punctuation). */
function nextWord(tokenized: TokenizedText, i: number): number {
  const t = tok(tokenized, i + 1);
  return t && t.gap === ' ' && t.kind === 'word' ? i + 1 : -1;
}

/**
 * Whether a reading is a first name's: a loop, not readings.some(closure), as every capitalised
 * Cyrillic word asks it and a closure made per call is garbage to collect.
 */
function hasFirstName(readings: readonly WordReading[]): boolean {
  for (const r of readings) if (r.kind === 'F') return true;
  return false;
}

function firstNameReading(readings: WordReading[]): WordReading | undefined {
  return readings.find((r) => r.kind === 'F');
}

function surnameReadings(readings: WordReading[]): WordReading[] {
  return readings.filter((r) => r.kind === 'S' || r.kind === 'P');
}

/** Could token i be a surname or other name part? */
function namePart(tokenized: TokenizedText, i: number): boolean {
  const t = tok(tokenized, i);
  if (!t || !isCapWord(tokenized, i) || tokenized.isRole[i] || isPlaceOrOrg(tokenized, i))
    return false;
  if (MONTHS_AND_DAYS.has(t.key)) return false;
  return true;
}

function gendersOf(r: WordReading): string[] {
  return distinctLetters(r.codes, 2);
}

function casesOf(r: WordReading): string[] {
  return distinctLetters(r.codes, 0);
}

/** The letters at `at` of the codes, each once, first seen first (no Set and spread per call). */
function distinctLetters(codes: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (const code of codes) {
    const letter = code[at] as string;
    if (!out.includes(letter)) out.push(letter);
  }
  return out;
}

/** Nominative of a Russian surname form, agreeing with a first name's gender and cases if known. */
function russianSurname(
  tokenized: TokenizedText,
  i: number,
  gender?: string,
  cases?: string[],
): { display: string; keys: string[] } {
  const t = tok(tokenized, i) as Token;
  const keys: string[] = [];
  for (const r of surnameReadings(tokenized.readings(i))) {
    const ok = r.codes.some(
      (c) =>
        (!gender || c[2] === gender || c[2] === 'c') && (!cases || cases.includes(c[0] as string)),
    );
    if (ok) keys.push(tokenized.lex.nominative(r.lemma, gender === 'f' ? 'f' : 'm'));
  }
  for (const k of surnameNominatives(t.key, gender, cases)) if (!keys.includes(k)) keys.push(k);
  const best = keys[0] ?? t.key;
  return { display: displayLike(best, t.text), keys };
}

function push(
  tokenized: TokenizedText,
  start: number,
  end: number,
  tier: number,
  person: PersonInfo,
): void {
  const parts = [person.first, person.patronymic, person.initials, person.surname].filter(Boolean);
  const canonical =
    parts.join(' ') ||
    tokenized.tokens
      .slice(start, end)
      .map((t) => t.text)
      .join(' ');
  tokenized.candidates.push(newPerson(start, end, canonical, tier, person));
}

// ---------------------------------------------------------------------------------------------
// Russian

/** Picks the first-name reading that agrees with the surname (case), else a masculine one. */
function pickFirstName(
  tokenized: TokenizedText,
  firsts: WordReading[],
  surname: number,
): WordReading {
  if (firsts.length === 1) return firsts[0] as WordReading;
  const sCodes =
    surname >= 0 ? surnameReadings(tokenized.readings(surname)).flatMap((r) => r.codes) : [];
  const sKey = surname >= 0 ? (tok(tokenized, surname) as Token).key : '';
  const femaleSurname = /(?:ова|ева|ина|ына|ая|яя)$/.test(sKey);
  let best = firsts[0] as WordReading;
  let bestScore = -1;
  for (const f of firsts) {
    let score = 0;
    if (
      sCodes.some((c) => f.codes.some((fc) => fc[0] === c[0] && (c[2] === fc[2] || c[2] === 'c')))
    ) {
      score += 4;
    }
    const genders = gendersOf(f);
    if (femaleSurname ? genders.includes('f') : genders.includes('m')) score += 2;
    if (f.codes.some((c) => c[0] === 'n')) score += 1;
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

/**
 * First name, then up to three more name parts: patronymic, middle names, particles, surname
 * ("Владимира Путина", "Реджеп Тайип Эрдоган", "Шарль де Голль", "Елизавета II").
 */
function russianFullName(tokenized: TokenizedText, i: number): boolean {
  if (!isCapWord(tokenized, i)) return false;
  const t = tok(tokenized, i) as Token;
  const own = tokenized.readings(i);
  // Most capitalised words are no first name: left without filtering their readings.
  if (!t.key.includes('-') && !hasFirstName(own)) return false;
  let firsts = own.filter((r) => r.kind === 'F');
  // Hyphenated first names ("Жан-Мари"): every part a first name; read as the last part.
  let hyphenated = false;
  if (firsts.length === 0 && t.key.includes('-')) {
    const pieces = t.key.split('-');
    const readings = pieces.map((p) => tokenized.lex.analyze(p).filter((r) => r.kind === 'F'));
    if (pieces.length === 2 && readings.every((r) => r.length > 0)) {
      firsts = readings[1] as WordReading[];
      hyphenated = true;
    }
  }
  if (firsts.length === 0) return false;
  const parts: number[] = [];
  let roman = -1;
  let j = nextWord(tokenized, i);
  while (j > 0 && parts.length < 3) {
    const w = tok(tokenized, j) as Token;
    if (ROMAN.test(w.text)) {
      roman = j;
      break;
    }
    if (NAME_PARTICLES.has(w.key)) {
      const k = nextWord(tokenized, j);
      if (k > 0 && namePart(tokenized, k)) {
        parts.push(j);
        j = k;
        continue;
      }
      break;
    }
    if (!isCapWord(tokenized, j) || tokenized.isRole[j] || MONTHS_AND_DAYS.has(w.key)) break;
    if (tokenized.lex.capsNotNames.has(w.key)) break;
    if (isPlaceOrOrg(tokenized, j)) {
      // A one-word place can still be a surname right after a first name ("Джеймс Коми").
      const m = tokenized.phraseAt[j];
      const ambiguousFirst = firsts.every((f) => f.lemma.ambiguous);
      if (parts.length === 0 && m && m.end === j + 1 && m.entry.type === 'LOC' && !ambiguousFirst) {
        parts.push(j);
      }
      break;
    }
    const rs = tokenized.readings(j);
    const surnameLike =
      rs.some((r) => r.kind === 'S' || r.kind === 'P') || looksLikeRussianSurname(w.key);
    const firstLike = rs.some((r) => r.kind === 'F');
    // A new first name after a surname starts another person ("Билла Клинтона Джо Локхарту"),
    // as does a first name in another case.
    if (firstLike && !surnameLike) {
      const firstCases = new Set(firsts.flatMap(casesOf));
      const prevPart = parts.length
        ? (tok(tokenized, parts[parts.length - 1] as number) as Token)
        : null;
      const prevSurname =
        !!prevPart &&
        (surnameReadings(tokenized.readings(parts[parts.length - 1] as number)).length > 0 ||
          looksLikeRussianSurname(prevPart.key));
      const sameCase = rs.some(
        (r) => r.kind === 'F' && r.codes.some((c) => firstCases.has(c[0] as string)),
      );
      if (prevSurname || !sameCase) break;
    }
    if (parts.some((k) => (tok(tokenized, k) as Token).key === w.key)) break;
    const placeOnly = rs.length > 0 && rs.every((r) => r.kind === 'G') && !isAmbiguous(rs);
    // A one-word place right after a first name is a surname ("Наото Кан").
    const placeSurname = placeOnly && parts.length === 0 && firsts.some((f) => !f.lemma.ambiguous);
    if (rs.length > 0 && !surnameLike && !firstLike && !placeSurname) break; // a common word
    if (isAmbiguous(rs) && !surnameLike) break;
    parts.push(j);
    j = nextWord(tokenized, j);
  }
  if (parts.length === 0 && roman < 0) return false;
  const last = parts.length ? (parts[parts.length - 1] as number) : -1;
  const first = pickFirstName(tokenized, firsts, last);
  const gender = gendersOf(first).find((g) => g === 'm' || g === 'f');
  const cases = casesOf(first);
  if (first.lemma.ambiguous && t.sentenceStart) {
    const lastTok = last >= 0 ? (tok(tokenized, last) as Token) : undefined;
    const strong =
      roman >= 0 ||
      (last >= 0 &&
        (surnameReadings(tokenized.readings(last)).length > 0 ||
          looksLikeRussianSurname(lastTok?.key ?? '')));
    if (!strong) return false;
  }
  if (last >= 0) {
    const sReadings = surnameReadings(tokenized.readings(last));
    if (
      sReadings.length &&
      !sReadings.some((r) => r.codes.some((c) => cases.includes(c[0] as string)))
    ) {
      // A known surname in another case is not this person's surname.
      if (parts.length === 1) return false;
    }
  }
  const display: string[] = [
    hyphenated ? t.text : displayLike(tokenized.lex.nominative(first.lemma, gender), t.text),
  ];
  let patronymic: string | undefined;
  for (const k of parts.slice(0, -1)) {
    const w = tok(tokenized, k) as Token;
    const p = patronymicNominative(w.key);
    const f = tokenized.readings(k).find((r) => r.kind === 'F');
    if (p && !patronymic) {
      patronymic = displayLike(p.lemma, w.text);
      display.push(patronymic);
    } else if (f) display.push(displayLike(tokenized.lex.nominative(f.lemma, gender), w.text));
    else display.push(w.text);
  }
  let surname: { display: string; keys: string[] } | undefined;
  if (last >= 0) {
    const w = tok(tokenized, last) as Token;
    const p = patronymicNominative(w.key);
    if (p && !patronymic && parts.length === 1) {
      patronymic = displayLike(p.lemma, w.text);
      display.push(patronymic);
    } else {
      surname = russianSurname(tokenized, last, gender, cases);
      display.push(surname.display);
    }
  }
  if (roman >= 0) display.push((tok(tokenized, roman) as Token).text);
  const end = (roman >= 0 ? roman : last) + 1;
  tokenized.candidates.push(
    newPerson(i, end, display.join(' '), 3, {
      first: display[0],
      surname: surname?.display,
      surnameKeys: surname?.keys ?? [],
      full: true,
    }),
  );
  return true;
}

/** A first name standing alone ("Анна говорит…"): grouped with a full name if the text has one. */
function loneFirstName(tokenized: TokenizedText, i: number): void {
  const t = tok(tokenized, i) as Token;
  if (!isCapWord(tokenized, i) || tokenized.isRole[i] || tokenized.coveredBy[i]) return;
  const rs = tokenized.readings(i);
  const f = rs.find((r) => r.kind === 'F');
  if (!f || isAmbiguous(rs) || rs.some((r) => r.kind !== 'F')) return;
  if (tokenized.lex.capsNotNames.has(t.key)) return;
  const gender = gendersOf(f).find((g) => g === 'm' || g === 'f');
  const name = displayLike(tokenized.lex.nominative(f.lemma, gender), t.text);
  tokenized.candidates.push(
    newPerson(i, i + 1, name, 1, { first: name, surnameKeys: [], full: false }),
  );
}

/** "В. В. Путин", "Б.Обама", "Путин В.В." */
function initialsName(tokenized: TokenizedText, i: number): boolean {
  if (tokenized.coveredBy[i] && tokenized.coveredBy[i]?.type !== 'PER') return false; // "U.S."
  if (!isInitial(tokenized, i)) {
    // Surname followed by initials (the cheap test of the next token first).
    if (
      !isInitial(tokenized, i + 1) ||
      (tok(tokenized, i + 1) as Token).gap !== ' ' ||
      !namePart(tokenized, i)
    ) {
      return false;
    }
    // "Сын А.Лукашенко": the initials belong to the name after them.
    const afterInitials = tok(tokenized, i + 3);
    if (afterInitials && afterInitials.gap === '' && afterInitials.kind === 'word') return false;
    if (
      (tok(tokenized, i) as Token).sentenceStart &&
      !surnameReadings(tokenized.readings(i)).length
    )
      return false;
    if (tokenized.lex.capsNotNames.has((tok(tokenized, i) as Token).key)) return false;
    let end = i + 3;
    if (isInitial(tokenized, end)) end += 2;
    const t = tok(tokenized, i) as Token;
    const initials = tokenized.tokens
      .slice(i + 1, end)
      .filter((x) => x.kind === 'word')
      .map((x) => `${x.text}.`)
      .join(' ');
    const s =
      t.script === 'cyr' ? russianSurname(tokenized, i) : { display: t.text, keys: [t.key] };
    push(tokenized, i, end, 3, { initials, surname: s.display, surnameKeys: s.keys, full: true });
    return true;
  }
  let j = i + 2;
  const letters = [(tok(tokenized, i) as Token).text];
  if (isInitial(tokenized, j)) {
    letters.push((tok(tokenized, j) as Token).text);
    j += 2;
  }
  const s = tok(tokenized, j);
  if (!s || s.gap === '\n' || s.script !== (tok(tokenized, i) as Token).script) return false;
  // After initials even a one-word place name is a surname ("Дж. Коми").
  const oneWordPlace = tokenized.phraseAt[j]?.end === j + 1 && isCapWord(tokenized, j);
  if (!namePart(tokenized, j) && !oneWordPlace) return false;
  if (tokenized.lex.capsNotNames.has(s.key) && !surnameReadings(tokenized.readings(j)).length)
    return false;
  const surname =
    s.script === 'cyr' ? russianSurname(tokenized, j) : { display: s.text, keys: [s.key] };
  push(tokenized, i, j + 1, 3, {
    initials: letters.map((l) => `${l}.`).join(' '),
    surname: surname.display,
    surnameKeys: surname.keys,
    full: true,
  });
  return true;
}

const CASE_ENDING = /(?:ом|ем|ым|а|у|е|ю|я)$/;

/** "Ким Чен Ын", "Цой Сон Хи", "Си Цзиньпин", "Kim Jong-un". */
function eastAsianName(tokenized: TokenizedText, i: number): boolean {
  const t = tok(tokenized, i) as Token;
  if (!isCapWord(tokenized, i)) return false;
  // The family name may carry a case ending in Russian ("Кима Чен Ира").
  let family = t.text;
  let risky = tokenized.lex.eastAsianSurnames.get(t.key);
  if (risky === undefined && t.script === 'cyr') {
    const stripped = t.key.replace(CASE_ENDING, '');
    if (stripped !== t.key && tokenized.lex.eastAsianSurnames.get(stripped) === false) {
      risky = true;
      family = t.text.slice(0, stripped.length);
    }
  }
  if (risky === undefined) return false;
  if (risky && t.sentenceStart) return false;
  const parts = [family];
  let end = i + 1;
  let j = nextWord(tokenized, i);
  while (j > 0 && parts.length < 3 && namePart(tokenized, j)) {
    const s = tok(tokenized, j) as Token;
    if (s.script !== t.script || tokenized.lex.capsNotNames.has(s.key)) break;
    const bare = s.key.replace(/-/g, '');
    const stripped = s.key.replace(CASE_ENDING, '');
    const syllable =
      bare.length <= 4 ||
      tokenized.lex.eastAsianSyllables.has(s.key) ||
      tokenized.lex.eastAsianSyllables.has(stripped);
    const long =
      !syllable && parts.length === 1 && bare.length <= 10 && tokenized.readings(j).length === 0;
    if (!syllable && !long) break;
    parts.push(s.text);
    end = j + 1;
    if (long) break;
    j = nextWord(tokenized, j);
  }
  if (parts.length < 2) return false;
  // Russian texts inflect the last syllable ("Ким Чен Ына"): drop a case ending after a consonant.
  const last = parts[parts.length - 1] as string;
  if (t.script === 'cyr' && parts.length >= 2) {
    const cut = last.replace(CASE_ENDING, '');
    if (cut.length >= 2 && cut !== last && /[бвгджзйклмнпрстфхцчшщь]$/i.test(cut)) {
      parts[parts.length - 1] = cut;
    }
  }
  const canonical = parts.join(' ');
  push(tokenized, i, end, 3, {
    surname: canonical,
    surnameKeys: [canonical.toLowerCase().replace(/ё/g, 'е')],
    eastAsian: true,
    full: true,
  });
  return true;
}

/** A name right after a role word: "президент Путин", "глава МИД КНДР Цой Сон Хи". */
function afterRole(tokenized: TokenizedText, i: number): void {
  const roleEnd = tokenized.roleEnd[i] ?? 0;
  if (!roleEnd) return;
  const role = tok(tokenized, i) as Token;
  if (role.script === 'lat' && role.shape === 'lower' && EN_MODIFIERS.has(role.key)) return;
  // Skip what qualifies the role: places, organisations, abbreviations, more role words, and for
  // Russian a few lower-case genitive words ("министр иностранных дел России …").
  let j = roleEnd;
  let lower = 0;
  for (let steps = 0; steps < 8; steps++) {
    const t = tok(tokenized, j);
    if (!t || t.gap === '\n') return;
    if (tokenized.roleEnd[j]) {
      j = tokenized.roleEnd[j] as number;
      continue;
    }
    const phrase = tokenized.phraseAt[j];
    if (phrase && phrase.entry.type !== 'PER') {
      j = phrase.end;
      continue;
    }
    if (t.kind === 'word' && t.shape === 'upper' && t.text.length > 1) {
      j++;
      continue;
    }
    if (
      t.kind === 'word' &&
      t.shape === 'lower' &&
      lower < 3 &&
      (t.script === 'cyr'
        ? !looksLikeVerb(t.key) && t.key.length > 3
        : ['of', 'the'].includes(t.key))
    ) {
      lower++;
      j++;
      continue;
    }
    if (t.kind === 'punct' && t.text === '-' && t.gap === '') {
      j++;
      continue;
    }
    break;
  }
  const start = j;
  if (!namePart(tokenized, start)) return;
  const first = tok(tokenized, start) as Token;
  if (first.script === 'cyr' && firstNameReading(tokenized.readings(start))) return; // full-name rule
  if (first.script === 'lat' && tokenized.lex.firstNamesEn.has(first.key)) return;
  if (
    tokenized.lex.capsNotNames.has(first.key) &&
    !surnameReadings(tokenized.readings(start)).length
  )
    return;
  // One or two capitalised words (the second for "Ким Чен Ын"-like or foreign names).
  let end = start + 1;
  const second = nextWord(tokenized, start);
  if (
    second > 0 &&
    namePart(tokenized, second) &&
    !tokenized.lex.capsNotNames.has((tok(tokenized, second) as Token).key)
  ) {
    end = second + 1;
  }
  const last = tok(tokenized, end - 1) as Token;
  if (first.script === 'cyr') {
    const sReadings = surnameReadings(tokenized.readings(end - 1));
    // Capitalised adjectives and institution nouns after a role are organisations:
    // "председателем Регионального отделения", "руководителем Рособрнадзора".
    if (!sReadings.length && !looksLikeRussianSurname(last.key) && ORG_LIKE.test(last.key)) return;
    const others = tokenized.readings(end - 1).filter((r) => r.kind === 'G');
    const plausible =
      sReadings.length > 0 ||
      looksLikeRussianSurname(last.key) ||
      tokenized.readings(end - 1).length === 0;
    if (!plausible || (others.length && !sReadings.length)) return;
    if (isAmbiguous(tokenized.readings(end - 1)) && !sReadings.length) return;
    const s = russianSurname(tokenized, end - 1);
    const lead = end - start === 2 ? `${first.text} ` : '';
    push(tokenized, start, end, 2, {
      surname: lead + s.display,
      surnameKeys: s.keys,
      full: end - start === 2,
    });
  } else {
    const name = tokenized.tokens
      .slice(start, end)
      .map((t) => t.text)
      .join(' ');
    push(tokenized, start, end, 2, {
      surname: name,
      surnameKeys: [last.key],
      full: end - start === 2,
    });
  }
}

/** Verbs of saying after which a capitalised name is the speaker ("— заявил Матиас Йорш"). */
const SPEECH_VERBS = new Set(
  [
    'заявил',
    'сказал',
    'отметил',
    'сообщил',
    'подчеркнул',
    'добавил',
    'пояснил',
    'рассказал',
    'написал',
    'признал',
    'заключил',
    'ответил',
    'констатировал',
    'уточнил',
    'напомнил',
    'заметил',
    'считает',
    'полагает',
    'говорит',
    'пишет',
  ].flatMap((v) => (/л$/.test(v) ? [v, `${v}а`, `${v}и`] : [v])),
);

/** One to three capitalised words that could be a name: none known as something else. */
function unknownNameRun(tokenized: TokenizedText, i: number, max: number): number {
  let end = i;
  let j = i;
  while (j >= 0 && end - i < max) {
    const w = tok(tokenized, j);
    if (w?.script !== 'cyr' || !namePart(tokenized, j) || tokenized.lex.capsNotNames.has(w.key))
      break;
    const rs = tokenized.readings(j);
    if (rs.length > 0 && !rs.some((r) => r.kind === 'S' || r.kind === 'P')) break;
    if (ORG_LIKE.test(w.key) && !looksLikeRussianSurname(w.key)) break;
    end = j + 1;
    j = nextWord(tokenized, j);
  }
  return end;
}

function pushUnknownName(tokenized: TokenizedText, start: number, end: number, tier: number): void {
  const words = tokenized.tokens.slice(start, end).map((t) => t.text);
  const s = russianSurname(tokenized, end - 1, undefined, ['n']);
  const canonical = [...words.slice(0, -1), s.display].join(' ');
  push(tokenized, start, end, tier, {
    surname: canonical,
    surnameKeys: s.keys,
    full: end - start > 1,
  });
}

/** "— заявил Матиас Йорш": the speaker after a verb of saying. */
function afterSpeechVerb(tokenized: TokenizedText, i: number): void {
  const t = tok(tokenized, i) as Token;
  if (t.shape !== 'lower' || !SPEECH_VERBS.has(t.key)) return;
  const start = nextWord(tokenized, i);
  if (start < 0 || tokenized.readings(start).some((r) => r.kind === 'F')) return; // full-name rule
  const end = unknownNameRun(tokenized, start, 3);
  if (end <= start) return;
  const next = tok(tokenized, end);
  if (next && next.gap === ' ' && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) return;
  pushUnknownName(tokenized, start, end, 2);
}

/** "Тору Камикава (Япония)": a name followed by a country in brackets, as in result lists. */
function nameBeforeCountry(tokenized: TokenizedText, i: number): void {
  // The run is two or three words long, so the bracket stands two or three tokens on: tokens
  // with no bracket there are left before the run is read.
  if (tok(tokenized, i + 2)?.text !== '(' && tok(tokenized, i + 3)?.text !== '(') return;
  const prev = tok(tokenized, i - 1);
  if (prev && prev.gap !== '\n' && prev.kind === 'word' && isCapWord(tokenized, i - 1)) return;
  const end = unknownNameRun(tokenized, i, 3);
  if (end - i < 2) return;
  const open = tok(tokenized, end);
  if (open?.text !== '(') return;
  const m = tokenized.phraseAt[end + 1];
  if (m?.entry.type !== 'LOC' || tok(tokenized, m.end)?.text !== ')') return;
  pushUnknownName(tokenized, i, end, 2);
}

/** A surname the lexicon knows, standing alone. */
function knownSurname(tokenized: TokenizedText, i: number): void {
  const t = tok(tokenized, i) as Token;
  if (!isCapWord(tokenized, i) || tokenized.isRole[i]) return;
  const readings = tokenized.readings(i);
  if (!readings.some((r) => r.kind === 'S' || r.kind === 'P')) return;
  const known = readings.some((r) => r.kind === 'P');
  const ambiguous = isAmbiguous(readings);
  const other = readings.some((r) => r.kind === 'F' || r.kind === 'G');
  if (known) {
    if (ambiguous && t.sentenceStart) return;
  } else if (t.sentenceStart || ambiguous || other || tokenized.lex.capsNotNames.has(t.key)) {
    return;
  }
  const s = russianSurname(tokenized, i);
  push(tokenized, i, i + 1, known ? 2 : 1, {
    surname: s.display,
    surnameKeys: s.keys,
    full: false,
  });
}

// ---------------------------------------------------------------------------------------------
// English (and Latin-script names inside Russian texts)

/**
 * Two or three capitalised words that are neither known places, organisations nor words the
 * train corpora show outside names ("Tegla Loroupe", "Cosmin Contra"): most likely a person.
 * Weak (tier 1): any lexicon match or stronger rule wins.
 */
function englishCapitalSequence(tokenized: TokenizedText, i: number): void {
  const t = tok(tokenized, i) as Token;
  if (tokenized.capsLine[i] || !isPlainNamePart(tokenized, i)) return;
  const prev = tok(tokenized, i - 1);
  if (
    prev &&
    prev.gap !== '\n' &&
    prev.kind === 'word' &&
    prev.script === 'lat' &&
    /^\p{Lu}/u.test(prev.text)
  ) {
    return; // not the start of the sequence
  }
  let end = i + 1;
  let j = nextWord(tokenized, i);
  while (j > 0 && end - i < 3) {
    const w = tok(tokenized, j) as Token;
    if (
      NAME_PARTICLES.has(w.key) &&
      nextWord(tokenized, j) > 0 &&
      isPlainNamePart(tokenized, nextWord(tokenized, j))
    ) {
      j = nextWord(tokenized, j);
      continue;
    }
    if (!isPlainNamePart(tokenized, j)) {
      if (COMPANY_SUFFIXES.has(w.key) || w.text === '&') {
        tokenized.candidates.push(newCandidate(i, j + 1, 'ORG', '', 1));
        return;
      }
      if (isCapWord(tokenized, j)) return; // part of a longer capitalised name: not a person's
      break;
    }
    end = j + 1;
    j = nextWord(tokenized, j);
  }
  if (end - i < 2) return;
  const after = tok(tokenized, end);
  // "Pirelli SpA", "Schroder Wertheim & Co": a company, not a person.
  if (after && (COMPANY_SUFFIXES.has(after.key) || after.text === '&')) {
    tokenized.candidates.push(newCandidate(i, end + 1, 'ORG', '', 1));
    return;
  }
  if (after && after.kind === 'word' && after.gap !== '\n' && /^\p{Lu}/u.test(after.text)) return;
  if (t.sentenceStart && !tokenized.lex.firstNamesEn.has(t.key) && after?.text !== '(') return;
  const last = tok(tokenized, end - 1) as Token;
  push(tokenized, i, end, 1, {
    first: t.text,
    surname: tokenized.tokens
      .slice(i + 1, end)
      .map((x) => x.text)
      .join(' '),
    surnameKeys: [last.key],
    full: true,
  });
}

function isPlainNamePart(tokenized: TokenizedText, i: number): boolean {
  const t = tok(tokenized, i);
  return (
    !!t &&
    t.script === 'lat' &&
    isCapWord(tokenized, i) &&
    (!tokenized.coveredBy[i] || tokenized.coveredBy[i]?.type === 'PER') &&
    !tokenized.isRole[i] &&
    !MONTHS_AND_DAYS.has(t.key) &&
    !tokenized.lex.capsNotNames.has(t.key) &&
    !COMPOUND_ADJECTIVE.test(t.text) &&
    !COMPANY_SUFFIXES.has(t.key)
  );
}

function englishFullName(tokenized: TokenizedText, i: number): boolean {
  const t = tok(tokenized, i) as Token;
  if (!isCapWord(tokenized, i) || !tokenized.lex.firstNamesEn.has(t.key) || tokenized.capsLine[i])
    return false;
  const parts = [t.text];
  let end = i + 1;
  let j = nextWord(tokenized, i);
  // Middle initial ("George W. Bush").
  if (j < 0 && isInitial(tokenized, i + 1) && (tok(tokenized, i + 1) as Token).gap === ' ')
    j = i + 1;
  while (parts.length < 4) {
    if (j < 0) break;
    const s = tok(tokenized, j) as Token;
    if (isInitial(tokenized, j) && s.gap === ' ') {
      parts.push(`${s.text}.`);
      j = nextWord(tokenized, j + 1);
      continue;
    }
    if (
      NAME_PARTICLES.has(s.key) &&
      nextWord(tokenized, j) > 0 &&
      namePart(tokenized, nextWord(tokenized, j))
    ) {
      parts.push(s.text);
      j = nextWord(tokenized, j);
      continue;
    }
    const covered = tokenized.coveredBy[j]?.type === 'PER' ? null : tokenized.coveredBy[j];
    const locSurname = covered && covered.type === 'LOC' && tokenized.phraseAt[j]?.end === j + 1;
    if (
      !isCapWord(tokenized, j) ||
      tokenized.isRole[j] ||
      (covered && !locSurname) ||
      MONTHS_AND_DAYS.has(s.key)
    ) {
      break;
    }
    if (tokenized.lex.capsNotNames.has(s.key) && !locSurname) break;
    parts.push(s.text);
    end = j + 1;
    // Roman numerals and Jr. close a name.
    j = nextWord(tokenized, j);
    if (j > 0 && ROMAN.test((tok(tokenized, j) as Token).text)) {
      parts.push((tok(tokenized, j) as Token).text);
      end = j + 1;
      break;
    }
  }
  if (end === i + 1) return false;
  const lastTok = tok(tokenized, end - 1) as Token;
  push(tokenized, i, end, 3, {
    first: t.text,
    surname: parts.slice(1).join(' '),
    surnameKeys: [ROMAN.test(lastTok.text) ? (tok(tokenized, end - 2) as Token).key : lastTok.key],
    full: true,
  });
  return true;
}

// ---------------------------------------------------------------------------------------------

/** Proposes person candidates for the whole text. */
export function proposePeople(tokenized: TokenizedText): void {
  if (tokenized.lang === 'other') return;
  const n = tokenized.tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokenized.tokens[i] as Token;
    if (tokenized.roleEnd[i]) afterRole(tokenized, i);
    if (t.kind !== 'word') continue;
    if (initialsName(tokenized, i)) continue;
    if (eastAsianName(tokenized, i)) continue;
    if (t.script === 'cyr') {
      afterSpeechVerb(tokenized, i);
      nameBeforeCountry(tokenized, i);
      if (!russianFullName(tokenized, i)) {
        knownSurname(tokenized, i);
        loneFirstName(tokenized, i);
      }
    } else if (t.script === 'lat') {
      // In Russian texts Latin capitalised words are mostly brands and bands: names only.
      if (!englishFullName(tokenized, i) && tokenized.lang === 'en')
        englishCapitalSequence(tokenized, i);
    }
  }
  // Learned person phrases (train data) carry their canonical as written.
  for (let i = 0; i < n; i++) {
    const m = tokenized.phraseAt[i];
    if (m?.entry.type !== 'PER') continue;
    const last = tokenized.tokens[m.end - 1] as Token;
    tokenized.candidates.push(
      newPerson(i, m.end, m.entry.canonical, 3, {
        surname: m.entry.canonical,
        surnameKeys: [last.key],
        full: m.end - i > 1,
      }),
    );
  }
}

/** For grouping: the nominative keys a lone capitalised word could be a surname form of. */
export function loneSurnameKeys(tokenized: TokenizedText, i: number): string[] {
  const t = tokenized.tokens[i] as Token;
  if (t.script === 'lat') return [t.key];
  const keys: string[] = [];
  for (const r of surnameReadings(tokenized.readings(i)))
    keys.push(tokenized.lex.nominative(r.lemma, 'm'), tokenized.lex.nominative(r.lemma, 'f'));
  for (const k of surnameNominatives(t.key)) keys.push(k);
  // A fleeting vowel: "Смилянца", "Смилянцем" are forms of "Смилянец".
  const fleeting = /^(.{2,})ц(?:а|у|ом|ем|е)$/.exec(t.key);
  if (fleeting) keys.push(`${fleeting[1]}ец`);
  return keys;
}

/**
 * A person candidate for a span found by the tagger (no rule proposed exactly this span): first
 * names and patronymics to their nominative, the last word read as a surname, the rest as written.
 */
export function personForSpan(tokenized: TokenizedText, start: number, end: number): Candidate {
  const display: string[] = [];
  let first: string | undefined;
  let gender: string | undefined;
  let cases: string[] | undefined;
  let patronymic: string | undefined;
  let initials = false;
  // A nickname in quotes inside the name ("James \" Buddy \" McGirt", «Алексей «Лёха» Иванов»)
  // is no part of the canonical name, however the span was found.
  let quoted = false;
  for (let k = start; k < end; k++) {
    const w = tok(tokenized, k) as Token;
    if (w.kind === 'punct') {
      if (NAME_QUOTES.has(w.text) && display.length > 0) quoted = !quoted;
      else if (w.text === '.' && display.length && !quoted) display[display.length - 1] += '.';
      continue;
    }
    if (quoted) continue;
    if (isInitial(tokenized, k)) initials = true;
    const isLast = k === end - 1;
    if (w.script !== 'cyr' || w.kind !== 'word') {
      display.push(w.text);
      continue;
    }
    const f = !isLast ? firstNameReading(tokenized.readings(k)) : undefined;
    const p = !isLast || display.length > 0 ? patronymicNominative(w.key) : null;
    if (f && display.length === 0) {
      gender = gendersOf(f).find((g) => g === 'm' || g === 'f');
      cases = casesOf(f);
      first = displayLike(tokenized.lex.nominative(f.lemma, gender), w.text);
      display.push(first);
    } else if (p && !patronymic && display.length > 0) {
      patronymic = displayLike(p.lemma, w.text);
      display.push(patronymic);
    } else if (isLast && w.shape !== 'upper') {
      const s = russianSurname(tokenized, k, gender, cases);
      display.push(s.display);
    } else display.push(w.text);
  }
  const last = tok(tokenized, end - 1) as Token;
  const surnameKeys =
    last.script === 'cyr' ? russianSurname(tokenized, end - 1, gender, cases).keys : [last.key];
  const words = display.length;
  const canonical =
    display
      .join(' ')
      .replace(/\. (?=\S)/g, '. ')
      .trim() || last.text;
  const candidate = newCandidate(start, end, 'PER', canonical, 2);
  candidate.person = personInfo({
    first,
    surname: display[display.length - 1],
    surnameKeys: surnameKeys.length ? surnameKeys : [last.key],
    // "De Kock", "Van Heeswijk": a surname with its particle, not a first name and a surname.
    full: (words > 1 && !SURNAME_PARTICLES.has((tok(tokenized, start) as Token).key)) || initials,
  });
  return candidate;
}

/** Quote marks around a nickname inside a name. */
const NAME_QUOTES: ReadonlySet<string> = new Set(['"', '«', '»', '“', '”', '„']);

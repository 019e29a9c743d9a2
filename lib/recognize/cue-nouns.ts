/**
 * Common nouns that say what the name after them is, in Russian: "группы Talk Talk" names a
 * band, "клана Гамбино" a family, "городке Сан-Ладзаро-ди-Савена" and "округа Чарльз" places. The
 * tagger reads such names as people when it has not seen them; these rules correct it after the
 * spans are chosen. Each rule was checked against what follows the same nouns in the NEREL train
 * split. Streets are left alone: NEREL marks the person a street is named after
 * ("улице Михаила Грушевского").
 */

import { mapped } from '../arrays';
import { displayLike } from './display-names';
import { personForSpan } from './people';
import { placeCanonical, placeNounKind } from './places';
import { looksLikeVerb, surnameNominatives } from './russian';
import {
  asPlace,
  type Candidate,
  isInitial,
  isPlaceOrOrg,
  lowerCaseWords,
  newCandidate,
  respanned,
  spanText,
  type TokenizedText,
  takenTokens,
} from './tokenized-text';
import { nameShaped, OPEN_QUOTES, type Token } from './tokens';

/** Stems of organisation nouns; the name after one, in Latin script, is the organisation's. */
const ORGANISATION_NOUN =
  /^(?:групп|компани|бренд|холдинг|концерн|корпораци|лейбл|фирм|стартап)(?:а|ы|е|у|ой|ою|и|ю|ей|ия|ии|ию|ией|ом|ами|ах|ам)?$/;
/** Clan, dynasty and gang nouns: the name after one is not one person ("клана Гамбино"). */
const FAMILY_NOUN =
  /^(?:клан|династи|триад|группировк)(?:а|у|ом|е|ы|ов|ам|ами|ах|я|и|ю|ей|ям|ях|ой)?$/;
/** "клану Кадырова": a Russian surname in the genitive singular names the clan's head. */
const SURNAME_GENITIVE = /(?:ов|ев|ин|ын)а$/;

/** Index of the cue noun before token i (skipping an opening quote), or -1. */
function cueBefore(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  const t = tokens[k];
  if (t && t.kind === 'punct' && OPEN_QUOTES.has(t.text)) k--;
  const cue = tokens[k];
  if (cue?.kind !== 'word' || cue.shape !== 'lower' || cue.script !== 'cyr') return -1;
  const after = tokens[k + 1] as Token;
  return after.gap === '\n' ? -1 : k;
}

/** Every word of the span is one of the words. */
function allWordsIn(tokens: readonly Token[], c: Candidate, words: Set<string>): boolean {
  for (let k = c.start; k < c.end; k++) if (!words.has((tokens[k] as Token).key)) return false;
  return true;
}

/**
 * Applies the cue nouns to the chosen spans of a Russian text. A name introduced as a band,
 * company or clan is not a person anywhere in the text (one sense per text: «Talk Talk» later on,
 * and each "Talk" alone, are the band too); a person right after a settlement noun becomes a
 * place unless the dictionary reads it as a person.
 */
export function applyCueNouns(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let notPeople: Set<string> | null = null;
  // Starts of the bracketed originals after dropped names ("триадой Луэн (聯字頭)").
  const bracketed = new Set<number>();
  let changed = false;
  const out = mapped(chosen, (c) => {
    if (c.type !== 'PER') return c;
    const k = cueBefore(tokens, c.start);
    if (k < 0) return c;
    const cue = (tokens[k] as Token).key;
    const first = tokens[c.start] as Token;
    const family = FAMILY_NOUN.test(cue) && !SURNAME_GENITIVE.test(first.key);
    if ((ORGANISATION_NOUN.test(cue) && first.script === 'lat') || family) {
      notPeople ??= new Set();
      for (let w = c.start; w < c.end; w++) notPeople.add((tokens[w] as Token).key);
      if (tokens[c.end]?.text === '(') bracketed.add(c.end + 1);
      changed = true;
      return null;
    }
    // After a unit noun only a one-word name: "полиции округа Йорам Ха-Леви" is its officer.
    const kind = placeNounKind(cue);
    const place = kind === 'settlement' || (kind === 'unit' && c.end === c.start + 1);
    if (place && !readsAsPerson(tokenized, c.start, c.end)) {
      changed = true;
      return asPlace(c, placeCanonical(tokenized, c.start, c.end));
    }
    return c;
  });
  if (!changed) return chosen;
  const names = notPeople as Set<string> | null;
  return out.filter(
    (c): c is Candidate =>
      c !== null &&
      !(c.type === 'PER' && (bracketed.has(c.start) || (names && allWordsIn(tokens, c, names)))),
  );
}

/**
 * The dictionary reads the span as a person: a full name that starts with a known first name
 * ("мэр города Сергей Собянин"), or one word known only as a surname ("городом Каддафи").
 */
function readsAsPerson(tokenized: TokenizedText, start: number, end: number): boolean {
  const readings = tokenized.readings(start);
  if (end - start > 1) return readings.some((r) => r.kind === 'F');
  return (
    readings.some((r) => r.kind === 'S' || r.kind === 'P') && !readings.some((r) => r.kind === 'G')
  );
}

/** "под именем", "по прозвищу", "псевдоним (на)", "ником": a person's other name follows. */
const NAME_NOUN = /^(?:псевдоним(?:ом|а|у|е)?|прозвищ(?:е|ем|а|у)|ником|никнеймом)$/;
const NAME_AFTER_PREPOSITION = new Map([
  ['под', /^(?:именем|псевдонимом)$/],
  ['по', /^(?:имени|прозвищу)$/],
]);

/** Index of the first token of the name a name noun introduces at token k, or -1. */
function nameAfterCue(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (t.kind !== 'word' || t.shape !== 'lower') return -1;
  let next = k + 1;
  if (NAME_NOUN.test(t.key)) {
    if (tokens[next]?.key === 'на' && tokens[next]?.shape === 'lower') next++;
  } else {
    const noun = tokens[next];
    if (noun?.gap !== ' ' || !NAME_AFTER_PREPOSITION.get(t.key)?.test(noun.key)) return -1;
    next++;
  }
  const first = tokens[next];
  return nameShaped(first) && first.gap === ' ' ? next : -1;
}

/**
 * Singular nouns of performers and authors ("рэпера", "поп-дивой", "композитор-неоклассик"): the
 * name right after one is a stage name or a person's ("рэпера Jay-Z", "блогер PewDiePie"). The
 * plural ("видеоблогеры Nemagia") names a group, and is left out, and so are nouns whose
 * genitive names a band or a league ("вокалистке Spice Girls", "звезда Национальной … лиги"):
 * "звезда" and "дива" only with a genre ("поп-дивой Шакирой").
 */
const GENRE = '(?:поп|рок|рэп|хип-хоп|панк|инди|джаз|фолк|диско|техно|кантри|соул|арт)';
const PERFORMER_HEADS = [
  'р[эе]пер(?:а|у|ом|е)?',
  'диджей(?:я|ю|ем|е)?',
  'певец|певц(?:а|у|ом|е)',
  'певиц(?:а|ы|е|у|ей|ею)',
  'музыкант(?:а|у|ом|е)?',
  '(?:видео)?блогер(?:а|у|ом|е)?',
  'блогерш(?:а|и|е|у|ей)',
  'композитор(?:а|у|ом|е)?',
  'исполнител(?:ь|я|ю|ем|е)',
  'исполнительниц(?:а|ы|е|у|ей)',
  '(?:битмейкер|стример|ютубер|тиктокер)(?:а|у|ом|е)?',
].join('|');
const PERFORMER_NOUN = new RegExp(
  `^(?:${GENRE}-)?(?:${PERFORMER_HEADS})(?:-[а-яё]+)?$|^${GENRE}-(?:звезд|див)(?:а|ы|е|у|ой)$`,
);

const ADJECTIVE_END = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$/;

/**
 * A capitalised adjective agreeing with the lower-case word after it ("Национальной футбольной
 * лиги"): the start of a title, not a name ("Шакирой и" is one).
 */
function adjectiveBeforeNoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (!ADJECTIVE_END.test(t.key) || next?.gap !== ' ' || next.shape !== 'lower') return false;
  return next.key.length > 3 && next.key.slice(-2) === t.key.slice(-2);
}

/** Stage-name prefixes written before the name in Latin letters ("DJ Smash", "MC Doni"). */
const STAGE_PREFIX = new Set(['dj', 'mc']);

/**
 * End of the name after a performer noun at `start`: up to three capitalised Latin words
 * ("Long Arm", "PSY", "Jay-Z"), or one or two capitalised Cyrillic words the dictionary does not
 * read as a place ("Монеточка"); -1 when there is none, or when the Latin words run on into a
 * lower-case one ("блогера Wedding word": a title, not a name).
 */
function performerNameEnd(tokenized: TokenizedText, start: number): number {
  const { tokens } = tokenized;
  const first = tokens[start];
  if (!nameShaped(first) || first.gap !== ' ') return -1;
  const script = first.script;
  if (script !== 'lat' && script !== 'cyr') return -1;
  const max = script === 'lat' ? 3 : 2;
  let end = start;
  while (end < start + max) {
    const t = tokens[end];
    if (!nameShaped(t) || t.script !== script || (end > start && t.gap !== ' ')) break;
    if (script === 'cyr') {
      if (t.shape === 'upper' || isPlaceOrOrg(tokenized, end) || tokenized.isRole[end]) break;
      if (adjectiveBeforeNoun(tokens, end)) break;
      if (tokenized.readings(end).some((r) => r.kind === 'G')) break;
    }
    end++;
  }
  if (end === start) return -1;
  const after = tokens[end];
  if (after?.gap === ' ' && after.kind === 'word' && after.script === 'lat') return -1;
  return end;
}

/**
 * "имени Евгения Вахтангова", "имени Н. П. Акимова", "по имени Фалмут Карни": the person an
 * institution is named after, or a person's name. (NEREL marks these as people; "от имени США"
 * means "on behalf of" and is left alone.) Returns the end of the name, or -1.
 */
function nameAfterImeni(tokenized: TokenizedText, k: number): number {
  const { tokens } = tokenized;
  const t = tokens[k] as Token;
  if (t.shape !== 'lower') return -1;
  const before = tokens[k - 1];
  let end = k + 1;
  if (t.key === 'им') {
    // "училища им. Шадра": the abbreviation, after a noun; the pronoun ("доверяет им.") follows
    // a verb or a preposition.
    if (tokens[k + 1]?.text !== '.' || tokens[k + 1]?.gap !== '') return -1;
    if (before?.kind !== 'word' || looksLikeVerb(before.key) || before.key.length < 3) return -1;
    end = k + 2;
  } else if (t.key !== 'имени') return -1;
  // "от имени США" (on behalf of); "нового имени", "своего имени": the noun "имя" itself.
  if (
    before?.key === 'от' ||
    (before?.shape === 'lower' && /(?:ого|его|ее|её|их)$/.test(before.key))
  )
    return -1;
  const first = end;
  let words = 0;
  while (words < 4) {
    const w = tokens[end];
    if (w?.script !== 'cyr' || (end === first && w.gap !== ' ')) break;
    if (isInitial(tokenized, end)) {
      end += 2;
      continue;
    }
    if (w.shape !== 'title' || w.gap === '\n' || isPlaceOrOrg(tokenized, end)) break;
    if (tokenized.lex.capsNotNames.has(w.key) && !tokenized.readings(end).length) break;
    words++;
    end++;
    if (tokens[end]?.gap !== ' ') break;
  }
  if (words === 0) return -1;
  // "имени Ленинского комсомола": an adjective with its noun, not a surname.
  const last = tokens[end - 1] as Token;
  const after = tokens[end];
  if (
    /(?:ого|его|ой|ей)$/.test(last.key) &&
    after?.gap === ' ' &&
    after.shape === 'lower' &&
    after.script === 'cyr' &&
    after.key.length > 3
  )
    return -1;
  return end;
}

/**
 * A person span a cue at token k introduces: [start, end), and whether the name is in the
 * genitive (after an eponym noun); or null.
 */
function cuedSpan(tokenized: TokenizedText, k: number): [number, number, boolean?] | null {
  const { tokens } = tokenized;
  const start = nameAfterCue(tokens, k);
  if (start >= 0) {
    let end = start + 1;
    while (end < start + 3 && nameShaped(tokens[end]) && tokens[end]?.gap === ' ') end++;
    return [start, end];
  }
  const t = tokens[k] as Token;
  if (t.kind !== 'word') return null;
  const lower = t.shape === 'lower' || (t.shape === 'title' && t.sentenceStart);
  // The prefix check keeps the two regular expressions off most words (tried on every word,
  // they cost a measurable share of the Russian run time: docs/recognition.md).
  const cue = lower && t.script === 'cyr' && hasCuePrefix(t.key);
  if (cue && PERFORMER_NOUN.test(t.key)) {
    const end = performerNameEnd(tokenized, k + 1);
    return end > 0 ? [k + 1, end] : null;
  }
  if (t.shape === 'upper' && STAGE_PREFIX.has(t.key)) {
    const end = performerNameEnd(tokenized, k + 1);
    return end > 0 ? [k, end] : null;
  }
  if (cue && t.shape === 'lower' && EPONYM_NOUN.test(t.key)) {
    const end = eponymEnd(tokenized, k + 1);
    if (end > 0) return [k + 1, end, true];
  }
  const imeni = nameAfterImeni(tokenized, k);
  if (imeni < 0) return null;
  return [t.key === 'им' ? k + 2 : k + 1, imeni];
}

/**
 * Nouns of works, laws, prizes and institutions named after a person: the name in the genitive
 * after one is that person's ("теоремы Ферма", "закона Ома", "музее Гуггенхайма", "премии
 * Соннинга", "кабинета Руснока"), as NEREL marks it. Diseases and orders are left out: NEREL
 * marks "болезнь Паркинсона" once in four, "орден Дружбы" never.
 */
const EPONYM_NOUN = new RegExp(
  `^(?:${[
    'музе(?:й|я|ю|ем|е)',
    'преми(?:я|и|ю|ей)',
    'фонд(?:а|у|ом|е)?',
    'теорем(?:а|ы|е|у|ой)',
    'гипотез(?:а|ы|е|у|ой)',
    'лемм(?:а|ы|е|у|ой)',
    'закон(?:а|у|ом|е)?',
    'эффект(?:а|у|ом|е)?',
    'парадокс(?:а|у|ом|е)?',
    'принцип(?:а|у|ом|е)?',
    'формул(?:а|ы|е|у|ой)',
    'уравнени(?:е|я|ю|ем|и)',
    'доктрин(?:а|ы|е|у|ой)',
    'пакт(?:а|у|ом|е)?',
    'план(?:а|у|ом|е)?',
    'галере(?:я|и|ю|ей)',
    'кабинет(?:а|у|ом|е)?',
    'правительств(?:о|а|у|ом|е)',
    'дел(?:о|а|у|ом|е)',
  ].join('|')})$`,
);

/**
 * The first three letters of every performer and eponym noun (and genre prefix): words starting
 * otherwise are no cue. Spelled out from the lists above; a unit test checks each list word.
 */
export const CUE_PREFIXES: ReadonlySet<string> = new Set(
  [
    'поп рок рэп реп хип пан инд джа фол дис тех кан соу арт',
    'дид пев муз вид бло ком исп бит стр юту тик',
    'пре фон тео гип лем зак эфф пар при фор ура док пак пла гал каб пра дел',
  ]
    .join(' ')
    .split(' '),
);

/** Index of three letters а–я in CUE_PREFIX_BITS, or −1 for anything else. */
function prefixIndex(key: string): number {
  const a = key.charCodeAt(0) - 0x430;
  const b = key.charCodeAt(1) - 0x430;
  const c = key.charCodeAt(2) - 0x430;
  // NaN (a key shorter than three) fails these tests too.
  if (!(a >= 0 && a < 32 && b >= 0 && b < 32 && c >= 0 && c < 32)) return -1;
  return (a << 10) | (b << 5) | c;
}

/** CUE_PREFIXES as a table (a set lookup would first cut a new string from every word). */
const CUE_PREFIX_BITS = (() => {
  const bits = new Uint8Array(1 << 15);
  for (const p of CUE_PREFIXES) {
    const at = prefixIndex(p);
    if (p.length !== 3 || at < 0) throw new Error(`cue prefix not three letters а–я: ${p}`);
    bits[at] = 1;
  }
  return bits;
})();

/** CUE_PREFIXES.has(key.slice(0, 3)). */
function hasCuePrefix(key: string): boolean {
  const at = prefixIndex(key);
  return at >= 0 && CUE_PREFIX_BITS[at] === 1;
}

/**
 * End of the person's name after an eponym noun at `start`: one capitalised word, or a first
 * name and a surname, that no dictionary reads as a place, not an adjective, not a word the
 * text also writes in lower case, not one the train corpora show outside names; -1 otherwise.
 */
function eponymEnd(tokenized: TokenizedText, start: number): number {
  const { tokens } = tokenized;
  let end = start;
  while (end < start + 2) {
    const t = tokens[end];
    if (t?.kind !== 'word' || t.script !== 'cyr' || t.shape !== 'title' || t.gap !== ' ') break;
    if (
      isPlaceOrOrg(tokenized, end) ||
      tokenized.isRole[end] ||
      tokenized.lex.capsNotNames.has(t.key)
    )
      break;
    const readings = tokenized.readings(end);
    if (readings.some((r) => r.kind === 'G')) break;
    // A second word only after a first name ("закона Димы Яковлева").
    if (end > start && !tokenized.readings(start).some((r) => r.kind === 'F')) break;
    if (ADJECTIVE_END.test(t.key) && !readings.some((r) => r.kind === 'S' || r.kind === 'P')) break;
    end++;
  }
  if (end === start) return -1;
  const after = tokens[end];
  if (after?.gap === ' ' && after.kind === 'word' && /^\p{Lu}/u.test(after.text)) return -1;
  const lower = lowerCaseWords(tokenized);
  for (let k = start; k < end; k++) if (lower.has((tokens[k] as Token).key)) return -1;
  return end;
}

/**
 * Adds the names written right after a name noun, unquoted ("выступает под именем ДЖЕЙ-ЗИ",
 * "поменял псевдоним на JAY-Z"), where no person or place was chosen: stage names and
 * nicknames the tagger has not seen. (In NEREL train nearly all unquoted names after these
 * nouns are people; quoted ones are often nicknames of things: «Крокодил».) Likewise the name
 * after a performer noun ("рэпера PSY", "композитор-неоклассик Long Arm"; in NEREL train most
 * Latin names after one are people's, and those that are not come after a plural or run on in
 * lower case; counts in docs/recognition.md, "Measured figures behind the rules"), a
 * stage-name prefix ("DJ Shadow", the prefix inside the name as NEREL marks it) and "имени"
 * ("театра имени Ермоловой": in NEREL train each name after "имени" but "от имени" is a person).
 * A person the tagger found right after a stage-name prefix takes the prefix in.
 */
export function cuedPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const { tokens } = tokenized;
  let taken: Uint8Array | null = null;
  const added: Candidate[] = [];
  let out = chosen;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const span = cuedSpan(tokenized, k);
    if (!span) continue;
    const [start, end, genitive] = span;
    taken ??= takenTokens(tokenized, chosen);
    if (start === k && taken[k] === 0 && taken[k + 1]) {
      // "DJ Shadow" where the tagger found "Shadow": the prefix joins the person.
      const i = out.findIndex((c) => c.start === k + 1 && c.type === 'PER');
      if (i >= 0) {
        if (out === chosen) out = chosen.slice();
        const c = out[i] as Candidate;
        out[i] = respanned(c, k, c.end, spanText(tokenized, k, c.end));
        taken[k] = 1;
      }
      continue;
    }
    let free = true;
    for (let w = start; w < end; w++) if (taken[w]) free = false;
    if (!free) continue;
    for (let w = start; w < end; w++) taken[w] = 1;
    // Russian forms to the nominative ("певицы Монеточки" → "Монеточка"); Latin as written.
    const last = tokens[end - 1] as Token;
    const canonical =
      last.script !== 'cyr'
        ? spanText(tokenized, start, end)
        : genitive && end === start + 1
          ? displayLike(surnameNominatives(last.key, undefined, ['g'])[0] ?? last.key, last.text)
          : personForSpan(tokenized, start, end).canonical;
    const cued = newCandidate(start, end, 'PER', canonical, 1);
    cued.cued = true;
    added.push(cued);
  }
  if (added.length === 0) return out;
  return [...out, ...added].sort((a, b) => a.start - b.start);
}

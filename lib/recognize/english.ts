/**
 * Rules for English news that the tagger's spans go through: place names inside event and
 * organisation names ("U.S. Open"), names written as a company's or before an officer's title
 * ("Pirelli SpA", "Eagles owner Jeffrey Lurie"), datelines ("WASHINGTON, Aug 30 (Reuters)") and
 * the closed-class words that are never a name.
 */

import { mapped } from '../arrays';
import { japaneseWord } from './east-asian-en';
import { COMPANY_SUFFIXES } from './people';
import {
  asPlace,
  type Candidate,
  newCandidate,
  personInfo,
  spanText,
  type TokenizedText,
} from './tokenized-text';
import { keyOf, type Token } from './tokens';

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
export function partOfEnglishName(tokens: readonly Token[], start: number, end: number): boolean {
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
 * English closed-class words (prepositions, articles, pronouns, conjunctions, number words): never
 * a name on their own, however capitalised ("At Portsmouth : Middlesex beat …", "Six former
 * Soviet republics").
 */
export const FUNCTION_WORDS_EN = new Set(
  'a the at in on of off to from by for with without within into onto over under after before during since until till about above below between among against across through via and or nor but if then than as so yet when while where whether because although though unless he she it we they you me him her us them his its our their your my mine this that these those there here who whom whose which what why how all any some each every both either neither no not none one two three four five six seven eight nine ten eleven twelve'.split(
    ' ',
  ),
);

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
 * "Petofi general manager Laszlo Sebesvari": in conll2003-train such a name is almost never a
 * person's, and the one that is carries "'s"; docs/recognition.md, "Measured figures behind the
 * rules").
 */
export function dropCompanyPeople(tokens: readonly Token[], chosen: Candidate[]): Candidate[] {
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
    if (title?.shape !== 'lower' || title.gap !== ' ') continue;
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

/**
 * A lone capitalised common word is no person ("Tourism is critical …", "Buy Photo",
 * "Mercantile or Commerce"), unless the text names a person in full with it (its canonical is
 * then that full name). Common words: Hunspell en_US without the ones it also lists capitalised
 * ("Bush", "Green") or that are parts of train names (lexicon commonWordsEn). On conll2003-dev
 * this removes false people and no true one (docs/recognition.md, "Measured figures behind the
 * rules").
 */
export function dropCommonWordPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  return chosen.filter((c) => {
    if (c.type !== 'PER' || c.end !== c.start + 1) return true;
    const t = tokenized.tokens[c.start] as Token;
    if (t.shape !== 'title' || t.script !== 'lat' || c.canonical !== t.text) return true;
    return !tokenized.lex.isCommonWordEn(t.key);
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
export function englishDatelines(tokenized: TokenizedText): Candidate[] {
  const { tokens } = tokenized;
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
      const covered = tokenized.coveredBy[w];
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
    const phrase = tokenized.phraseAt[i];
    const canonical =
      phrase && phrase.end === end && phrase.entry.type === 'LOC'
        ? phrase.entry.canonical
        : spanText(tokenized, i, end);
    out.push(newCandidate(i, end, 'LOC', canonical, 5));
  }
  return out;
}

/** Words after which a place name stands ("in Tavildara", "to Conakry", "near Mahala"). */
const PLACE_PREPOSITIONS_EN = new Set(
  'in at from to near into outside towards toward via across around between'.split(' '),
);

/**
 * A "person" that is exactly a place name of the gazetteer (lexicon placesEn: cities and
 * countries whose words are in no train person's name) is no person: after a place preposition
 * it is the place ("took Tavildara", "to Conakry"), elsewhere most often a club or company named
 * after it ("Leicester", "Hartlepool"), so it is dropped. Kept when the text names a person in
 * full with it (its canonical is then that full name).
 */
export function placesNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of chosen) {
    if (c.type !== 'PER' || c.canonical !== spanText(tokenized, c.start, c.end)) {
      out.push(c);
      continue;
    }
    if (!tokenized.lex.isPlaceEn(keyOf(tokenized.tokens, c.start, c.end))) {
      out.push(c);
      continue;
    }
    const prev = tokenized.tokens[c.start - 1];
    if (prev && PLACE_PREPOSITIONS_EN.has(prev.key)) out.push(asPlace(c, c.canonical));
  }
  return out;
}

/**
 * A maker's name after another name is a make, a team or a product ("Reynard Honda", "Penske
 * Mercedes-Benz"), not a person, unless the first word is an English given name or a Japanese
 * one ("Ichiro Suzuki"): the maker is the last word, one of notPeopleEn.
 */
function makeAfterName(tokenized: TokenizedText, c: Candidate): boolean {
  if (c.end - c.start < 2) return false;
  const first = tokenized.tokens[c.start] as Token;
  const last = tokenized.tokens[c.end - 1] as Token;
  if (!tokenized.lex.isNotPersonEn(last.key)) return false;
  return !tokenized.lex.isGivenNameEn(first.key) && !japaneseWord(first.key);
}

/**
 * A "person" that is exactly a name the lexicon knows is never a person's (notPeopleEn: companies
 * such as "Unilever" and "Nintendo", organisations and nationalities the train split labels so,
 * "Lada Togliatti", "Kuwaiti", and plurals: "Kuwaitis") is no person, unless the text names a
 * person in full with it.
 */
export function organisationsNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  return chosen.filter((c) => {
    if (c.type !== 'PER' || c.canonical !== spanText(tokenized, c.start, c.end)) return true;
    const key = keyOf(tokenized.tokens, c.start, c.end);
    if (tokenized.lex.isNotPersonEn(key)) return false;
    if (key.endsWith('s') && tokenized.lex.isNotPersonEn(key.slice(0, -1))) return false;
    return !makeAfterName(tokenized, c);
  });
}

/**
 * One sense per text: a lone place that is the surname of a person the text names in full is
 * that person ("MaliVai Washington … Washington came charging back", "Neil Jordan … Jordan
 * said"), unless a place preposition stands before it ("in Washington"). Russian text passes its
 * own prepositions and place nouns ("Лино Овьедо … Овьедо было 69 лет", not "в Овьедо", "в городе
 * Овьедо").
 */
export function surnamesOverPlaces(
  tokenized: TokenizedText,
  chosen: Candidate[],
  placePrepositions: { has(key: string): boolean } = PLACE_PREPOSITIONS_EN,
): Candidate[] {
  let people: Map<string, string> | null = null;
  for (const c of chosen) {
    if (c.type !== 'PER' || c.end - c.start < 2) continue;
    const last = tokenized.tokens[c.end - 1] as Token;
    if (last.kind !== 'word' || last.shape !== 'title') continue;
    people ??= new Map();
    if (!people.has(last.key)) people.set(last.key, c.canonical);
  }
  if (!people) return chosen;
  const known = people;
  return mapped(chosen, (c) => {
    if (c.type !== 'LOC' || c.end !== c.start + 1) return c;
    const t = tokenized.tokens[c.start] as Token;
    const canonical = t.shape === 'title' ? known.get(t.key) : undefined;
    if (!canonical) return c;
    const prev = tokenized.tokens[c.start - 1];
    if (prev && placePrepositions.has(prev.key)) return c;
    const person = newCandidate(c.start, c.end, 'PER', canonical, c.tier);
    person.tagged = c.tagged;
    person.person = personInfo({ surname: t.text, surnameKeys: [t.key], full: false });
    return person;
  });
}

/** Honorifics: a title of address, never a whole name on its own ("Miss Universe"). */
const HONORIFICS_EN = new Set('mr mrs ms miss dr mme mlle messrs'.split(' '));

/** US state abbreviations of the AP style, as datelines and addresses write them ("Mich ."). */
const STATE_ABBREVIATIONS_EN: Record<string, string> = {
  ala: 'Alabama',
  ariz: 'Arizona',
  ark: 'Arkansas',
  calif: 'California',
  colo: 'Colorado',
  conn: 'Connecticut',
  del: 'Delaware',
  fla: 'Florida',
  ga: 'Georgia',
  ill: 'Illinois',
  ind: 'Indiana',
  kan: 'Kansas',
  ky: 'Kentucky',
  la: 'Louisiana',
  md: 'Maryland',
  mass: 'Massachusetts',
  mich: 'Michigan',
  minn: 'Minnesota',
  miss: 'Mississippi',
  mo: 'Missouri',
  mont: 'Montana',
  neb: 'Nebraska',
  nev: 'Nevada',
  okla: 'Oklahoma',
  ore: 'Oregon',
  pa: 'Pennsylvania',
  tenn: 'Tennessee',
  tex: 'Texas',
  vt: 'Vermont',
  va: 'Virginia',
  wash: 'Washington',
  wis: 'Wisconsin',
  wisc: 'Wisconsin',
  wyo: 'Wyoming',
};

/**
 * Abbreviations the tagger takes for a lone person: a month before a number is a date ("Jan
 * 10"), an honorific alone is no name ("Miss Universe"), and a state abbreviation between a
 * comma and a full stop is the state ("Eau Claire , Wisc .", "PONTIAC , Mich .").
 */
export function abbreviationsNotPeople(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of chosen) {
    if (c.type !== 'PER' || c.end !== c.start + 1) {
      out.push(c);
      continue;
    }
    const t = tokenized.tokens[c.start] as Token;
    const next = tokenized.tokens[c.end];
    if (MONTH_ABBREVIATIONS.has(t.key) && next?.kind === 'num' && next.gap !== '\n') continue;
    if (HONORIFICS_EN.has(t.key) && c.canonical === t.text) continue;
    const state = STATE_ABBREVIATIONS_EN[t.key];
    if (state && tokenized.tokens[c.start - 1]?.text === ',' && next?.text === '.') {
      out.push(newCandidate(c.start, c.end, 'LOC', state, c.tier));
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * Nouns of organisations that stand right before their name in English news ("private bank
 * Bamerindus", "German retailer Promodes", "Czech daily Mlada Fronta"): in conll2003-train the
 * gold span after them is an organisation nearly always and a person never (checked for each
 * noun; counts in docs/recognition.md, "Measured figures behind the rules"; "rival", "insurer"
 * and "partner" were left out: they precede people too).
 */
const ORGANISATION_NOUNS_EN = new Set(
  'agency bank carmaker automaker carrier chain club company concern conglomerate daily distributor firm fund giant group maker manufacturer miner newspaper operator refiner retailer rivals side team unit utility weekly brewer airline publisher subsidiary'.split(
    ' ',
  ),
);

/**
 * One sense per text: a name written right after an organisation noun ("retailer Promodes") is
 * that organisation's wherever it stands alone in the text, not a person's; a person named in
 * full with it stays.
 */
export function organisationNounNames(tokenized: TokenizedText, chosen: Candidate[]): Candidate[] {
  let names: Set<string> | null = null;
  for (const c of chosen) {
    if (c.type !== 'PER') continue;
    const noun = tokenized.tokens[c.start - 1];
    if (noun?.shape !== 'lower' || !ORGANISATION_NOUNS_EN.has(noun.key)) continue;
    if ((tokenized.tokens[c.start] as Token).gap !== ' ') continue;
    names ??= new Set();
    names.add(keyOf(tokenized.tokens, c.start, c.end));
  }
  if (!names) return chosen;
  const known = names;
  return chosen.filter(
    (c) =>
      c.type !== 'PER' ||
      c.canonical !== spanText(tokenized, c.start, c.end) ||
      !known.has(keyOf(tokenized.tokens, c.start, c.end)),
  );
}

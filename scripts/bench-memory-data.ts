/**
 * The reading memory the memory benchmark runs on (scripts/bench-memory.ts), from a fixed seed:
 * articles in Russian (60%) and English on 30 sites over 180 days, titles of about 80 characters,
 * each with 40 entities in the kinds and registered shares measured on real news (ENTITY_MIX),
 * each kind drawn with Zipf frequencies (a few countries and leaders in most articles, most
 * entities in a handful): registered people, countries and treaties under their register ids,
 * and 5,000 people and 2,000 places of no register, made up from syllables at the measured name
 * lengths, under spelling keys (which depend on the article's language, as they do today).
 */
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { latinKey, transliterate } from '../lib/memory/latin-key';
import type { ArticleVisit } from '../lib/memory/model';
import { PEOPLE_REGISTER } from '../lib/recognize/curated/people-register';
import { TREATY_REGISTER } from '../lib/recognize/curated/treaty-register';
import { seededRandom } from './seeded-random';

/** One entity of the vocabulary: its key and name in each language. */
interface VocabularyEntity {
  key: { ru: string; en: string };
  name: { ru: string; en: string };
}

const TITLE_RU =
  'Россия и КНДР обсудили сотрудничество в сфере безопасности после переговоров министров иностранных дел стороны договорились продлить соглашение о стратегическом партнерстве президент заявил что санкции не помешают торговле'.split(
    ' ',
  );
const TITLE_EN =
  'Leaders meet to discuss arms control as talks on the treaty resume in Geneva foreign ministers agree to extend the partnership deal president says sanctions will not stop trade between the two countries'.split(
    ' ',
  );
const SYLLABLES = [
  'ка',
  'ло',
  'ми',
  'ра',
  'то',
  'не',
  'ва',
  'бу',
  'ге',
  'зо',
  'ки',
  'ша',
  'ду',
  'ре',
];

/** The shortest of some names: news say «КНДР» and "New START" more than the full names. */
function shortest(names: ReadonlyArray<string | undefined>, fallback: string): string {
  let best: string | undefined;
  for (const n of names) if (n && (!best || n.length < best.length)) best = n;
  return best ?? fallback;
}

function countryNames(code: string): { ru: string; en: string } {
  const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : [v]);
  return {
    ru: shortest(all((ru.countries as Record<string, string | string[]>)[code]), code),
    en: shortest(all((en.countries as Record<string, string | string[]>)[code]), code),
  };
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

const exactForms = (exact: readonly string[] | undefined) =>
  (exact ?? []).map((f) => f.replace(/^\?/, ''));

/**
 * The share of an article's entities of each kind, and of those the registers know, measured on
 * real news (`npx tsx scripts/memory-entity-mix.ts`, nerel-dev: 94 Russian news documents, 786
 * entities as the recorder groups them; docs/memory.md, "Measured"): people 58% (13% of them in
 * the people register), places 42% (32% of them countries), registered treaties 0.1%.
 */
export const ENTITY_MIX = {
  PER: { share: 0.579, registered: 0.125 },
  LOC: { share: 0.42, registered: 0.324 },
  TREATY: { share: 0.001, registered: 1 },
} as const;

/** Pools to draw from, each most frequent first. */
interface Vocabulary {
  registeredPer: VocabularyEntity[];
  registeredLoc: VocabularyEntity[];
  treaties: VocabularyEntity[];
  otherPer: VocabularyEntity[];
  otherLoc: VocabularyEntity[];
}

function shuffled<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** `head` (by key) first, then the others shuffled. */
function headFirst(all: VocabularyEntity[], head: string[], rnd: () => number) {
  const first = head
    .map((k) => all.find((e) => e.key.ru === k))
    .filter((e): e is VocabularyEntity => e !== undefined);
  return [
    ...first,
    ...shuffled(
      all.filter((e) => !first.includes(e)),
      rnd,
    ),
  ];
}

/** A made-up name of `from` to `to` syllables, in Cyrillic and its Latin transliteration. */
function madeUpWord(rnd: () => number, from: number, to: number): string {
  let name = '';
  const n = from + Math.floor(rnd() * (to - from + 1));
  for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function latin(name: string): string {
  return name
    .split(' ')
    .map((w) => {
      const t = transliterate(w);
      return t.charAt(0).toUpperCase() + t.slice(1);
    })
    .join(' ');
}

/**
 * Entities no register knows, as the recorder files them (spelling keys): people of two words
 * (about 12 letters, as measured) and places of one (about 8).
 */
function madeUp(type: 'PER' | 'LOC', count: number, rnd: () => number): VocabularyEntity[] {
  const out: VocabularyEntity[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const ruName =
      type === 'PER' ? `${madeUpWord(rnd, 2, 3)} ${madeUpWord(rnd, 2, 4)}` : madeUpWord(rnd, 3, 5);
    const key = `${type}:~${latinKey(ruName)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key: { ru: key, en: key }, name: { ru: ruName, en: latin(ruName) } });
  }
  return out;
}

/** The vocabulary: registered entities by their register ids, the others by spelling keys. */
function vocabulary(rnd: () => number): Vocabulary {
  // Registered people by their register id, as the recognizer files them (lib/entity-id.ts).
  const people = PEOPLE_REGISTER.map((p) => ({
    key: { ru: `PER:${p.id}`, en: `PER:${p.id}` },
    name: { ru: p.ru, en: p.en },
  }));
  const countries = Object.keys(en.countries).map((code) => ({
    key: { ru: `LOC:${code}`, en: `LOC:${code}` },
    name: countryNames(code),
  }));
  const treaties = TREATY_REGISTER.map((t) => ({
    key: { ru: `TREATY:${t.id}`, en: `TREATY:${t.id}` },
    name: {
      ru: shortest([...t.ru, ...exactForms(t.exact).filter((f) => CYRILLIC.test(f))], t.id),
      en: shortest([...t.en, ...exactForms(t.exact).filter((f) => !CYRILLIC.test(f))], t.id),
    },
  }));
  return {
    registeredLoc: headFirst(countries, ['LOC:RU', 'LOC:US', 'LOC:UA', 'LOC:CN', 'LOC:KP'], rnd),
    registeredPer: headFirst(
      people,
      ['vladimir-putin', 'kim-jong-un', 'sergey-lavrov'].map((id) => `PER:${id}`),
      rnd,
    ),
    treaties: headFirst(treaties, ['TREATY:new-start'], rnd),
    otherPer: madeUp('PER', 5000, rnd),
    otherLoc: madeUp('LOC', 2000, rnd),
  };
}

/**
 * A Zipf-like draw of an index below `n`, weights 1 / (rank + shift), as a cumulative table; a
 * shift flattens the head (names no register knows are each in a few articles, not in most).
 */
function zipf(n: number, rnd: () => number, shift = 1): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + shift);
    cumulative.push(sum);
  }
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const BENCH_NOW = new Date('2026-12-06T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BenchVisit {
  visit: ArticleVisit;
  time: Date;
}

/** `count` visits of distinct articles with `perArticle` entities each. */
export function makeVisits(count: number, perArticle = 40, seed = 20261206): BenchVisit[] {
  const rnd = seededRandom(seed);
  const vocab = vocabulary(rnd);
  const pools = [
    vocab.registeredPer,
    vocab.otherPer,
    vocab.registeredLoc,
    vocab.otherLoc,
    vocab.treaties,
  ];
  const draws = pools.map((pool) =>
    zipf(pool.length, rnd, pool === vocab.otherPer || pool === vocab.otherLoc ? 50 : 1),
  );
  const { PER, LOC } = ENTITY_MIX;
  // Which pool an entity comes from, by the measured shares.
  const pick = (): number => {
    const x = rnd();
    if (x < PER.share) return rnd() < PER.registered ? 0 : 1;
    if (x < PER.share + LOC.share) return rnd() < LOC.registered ? 2 : 3;
    return 4;
  };
  const visits: BenchVisit[] = [];
  for (let i = 0; i < count; i++) {
    const lang = rnd() < 0.6 ? 'ru' : 'en';
    const words = lang === 'ru' ? TITLE_RU : TITLE_EN;
    let title = '';
    while (title.length < 80)
      title += `${title ? ' ' : ''}${words[Math.floor(rnd() * words.length)]}`;
    title = title.charAt(0).toUpperCase() + title.slice(1, 90);
    const chosen = new Map<string, VocabularyEntity>();
    while (chosen.size < perArticle) {
      const p = pick();
      const e = (pools[p] as VocabularyEntity[])[(draws[p] as () => number)()] as VocabularyEntity;
      chosen.set(e.key[lang], e);
    }
    const entities = [...chosen.values()].map((e, position) => {
      // The article's main entities (drawn first) are mentioned more.
      const mentions = 1 + Math.floor((rnd() * 14) / (1 + position / 4));
      return { key: e.key[lang], name: e.name[lang], count: mentions };
    });
    const site = `site${i % 30}.${lang === 'ru' ? 'ru' : 'com'}`;
    visits.push({
      visit: {
        url: `https://www.${site}/world/2026/${100000 + i}-${lang === 'ru' ? 'rossiya-kndr' : 'arms-control-talks'}`,
        title,
        lang,
        entities,
      },
      time: new Date(BENCH_NOW.getTime() - Math.floor(rnd() * 180 * DAY_MS)),
    });
  }
  return visits;
}

/**
 * The reading memory the memory benchmark runs on (scripts/bench-memory.ts), from a fixed seed:
 * articles in Russian (60%) and English on 30 sites over 180 days, each with 40 entities drawn
 * with Zipf-like frequencies (a few countries and leaders in most articles, most entities in a
 * handful) from the registers' people, countries and treaties plus 2,000 places of no register,
 * filed under the keys the recorder gives them (a person's spelling key depends on the article's
 * language, as it does today), titles of about 80 characters.
 */
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { latinKey } from '../lib/memory/latin-key';
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

/** The vocabulary, most frequent first: a hand-picked head, then everything else shuffled. */
function vocabulary(rnd: () => number): VocabularyEntity[] {
  const people = PEOPLE_REGISTER.map((p) => ({
    key: { ru: `PER:~${latinKey(p.ru)}`, en: `PER:~${latinKey(p.en)}` },
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
  const places = Array.from({ length: 2000 }, () => {
    let name = '';
    for (let i = 0; i < 3 + Math.floor(rnd() * 3); i++) {
      name += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    }
    const ruName = name.charAt(0).toUpperCase() + name.slice(1);
    const key = `LOC:~${latinKey(ruName)}`;
    return { key: { ru: key, en: key }, name: { ru: ruName, en: ruName } };
  });
  const head = ['LOC:RU', 'LOC:US', 'LOC:UA', 'LOC:CN', 'LOC:KP', 'TREATY:new-start'];
  const all = [...countries, ...treaties, ...people, ...places];
  const first = head.map((k) => all.find((e) => e.key.ru === k) as VocabularyEntity);
  for (const name of ['Vladimir Putin', 'Kim Jong Un', 'Sergey Lavrov']) {
    const person = people.find((p) => p.name.en === name);
    if (person) first.push(person);
  }
  const rest = all.filter((e) => !first.includes(e));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as VocabularyEntity, rest[i] as VocabularyEntity];
  }
  return [...first, ...rest];
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
  // Zipf weights (s = 1), as a cumulative table to draw from.
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < vocab.length; r++) {
    sum += 1 / (r + 1);
    cumulative.push(sum);
  }
  const draw = (): number => {
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
  const visits: BenchVisit[] = [];
  for (let i = 0; i < count; i++) {
    const lang = rnd() < 0.6 ? 'ru' : 'en';
    const words = lang === 'ru' ? TITLE_RU : TITLE_EN;
    let title = '';
    while (title.length < 80)
      title += `${title ? ' ' : ''}${words[Math.floor(rnd() * words.length)]}`;
    title = title.charAt(0).toUpperCase() + title.slice(1, 90);
    const ranks = new Set<number>();
    while (ranks.size < perArticle) ranks.add(draw());
    const entities = [...ranks].map((r, position) => {
      const e = vocab[r] as VocabularyEntity;
      // The article's main entities (frequent ones, drawn first) are mentioned more.
      const count = 1 + Math.floor((rnd() * 14) / (1 + position / 4));
      return { key: e.key[lang], name: e.name[lang], count };
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

/**
 * The notes the benchmarks run on (scripts/bench-notes.ts, scripts/bench-notes-ui.ts), generated
 * from a fixed seed so every run measures the same notes: Russian and English text, 200 pages on
 * 20 sites, 40 tags, a fifth of them notes on entities; and the small statistics helpers.
 */
import { performance } from 'node:perf_hooks';
import { maxOf } from '../lib/arrays';
import type { EntityType } from '../lib/entities';
import type { Note } from '../lib/notes/model';
import { seededRandom } from './seeded-random';

const WORDS_RU =
  'договор о всеобъемлющем стратегическом партнерстве между россией и кндр вступил в силу после обмена ратификационными грамотами соглашение предусматривает взаимную военную помощь в случае агрессии стороны обсудили сотрудничество торговлю экономику науку и технологии президент заявил министр иностранных дел подписали протокол о прекращении огня переговоры возобновятся в пхеньяне москве пекине'.split(
    ' ',
  );
const WORDS_EN =
  'the treaty entered into force after the exchange of instruments of ratification the agreement provides for mutual military assistance in case of aggression the parties discussed cooperation trade economy science and technology the president said the foreign minister signed a ceasefire protocol talks will resume in geneva vienna new york'.split(
    ' ',
  );
const TAGS = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `тема ${i}` : `topic-${i}`));
const ENTITIES: Array<[EntityType, string]> = [
  ['PER', 'Владимир Путин'],
  ['PER', 'Ким Чен Ын'],
  ['LOC', 'Пхеньян'],
  ['LOC', 'Корейский полуостров'],
  ['TREATY', 'Договор о всеобъемлющем стратегическом партнерстве'],
  ['PER', 'Sergey Lavrov'],
  ['LOC', 'Geneva'],
  ['TREATY', 'New START'],
];

export function makeNotes(count: number): Note[] {
  const rnd = seededRandom(20241205);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (list: readonly string[], n: number) =>
    Array.from({ length: n }, () => pick(list)).join(' ');
  const notes: Note[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const ru = rnd() < 0.6;
    const list = ru ? WORDS_RU : WORDS_EN;
    const site = `site${i % 20}.${ru ? 'ru' : 'com'}`;
    const url = `https://www.${site}/news/${i % 200}`;
    const time = new Date(start + i * 60_000).toISOString();
    const base = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url,
      pageTitle: words(list, 8),
      text: words(list, 5 + Math.floor(rnd() * 25)),
      tags: Array.from(new Set([pick(TAGS), pick(TAGS)])).slice(0, Math.floor(rnd() * 3)),
      createdAt: time,
      updatedAt: time,
    };
    const roll = rnd();
    if (roll < 0.2) {
      const [type, canonical] = pick(ENTITIES);
      notes.push({ ...base, kind: 'entity', entity: { type, canonical } });
    } else if (roll < 0.3) {
      notes.push({ ...base, kind: 'page' });
    } else {
      const quote = words(list, 10 + Math.floor(rnd() * 30));
      const at = Math.floor(rnd() * 20_000);
      notes.push({
        ...base,
        kind: 'selection',
        quote,
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: quote,
            prefix: words(list, 4),
            suffix: words(list, 4),
          },
          { type: 'TextPositionSelector', start: at, end: at + quote.length },
        ],
      });
    }
  }
  return notes;
}

export interface Stat {
  name: string;
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function stat(name: string, samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2
      ? (sorted[Math.floor(mid)] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { name, runs: samples.length, median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export async function time<T>(work: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await work();
  return [performance.now() - t0, result];
}

export async function repeat(name: string, runs: number, work: () => unknown): Promise<Stat> {
  await work(); // warm-up, not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(work))[0]);
  return stat(name, samples);
}

/** The benchmark table, as both scripts print it. */
export function printStats(title: string, stats: readonly Stat[]): void {
  console.log(`${title}\n`);
  const width = maxOf(stats.map((s) => s.name.length));
  console.log(
    `${'what'.padEnd(width)}  ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  runs`,
  );
  for (const s of stats) {
    const f = (n: number) => n.toFixed(2).padStart(9);
    console.log(`${s.name.padEnd(width)}  ${f(s.median)}  ${f(s.min)}  ${f(s.max)}  ${s.runs}`);
  }
}

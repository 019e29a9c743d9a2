/**
 * How many PER mentions of an annotated file the people register names: reads the output of
 * `glossa annotate --jsonl` and looks every PER canonical up (lib/recognize/people-register.ts).
 *
 *   npm run --silent glossa -- annotate --jsonl IN.jsonl > OUT.jsonl
 *   npx tsx scripts/people-register-coverage.ts OUT.jsonl [--links] [--misses N]
 *
 * --links lists every canonical that was linked with its person's id (to read for wrong links);
 * --misses N lists the N most frequent canonicals that were not.
 */
import { readFileSync } from 'node:fs';
import { lookupPerson } from '../lib/recognize/people-register';

interface AnnotatedLine {
  entities: { type: string; canonical: string }[];
}

function countBy(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function top(map: Map<string, number>, n: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join('; ');
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) {
  console.error('usage: people-register-coverage.ts ANNOTATED.jsonl [--links] [--misses N]');
  process.exit(2);
}
const missesAt = args.indexOf('--misses');
const misses = missesAt >= 0 ? Number(args[missesAt + 1] ?? 30) : 0;

let mentions = 0;
let linked = 0;
const people = new Set<string>();
const links = new Map<string, number>();
const missed = new Map<string, number>();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  for (const e of (JSON.parse(line) as AnnotatedLine).entities) {
    if (e.type !== 'PER') continue;
    mentions++;
    const person = lookupPerson(e.canonical);
    if (person) {
      linked++;
      people.add(person.id);
      countBy(links, `${e.canonical} → ${person.id}`);
    } else countBy(missed, e.canonical);
  }
}
const share = mentions > 0 ? ((100 * linked) / mentions).toFixed(1) : '0.0';
console.log(
  `PER mentions ${mentions}, linked to the register ${linked} (${share} %), registered people ${people.size}`,
);
if (args.includes('--links')) console.log(`linked: ${top(links, links.size)}`);
if (misses > 0) console.log(`not linked: ${top(missed, misses)}`);

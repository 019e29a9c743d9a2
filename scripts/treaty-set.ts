/**
 * The treaty dev set's tooling (docs/treaty-set.md):
 *   npm run treaty-set -- select CORPUS [--count N] [--seed S] [--hard 0.25] [--random 0.15] [--exclude SCRATCH,...]
 *       candidate paragraphs (treaty words, hard negatives, ~15 % random) as unmarked scratch blocks
 *   npm run treaty-set -- compile SCRATCH [--out FILE.jsonl]
 *       scratch markup → committed JSONL, every block checked against the corpus
 *   npm run treaty-set -- show [FILE.jsonl ...] [--id ID]
 *       the committed set rendered back to scratch markup from the corpus, for review
 *   npm run treaty-set -- stats [FILE.jsonl ...]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  blockHeader,
  entryProblems,
  parseScratch,
  parseTreatySet,
  renderBlock,
  sourceKey,
  splitParagraphs,
  type TreatySetEntry,
} from '../lib/eval/treaty-set';
import { seededRandom } from './seeded-random';
import { CorpusStore, loadTreatySet, sha1, treatySetFiles } from './treaty-set-source';

function usage(): never {
  console.error(
    'usage: npm run treaty-set -- select CORPUS [--count N] [--seed S] [--hard 0.25] [--random 0.15] [--exclude SCRATCH,...]\n' +
      '       npm run treaty-set -- compile SCRATCH [--out FILE.jsonl]\n' +
      '       npm run treaty-set -- show [FILE.jsonl ...] [--id ID]\n' +
      '       npm run treaty-set -- stats [FILE.jsonl ...]',
  );
  process.exit(2);
}

/** Words of treaties and treaty practice (Russian stems, English words). */
const TREATY_WORDS =
  /договор|соглашени|конвенци|пакт|протокол|харти|меморандум|ратифи|денонс|санкци|перемири|прекращени\S* огня|присоедин|вступ\S* в силу|договорённост|договоренност|переговор|декларац|эмбарго|свободной торговли|мирн\S* (процесс|план|переговор)|\b(treaty|treaties|agreement|accord|convention|pact|protocol|charter|memorandum|ratif\w*|sanctions?|ceasefire|cease-fire|truce|armistice|accession|signed)\b/i;

/** Alliance and treaty acronyms, case-sensitive (НАТО, not сенаторы). */
const ACRONYMS = /НАТО|ОДКБ|СНВ|ДРСМД|NATO|START|NAFTA|GATT/;

/** Look-alikes and treaty words in a non-treaty sense: the hard negatives. */
const HARD_NEGATIVES =
  /договор\S* (аренды|подряда|купли|поставки|займа|страхования|найма)|трудов\S* договор|контракт|протокол\S* (заседани|собрани|задержани|осмотр|допрос|об административн)|протокольн|конвенциональн|несанкционированн|договорн\S* матч|присоединени\S* (Крыма|Техаса|к России)|закон\S*[^.]{0,60}вступ\S* в силу|вступ\S* в силу[^.]{0,60}закон|лицензи|декларац\S* о доходах|налогов\S* декларац|\b(contract|conventional|merger|protocol officer|agreed to buy|takeover)\b/i;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined) usage();
  args.splice(i, 2);
  return v;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function select(args: string[]): void {
  const count = Number(option(args, '--count') ?? 100);
  const seed = Number(option(args, '--seed') ?? 13);
  const hardShare = Number(option(args, '--hard') ?? 0.25);
  const randomShare = Number(option(args, '--random') ?? 0.15);
  const exclude = new Set<string>();
  for (const f of (option(args, '--exclude') ?? '').split(',').filter(Boolean)) {
    for (const b of parseScratch(readFileSync(f, 'utf8'))) exclude.add(sourceKey(b.source));
  }
  const corpus = args[0];
  if (!corpus || args.length > 1) usage();
  const store = new CorpusStore();
  type Candidate = {
    file: string;
    doc: string;
    start: number;
    end: number;
    order: number;
    text: string;
  };
  const pools: Record<'treaty' | 'hard' | 'random', Candidate[]> = {
    treaty: [],
    hard: [],
    random: [],
  };
  let order = 0;
  for (const d of store.file(corpus).docs) {
    for (const r of splitParagraphs(d.text)) {
      const c = {
        file: corpus,
        doc: d.id,
        ...r,
        order: order++,
        text: d.text.slice(r.start, r.end),
      };
      if (exclude.has(sourceKey(c))) continue;
      if (HARD_NEGATIVES.test(c.text)) pools.hard.push(c);
      else if (TREATY_WORDS.test(c.text) || ACRONYMS.test(c.text)) pools.treaty.push(c);
      else pools.random.push(c);
    }
  }
  const random = seededRandom(seed);
  const want = { hard: Math.round(count * hardShare), random: Math.round(count * randomShare) };
  const hard = shuffled(pools.hard, random).slice(0, want.hard);
  const rand = shuffled(pools.random, random).slice(0, want.random);
  const treaty = shuffled(pools.treaty, random).slice(0, count - hard.length - rand.length);
  const chosen = [...treaty, ...hard, ...rand].sort((a, b) => a.order - b.order);
  console.error(
    `${corpus}: ${pools.treaty.length} treaty-word, ${pools.hard.length} hard-negative, ${pools.random.length} other paragraphs; chose ${treaty.length} + ${hard.length} + ${rand.length}`,
  );
  for (const c of chosen) process.stdout.write(`${renderBlock(c, c.text, [])}\n`);
}

function compile(args: string[]): void {
  const out = option(args, '--out');
  const file = args[0];
  if (!file || args.length > 1) usage();
  const blocks = parseScratch(readFileSync(file, 'utf8'));
  const store = new CorpusStore();
  const entries: TreatySetEntry[] = [];
  const seen = new Map<string, { start: number; end: number }[]>();
  let failures = 0;
  for (const b of blocks) {
    const fail = (msg: string) => {
      console.error(`${file}:${b.line}: ${sourceKey(b.source)}: ${msg}`);
      failures++;
    };
    let paragraph: string;
    try {
      paragraph = store.paragraph(b.source);
    } catch (err) {
      fail((err as Error).message);
      continue;
    }
    if (paragraph !== b.text) {
      let k = 0;
      while (k < paragraph.length && paragraph[k] === b.text[k]) k++;
      fail(
        `text differs from the corpus at ${k}: corpus "${paragraph.slice(k, k + 30)}", scratch "${b.text.slice(k, k + 30)}"`,
      );
      continue;
    }
    const docKey = `${b.source.file}#${b.source.doc}`;
    const ranges = seen.get(docKey) ?? [];
    if (ranges.some((r) => r.start < b.source.end && b.source.start < r.end)) {
      fail('overlaps another paragraph of the set');
      continue;
    }
    ranges.push(b.source);
    seen.set(docKey, ranges);
    const doc = store.document(b.source);
    const entry: TreatySetEntry = {
      id: sourceKey(b.source),
      lang: doc.lang ?? (b.source.file.startsWith('conll') ? 'en' : 'ru'),
      source: b.source,
      sha1: sha1(paragraph),
      spans: b.spans.map((s) => ({ ...s, text: paragraph.slice(s.start, s.end) })),
    };
    const problems = entryProblems(entry, paragraph);
    if (problems.length) {
      fail(problems.join('; '));
      continue;
    }
    entries.push(entry);
  }
  if (failures) {
    console.error(`${failures} block(s) failed; nothing written`);
    process.exit(1);
  }
  const jsonl = entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
  if (out) writeFileSync(out, jsonl);
  else process.stdout.write(jsonl);
  const r = entries.reduce((n, e) => n + e.spans.filter((s) => s.label === 'R').length, 0);
  const o = entries.reduce((n, e) => n + e.spans.filter((s) => s.label === 'O').length, 0);
  console.error(
    `${entries.length} paragraphs, ${r} R spans, ${o} O spans${out ? ` → ${out}` : ''}`,
  );
}

function entriesOf(files: string[]): TreatySetEntry[] {
  if (!files.length) return loadTreatySet();
  const out: TreatySetEntry[] = [];
  for (const f of files) for (const e of parseTreatySet(readFileSync(f, 'utf8'))) out.push(e);
  return out;
}

function show(args: string[]): void {
  const id = option(args, '--id');
  const store = new CorpusStore();
  for (const e of entriesOf(args)) {
    if (id && e.id !== id) continue;
    const text = store.paragraph(e.source);
    if (sha1(text) !== e.sha1) {
      process.stdout.write(
        `${blockHeader(e.source)}\n(the corpus paragraph changed: SHA-1 differs)\n\n`,
      );
      continue;
    }
    process.stdout.write(`${renderBlock(e.source, text, e.spans)}\n`);
  }
}

function stats(args: string[]): void {
  const byLang = new Map<string, { paragraphs: number; withSpans: number; R: number; O: number }>();
  for (const e of entriesOf(args)) {
    const s = byLang.get(e.lang) ?? { paragraphs: 0, withSpans: 0, R: 0, O: 0 };
    s.paragraphs++;
    if (e.spans.length) s.withSpans++;
    for (const x of e.spans) s[x.label]++;
    byLang.set(e.lang, s);
  }
  for (const [lang, s] of byLang)
    console.log(
      `${lang}: ${s.paragraphs} paragraphs (${s.withSpans} with spans), ${s.R} R, ${s.O} O`,
    );
  if (!args.length) console.log(`files: ${treatySetFiles().join(', ')}`);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'select') select(rest);
else if (cmd === 'compile') compile(rest);
else if (cmd === 'show') show(rest);
else if (cmd === 'stats') stats(rest);
else usage();

/**
 * A/B throughput of two versions of the recognizer in one Node process (run:
 * npx tsx scripts/bench-recognize-ab.ts BASE NEW [--rounds 21] [--chromium [--same-page]]).
 *
 * BASE and NEW are each a bundle (.mjs/.js, built as scripts/bench-recognize.ts builds it), a git
 * revision (its lib/ is bundled from `git archive`), or `.` for the working tree. Both recognizers
 * are warmed, checked to give the same output on the corpora, then timed in alternating passes
 * (the order flips every round) over NEREL dev (Russian) and CoNLL-2003 dev (English). On a
 * shared machine a single bench run drifts with the load; alternating passes in one process see
 * the same load, so the ratio of the medians is what to judge a change by.
 *
 * With --chromium the same comparison runs in headless Chromium instead
 * (scripts/bench-recognize-ab-chromium.ts): `--rounds` fresh contexts per version, taking turns,
 * each with six warm-up passes and eight timed ones per text. With --same-page as well, both
 * versions load into one page per round and their timed passes alternate there.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { medianOf } from '../lib/arrays';
import type { Recognizer } from '../lib/entities';
import { chromiumPasses } from './bench-recognize-ab-chromium';
import { recognizerBundle } from './recognizer-bundle';
import { sharedDir } from './shared-dir';
import { turnOrder } from './taking-turns';

const CORPORA = sharedDir('corpora', 'GLOSSA_CORPORA');

function corpusText(name: string): string {
  let text = '';
  for (const line of readFileSync(join(CORPORA, name), 'utf8').split('\n').filter(Boolean)) {
    text += `${(JSON.parse(line) as { text: string }).text}\n\n`;
  }
  return text;
}

/** Mean of the fastest third: the passes least disturbed by other processes. */
function fastThird(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b).slice(0, Math.max(1, Math.floor(xs.length / 3)));
  return s.reduce((a, b) => a + b, 0) / s.length;
}

async function load(path: string): Promise<Recognizer> {
  const m = (await import(pathToFileURL(path).href)) as { createRecognizer(): Recognizer };
  return m.createRecognizer();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rounds');
  const rounds = at >= 0 ? Number(args[at + 1]) : 21;
  const [baseArg, newArg] = args.filter((a, k) => !a.startsWith('--') && (at < 0 || k !== at + 1));
  if (!baseArg || !newArg) {
    throw new Error(
      'usage: bench-recognize-ab.ts BASE NEW [--rounds N] [--chromium [--same-page]]',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'glossa-ab-'));
  try {
    if (args.includes('--chromium')) {
      await inChromium(dir, baseArg, newArg, at >= 0 ? rounds : 6, args.includes('--same-page'));
      return;
    }
    const base = await load(recognizerBundle(baseArg, dir, 'base'));
    const next = await load(recognizerBundle(newArg, dir, 'new'));
    const texts = [
      ['ru', 'nerel-dev', corpusText('nerel-dev.jsonl')],
      ['en', 'conll2003-dev', corpusText('conll2003-dev.jsonl')],
    ] as const;
    for (const [lang, name, text] of texts) {
      for (let k = 0; k < 2; k++) {
        base.recognize(text, { lang });
        next.recognize(text, { lang });
      }
      const same =
        JSON.stringify(base.recognize(text, { lang })) ===
        JSON.stringify(next.recognize(text, { lang }));
      console.log(`${name}: output of the whole text ${same ? 'identical' : 'DIFFERS'}`);
    }
    const load0 = loadavg()[0] as number;
    for (const [lang, name, text] of texts) {
      const times = { base: [] as number[], next: [] as number[] };
      const cpu = { base: [] as number[], next: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        for (const turn of turnOrder(r, 2)) {
          const which = turn === 0 ? 'base' : 'next';
          const rec = which === 'base' ? base : next;
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          rec.recognize(text, { lang });
          times[which].push(performance.now() - t0);
          const c = process.cpuUsage(c0);
          cpu[which].push((c.user + c.system) / 1000);
        }
      }
      const b = medianOf(times.base);
      const n = medianOf(times.next);
      const mb = (ms: number) => (text.length / 1e6 / (ms / 1000)).toFixed(2);
      console.log(
        `${name} (${(text.length / 1e6).toFixed(2)} M chars, ${rounds} passes each): base ${b.toFixed(1)} ms (${mb(b)} MB/s), new ${n.toFixed(1)} ms (${mb(n)} MB/s), new/base ${(n / b).toFixed(3)}; process CPU per pass new/base ${(medianOf(cpu.next) / medianOf(cpu.base)).toFixed(3)}; fastest third new/base ${(fastThird(times.next) / fastThird(times.base)).toFixed(3)} (${fastThird(times.base).toFixed(1)} vs ${fastThird(times.next).toFixed(1)} ms)`,
      );
    }
    console.log(`load average ${load0.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The A/B in Chromium: medians of all timed passes per version and text, and their ratio. */
async function inChromium(
  dir: string,
  baseArg: string,
  newArg: string,
  contexts: number,
  samePage: boolean,
) {
  const scripts = [
    recognizerBundle(baseArg, dir, 'base', 'iife'),
    recognizerBundle(newArg, dir, 'new', 'iife'),
  ];
  const load0 = loadavg()[0] as number;
  for (const [lang, name, file] of [
    ['ru', 'nerel-dev', 'nerel-dev.jsonl'],
    ['en', 'conll2003-dev', 'conll2003-dev.jsonl'],
  ] as const) {
    const text = corpusText(file);
    const [base, next] = await chromiumPasses(dir, scripts, text, lang, {
      contexts,
      warm: 6,
      passes: 8,
      samePage,
    });
    const b = medianOf(base as number[]);
    const n = medianOf(next as number[]);
    console.log(
      `Chromium, ${name} (${contexts} ${samePage ? 'pages with both versions, passes alternated' : 'contexts'} × 8 passes each, after 6 warm-up passes): base ${b.toFixed(1)} ms, new ${n.toFixed(1)} ms, new/base ${(n / b).toFixed(3)}; fastest third new/base ${(fastThird(next as number[]) / fastThird(base as number[])).toFixed(3)}`,
    );
  }
  console.log(`load average ${load0.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)}`);
}

await main();

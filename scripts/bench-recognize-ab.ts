/**
 * A/B throughput of two versions of the recognizer in one Node process (run:
 * npx tsx scripts/bench-recognize-ab.ts BASE NEW [--rounds 21]).
 *
 * BASE and NEW are each a bundle (.mjs/.js, built as scripts/bench-recognize.ts builds it), a git
 * revision (its lib/ is bundled from `git archive`), or `.` for the working tree. Both recognizers
 * are warmed, checked to give the same output on the corpora, then timed in alternating passes
 * (the order flips every round) over NEREL dev (Russian) and CoNLL-2003 dev (English). On a
 * shared machine a single bench run drifts with the load; alternating passes in one process see
 * the same load, so the ratio of the medians is what to judge a change by.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { medianOf } from '../lib/arrays';
import type { Recognizer } from '../lib/entities';
import { recognizerBundle } from './recognizer-bundle';
import { sharedDir } from './shared-dir';

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
  if (!baseArg || !newArg) throw new Error('usage: bench-recognize-ab.ts BASE NEW [--rounds N]');
  const dir = mkdtempSync(join(tmpdir(), 'glossa-ab-'));
  try {
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
        const order = r % 2 ? (['next', 'base'] as const) : (['base', 'next'] as const);
        for (const which of order) {
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

await main();

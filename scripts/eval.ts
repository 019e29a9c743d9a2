/**
 * Scores the recognizer on an annotated corpus file:
 *   npx tsx scripts/eval.ts FILE.jsonl [--types PER,LOC] [--map LAW=TREATY] [--json]
 * Exact-span and overlap P/R/F1 per type and micro (gold spans with nested:true ignored).
 * By default the painted types (PER, LOC, TREATY) that occur in the gold data are scored.
 */
import { readFileSync } from 'node:fs';
import { PAINTED_TYPES } from '../lib/entities';
import { parseCorpus } from '../lib/eval/corpus';
import { formatReport, type ScoredDocument, scoreDocuments } from '../lib/eval/score';
import { createRecognizer } from '../lib/recognize/index';

function usage(): never {
  console.error(
    'usage: npx tsx scripts/eval.ts FILE.jsonl [--types PER,LOC] [--map LAW=TREATY] [--json]',
  );
  process.exit(2);
}

function main(argv: string[]) {
  let file: string | undefined;
  let types: string[] | undefined;
  const goldTypeMap: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') json = true;
    else if (a === '--types') types = (argv[++i] ?? usage()).split(',').filter(Boolean);
    else if (a === '--map') {
      for (const pair of (argv[++i] ?? usage()).split(',')) {
        const [from, to] = pair.split('=');
        if (!from || !to) usage();
        goldTypeMap[from] = to;
      }
    } else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('--')) {
      console.error(`unknown option: ${a}`);
      usage();
    } else if (!file) file = a;
    else usage();
  }
  if (!file) usage();
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    process.exit(1);
  }
  const docs = parseCorpus(content);
  const recognizer = createRecognizer();
  const scored: ScoredDocument[] = [];
  let chars = 0;
  const started = performance.now();
  for (const d of docs) {
    chars += d.text.length;
    const predicted = recognizer.recognize(d.text, d.lang ? { lang: d.lang } : undefined);
    scored.push({ gold: d.entities ?? [], predicted });
  }
  const seconds = (performance.now() - started) / 1000;
  if (!types) {
    const goldTypes = new Set<string>();
    for (const d of docs)
      for (const e of d.entities ?? []) goldTypes.add(goldTypeMap[e.type] ?? e.type);
    types = PAINTED_TYPES.filter((t) => goldTypes.has(t));
  }
  const report = scoreDocuments(scored, { types, goldTypeMap });
  if (json) {
    console.log(
      JSON.stringify(
        { file, documents: docs.length, characters: chars, seconds, types, report },
        null,
        2,
      ),
    );
  } else {
    console.log(
      `${file}: ${docs.length} documents, ${chars} characters, ${(chars / 1e6 / seconds).toFixed(2)} MB/s (one cold pass, lexicon loading included)`,
    );
    console.log(formatReport(report));
  }
}

main(process.argv.slice(2));

/**
 * Glossa's command-line tool.
 *
 *   npm run --silent glossa -- annotate FILE.txt|FILE.html [--json] [--lang ru]
 *   npm run --silent glossa -- annotate --jsonl IN.jsonl > OUT.jsonl
 *
 * Batch contract (docs/architecture.md, "Batch annotation format"): each input line is {"id",
 * "text", "lang"?} (other fields are ignored); each output line is {"id", "entities":
 * [{"start","end","type","text","canonical"}]}, in input order, offsets in UTF-16 code units; a
 * registered treaty adds "treaty", an entity a register knows its "id"
 * (lib/eval/annotate-output.ts). Input is validated before anything is written: a malformed line
 * is reported on stderr with its line number and the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { maxOf } from '../lib/arrays';
import {
  type EntitySummary,
  type Mention,
  PAINTED_TYPES,
  summarize,
  TYPE_LABELS,
} from '../lib/entities';
import { annotateJson, batchLine } from '../lib/eval/annotate-output';
import { CorpusLineError, parseCorpusLine } from '../lib/eval/corpus';
import { asRendered } from '../lib/page/batches';
import { findArticleRoot, readSegments } from '../lib/page/text';
import { createRecognizer } from '../lib/recognize/index';

const USAGE = `usage:
  glossa annotate FILE.txt|FILE.html [--json] [--lang LANG]
      Recognise people, places and treaty terms in one file and print them grouped by type
      (--json: {"file", "entities", "summary"}).
  glossa annotate --jsonl IN.jsonl
      Batch mode: read {"id","text","lang"?} lines, write {"id","entities":[…]} lines to stdout.
  glossa --help`;

class UsageError extends Error {}

interface AnnotateOptions {
  file: string;
  json: boolean;
  jsonl: boolean;
  lang?: string;
}

function parseArgs(argv: string[]): AnnotateOptions | 'help' {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'annotate') throw new UsageError(`unknown command: ${command}`);
  const opts: Partial<AnnotateOptions> = { json: false, jsonl: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--json') opts.json = true;
    else if (a === '--jsonl') opts.jsonl = true;
    else if (a === '--lang') {
      const lang = rest[++i];
      if (!lang) throw new UsageError('--lang needs a value (e.g. ru, en)');
      opts.lang = lang;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option: ${a}`);
    else if (!opts.file) opts.file = a;
    else throw new UsageError(`unexpected argument: ${a}`);
  }
  if (!opts.file) throw new UsageError('annotate needs a FILE');
  return opts as AnnotateOptions;
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
    throw new Error(`cannot read ${file}: ${reason}`);
  }
}

interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: Document; close(): void } };
}

/**
 * The article text of an HTML page, read the way the extension reads it: its blocks one per line,
 * each as it renders (a line break of the source inside a paragraph is a space).
 */
function htmlText(html: string): string {
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as JsdomModule;
  const dom = new JSDOM(html);
  try {
    const root = findArticleRoot(dom.window.document);
    return readSegments(root)
      .map((segment) => asRendered(segment.text))
      .join('\n');
  } finally {
    dom.window.close();
  }
}

function writeOut(text: string): void {
  process.stdout.write(text);
}

function batch(file: string): void {
  const content = readInput(file);
  const lines = content.split('\n');
  // Validate everything first, so a bad line leaves no half-written output.
  const docs: { id: string | number; text: string; lang?: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (!line.trim()) continue;
    const doc = parseCorpusLine(line, i + 1);
    docs.push({ id: doc.rawId, text: doc.text, lang: doc.lang });
  }
  const recognizer = createRecognizer();
  const out: string[] = [];
  let size = 0;
  for (const d of docs) {
    const line = batchLine(
      d.id,
      recognizer.recognize(d.text, d.lang ? { lang: d.lang } : undefined),
    );
    out.push(line);
    size += line.length;
    if (size > 1 << 20) {
      writeOut(out.join(''));
      out.length = 0;
      size = 0;
    }
  }
  writeOut(out.join(''));
}

function table(file: string, mentions: Mention[], summary: EntitySummary[]): string {
  const lines = [`${file}: ${mentions.length} mentions`];
  // The watch list belongs to a reader's settings in the extension; the CLI has none.
  for (const type of PAINTED_TYPES.filter((t) => t !== 'WATCH')) {
    const rows = summary.filter((s) => s.type === type);
    const count = rows.reduce((n, r) => n + r.count, 0);
    lines.push('', `${TYPE_LABELS[type]} (${type}): ${rows.length} names, ${count} mentions`);
    if (rows.length === 0) lines.push('  —');
    const width = Math.min(
      48,
      maxOf(
        rows.map((r) => r.canonical.length),
        0,
      ),
    );
    for (const r of rows) {
      const others = r.forms.filter((f) => f !== r.canonical);
      const forms = others.length ? `  (${others.join(', ')})` : '';
      lines.push(
        `  ${String(r.count).padStart(3)}  ${r.canonical.padEnd(width)}${forms}`.trimEnd(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function annotateFile(opts: AnnotateOptions): void {
  const raw = readInput(opts.file);
  const ext = extname(opts.file).toLowerCase();
  const text = ext === '.html' || ext === '.htm' ? htmlText(raw) : raw;
  const mentions = createRecognizer()
    .recognize(text, opts.lang ? { lang: opts.lang } : undefined)
    .filter((m) => m.type !== 'ORG');
  const summary = summarize(mentions);
  if (opts.json) {
    writeOut(annotateJson(opts.file, mentions, summary));
  } else {
    writeOut(table(opts.file, mentions, summary));
  }
}

function main(argv: string[]): number {
  let opts: AnnotateOptions | 'help';
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`glossa: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (opts.jsonl) batch(opts.file);
    else annotateFile(opts);
    return 0;
  } catch (err) {
    const message =
      err instanceof CorpusLineError ? `${opts.file}: ${err.message}` : (err as Error).message;
    process.stderr.write(`glossa: ${message}\n`);
    return 1;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (e.g. `| head`) is not an error worth a stack trace.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = main(process.argv.slice(2));

/**
 * Keeps the line counts of docs/architecture.md's module maps true to the files.
 *
 *   npx tsx scripts/module-map.ts           lists the rows whose count differs from the file
 *   npx tsx scripts/module-map.ts --write   rewrites those counts in place
 *
 * A map row is `| \`name\` | lines | job |`; its folder is the one named by the heading above it
 * ("### lib/memory/", or "## The page side (lib/page)"). A row naming a folder counts the lines
 * of its files; a row whose file is not found is reported, never guessed.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOC = 'docs/architecture.md';

/** The folder a heading names, or undefined when it names none. */
export function headingFolder(line: string): string | undefined {
  const m = /^#{2,4} (?:.*\()?((?:lib|entrypoints|components|scripts)(?:\/[\w-]+)*)\/?\)?\s*$/.exec(
    line,
  );
  return m?.[1];
}

function linesOf(path: string): number {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .map((f) => join(path, f))
      .filter((p) => statSync(p).isFile())
      .reduce((n, p) => n + linesOf(p), 0);
  }
  const text = readFileSync(path, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

interface Row {
  line: number;
  path: string;
  written: number;
  actual: number | null;
}

export function mapRows(doc: string, root = '.'): Row[] {
  const rows: Row[] = [];
  let folder: string | undefined;
  doc.split('\n').forEach((text, line) => {
    const heading = text.startsWith('#') ? headingFolder(text) : undefined;
    if (text.startsWith('#')) folder = heading ?? folder;
    const m = /^\| `([^`]+)`\s*\|\s*(\d+) \|/.exec(text);
    if (!m || !folder) return;
    const path = join(folder, m[1] as string);
    const full = join(root, path);
    rows.push({
      line,
      path,
      written: Number(m[2]),
      actual: existsSync(full) ? linesOf(full) : null,
    });
  });
  return rows;
}

function main(): void {
  const write = process.argv.includes('--write');
  const doc = readFileSync(DOC, 'utf8');
  const rows = mapRows(doc);
  const lines = doc.split('\n');
  let changed = 0;
  for (const r of rows) {
    if (r.actual === null) {
      console.log(`${DOC}:${r.line + 1}: ${r.path} not found`);
      continue;
    }
    if (r.actual === r.written) continue;
    changed++;
    console.log(`${DOC}:${r.line + 1}: ${r.path} ${r.written} → ${r.actual}`);
    const width = String(r.written).length;
    lines[r.line] = (lines[r.line] as string).replace(
      /^(\| `[^`]+`\s*\|)(\s*)(\d+)( \|)/,
      (_all, head: string, pad: string, _n: string, tail: string) => {
        const value = String(r.actual);
        const spaces = ' '.repeat(Math.max(1, pad.length + width - value.length));
        return `${head}${spaces}${value}${tail}`;
      },
    );
  }
  console.log(
    `${rows.length} rows, ${changed} out of date${write && changed ? ' (rewritten)' : ''}`,
  );
  if (write && changed) writeFileSync(DOC, lines.join('\n'));
}

if (process.argv[1]?.endsWith('module-map.ts')) main();

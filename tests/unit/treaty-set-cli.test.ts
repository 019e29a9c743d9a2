/**
 * npm run treaty-set on a tiny corpus of its own (GLOSSA_CORPORA points at a temporary folder),
 * so these run without ../shared: select is deterministic, compile checks each block against the
 * corpus, show gives the markup back.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTreatySet } from '../../lib/eval/treaty-set';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'glossa-treaty-set-'));
const corpora = join(dir, 'corpora');
mkdirSync(corpora);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = {
  id: 'mini/1',
  lang: 'ru',
  text: 'Заголовок\nСтороны подписали мирный договор в Женеве.\nКлуб продлил контракт с тренером.\nПогода была хорошей.',
};
writeFileSync(join(corpora, 'mini.jsonl'), `${JSON.stringify(doc)}\n`);

function treatySet(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/treaty-set.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, GLOSSA_CORPORA: corpora },
  });
}

describe('npm run treaty-set', () => {
  it('select prints unmarked blocks, the same for the same seed', () => {
    const a = treatySet('select', 'mini', '--count', '4', '--seed', '7');
    expect(a.status).toBe(0);
    expect(a.stdout).toContain('@ mini#mini/1@10-52\nСтороны подписали мирный договор в Женеве.\n');
    expect(a.stdout).toContain('Клуб продлил контракт с тренером.');
    expect(treatySet('select', 'mini', '--count', '4', '--seed', '7').stdout).toBe(a.stdout);
  });

  it('compile writes JSONL with paragraph-relative spans; show renders it back', () => {
    const scratch = join(dir, 'ok.txt');
    const markup = '@ mini#mini/1@10-52\nСтороны ⟦R|подписали⟧ ⟦R|мирный договор⟧ в Женеве.\n';
    writeFileSync(scratch, `${markup}\n@ mini#mini/1@53-86\nКлуб продлил контракт с тренером.\n`);
    const out = join(dir, 'ru.jsonl');
    const r = treatySet('compile', scratch, '--out', out);
    expect(r.status).toBe(0);
    const [first, second] = parseTreatySet(readFileSync(out, 'utf8'));
    expect(first).toMatchObject({
      id: 'mini#mini/1@10-52',
      lang: 'ru',
      source: { file: 'mini', doc: 'mini/1', start: 10, end: 52 },
      spans: [
        { start: 8, end: 17, label: 'R', text: 'подписали' },
        { start: 18, end: 32, label: 'R', text: 'мирный договор' },
      ],
    });
    expect(first?.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(second?.spans).toEqual([]);
    const shown = treatySet('show', out);
    expect(shown.stdout.startsWith(markup)).toBe(true);
  });

  it('compile refuses a block whose text or offsets do not match the corpus, and writes nothing', () => {
    const scratch = join(dir, 'bad.txt');
    writeFileSync(
      scratch,
      '@ mini#mini/1@10-52\nСтороны подписали ⟦R|мирный договор⟧ в Женеве!\n\n@ mini#mini/1@0-500\nЗаголовок\n',
    );
    const out = join(dir, 'bad.jsonl');
    const r = treatySet('compile', scratch, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('text differs from the corpus at 41');
    expect(r.stderr).toContain('past the end');
    expect(() => readFileSync(out)).toThrow();
  });
});

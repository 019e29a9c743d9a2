import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const demoTxt = join(root, 'tests/fixtures/demo/article.txt');
const demoHtml = join(root, 'tests/fixtures/demo/article.html');
const dir = mkdtempSync(join(tmpdir(), 'glossa-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as `npm run glossa` does: node with tsx on scripts/glossa.ts. */
function glossa(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/glossa.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('glossa annotate', () => {
  it('prints a table of the demo article grouped by type', () => {
    const r = glossa('annotate', demoTxt);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Person (PER): 5 names, 10 mentions');
    expect(r.stdout).toMatch(/4 {2}Владимир Путин\s+\(Владимира Путина, Владимиру Путину, Путин\)/);
    expect(r.stdout).toContain('Place (LOC):');
    expect(r.stdout).toContain('Treaty term (TREATY):');
    expect(r.stdout).toContain('Договор о всеобъемлющем стратегическом партнерстве');
  }, 60_000);

  it('writes JSON with mentions and a summary', () => {
    const r = glossa('annotate', demoTxt, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      file: string;
      entities: { start: number; end: number; type: string; text: string; canonical: string }[];
      summary: { type: string; canonical: string; count: number; forms: string[] }[];
    };
    expect(out.file).toBe(demoTxt);
    expect(out.entities.length).toBeGreaterThan(50);
    expect(out.summary.find((s) => s.canonical === 'Владимир Путин')).toMatchObject({
      type: 'PER',
      count: 4,
    });
    expect(out.entities.every((e) => e.type !== 'ORG')).toBe(true);
    // A registered treaty carries its register id, names and year.
    const treaty = out.entities.find(
      (e) => e.text === 'Договор о всеобъемлющем стратегическом партнерстве',
    );
    expect(treaty).toMatchObject({
      type: 'TREATY',
      treaty: { id: 'russia-dprk-partnership-2024', year: 2024 },
    });
  }, 60_000);

  it('reads HTML pages through the page text model', () => {
    const r = glossa('annotate', demoHtml, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: { type: string; canonical: string }[] };
    const people = out.summary.filter((s) => s.type === 'PER').map((s) => s.canonical);
    expect(people).toContain('Ким Чен Ын');
    expect(people).toContain('Константин Асмолов');
    // Navigation and the sidebar are not article text.
    expect(r.stdout).not.toContain('Главное');
  }, 60_000);

  it('reads a line break of the HTML source inside a paragraph as the space it renders as', () => {
    const page = join(dir, 'wrapped.html');
    writeFileSync(
      page,
      '<article><p>Putin and Kim signed the Treaty on Comprehensive\nStrategic Partnership ' +
        'between Russia and North Korea.</p><p>It entered into force.</p></article>',
    );
    const r = glossa('annotate', page, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: { type: string; canonical: string }[] };
    const treaties = out.summary.filter((s) => s.type === 'TREATY').map((s) => s.canonical);
    expect(treaties).toContain('Treaty on Comprehensive Strategic Partnership');
  }, 60_000);

  it('annotates JSONL in batch, one line per input, in order', () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: 'a',
          text: 'Президент РФ Владимир Путин прибыл в Пхеньян.',
          lang: 'ru',
          entities: [{ start: 0 }],
        }),
        JSON.stringify({ id: 2, text: '' }),
        JSON.stringify({ id: 'c', text: '👋 Bill Clinton met Boris Yeltsin in Moscow.' }),
        JSON.stringify({ id: 'd', text: 'Россия вышла из ДРСМД.', lang: 'ru' }),
      ].join('\n'),
    );
    const r = glossa('annotate', '--jsonl', input);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c', 'd']);
    // An entity a register knows carries its id (lib/entity-id.ts); a city has none.
    expect(lines[0].entities).toEqual([
      { start: 10, end: 12, type: 'LOC', text: 'РФ', canonical: 'Россия', id: 'LOC:RU' },
      {
        start: 13,
        end: 27,
        type: 'PER',
        text: 'Владимир Путин',
        canonical: 'Владимир Путин',
        id: 'PER:vladimir-putin',
      },
      { start: 37, end: 44, type: 'LOC', text: 'Пхеньян', canonical: 'Пхеньян' },
    ]);
    expect(lines[1].entities).toEqual([]);
    // UTF-16 offsets: the emoji counts two units.
    expect(lines[2].entities[0]).toEqual({
      start: 3,
      end: 15,
      type: 'PER',
      text: 'Bill Clinton',
      canonical: 'Bill Clinton',
      id: 'PER:bill-clinton',
    });
    expect(lines[3].entities).toContainEqual({
      start: 16,
      end: 21,
      type: 'TREATY',
      text: 'ДРСМД',
      canonical: 'Договор о ликвидации ракет средней и меньшей дальности',
      treaty: {
        id: 'inf',
        en: 'Intermediate-Range Nuclear Forces Treaty',
        ru: 'Договор о ликвидации ракет средней и меньшей дальности',
        year: 1987,
      },
      id: 'TREATY:inf',
    });
    for (const l of lines) expect(Object.keys(l)).toEqual(['id', 'entities']);
  }, 60_000);

  it('fails on a malformed line before writing anything', () => {
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, '{"id":"a","text":"Москва"}\n{"id":"b","txt":"oops"}\n');
    const r = glossa('annotate', '--jsonl', input);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 2: missing "text"/);
  }, 60_000);

  it('explains missing files, unknown commands and options, and prints help', () => {
    const missing = glossa('annotate', join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt: no such file/);
    const unknown = glossa('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command: frobnicate/);
    expect(glossa('annotate', demoTxt, '--bogus').stderr).toMatch(/unknown option: --bogus/);
    const help = glossa('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage:/);
  }, 60_000);
});

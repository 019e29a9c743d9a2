import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { headingFolder, mapRows } from '../../scripts/module-map';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('module map line counts (scripts/module-map.ts)', () => {
  it('takes the folder from the heading above a map', () => {
    expect(headingFolder('### lib/memory/')).toBe('lib/memory');
    expect(headingFolder('## The page side (lib/page)')).toBe('lib/page');
    expect(headingFolder('### entrypoints/')).toBe('entrypoints');
    expect(headingFolder('## How one highlight travels')).toBeUndefined();
  });

  it('compares each row with its file or folder, and reports a file that is not there', () => {
    dir = mkdtempSync(join(tmpdir(), 'glossa-map-'));
    mkdirSync(join(dir, 'lib/page/host'), { recursive: true });
    writeFileSync(join(dir, 'lib/page/a.ts'), 'one\ntwo\nthree\n');
    writeFileSync(join(dir, 'lib/page/host/x.ts'), 'x\n');
    writeFileSync(join(dir, 'lib/page/host/y.ts'), 'y\ny');
    const doc = [
      '## The page side (lib/page)',
      '| file | lines | job |',
      '| `a.ts` | 3 | reads |',
      '| `host/` | 9 | hosts |',
      '| `gone.ts` | 4 | left |',
      '## Notes',
      '| `b.ts` | 1 | under a heading that names no folder: still lib/page |',
    ].join('\n');
    expect(mapRows(doc, dir).map((r) => [r.path, r.written, r.actual])).toEqual([
      ['lib/page/a.ts', 3, 3],
      ['lib/page/host/', 9, 3],
      ['lib/page/gone.ts', 4, null],
      ['lib/page/b.ts', 1, null],
    ]);
  });
});

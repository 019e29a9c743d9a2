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

describe('recognizer data read from the package', () => {
  it('says clearly that the data is missing until it is loaded', () => {
    expect(() => lexiconData()).toThrow('not loaded yet');
    expect(() => modelData()).toThrow('not loaded yet');
  });

  it('loads both files by their package paths, as the build copies them', async () => {
    const asked: string[] = [];
    await loadRecognizerData(async (file) => {
      asked.push(file);
      // The build copies lib/recognize/data/NAME.json to recognizer/NAME.json (wxt.config.ts).
      const name = file.replace(/^recognizer\//, '');
      return JSON.parse(readFileSync(`lib/recognize/data/${name}`, 'utf8'));
    });
    expect(asked.sort()).toEqual(
      [RECOGNIZER_DATA_FILES.lexicon, RECOGNIZER_DATA_FILES.model].sort(),
    );
    expect(lexiconData()).toEqual(bundled.lexiconData());
    expect(modelData()).toEqual(bundled.modelData());
  });

  it('rejects when a file cannot be read, so the background can answer with the reason', async () => {
    await expect(
      loadRecognizerData(async (file) => {
        throw new Error(`${file}: HTTP 404`);
      }),
    ).rejects.toThrow('HTTP 404');
  });
});

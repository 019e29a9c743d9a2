/**
 * The extension's stand-in for source.ts (swapped in by wxt.config.ts): the recognizer's data is
 * read from the package's own files (recognizer/lexicon.json, and recognizer/model.bin, the
 * weights as the tables themselves: lib/recognize/model/binary.ts) by the background, once, and
 * installed here before the first recognition.
 */
export interface RecognizerData {
  lexicon: unknown;
  model: unknown;
}

let installed: RecognizerData | null = null;

export function installRecognizerData(data: RecognizerData): void {
  installed = data;
}

function need(): RecognizerData {
  if (!installed) throw new Error('the recognizer data is not loaded yet');
  return installed;
}

export function lexiconData(): unknown {
  return need().lexicon;
}

export function modelData(): unknown {
  return need().model;
}

/** The package paths of the two files, as the build copies them (wxt.config.ts). */
export const RECOGNIZER_DATA_FILES = {
  lexicon: 'recognizer/lexicon.json',
  model: 'recognizer/model.bin',
} as const;

/**
 * Read both files with `read` (fetch of the package's own URL in the background: parsed JSON for
 * a .json file, the bytes as an ArrayBuffer for a .bin file) and install them.
 */
export async function loadRecognizerData(
  read: (path: string) => Promise<unknown>,
): Promise<void> {
  const [lexicon, model] = await Promise.all([
    read(RECOGNIZER_DATA_FILES.lexicon),
    read(RECOGNIZER_DATA_FILES.model),
  ]);
  installRecognizerData({ lexicon, model });
}

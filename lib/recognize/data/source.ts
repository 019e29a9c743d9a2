/**
 * Where the recognizer's generated data (lexicon.json, model.json beside this file) comes from.
 * Here: imported with the code, as Node, the CLI and the tests use it.
 *
 * The extension build swaps this module for source.extension.ts (see wxt.config.ts): there the
 * background reads the same two files from the installed package, so no script file carries
 * megabytes of data (the Firefox add-on linter refuses script files over 5 MB).
 */
import lexicon from './lexicon.json';
import model from './model.json';

export function lexiconData(): unknown {
  return lexicon;
}

export function modelData(): unknown {
  return model;
}

/**
 * A browser-like global scope in Node for the benchmarks that render Preact components: a jsdom
 * window whose `keys` (document, events, …) become globals, never replacing one Node already has
 * except `window` and `document`. Import the components after calling it.
 */
import { createRequire } from 'node:module';

/** The slice of jsdom used here (it ships no type declarations). */
interface JsdomModule {
  JSDOM: new (
    html: string,
    options: { url: string; pretendToBeVisual: boolean },
  ) => { window: Window & typeof globalThis };
}

export function installJsdomGlobals(keys: readonly string[]): Window & typeof globalThis {
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'https://glossa.invalid/notes.html',
    pretendToBeVisual: true,
  });
  const g = globalThis as Record<string, unknown>;
  for (const key of keys) {
    if (!(key in g) || key === 'window' || key === 'document') {
      g[key] = (dom.window as unknown as Record<string, unknown>)[key];
    }
  }
  return dom.window;
}

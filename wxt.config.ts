import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { pageCommandsManifest } from './lib/commands';
import { manifestStylesheet } from './lib/page/base-styles';
import { BASE_STYLES_FILE } from './lib/page/styles';
import { encodeModelBinary } from './lib/recognize/model/binary';
import type { ModelData } from './lib/recognize/model/weights';

const RECOGNIZER_DATA = path.resolve('lib/recognize/data');

/**
 * Glossa's content script (entrypoints/content-page.ts), built by WXT as an unlisted script and
 * declared here: a WXT content script would post its start to the page and could be stopped by it.
 */
const CONTENT_SCRIPT = {
  matches: ['http://*/*', 'https://*/*'],
  js: ['content-page.js'],
  // Glossa's highlight rules, loaded by the browser before the page is styled (lib/page/styles.ts).
  css: [BASE_STYLES_FILE],
  run_at: 'document_idle' as const,
};

/**
 * In the extension, the recognizer's data is read from package files by the background
 * (lib/recognize/data/source.extension.ts) instead of being compiled into a script: swap the module.
 */
function recognizerDataFromPackage(): Plugin {
  const bundled = path.join(RECOGNIZER_DATA, 'source.ts');
  return {
    name: 'glossa-recognizer-data-from-package',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('/source')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== bundled) return null;
      return path.join(RECOGNIZER_DATA, 'source.extension.ts');
    },
  };
}

// One config builds both targets: `wxt build` (Chrome MV3) and `wxt build -b firefox`.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  imports: false, // explicit imports only: a newcomer can follow every name.
  // `browser` from 'wxt/browser' is Mozilla's webextension-polyfill: the same promise-based API in
  // Chrome and Firefox (message replies, errors as rejections), not Chrome's own namespace.
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    // UI language: public/_locales/<lang>/messages.json, chosen by the browser (lib/i18n.ts).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // scripting is not needed: the content script is declared statically.
    // storage: per-site switches and the highlight toggle; notes live in IndexedDB.
    // contextMenus: the "Save selection as a Glossa note" item on a selection.
    // offscreen (Chrome only): the document that keeps the recognizer's tables while the service
    // worker sleeps (lib/background/offscreen.ts); Firefox's background page never sleeps.
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The same sites the content script runs on (no wider install prompt than it already brings):
    // the browser then tells the popup and side panel a tab's address, so they file and show notes
    // under that address rather than the one the page's content script reports.
    host_permissions: ['http://*/*', 'https://*/*'],
    // The same save from the keyboard; readers can change the keys in the browser's shortcut settings.
    commands: {
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmdSaveSelection__',
      },
      // Toggle highlights, next / previous mark (lib/commands.ts).
      ...pageCommandsManifest(),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'glossa@glossa.local',
              strict_min_version: '140.0',
              // Glossa collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // The side panel (114) and the offscreen recognizer host (109): Chrome's build relies on both.
          minimum_chrome_version: '114',
        }),
  }),
  hooks: {
    // The two data files the background reads (lib/recognize/data/source.extension.ts): the
    // lexicon as it is, the weights as their runtime tables (lib/recognize/model/binary.ts), so a
    // background that starts cold parses no JSON and decodes no base64 for them.
    'build:publicAssets': (wxt, files) => {
      files.push({
        absoluteSrc: path.join(RECOGNIZER_DATA, 'lexicon.json'),
        relativeDest: 'recognizer/lexicon.json',
      });
      const model = JSON.parse(readFileSync(path.join(RECOGNIZER_DATA, 'model.json'), 'utf8'));
      const binary = path.join(wxt.config.wxtDir, 'recognizer', 'model.bin');
      mkdirSync(path.dirname(binary), { recursive: true });
      writeFileSync(binary, encodeModelBinary(model as ModelData));
      files.push({ absoluteSrc: binary, relativeDest: 'recognizer/model.bin' });
      // The data above derives from CC BY sources (GeoNames, OpenCorpora…): their attribution
      // travels with it.
      files.push({
        absoluteSrc: path.join(RECOGNIZER_DATA, '..', 'ATTRIBUTION.md'),
        relativeDest: 'recognizer/ATTRIBUTION.md',
      });
      // Glossa's highlight rules, loaded by the browser before the page is styled (lib/page/styles.ts).
      files.push({ contents: manifestStylesheet(), relativeDest: BASE_STYLES_FILE });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), { ...CONTENT_SCRIPT }];
    },
  },
  vite: () => ({
    plugins: [recognizerDataFromPackage()],
    // Chrome's recognizer worker (entrypoints/recognizer-host/worker.ts) reads the same package files.
    worker: { format: 'es' as const, plugins: () => [recognizerDataFromPackage()] },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // GLOSSA_MINIFY=no keeps names readable in a bench:page --profile-top run.
    build: { sourcemap: false, minify: process.env.GLOSSA_MINIFY !== 'no' },
  }),
  zip: {
    artifactTemplate: 'glossa-{{version}}-{{browser}}.zip',
    // The sources zip the Firefox add-on store asks for: what `npm ci && npm run build` needs.
    sourcesTemplate: 'glossa-{{version}}-sources.zip',
    excludeSources: ['test-results/**', 'out/**', 'docs/*.png', 'tests/**'],
  },
});

import { defineConfig } from 'wxt';

// One config builds both targets: `wxt build` (Chrome MV3) and `wxt build -b firefox`.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  imports: false, // explicit imports only: a newcomer can follow every name.
  manifest: ({ browser }) => ({
    name: 'Glossa',
    description:
      'Highlights people, places and treaty terms in foreign-affairs news, and keeps your notes offline.',
    // activeTab/scripting are not needed: the content script is declared statically.
    // storage: per-site switches and the highlight toggle; notes live in IndexedDB.
    // contextMenus: the "Save selection as a Glossa note" item on a selection.
    permissions: ['storage', 'contextMenus'],
    // The same save from the keyboard; readers can change the keys in the browser's shortcut settings.
    commands: {
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Save the selection as a Glossa note',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'glossa@glossa.local', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: { sourcemap: false },
  }),
  zip: { artifactTemplate: 'glossa-{{version}}-{{browser}}.zip' },
});

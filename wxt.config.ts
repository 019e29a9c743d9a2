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
    permissions: ['storage'],
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

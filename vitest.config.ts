import { defineConfig } from 'vitest/config';

// Unit and component tests. Component tests opt into jsdom with a `@vitest-environment jsdom` comment.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup/property-runs.ts'],
  },
});

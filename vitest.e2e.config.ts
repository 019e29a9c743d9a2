import { defineConfig } from 'vitest/config';

// End-to-end tests drive real Chromium and Firefox ESR; one file at a time keeps two cores calm.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});

/**
 * The reading memory benchmark inside Chromium (bundled by scripts/bench-memory.ts): the same
 * measurements as in Node, over the browser's own IndexedDB and DOM.
 */
import { openNotesDb } from '../lib/notes/db';
import { type BenchResult, runMemoryBench } from './bench-memory-core';

declare global {
  interface Window {
    glossaMemoryBench: (options: {
      articles: number;
      entities: number;
      runs: number;
    }) => Promise<BenchResult>;
  }
}

window.glossaMemoryBench = async (options) => {
  const db = openNotesDb(`glossa-bench-memory-${Date.now()}`);
  await db.open();
  const result = await runMemoryBench(
    {
      where: `Chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? ''}`,
      db,
      doc: document,
      storageUsage: async () => (await navigator.storage.estimate()).usage,
    },
    options,
  );
  db.close();
  return result;
};

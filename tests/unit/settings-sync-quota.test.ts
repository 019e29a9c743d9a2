import { describe, expect, it } from 'vitest';
import { loadSettings, type Settings, saveSettings } from '../../lib/settings';
import { reconcileSettings } from '../../lib/settings-sync';
import { memoryArea } from './sync-area';

/** 150 terms of 40 Cyrillic letters: far over one sync item (8 kB), well under the 200-term cap. */
const bigList = Array.from({ length: 150 }, (_, i) => `термин ${i} ${'ж'.repeat(32)}`);

async function edit(
  area: Parameters<typeof loadSettings>[0],
  patch: Partial<Settings>,
  at: number,
): Promise<void> {
  await saveSettings(area, { ...(await loadSettings(area)), ...patch }, () => at);
}

describe('settings sync under Chrome quotas', () => {
  it('a watch list over one sync item survives a later change on another browser', async () => {
    const sync = memoryArea({}, { quota: true });
    const a = memoryArea();
    const b = memoryArea();
    // Browser A: the reader saves a long watch list; A reconciles with sync.
    await edit(a, { watchList: bigList }, 1000);
    await reconcileSettings(a, sync);
    // Browser B, later: another setting changes, and B reconciles.
    await reconcileSettings(b, sync);
    await edit(b, { articlesOnly: false }, 2000);
    await reconcileSettings(b, sync);
    // A reconciles again: its list is still there, with B's change.
    await reconcileSettings(a, sync);
    const mine = await loadSettings(a);
    expect(mine.watchList).toEqual(bigList);
    expect(mine.articlesOnly).toBe(false);
    // And B has the list too.
    await reconcileSettings(b, sync);
    expect((await loadSettings(b)).watchList).toEqual(bigList);
  });
});

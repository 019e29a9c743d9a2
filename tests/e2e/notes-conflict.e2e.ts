/**
 * One note edited in two tabs of the notes view, in real Chromium and Firefox ESR with the built
 * extension: the second save is refused and shows both texts, "Keep both" keeps both, and each tab
 * follows what the other one saves without a reload (Dexie's change events between the
 * extension's windows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickByName } from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { setField } from './harness/pages';
import type { BrowserSession, E2EPage } from './harness/types';

const NOTE_ID = '5d2f7a10-3c4b-4e8a-9f61-0a1b2c3d4e5f';
const FIRST = 'Текст до правок';
const FROM_A = 'Правка из вкладки A';
const FROM_B = 'Правка из вкладки B';

const FILE = JSON.stringify({
  format: 'glossa-notes',
  version: 1,
  exportedAt: '2026-01-05T10:00:00.000Z',
  notes: [
    {
      id: NOTE_ID,
      kind: 'page',
      url: 'https://ria.ru/20260105/conflict.html',
      pageTitle: 'Conflict',
      text: FIRST,
      tags: [],
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    },
  ],
});

function rowTexts(page: E2EPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-note-id]')].map(
      (el) => el.querySelector('.note-text')?.textContent ?? '',
    ),
  );
}

function pageText(page: E2EPage): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

async function importFile(view: E2EPage, text: string): Promise<void> {
  await view.evaluate((text) => {
    const input = document.getElementById('import-file') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'notes.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
  await expect
    .poll(() => view.evaluate(() => document.querySelector('.import-result')?.textContent ?? ''), {
      timeout: 10_000,
    })
    .toContain('Imported 1 new');
}

for (const [browserName, launch] of LAUNCHERS) {
  describe(`Two notes views in ${browserName}`, () => {
    let session: BrowserSession;

    beforeAll(async () => {
      session = await launch({ headless: true });
    });

    afterAll(async () => {
      await session?.close();
    });

    it('refuses the second save of one note, shows both texts, keeps both, and each tab follows the other', async () => {
      const a = await session.openExtensionPage('notes.html');
      const b = await session.openExtensionPage('notes.html');
      try {
        // Tab B has read the (empty) store before anything is imported in tab A.
        await expect.poll(() => pageText(b), { timeout: 10_000 }).toContain('No notes yet.');
        await importFile(a, FILE);
        // Tab B was open before the import: it lists the note without a reload.
        await expect.poll(() => rowTexts(b), { timeout: 10_000 }).toEqual([FIRST]);

        // Both tabs open the editor on the same note. (Real clicks go to the tab in front:
        // Firefox does not lay out a background tab.)
        await a.bringToFront();
        await clickByName(a, { selector: 'button', name: 'Edit' });
        await setField(a, 'textarea', FROM_A);
        await b.bringToFront();
        await clickByName(b, { selector: 'button', name: 'Edit' });
        await setField(b, 'textarea', FROM_B);

        // A saves first; B hears of it while still editing, and keeps its own text.
        await a.bringToFront();
        await clickByName(a, { selector: 'button', name: 'Save changes' });
        await expect.poll(() => rowTexts(a), { timeout: 10_000 }).toEqual([FROM_A]);
        await expect
          .poll(() => pageText(b), { timeout: 10_000 })
          .toContain('This note was changed in another window while you edit it');
        expect(await b.evaluate(() => document.querySelector('textarea')?.value)).toBe(FROM_B);

        // B's save is refused: both texts are shown, nothing was overwritten.
        await b.bringToFront();
        await clickByName(b, { selector: 'button', name: 'Save changes' });
        await expect
          .poll(() => pageText(b), { timeout: 10_000 })
          .toContain('This note was changed in another window. Your text is not saved yet');
        const conflict = await pageText(b);
        expect(conflict).toContain(FROM_A);
        expect(conflict).toContain(FROM_B);

        // Keep both: B's text becomes a new note; A lists it without a reload.
        await clickByName(b, { selector: 'button', name: 'Keep both' });
        await expect
          .poll(async () => (await rowTexts(b)).sort(), { timeout: 10_000 })
          .toEqual([FROM_A, FROM_B].sort());
        await expect
          .poll(async () => (await rowTexts(a)).sort(), { timeout: 10_000 })
          .toEqual([FROM_A, FROM_B].sort());

        // Both are stored: a fresh load lists them.
        await a.reload();
        await expect
          .poll(async () => (await rowTexts(a)).sort(), { timeout: 10_000 })
          .toEqual([FROM_A, FROM_B].sort());
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}

/**
 * Notes that last, in real Chromium and Firefox ESR with the built extension: save a note on a
 * selection from the popup and through the background (the context-menu / keyboard-shortcut path),
 * see it painted as `glossa-NOTE` at once and again after a reload, read it in the hover card, keep
 * it anchored when the article is edited, see a vanished quote listed as orphaned, and manage
 * everything in the notes view: search, tag filter, edit, delete + Undo, export in four formats
 * and re-import.
 *
 * Context menus and keyboard shortcuts cannot be triggered from automation. Both call one
 * background function (saveSelectionFromTab); the test reaches it the way an extension page can,
 * with runtime.sendMessage({ type: 'glossa:save-selection', tabId }), so the same code runs.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveSelectionResult } from '../../lib/messages/types';
import { CSV_COLUMNS } from '../../lib/notes/export-csv';
import { makeNotes } from '../../scripts/bench-notes-data';
import { type StaticServer, startServer } from '../../scripts/serve';
import { pollUntil } from './harness/common';
import {
  clickByName,
  findTabId,
  openPopup,
  readHighlights,
  textsOf,
  waitForGlossa,
} from './harness/glossa';
import { LAUNCHERS } from './harness/launchers';
import { paintedRangeCentre, selectText, setField, waitForCard } from './harness/pages';
import type { BrowserName, BrowserSession, E2EPage } from './harness/types';

const FIXTURES = 'tests/fixtures/notes-pages';
/** Saved from the popup with a note; one word of it is edited in version 2. */
const S1 =
  'По словам участников, протокол о демаркации границы будет подписан в Астане до конца весны.';
const S1_EDITED = S1.replace('весны', 'лета');
/** Saved through the background; its paragraph is gone in version 2. */
const S2 =
  'Министр иностранных дел Сергей Лавров назвал итоги раунда обнадеживающими и пообещал ускорить ратификацию договора.';
/** Saved through the background; unchanged in version 2. */
const S3 = 'Следующая встреча экспертов запланирована на апрель в Москве.';
const NOTE1 = 'Сроки подписания протокола (e2e)';
const TAGS1 = 'граница, протокол';

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface Row {
  id: string;
  text: string;
}

function noteRows(page: E2EPage): Promise<Row[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-note-id]')].map((el) => ({
      id: el.dataset.noteId ?? '',
      text: el.textContent ?? '',
    })),
  );
}

async function notePainted(page: E2EPage): Promise<string[]> {
  return textsOf(await readHighlights(page), 'NOTE');
}

function waitForNotes(page: E2EPage, expected: (texts: string[]) => boolean, what: string) {
  let seen: string[] = [];
  return pollUntil(
    async () => {
      seen = await notePainted(page);
      return expected(seen) ? seen : undefined;
    },
    { timeoutMs: 15_000, describe: () => `${what}; glossa-NOTE holds ${JSON.stringify(seen)}` },
  );
}

const TIMING_FILE = 'test-results/e2e-notes-timing.json';
const SCALE = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function recordTiming(browser: BrowserName, entry: Record<string, unknown>): Promise<void> {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(await readFile(TIMING_FILE, 'utf8'));
  } catch {
    // first writer
  }
  all[browser] = entry;
  await mkdir(path.dirname(TIMING_FILE), { recursive: true });
  await writeFile(TIMING_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'glossa-e2e-notes-'));
  server = await startServer(root);
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

for (const [browserName, launch] of LAUNCHERS) {
  describe(`Notes in ${browserName}`, () => {
    let session: BrowserSession;
    // One address per browser: each browser keeps its own notes, and the page can be edited.
    const file = `article-${browserName}.html`;
    const articleUrl = () => `${server.url}/${file}`;
    const serveVersion = (v: 1 | 2) =>
      copyFile(path.join(FIXTURES, `article-v${v}.html`), path.join(root, file));

    /** Run the background's save-selection from an extension page, as the menu and shortcut do. */
    async function saveThroughBackground(page: E2EPage): Promise<SaveSelectionResult> {
      const tabId = await findTabId(session, page);
      const ext = await session.openExtensionPage('notes.html');
      try {
        return await ext.evaluate(async (tabId) => {
          type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
          const api = (g.browser ?? g.chrome) as Runtime;
          return (await api.runtime.sendMessage({
            type: 'glossa:save-selection',
            tabId,
          })) as SaveSelectionResult;
        }, tabId);
      } finally {
        await ext.close();
      }
    }

    beforeAll(async () => {
      await serveVersion(1);
      session = await launch({ headless: true });
    });

    afterAll(async () => {
      await session?.close();
    });

    it('saves a note on a selection from the popup: painted at once, again after a reload, and shown on hover', async () => {
      const page = await session.newPage(articleUrl());
      let popup: E2EPage | undefined;
      try {
        await waitForGlossa(session, page);
        expect(await notePainted(page)).toEqual([]);
        await selectText(page, S1);
        popup = (await openPopup(session, page)).popup;
        await popup.type('#note-text', NOTE1);
        await popup.type('#note-tags', TAGS1);
        await clickByName(popup, { selector: 'button', name: 'Save note on selection' });
        // Painted on the page without a reload.
        await waitForNotes(page, (t) => t.includes(S1), 'the new note is painted at once');
        await popup.close();
        popup = undefined;

        await page.reload();
        await waitForGlossa(session, page);
        expect(await waitForNotes(page, (t) => t.length === 1, 'the note after a reload')).toEqual([
          S1,
        ]);

        await page.bringToFront();
        const mark = await paintedRangeCentre(page, 'glossa-NOTE', S1);
        await page.mouseMove(mark.x, mark.y);
        const card = await waitForCard(page, (c) => c.text.includes(NOTE1));
        expect(card.text).toContain('Your note');
        expect(card.text).toContain('#граница');
        expect(card.text).toContain('#протокол');
      } finally {
        await popup?.close();
        await page.close();
      }
    });

    it('saves a selection through the background (the context-menu and shortcut path) and paints it at once', async () => {
      const page = await session.newPage(articleUrl());
      try {
        await waitForGlossa(session, page);
        await waitForNotes(page, (t) => t.includes(S1), 'the earlier note');
        for (const sentence of [S3, S2]) {
          await selectText(page, sentence);
          const result = await saveThroughBackground(page);
          expect(result.ok, JSON.stringify(result)).toBe(true);
          if (result.ok) {
            expect(result.note).toMatchObject({
              kind: 'selection',
              text: '',
              quote: sentence,
              url: articleUrl(),
            });
          }
          await waitForNotes(page, (t) => t.includes(sentence), `"${sentence}" painted at once`);
        }
        // The reader is told on the page.
        await waitForCard(page, (c) => c.text.includes('Saved as a note'));
        expect((await notePainted(page)).sort()).toEqual([S1, S2, S3].sort());

        // Nothing selected: nothing saved, and the reason comes back.
        await page.evaluate(() => getSelection()?.removeAllRanges());
        const empty = await saveThroughBackground(page);
        expect(empty.ok).toBe(false);
        expect(empty.ok ? '' : empty.error).toMatch(/Select some text/);
      } finally {
        await page.close();
      }
    });

    it('keeps notes anchored when the article is edited, and lists a vanished quote as orphaned', async () => {
      await serveVersion(2); // a paragraph inserted, a word of S1 edited, S2's paragraph removed
      const page = await session.newPage(articleUrl());
      let popup: E2EPage | undefined;
      try {
        await waitForGlossa(session, page);
        const painted = await waitForNotes(
          page,
          (t) => t.includes(S1_EDITED) && t.includes(S3),
          'S1 (edited) and S3 re-anchored on version 2',
        );
        expect(painted.sort()).toEqual([S1_EDITED, S3].sort());

        popup = (await openPopup(session, page)).popup;
        const current = popup;
        const orphans = await pollUntil(
          async () => {
            const found = await current.evaluate(() =>
              [...document.querySelectorAll<HTMLElement>('[data-orphaned="true"]')].map(
                (el) => el.textContent ?? '',
              ),
            );
            return found.length > 0 ? found : undefined;
          },
          { timeoutMs: 10_000, describe: () => 'no orphaned notes listed in the popup' },
        );
        expect(orphans).toHaveLength(1);
        expect(orphans[0]).toContain(S2);
        expect(orphans[0]).toContain('Could not find this quote on the page');
        const heading = await popup.evaluate(
          () => document.getElementById('orphans-heading')?.textContent ?? '',
        );
        expect(heading).toBe('Not found on this page (1)');
      } finally {
        await popup?.close();
        await page.close();
      }
    });

    it('finds, filters, edits, deletes and restores notes in the notes view', async () => {
      const view = await session.openExtensionPage('notes.html');
      try {
        const rows = await pollUntil(
          async () => {
            const r = await noteRows(view);
            return r.length === 3 ? r : undefined;
          },
          { timeoutMs: 10_000, describe: () => 'the notes view did not list 3 notes' },
        );
        const withNote = rows.find((r) => r.text.includes(NOTE1));
        expect(withNote, 'the popup note').toBeDefined();

        await view.type('#notes-search', 'подписания');
        await expect
          .poll(async () => (await noteRows(view)).map((r) => r.id))
          .toEqual([withNote?.id]);
        await setField(view, '#notes-search', 'лавров ратификацию'); // words of S2's quote
        await expect
          .poll(async () => (await noteRows(view)).map((r) => r.text))
          .toEqual([expect.stringContaining(S2)]);
        await setField(view, '#notes-search', '');
        await expect.poll(async () => (await noteRows(view)).length).toBe(3);

        await setField(view, '#filter-tag', 'граница');
        await expect
          .poll(async () => (await noteRows(view)).map((r) => r.id))
          .toEqual([withNote?.id]);

        // Edit the text and tags.
        await clickByName(view, { selector: 'button', name: 'Edit' });
        await setField(view, 'textarea', `${NOTE1}: перенесли на лето`);
        await setField(view, `[id="edit-${withNote?.id}-tags"]`, `${TAGS1}, сроки`);
        await clickByName(view, { selector: 'button', name: 'Save changes' });
        await expect
          .poll(async () => (await noteRows(view))[0]?.text ?? '')
          .toContain('перенесли на лето');
        await view.reload();
        // The tag options exist once the notes are loaded.
        await expect.poll(async () => (await noteRows(view)).length).toBe(3);
        await setField(view, '#filter-tag', 'сроки');
        await expect
          .poll(async () => (await noteRows(view)).map((r) => r.text))
          .toEqual([expect.stringContaining('перенесли на лето')]);

        // Delete, then Undo.
        await clickByName(view, { selector: 'button', name: 'Delete' });
        await expect.poll(async () => (await noteRows(view)).length).toBe(0);
        await clickByName(view, { selector: 'button', name: 'Undo' });
        await expect
          .poll(async () => (await noteRows(view)).map((r) => r.id))
          .toEqual([withNote?.id]);
        await view.reload();
        await expect.poll(async () => (await noteRows(view)).length).toBe(3);
      } finally {
        await view.close();
      }
    });

    it('exports all notes in four formats, and re-importing the JSON changes nothing', async () => {
      const view = await session.openExtensionPage('notes.html');
      try {
        await expect.poll(async () => (await noteRows(view)).length).toBe(3);
        const exportAs = (format: string) =>
          session.download(view, () =>
            clickByName(view, { selector: 'button', name: `Export ${format}: all notes` }),
          );

        const json = await exportAs('JSON');
        expect(json.filename).toMatch(/^glossa-notes-\d{4}-\d{2}-\d{2}\.json$/);
        const data = JSON.parse(json.text);
        expect(data.format).toBe('glossa-notes');
        expect(data.notes).toHaveLength(3);
        const first = (data.notes as Array<Record<string, unknown>>).find((n) => n.quote === S1);
        expect(first?.text).toBe(`${NOTE1}: перенесли на лето`);
        expect(first?.tags).toEqual(['граница', 'протокол', 'сроки']);

        const md = await exportAs('Markdown');
        expect(md.filename).toMatch(/\.md$/);
        expect(md.text.split('\n')).toContain(`> ${S1}`);
        expect(md.text).toContain('#граница');

        const csv = await exportAs('CSV');
        expect(csv.filename).toMatch(/\.csv$/);
        const table = parseCsv(csv.text);
        expect(table[0]).toEqual([...CSV_COLUMNS]);
        expect(table).toHaveLength(4);
        const highlights = table.slice(1).map((r) => r[0]);
        expect(highlights.sort()).toEqual([S1, S2, S3].sort());
        expect(table.slice(1).every((r) => r[3] === articleUrl())).toBe(true);

        const jsonld = await exportAs('JSON-LD');
        expect(jsonld.filename).toMatch(/\.jsonld$/);
        const collection = JSON.parse(jsonld.text);
        expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
        expect(collection.type).toBe('AnnotationCollection');
        interface Item {
          type: string;
          id: string;
          motivation: string;
          body?: unknown[];
          target: {
            source: string;
            state: unknown;
            selector: Array<{ type: string; exact?: string }>;
          };
        }
        const items = collection.first.items as Item[];
        expect(items).toHaveLength(3);
        for (const item of items) {
          expect(item.type).toBe('Annotation');
          expect(item.id).toMatch(/^urn:uuid:/);
          expect(item.target.source).toBe(articleUrl());
          expect(item.target.state).toMatchObject({ type: 'TimeState' });
          expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual([
            'TextQuoteSelector',
            'TextPositionSelector',
          ]);
        }
        const annotated = items.find((i) => i.target.selector[0]?.exact === S1);
        expect(annotated?.motivation).toBe('commenting');
        expect(annotated?.body).toContainEqual(
          expect.objectContaining({ purpose: 'tagging', value: 'граница' }),
        );

        // Re-import what was just exported: every note is already here, as new as the file's copy.
        await view.evaluate((text) => {
          const input = document.getElementById('import-file') as HTMLInputElement;
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], 'glossa-notes.json', { type: 'application/json' }));
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }, json.text);
        await expect
          .poll(
            () => view.evaluate(() => document.querySelector('.import-result')?.textContent ?? ''),
            { timeout: 10_000 },
          )
          .toContain('Imported 0 new, 0 updated, 3 unchanged.');
        expect(await noteRows(view)).toHaveLength(3);
      } finally {
        await view.close();
      }
    });

    it(`opens the notes view with ${SCALE} notes, and renders one page of rows at open and on each search keystroke`, async () => {
      const view = await session.openExtensionPage('notes.html');
      try {
        await expect.poll(async () => (await noteRows(view)).length).toBeGreaterThan(0);
        // Write the benchmark's notes straight into the extension's IndexedDB (Dexie's "glossa").
        const notes = makeNotes(SCALE);
        for (let i = 0; i < notes.length; i += 2000) {
          await view.evaluate(
            async (batch) => {
              await new Promise<void>((resolve, reject) => {
                const open = indexedDB.open('glossa');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const db = open.result;
                  const tx = db.transaction('notes', 'readwrite');
                  for (const n of batch) tx.objectStore('notes').put(n);
                  tx.oncomplete = () => {
                    db.close();
                    resolve();
                  };
                  tx.onerror = () => reject(tx.error);
                };
              });
            },
            notes.slice(i, i + 2000),
          );
        }

        const opens: { openMs: number; navigationToListedMs: number; allLoadedMs: number }[] = [];
        for (let run = 0; run < 5; run++) {
          await view.reload();
          opens.push(
            await pollUntil(
              () =>
                view.evaluate(() => {
                  const mark = (name: string) => performance.getEntriesByName(name)[0];
                  const start = mark('glossa-notes:start');
                  const listed = mark('glossa-notes:listed');
                  const complete = mark('glossa-notes:complete');
                  return start && listed && complete
                    ? {
                        openMs: listed.startTime - start.startTime,
                        navigationToListedMs: listed.startTime,
                        allLoadedMs: complete.startTime - start.startTime,
                      }
                    : undefined;
                }),
              { timeoutMs: 20_000, describe: () => 'the notes view never listed its notes' },
            ),
          );
        }
        expect(await noteRows(view)).toHaveLength(100); // one page of rows, not 10,003
        await new Promise((resolve) => setTimeout(resolve, 300)); // the index builds when idle

        const keystrokes = await view.evaluate(async (query) => {
          const input = document.getElementById('notes-search') as HTMLInputElement;
          const type = (value: string) => {
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          };
          const times: number[] = [];
          const rows: number[] = [];
          for (let run = 0; run < 3; run++) {
            for (let i = 1; i <= query.length; i++) {
              const t0 = performance.now();
              type(query.slice(0, i));
              // Preact renders in a microtask: by the next task the list is in the DOM.
              await new Promise((resolve) => setTimeout(resolve, 0));
              times.push(performance.now() - t0);
              rows.push(document.querySelectorAll('[data-note-id]').length);
            }
            type('');
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return { times, rows };
        }, 'соглашение');

        const entry = {
          notes: SCALE + 3,
          runs: opens.length,
          medianOpenMs: Math.round(median(opens.map((o) => o.openMs))),
          medianNavigationToListedMs: Math.round(median(opens.map((o) => o.navigationToListedMs))),
          medianAllLoadedMs: Math.round(median(opens.map((o) => o.allLoadedMs))),
          keystrokes: keystrokes.times.length,
          medianKeystrokeMs: Number(median(keystrokes.times).toFixed(1)),
          maxKeystrokeMs: Number(Math.max(...keystrokes.times).toFixed(1)),
          samples: { opens, keystrokes: keystrokes.times.map((k) => Number(k.toFixed(1))) },
          measuredAt: new Date().toISOString(),
        };
        await recordTiming(browserName, entry);
        console.log(
          `[e2e notes timing] ${browserName}, ${entry.notes} notes: open → first rows median ${entry.medianOpenMs} ms ` +
            `(navigation → first rows ${entry.medianNavigationToListedMs} ms; every note loaded and searchable ${entry.medianAllLoadedMs} ms); ` +
            `search keystroke median ${entry.medianKeystrokeMs} ms, max ${entry.maxKeystrokeMs} ms`,
        );
        // The times are for information (npm run bench:notes reports them as medians); a bound on
        // them breaks on a busy machine. What keeps the view quick at any size is asserted: each
        // keystroke renders at most one page of rows, whatever the number of notes.
        expect(keystrokes.rows).toHaveLength(3 * 'соглашение'.length);
        expect(Math.max(...keystrokes.rows)).toBeLessThanOrEqual(100);
        expect(keystrokes.rows.at(-1)).toBeGreaterThan(0); // the whole word still finds notes
      } finally {
        await view.close();
      }
    });
  });
}

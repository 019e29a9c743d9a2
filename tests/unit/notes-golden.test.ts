/**
 * Every export format of one fixed set of notes (tests/fixtures/notes/notes.json: three pages,
 * all three kinds of note, Cyrillic, and Markdown-, CSV- and spreadsheet-hostile text), compared
 * byte for byte with the files beside it. After an intended format change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/notes-golden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../lib/notes/export-csv';
import { exportJson, parseNotesJson } from '../../lib/notes/export-json';
import { exportJsonLd } from '../../lib/notes/export-jsonld';
import { exportMarkdown, exportMarkdownFiles } from '../../lib/notes/export-markdown';

const DIR = new URL('../fixtures/notes/', import.meta.url);
const NOW = new Date('2024-12-06T12:00:00.000Z');
const COLLECTION_ID = '6f1d3c7e-2b4a-4f0e-9c1d-8a7b6c5d4e3f';

function golden(name: string, actual: string): void {
  const url = new URL(name, DIR);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, actual);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

const SOURCE = readFileSync(new URL('notes.json', DIR), 'utf8');
const NOTES = parseNotesJson(SOURCE).notes;

describe('golden exports', () => {
  it('native JSON: the fixture is itself the export, byte for byte', () => {
    expect(NOTES).toHaveLength(7);
    expect(exportJson(NOTES, NOW)).toBe(SOURCE);
  });

  it('Markdown, all pages in one file', () => {
    golden('export.md', exportMarkdown(NOTES, NOW));
  });

  it('Markdown, one file per page', () => {
    const files = exportMarkdownFiles(NOTES);
    expect(files.map((f) => f.filename)).toEqual([
      'Talks resume no deal , says UN live.md',
      'Договор о партнерстве России и КНДР вступил в силу.md',
      'Analysis New START expires (2026) & what_next.md',
    ]);
    expect(files.map((f) => f.content).join('\n')).toBe(exportMarkdown(NOTES, NOW));
  });

  it('CSV for Readwise', () => {
    golden('export.csv', exportCsv(NOTES));
  });

  it('W3C Web Annotation JSON-LD', () => {
    golden('export.jsonld', exportJsonLd(NOTES, NOW, { collectionId: COLLECTION_ID }));
  });

  it('no export depends on the order the notes arrive in, except CSV rows', () => {
    const reversed = [...NOTES].reverse();
    expect(exportMarkdown(reversed, NOW)).toBe(exportMarkdown(NOTES, NOW));
  });
});

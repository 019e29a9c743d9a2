import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, exportCsv } from '../../lib/notes/export-csv';
import { parseNotesJson } from '../../lib/notes/export-json';
import type { Note } from '../../lib/notes/model';

const NOTES = parseNotesJson(
  readFileSync(new URL('../fixtures/notes/notes.json', import.meta.url), 'utf8'),
).notes;

/**
 * A strict RFC 4180 reader, written for the test: records end in CRLF, a field is either plain
 * (no quote, comma, CR or LF) or quoted (inner quotes doubled). Throws on anything else.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

describe('CSV export for Readwise', () => {
  it("has Readwise's columns, in order, and one row per note", () => {
    const rows = readCsv(exportCsv(NOTES));
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(CSV_COLUMNS).toEqual(rows[0]);
    expect(rows).toHaveLength(NOTES.length + 1);
    for (const row of rows) expect(row).toHaveLength(7);
  });

  it('reads back exactly: commas, double quotes and newlines survive RFC 4180 quoting', () => {
    const rows = readCsv(exportCsv(NOTES));
    const hostile = NOTES[5] as Note;
    expect(rows[6]).toEqual([
      hostile.quote,
      'Talks resume: "no deal", says #UN [live]',
      'example.com',
      'https://www.example.com/news/treaty-talks',
      '.risk .arms-control\n=HYPERLINK("http://evil.example","click")\nSecond line, with a comma.',
      '1200',
      '2024-12-06 11:30:00',
    ]);
  });

  it('maps each kind of note: quote, entity, page text as the Highlight', () => {
    const rows = readCsv(exportCsv(NOTES));
    expect(rows[1]?.slice(0, 1)).toEqual([(NOTES[0] as Note).quote]);
    expect(rows[1]?.[4]).toBe('.КНДР .entry-into-force\nТочная дата вступления в силу.');
    expect(rows[1]?.[5]).toBe('200');
    expect(rows[4]?.[0]).toBe('Ким Чен Ын (Person)');
    expect(rows[4]?.[5]).toBe(''); // no location for an entity
    expect(rows[2]?.[0]).toBe('Сравнить с договором 1961 года.\nСм. статью 4.');
    expect(rows[2]?.[4]).toBe('');
  });

  it('gives an untitled page its URL as Title, and a page note without text its title', () => {
    const note: Note = { ...(NOTES[1] as Note), pageTitle: '', text: ' ' };
    const [, row] = readCsv(exportCsv([note]));
    expect(row?.[0]).toBe(note.url);
    expect(row?.[1]).toBe(note.url);
  });

  it('neutralizes formula injection: = + - @ tab and CR get a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}1+1`).replace(/^"|"$/g, '')).toBe(`'${start}1+1`);
    }
    expect(csvField('1+1')).toBe('1+1');
    expect(csvField('a=b')).toBe('a=b');
    const rows = readCsv(exportCsv(NOTES));
    expect(rows[7]?.[0]).toBe("'-5% trade since 2023; see <b>annex</b>.");
    const injected: Note = {
      ...(NOTES[4] as Note),
      quote: "=cmd|' /C calc'!A0",
      tags: [],
      text: '@SUM(A1)',
    };
    const [, row] = readCsv(exportCsv([injected]));
    expect(row?.[0]).toBe("'=cmd|' /C calc'!A0");
    expect(row?.[4]).toBe("'@SUM(A1)");
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('can start with a byte order mark for spreadsheets, and is empty but for the header', () => {
    expect(exportCsv([], { bom: true })).toBe(
      '\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n',
    );
    expect(exportCsv([])).toBe('Highlight,Title,Author,URL,Note,Location,Date\r\n');
  });
});

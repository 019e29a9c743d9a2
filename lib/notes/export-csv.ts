/**
 * Notes as CSV with Readwise's import columns: Highlight, Title, Author, URL, Note, Location, Date.
 * Readwise needs a Highlight on every row, so:
 * - a selection note: the quote is the Highlight, the note text the Note;
 * - an entity note: "Ким Чен Ын (Person)" is the Highlight, the note text the Note;
 * - a page note: its text (or, when it has none, the page title) is the Highlight, and the Note
 *   holds only its tags.
 * Tags go at the start of the Note in Readwise's inline-tag syntax (".tag", one word each, spaces
 * in a tag become "-", other punctuation is dropped, as for Markdown tags), on a line of their own
 * before the note text.
 * Title is the page title (or its URL); Author is the site (hostname without "www."), since news
 * pages rarely say who wrote them in a way Glossa can know; Location is the quote's offset in the
 * page text, so Readwise orders a page's highlights as they appear; Date is the time the note was
 * made, "YYYY-MM-DD HH:MM:SS" in UTC.
 *
 * Quoting follows RFC 4180: fields with a comma, double quote, CR or LF are wrapped in double
 * quotes, inner quotes doubled; rows end in CRLF.
 *
 * Spreadsheet formula injection: page text is untrusted, and a cell starting with = + - @ (or a
 * tab or carriage return) is run as a formula by Excel, LibreOffice and Google Sheets. Such cells
 * get a leading apostrophe ('), which spreadsheets treat as "this is text" and do not display. In
 * other tools (Readwise included) the apostrophe shows as the first character of that field.
 */
import { TYPE_LABELS } from '../entities';
import { markdownTag } from './export-markdown';
import type { Note, TextPositionSelector } from './model';
import { siteOf } from './search';
import { safeHref } from './view-order';

export const CSV_COLUMNS = [
  'Highlight',
  'Title',
  'Author',
  'URL',
  'Note',
  'Location',
  'Date',
] as const;

/** OWASP's list: the characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as a CSV field: formula-safe, then quoted if RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** ".treaty-law .КНДР": Readwise turns a note's leading ".word" into a tag; same words as Markdown tags. */
function inlineTags(tags: readonly string[]): string {
  return tags
    .map(markdownTag)
    .filter((t) => t !== '')
    .map((t) => `.${t.slice(1)}`)
    .join(' ');
}

/** "2024-12-05T08:15:00.000Z" → "2024-12-05 08:15:00"; anything unparseable as stored. */
function csvDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

function location(note: Note): string {
  const position = note.selectors?.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  return note.kind === 'selection' && position ? String(position.start) : '';
}

/**
 * The page address, or '' for a note stored before addresses were checked whose address is not a
 * web page (javascript:, data:…): Readwise and spreadsheets turn the URL column into a link.
 */
function webUrl(note: Note): string {
  return safeHref(note.url) ?? '';
}

function highlightAndNote(note: Note): [string, string] {
  const text = note.text.trim();
  const tags = inlineTags(note.tags);
  const withTags = (body: string) => [tags, body].filter((s) => s !== '').join('\n');
  if (note.kind === 'selection') return [note.quote ?? '', withTags(text)];
  if (note.kind === 'entity' && note.entity) {
    const label = TYPE_LABELS[note.entity.type] ?? note.entity.type;
    return [`${note.entity.canonical} (${label})`, withTags(text)];
  }
  return [text || note.pageTitle.trim() || webUrl(note), tags];
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads Cyrillic right. Off by default (Readwise). */
  bom?: boolean;
}

/** Rows in the order given (callers pass allNotes order: by page, oldest first). */
export function exportCsv(notes: readonly Note[], options: CsvOptions = {}): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const note of notes) {
    const [highlight, noteText] = highlightAndNote(note);
    const url = webUrl(note);
    rows.push([
      highlight,
      note.pageTitle.trim() || url,
      siteOf(url),
      url,
      noteText,
      location(note),
      csvDate(note.createdAt),
    ]);
  }
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return `${options.bom ? '\uFEFF' : ''}${body}\r\n`;
}

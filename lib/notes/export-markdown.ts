/**
 * A Markdown export for reading and for note-taking tools: one section per page, the most recently
 * annotated page first. Within a page: notes on the whole page, then notes on entities, then
 * notes on selections in the order their quotes appear in the article.
 *
 * Page text that lands in Markdown syntax (titles in link text, entity names in bold) is escaped
 * so a stray bracket can never break a link. Quotes and note text are kept as written: a note is
 * the reader's own text, and a quote should read as it did on the page.
 */
import { TYPE_LABELS } from '../entities';
import type { Note, TextPositionSelector } from './model';

/** Backslash-escape the ASCII punctuation that Markdown treats as inline syntax (CommonMark §2.4). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&~|!#]/g, (c) => `\\${c}`);
}

/** Characters that would end or confuse a link destination are percent-encoded. */
function linkDestination(url: string): string {
  return url.replace(
    /[\s()<>\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** "2024-12-05T08:03:00.000Z" → "2024-12-05 08:03 UTC"; anything unparseable is shown as stored. */
function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** An Obsidian-style tag: no spaces (they become '-'), only letters, digits, _, - and /. */
export function markdownTag(tag: string): string {
  const body = tag
    .trim()
    .replace(/^#+/, '')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_\-/]/gu, '');
  return body === '' ? '' : `#${body}`;
}

function blockquote(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${line.trimEnd()}`))
    .join('\n');
}

function paragraphText(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n');
}

function metaLine(note: Note): string {
  let meta = `*Saved ${formatTime(note.createdAt)}`;
  if (note.updatedAt !== note.createdAt) meta += `, edited ${formatTime(note.updatedAt)}`;
  meta += '*';
  const tags = note.tags.map(markdownTag).filter((t) => t !== '');
  if (tags.length > 0) meta += ` · ${tags.join(' ')}`;
  return meta;
}

function noteBlock(note: Note): string {
  const parts: string[] = [];
  if (note.kind === 'selection' && note.quote) parts.push(blockquote(note.quote));
  if (note.kind === 'entity' && note.entity) {
    const label = TYPE_LABELS[note.entity.type] ?? note.entity.type;
    parts.push(`**${escapeMarkdownInline(note.entity.canonical)}** (${label})`);
  }
  const text = paragraphText(note.text);
  if (text !== '') parts.push(text);
  parts.push(metaLine(note));
  return parts.join('\n\n');
}

function positionOf(note: Note): number {
  const position = note.selectors?.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  return position ? position.start : Number.POSITIVE_INFINITY;
}

const KIND_ORDER: Record<Note['kind'], number> = { page: 0, entity: 1, selection: 2 };

function compareWithinPage(a: Note, b: Note): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.kind === 'selection' ? positionOf(a) - positionOf(b) : 0) ||
    compareStrings(a.createdAt, b.createdAt)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newestTime(notes: readonly Note[]): string {
  return (
    notes
      .map((n) => n.createdAt)
      .sort(compareStrings)
      .at(-1) ?? ''
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function pageSection(url: string, notes: readonly Note[]): string {
  const newest = notes.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  const title = newest.pageTitle.trim() || url;
  const heading = `## [${escapeMarkdownInline(title)}](${linkDestination(url)})`;
  // A thematic break between notes shows where one note's date and tags end.
  const body = [...notes].sort(compareWithinPage).map(noteBlock).join('\n\n---\n\n');
  return [heading, `${plural(notes.length, 'note')} on this page.`, body].join('\n\n');
}

export function exportMarkdown(notes: readonly Note[], now: Date): string {
  const byUrl = new Map<string, Note[]>();
  for (const note of notes) {
    const list = byUrl.get(note.url);
    if (list) list.push(note);
    else byUrl.set(note.url, [note]);
  }
  const pages = [...byUrl.entries()]
    .map(([url, list]) => ({ url, list, newest: newestTime(list) }))
    .sort((a, b) => compareStrings(b.newest, a.newest) || compareStrings(a.url, b.url))
    .map(({ url, list }) => [url, list] as const);
  const summary =
    notes.length === 0
      ? 'no notes yet.'
      : `${plural(notes.length, 'note')} on ${plural(pages.length, 'page')}.`;
  const sections = [
    '# Glossa notes',
    `Exported ${formatTime(now.toISOString())}: ${summary}`,
    ...pages.map(([url, list]) => pageSection(url, list)),
  ];
  return `${sections.join('\n\n')}\n`;
}

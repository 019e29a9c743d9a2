/**
 * Notes as Markdown for reading and for Obsidian: one document per page, each a complete Obsidian
 * note that pastes cleanly on its own.
 *
 * A page document: YAML front matter (a stable id made from the URL, title, URL, site, first and
 * last dates, the tags of its notes without spaces, and the title again as an alias so the note
 * can be linked by it); a heading; then the notes: on the page, on entities, then on selections in
 * the order their quotes appear. Each quote is a blockquote ending in a line with a link back to
 * the passage (a text fragment, #:~:text=, which Chrome and Firefox scroll to), the note's #tags
 * and an Obsidian block id (^id, the note's id) so it can be linked and embedded; the note text is
 * under it. Front matter ends with the alias list so that, in a file holding several pages, the
 * closing "---" reads as a rule and never turns the lines above it into a heading.
 *
 * `exportMarkdownFiles` gives one file per page (for saving into a vault folder);
 * `exportMarkdown` gives all pages in one file, most recently annotated first.
 *
 * Page text (titles, quotes, entity names) is escaped so it reads on screen exactly as on the
 * page: a "#" in a quote never becomes a tag, a bracket never a link, "<b>" never HTML. Note text
 * is the reader's own and is kept as written, Markdown included.
 */
import { TYPE_LABELS } from '../entities';
import type { Note, TextPositionSelector } from './model';
import { siteOf } from './search';
import { safeHref } from './view-order';

/** Backslash-escape the ASCII punctuation that Markdown treats as inline syntax (CommonMark §2.4). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&~|!#]/g, (c) => `\\${c}`);
}

/**
 * One line of page text, escaped for a blockquote: inline syntax (also Obsidian's: ==highlight==,
 * $math$, %%comment%%, ^block-id) and a leading list or heading marker.
 */
function escapeQuoteLine(line: string): string {
  return line
    .replace(/[\\`*_[\]<>&~|!#^=$%]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
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

/** FNV-1a over UTF-16 code units; two seeds give 64 bits, plenty to keep page ids apart. */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A page's id in front matter: the same URL always gives the same id, on every machine. */
export function pageId(url: string): string {
  return `glossa-${fnv1a(url, 0x811c9dc5)}${fnv1a(url, 0x9747b28c)}`;
}

/** Obsidian block ids allow letters, digits and "-": Glossa's UUIDs as they are, others hashed. */
export function blockId(noteId: string): string {
  return /^[A-Za-z0-9-]+$/.test(noteId) ? noteId : `n${fnv1a(noteId, 0x811c9dc5)}`;
}

/** A text-fragment directive part: percent-encoded, "-" and "," too (they are its syntax). */
function fragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

const FRAGMENT_WORDS = 4;

/**
 * A link that opens the page scrolled to the quote (URL text fragment). A short one-line quote is
 * matched whole; a longer one by its first and last words, which also spans paragraphs.
 */
export function quoteLink(url: string, quote: string): string {
  const lines = quote
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = lines[0] ?? '';
  const last = lines.at(-1) ?? '';
  let directive: string;
  if (lines.length === 1 && first.length <= 80) {
    directive = fragmentPart(first.replace(/\s+/g, ' '));
  } else {
    const startWords = first.split(/\s+/).slice(0, FRAGMENT_WORDS).join(' ');
    const endWords = last.split(/\s+/).slice(-FRAGMENT_WORDS).join(' ');
    directive = `${fragmentPart(startWords)},${fragmentPart(endWords)}`;
  }
  return linkDestination(`${url}#:~:text=${directive}`);
}

function tagList(tags: readonly string[]): string {
  return tags
    .map(markdownTag)
    .filter((t) => t !== '')
    .join(' ');
}

function paragraphText(text: string): string {
  return text
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n');
}

function savedLine(note: Note): string {
  let meta = `*Saved ${formatTime(note.createdAt)}`;
  if (note.updatedAt !== note.createdAt) meta += `, edited ${formatTime(note.updatedAt)}`;
  return `${meta}*`;
}

/** Words joined by single spaces, skipping empties: "a", "", "b" → "a b". */
function joinWords(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

function selectionBlock(note: Note): string[] {
  const quote = (note.quote ?? '')
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeQuoteLine(line.trimEnd())}`));
  const source = safeHref(note.url) ? `[↗ Source](${quoteLink(note.url, note.quote ?? '')})` : '';
  const tail = `> ${joinWords(source, tagList(note.tags), `^${blockId(note.id)}`)}`;
  const parts = [[...quote, '>', tail].join('\n')];
  const text = paragraphText(note.text);
  if (text !== '') parts.push(text);
  parts.push(savedLine(note));
  return parts;
}

function entityBlock(note: Note): string[] {
  const entity = note.entity;
  const label = entity ? (TYPE_LABELS[entity.type] ?? entity.type) : 'Entity';
  const name = entity ? escapeMarkdownInline(entity.canonical) : '';
  // An id is letters, digits, ":" and "-" (lib/entity-id.ts): nothing Markdown reads.
  const kind = entity?.id ? `${label} · \`${entity.id}\`` : label;
  const parts = [joinWords(`**${name}** (${kind})`, tagList(note.tags), `^${blockId(note.id)}`)];
  const text = paragraphText(note.text);
  if (text !== '') parts.push(text);
  parts.push(savedLine(note));
  return parts;
}

function pageNoteBlock(note: Note): string[] {
  const parts: string[] = [];
  const text = paragraphText(note.text);
  if (text !== '') parts.push(text);
  parts.push(joinWords(savedLine(note), tagList(note.tags), `^${blockId(note.id)}`));
  return parts;
}

function noteBlock(note: Note): string {
  const parts =
    note.kind === 'selection'
      ? selectionBlock(note)
      : note.kind === 'entity'
        ? entityBlock(note)
        : pageNoteBlock(note);
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
    compareStrings(a.createdAt, b.createdAt) ||
    compareStrings(a.id, b.id)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML, except that YAML also reads U+0085,
 * U+2028 and U+2029 as line breaks and forbids raw C1 controls: those are escaped too.
 */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The page's tags for front matter: without "#", no repeats (Obsidian ignores case in tags). */
function pageTags(notes: readonly Note[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const note of notes) {
    for (const tag of note.tags) {
      const name = markdownTag(tag).slice(1);
      if (name === '' || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      tags.push(name);
    }
  }
  return tags;
}

function pageTitle(url: string, notes: readonly Note[]): string {
  // The title as last seen: pages get retitled; ties go to the larger id, whatever the order given.
  const newest = notes.reduce((a, b) =>
    compareStrings(b.createdAt, a.createdAt) > 0 || (b.createdAt === a.createdAt && b.id > a.id)
      ? b
      : a,
  );
  return newest.pageTitle.trim().replace(/\s+/g, ' ') || (safeHref(url) ? url : 'Untitled');
}

function frontMatter(url: string, title: string, notes: readonly Note[]): string {
  const created = notes.map((n) => n.createdAt).sort(compareStrings)[0] ?? '';
  const updated =
    notes
      .map((n) => n.updatedAt)
      .sort(compareStrings)
      .at(-1) ?? '';
  const tags = pageTags(notes);
  return [
    '---',
    `id: ${pageId(url)}`,
    `title: ${yamlString(title)}`,
    // Obsidian shows a url property as a link: only a web address is written there.
    ...(safeHref(url) ? [`url: ${yamlString(url)}`] : []),
    `site: ${yamlString(siteOf(url))}`,
    `created: ${created}`,
    `updated: ${updated}`,
    tags.length === 0
      ? 'tags: []'
      : ['tags:', ...tags.map((t) => `  - ${yamlString(t)}`)].join('\n'),
    'aliases:',
    `  - ${yamlString(title)}`,
    '---',
  ].join('\n');
}

/** One page's notes as a standalone Obsidian note. */
export function exportMarkdownPage(url: string, notes: readonly Note[]): string {
  if (notes.length === 0) return '';
  const sorted = [...notes].sort(compareWithinPage);
  const title = pageTitle(url, sorted);
  // A note stored before addresses were checked may have any scheme: it is named, never linked.
  const site = safeHref(url) ? siteOf(url) || url : '';
  // A thematic break between notes shows where one note's date ends and the next begins.
  const body = sorted.map(noteBlock).join('\n\n---\n\n');
  return `${[
    frontMatter(url, title, sorted),
    `# ${escapeMarkdownInline(title)}`,
    site
      ? `[${escapeMarkdownInline(site)}](${linkDestination(url)}) · ${plural(notes.length, 'note')}`
      : plural(notes.length, 'note'),
    body,
  ].join('\n\n')}\n`;
}

/** Pages with their notes, most recently annotated page first. */
function byPage(notes: readonly Note[]): Array<[string, Note[]]> {
  const pages = new Map<string, Note[]>();
  for (const note of notes) {
    const list = pages.get(note.url);
    if (list) list.push(note);
    else pages.set(note.url, [note]);
  }
  const newest = (list: readonly Note[]) =>
    list
      .map((n) => n.createdAt)
      .sort(compareStrings)
      .at(-1) ?? '';
  return [...pages.entries()].sort(
    ([ua, a], [ub, b]) => compareStrings(newest(b), newest(a)) || compareStrings(ua, ub),
  );
}

export interface MarkdownFile {
  filename: string;
  content: string;
}

/** A file name every system accepts and Obsidian can link to (no / \ : * ? " < > | # ^ [ ]). */
function safeFileName(title: string): string {
  const cleaned = title
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|#^[\]]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return [...cleaned].slice(0, 100).join('').trim() || 'Untitled';
}

/** One Markdown file per page, named after its title (with a short id when two titles clash). */
export function exportMarkdownFiles(notes: readonly Note[]): MarkdownFile[] {
  const pages = byPage(notes);
  const names = pages.map(([url, list]) => safeFileName(pageTitle(url, list)));
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n.toLowerCase(), (counts.get(n.toLowerCase()) ?? 0) + 1);
  return pages.map(([url, list], i) => {
    const name = names[i] ?? 'Untitled';
    const unique =
      (counts.get(name.toLowerCase()) ?? 0) > 1 ? `${name} ${pageId(url).slice(7, 13)}` : name;
    return { filename: `${unique}.md`, content: exportMarkdownPage(url, list) };
  });
}

/** Every page in one file, most recently annotated first; each page pastes as its own note. */
export function exportMarkdown(notes: readonly Note[], _now?: Date): string {
  if (notes.length === 0) return '# Glossa notes\n\nNo notes yet.\n';
  return exportMarkdownFiles(notes)
    .map((f) => f.content)
    .join('\n');
}

/**
 * The order of the notes view: by page, the page with the most recent note first, and within a
 * page newest first — what a reader returning to their notes looks for. Pure and linear after one
 * sort, so it runs once per load of 10,000 notes.
 */
import type { Note } from './model';

/** Plain code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function orderForView(notes: readonly Note[]): Note[] {
  // Group first (linear), then sort each page's few notes and the pages by their latest note:
  // several times faster than one sort of every note with a per-comparison lookup.
  const byUrl = new Map<string, Note[]>();
  for (const n of notes) {
    const group = byUrl.get(n.url);
    if (group) group.push(n);
    else byUrl.set(n.url, [n]);
  }
  const groups = [...byUrl.values()];
  for (const group of groups) {
    group.sort((a, b) => compare(b.createdAt, a.createdAt) || compare(a.id, b.id));
  }
  groups.sort(
    (a, b) =>
      compare((b[0] as Note).createdAt, (a[0] as Note).createdAt) ||
      compare((a[0] as Note).url, (b[0] as Note).url),
  );
  return groups.flat();
}

export interface PageGroup {
  url: string;
  /** The title saved with the newest note of the group that has one. */
  title: string;
  notes: Note[];
}

/** Consecutive notes of one page as one group (input in orderForView order). */
export function groupByPage(notes: readonly Note[]): PageGroup[] {
  const groups: PageGroup[] = [];
  for (const note of notes) {
    const last = groups[groups.length - 1];
    if (last && last.url === note.url) {
      last.notes.push(note);
      if (last.title === '' && note.pageTitle.trim() !== '') last.title = note.pageTitle.trim();
    } else {
      groups.push({ url: note.url, title: note.pageTitle.trim(), notes: [note] });
    }
  }
  return groups;
}

/** Notes per page URL. */
export function countByPage(notes: readonly Note[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes) counts.set(n.url, (counts.get(n.url) ?? 0) + 1);
  return counts;
}

/** A link target only for web addresses: an imported file may carry any string as a URL. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * Notes → one downloadable file (name, content, type). The popup hands the result to the download
 * helper; keeping this pure lets tests check the exact file without a browser. Any subset of notes
 * can be exported: pass the filtered list (lib/notes/search).
 */

import type { RememberedArticle } from '../memory/model';
import { exportCsv } from './export-csv';
import { exportJson } from './export-json';
import { exportJsonLd } from './export-jsonld';
import { exportMarkdown } from './export-markdown';
import type { Note } from './model';

export type ExportFormat = 'json' | 'markdown' | 'csv' | 'jsonld';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

const EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  markdown: 'md',
  csv: 'csv',
  jsonld: 'jsonld',
};

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  // The media type the Web Annotation Protocol names for annotations.
  jsonld: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
};

/** Local calendar date: the reader expects the day it is where they are, not in UTC. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "glossa-notes-2024-12-06.json" / ".md" / ".csv" / ".jsonld" */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `glossa-notes-${localDate(now)}.${EXTENSIONS[format]}`;
}

function content(
  format: ExportFormat,
  notes: readonly Note[],
  now: Date,
  memory?: readonly RememberedArticle[],
): string {
  switch (format) {
    case 'json':
      return exportJson(notes, now, memory);
    case 'markdown':
      return exportMarkdown(notes, now);
    case 'csv':
      return exportCsv(notes);
    case 'jsonld':
      return exportJsonLd(notes, now);
  }
}

/** `memory`: the reading memory, which a full JSON backup carries beside the notes. */
export function buildExport(
  format: ExportFormat,
  notes: readonly Note[],
  now: Date,
  memory?: readonly RememberedArticle[],
): ExportFile {
  return {
    filename: exportFileName(format, now),
    mimeType: MIME_TYPES[format],
    content: content(format, notes, now, memory),
  };
}

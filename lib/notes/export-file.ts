/**
 * Notes → one downloadable file (name, content, type). The popup hands the result to the download
 * helper; keeping this pure lets tests check the exact file without a browser.
 */
import { exportJson } from './export-json';
import { exportMarkdown } from './export-markdown';
import type { Note } from './model';

export type ExportFormat = 'json' | 'markdown';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** Local calendar date: the reader expects the day it is where they are, not in UTC. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "glossa-notes-2024-12-06.json" / ".md" */
export function exportFileName(format: ExportFormat, now: Date): string {
  return `glossa-notes-${localDate(now)}.${format === 'json' ? 'json' : 'md'}`;
}

export function buildExport(format: ExportFormat, notes: readonly Note[], now: Date): ExportFile {
  return format === 'json'
    ? {
        filename: exportFileName(format, now),
        mimeType: 'application/json',
        content: exportJson(notes, now),
      }
    : {
        filename: exportFileName(format, now),
        mimeType: 'text/markdown;charset=utf-8',
        content: exportMarkdown(notes, now),
      };
}

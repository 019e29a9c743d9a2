/**
 * Export notes as a file in any of the four formats: Glossa's own JSON (lossless, re-importable),
 * Obsidian Markdown, Readwise CSV and W3C Web Annotation JSON-LD. Every note by default; the notes
 * view passes `source` to export only what its filters show. Used by the popup, the options page
 * and the notes view.
 */
import { useState } from 'preact/hooks';
import { downloadText } from '../lib/download';
import { t, tn } from '../lib/i18n';
import { allNotes, type NotesDb } from '../lib/notes/db';
import { buildExport, type ExportFile, type ExportFormat } from '../lib/notes/export-file';
import type { Note } from '../lib/notes/model';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON',
  markdown: 'Markdown',
  csv: 'CSV',
  jsonld: 'JSON-LD',
};

const FORMATS: readonly ExportFormat[] = ['json', 'markdown', 'csv', 'jsonld'];

export interface ExportButtonsProps {
  db: NotesDb;
  /** The notes to export; every stored note (and, in JSON, the reading memory) when absent. */
  source?: () => Promise<readonly Note[]> | readonly Note[];
  /** Accessible name of each button, when the visible "Export JSON" is not enough (two sets on one page). */
  labelFor?: (format: ExportFormat) => string;
  now?: () => Date;
  /** Defaults to a Blob-URL download from the current document. */
  download?: (file: ExportFile) => void;
}

function downloadFromDocument(file: ExportFile) {
  downloadText(document, file.filename, file.content, file.mimeType);
}

export function ExportButtons({
  db,
  source,
  labelFor,
  now = () => new Date(),
  download = downloadFromDocument,
}: ExportButtonsProps) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(format: ExportFormat) {
    setStatus(null);
    try {
      const notes = source ? await source() : await allNotes(db);
      // A full JSON export is the backup: the reading memory goes with the notes.
      const memory = format === 'json' && !source ? await db.articles.toArray() : [];
      const file = buildExport(format, notes, now(), memory.length > 0 ? memory : undefined);
      download(file);
      setStatus({
        ok: true,
        text: tn('exported', notes.length, [file.filename]),
      });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div class="export">
      <div class="buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            data-format={format}
            aria-label={labelFor?.(format)}
            onClick={() => run(format)}
          >
            {t('exportAs', FORMAT_LABELS[format])}
          </button>
        ))}
      </div>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

/** Export every note, on every page, as a JSON or Markdown file. Used by the popup and the options page. */
import { useState } from 'preact/hooks';
import { downloadText } from '../lib/download';
import { allNotes, type NotesDb } from '../lib/notes/db';
import { buildExport, type ExportFile, type ExportFormat } from '../lib/notes/export-file';

export interface ExportButtonsProps {
  db: NotesDb;
  now?: () => Date;
  /** Defaults to a Blob-URL download from the current document. */
  download?: (file: ExportFile) => void;
}

function downloadFromDocument(file: ExportFile) {
  downloadText(document, file.filename, file.content, file.mimeType);
}

export function ExportButtons({
  db,
  now = () => new Date(),
  download = downloadFromDocument,
}: ExportButtonsProps) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(format: ExportFormat) {
    setStatus(null);
    try {
      const notes = await allNotes(db);
      const file = buildExport(format, notes, now());
      download(file);
      setStatus({
        ok: true,
        text: `Exported ${notes.length} note${notes.length === 1 ? '' : 's'} to ${file.filename}.`,
      });
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <div class="export">
      <div class="buttons">
        <button type="button" onClick={() => run('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => run('markdown')}>
          Export Markdown
        </button>
      </div>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </div>
  );
}

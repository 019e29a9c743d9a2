/** The notes saved on this page, newest first, each deletable after a confirm step. */
import { useState } from 'preact/hooks';
import { t, typeLabel, uiLanguage } from '../lib/i18n';
import type { Note } from '../lib/notes/model';
import { ErrorMessage } from './ErrorMessage';

export interface NoteListProps {
  notes: readonly Note[];
  /** Rejects with an Error whose message is shown. */
  onDelete: (id: string) => Promise<void>;
  /** Shown under each quote (the orphaned notes: "Could not find this quote on the page"). */
  notice?: string;
  /** What to say when there are no notes. */
  empty?: string;
}

export const ORPHAN_NOTICE = t('orphanNotice');

function NoteItem({
  note,
  onDelete,
  notice,
}: {
  note: Note;
  onDelete: NoteListProps['onDelete'];
  notice?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    try {
      await onDelete(note.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setConfirming(false);
    }
  }

  return (
    <li class="note" data-note-id={note.id} data-orphaned={notice ? 'true' : undefined}>
      {note.quote && <blockquote>{note.quote}</blockquote>}
      {notice && <p class="notice orphan">{notice}</p>}
      {note.entity && (
        <p class="note-entity">
          <strong>{note.entity.canonical}</strong>{' '}
          <span class="muted">({typeLabel(note.entity.type)})</span>
        </p>
      )}
      {note.text && <p class="note-text">{note.text}</p>}
      <div class="note-meta">
        {note.tags.length > 0 && (
          <ul class="tags" aria-label={t('tags')}>
            {note.tags.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        )}
        <time dateTime={note.createdAt}>
          {new Date(note.createdAt).toLocaleString(uiLanguage())}
        </time>
        {confirming ? (
          <span class="confirm">
            <button type="button" class="danger" onClick={remove}>
              {t('confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" class="link" onClick={() => setConfirming(true)}>
            {t('delete')}
          </button>
        )}
      </div>
      <ErrorMessage text={error} />
    </li>
  );
}

export function NoteList({ notes, onDelete, notice, empty }: NoteListProps) {
  if (notes.length === 0) return <p class="muted">{empty ?? t('noNotesOnPage')}</p>;
  return (
    <ul class="notes">
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} onDelete={onDelete} notice={notice} />
      ))}
    </ul>
  );
}

/**
 * A note was saved in another window while the reader edited it here: their save was refused
 * (lib/notes/db.ts updateNote compares updatedAt). Both texts are shown, and the reader chooses:
 * keep theirs (drop this edit), keep mine (overwrite theirs), or keep both (this edit becomes a new
 * note next to theirs). Nothing is written until they choose, so neither text is lost meanwhile.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { Note } from '../lib/notes/model';
import { ErrorMessage } from './ErrorMessage';
import type { NoteDraft } from './NoteEditor';

export type ConflictChoice = 'theirs' | 'mine' | 'both';

export interface NoteConflictProps {
  /** The note as stored now, saved in another window. */
  theirs: Note;
  /** This window's edit, not saved. */
  mine: NoteDraft;
  /** Resolves once done; rejects with an Error whose message is shown (the choice stays open). */
  onChoose: (choice: ConflictChoice) => Promise<void>;
}

function Version({ heading, text, tags }: { heading: string; text: string; tags: string[] }) {
  return (
    <section class="conflict-version">
      <h3>{heading}</h3>
      {text ? <p class="note-text">{text}</p> : <p class="note-text muted">{t('noNoteText')}</p>}
      {tags.length > 0 && <p class="muted">{tags.join(', ')}</p>}
    </section>
  );
}

export function NoteConflict({ theirs, mine, onChoose }: NoteConflictProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function choose(choice: ConflictChoice) {
    setBusy(true);
    setError(null);
    try {
      await onChoose(choice);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="note-conflict">
      <p class="error" role="alert">
        {t('noteConflict')}
      </p>
      <Version heading={t('conflictTheirs')} text={theirs.text} tags={theirs.tags} />
      <Version heading={t('conflictMine')} text={mine.text} tags={mine.tags} />
      <div class="buttons">
        <button type="button" disabled={busy} onClick={() => choose('theirs')}>
          {t('keepTheirs')}
        </button>
        <button type="button" disabled={busy} onClick={() => choose('mine')}>
          {t('keepMine')}
        </button>
        <button type="button" disabled={busy} onClick={() => choose('both')}>
          {t('keepBoth')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}

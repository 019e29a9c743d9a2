/**
 * Write a note on the page or on the current selection. The text stays in the textarea until the
 * store confirms the save, so a failure (quota, closed database) never loses what was typed.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { SelectionInfo } from '../lib/messages/types';
import { parseTags } from '../lib/notes/tags';
import { ErrorMessage } from './ErrorMessage';

export interface NoteDraft {
  text: string;
  tags: string[];
}

export interface NoteEditorProps {
  selection: SelectionInfo | null;
  /** False when the page has no address to file notes under. */
  canSave: boolean;
  /** Resolves once stored; rejects with an Error whose message is shown to the reader. */
  onSave: (target: 'page' | 'selection', draft: NoteDraft) => Promise<void>;
}

export function NoteEditor({ selection, canSave, onSave }: NoteEditorProps) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(target: 'page' | 'selection') {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await onSave(target, { text: text.trim(), tags: parseTags(tags) });
      setText('');
      setTags('');
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const hasText = text.trim() !== '';
  return (
    <div class="note-editor">
      {selection && (
        <figure class="selection">
          <figcaption>{t('selectedOnPage')}</figcaption>
          <blockquote>{selection.quote}</blockquote>
        </figure>
      )}
      <label for="note-text">{t('noteField')}</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        placeholder={selection ? t('notePlaceholderSelection') : t('notePlaceholderPage')}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSaved(false);
        }}
      />
      <label for="note-tags">{t('tagsField')}</label>
      <input
        id="note-tags"
        type="text"
        value={tags}
        placeholder={t('tagsPlaceholder')}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      <div class="buttons">
        {selection && (
          <button type="button" disabled={busy || !canSave} onClick={() => save('selection')}>
            {t('saveOnSelection')}
          </button>
        )}
        <button type="button" disabled={busy || !canSave || !hasText} onClick={() => save('page')}>
          {t('saveOnPage')}
        </button>
      </div>
      <ErrorMessage text={error} />
      {saved && (
        <p class="ok" role="status">
          {t('saved')}
        </p>
      )}
    </div>
  );
}

/**
 * A note's text and tags, with Save and Cancel: writing a note on an entity (popup) and editing a
 * note (notes view). The text stays in the form until the store confirms the save, so a failure
 * (no space left, database blocked by another tab, private window) shows why and loses nothing.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { parseTags } from '../lib/notes/tags';
import { ErrorMessage } from './ErrorMessage';
import type { NoteDraft } from './NoteEditor';

export interface NoteFormProps {
  /** Unique per page: ties labels to fields. */
  idPrefix: string;
  initial?: NoteDraft;
  textLabel: string;
  saveLabel: string;
  /** Resolves once stored; rejects with an Error whose message is shown. */
  onSave: (draft: NoteDraft) => Promise<void>;
  onCancel: () => void;
  /** Refuse to save an empty text (a note on an entity says something about it). */
  requireText?: boolean;
  /** Told of every change, so a caller can give the text back if the form is shown anew. */
  onChange?: (draft: NoteDraft) => void;
}

export function NoteForm({
  idPrefix,
  initial,
  textLabel,
  saveLabel,
  onSave,
  onCancel,
  requireText = false,
  onChange,
}: NoteFormProps) {
  const [text, setText] = useState(initial?.text ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ text: text.trim(), tags: parseTags(tags) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="note-form" onSubmit={save}>
      <label for={`${idPrefix}-text`}>{textLabel}</label>
      <textarea
        id={`${idPrefix}-text`}
        rows={3}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange?.({ text: e.currentTarget.value, tags: parseTags(tags) });
        }}
      />
      <label for={`${idPrefix}-tags`}>{t('tagsField')}</label>
      <input
        id={`${idPrefix}-tags`}
        type="text"
        value={tags}
        onInput={(e) => {
          setTags(e.currentTarget.value);
          onChange?.({ text, tags: parseTags(e.currentTarget.value) });
        }}
      />
      <div class="buttons">
        <button type="submit" disabled={busy || (requireText && text.trim() === '')}>
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <ErrorMessage text={error} />
    </form>
  );
}

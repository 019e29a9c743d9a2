/**
 * The reader's watch list: their own terms, one per line, painted on pages as a fourth category in
 * any inflected form (lib/recognize/watch-terms.ts). Saved when the reader says so, not per key.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n';
import { MAX_WATCH_TERMS, parseWatchList } from '../lib/settings';

export interface WatchListEditorProps {
  terms: readonly string[];
  onSave(terms: string[]): void;
}

export function WatchListEditor({ terms, onSave }: WatchListEditorProps) {
  // The caller keys this editor by the saved list: a new list (saved here, or synced from
  // another browser) starts a fresh draft.
  const saved = terms.join('\n');
  const [draft, setDraft] = useState(saved);
  const parsed = parseWatchList(draft);
  const changed = parsed.join('\n') !== saved;
  return (
    <section aria-labelledby="watch-heading">
      <h2 id="watch-heading">{t('headingWatchList')}</h2>
      <p class="muted" id="watch-help">
        {t('watchHelp', MAX_WATCH_TERMS)}
      </p>
      <textarea
        aria-labelledby="watch-heading"
        aria-describedby="watch-help"
        rows={5}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      <p>
        <button type="button" disabled={!changed} onClick={() => onSave(parsed)}>
          {t('saveWatchList')}
        </button>{' '}
        <span class="muted">{tn('termCount', parsed.length)}</span>
      </p>
    </section>
  );
}

/**
 * The page's entities, grouped Person → Place → Treaty term. Highlights are invisible to screen
 * readers, so this list is where the same information is reachable by everyone. With `onSaveNote`
 * each row also offers a note on that entity (kept with its canonical name and type). With
 * `onReveal` (the side panel) each name is a button that shows its next mention on the page. With
 * `onOpenPage` each person, place and registered treaty gets a "Page" button to its page in the
 * reading memory (the notes view), under the entity's memory key (lib/memory/entity-key.ts).
 */
import { useState } from 'preact/hooks';
import { type EntitySummary, PAINTED_TYPES, treatyInOtherLanguage } from '../lib/entities';
import { type MessageKey, t, tn, typeLabel } from '../lib/i18n';
import { entityKey } from '../lib/memory/entity-key';
import type { NoteDraft } from './NoteEditor';
import { NoteForm } from './NoteForm';

export interface EntityListProps {
  entities: readonly EntitySummary[];
  /** Store a note on an entity; rejects with an Error whose message is shown. */
  onSaveNote?: (entity: EntitySummary, draft: NoteDraft) => Promise<void>;
  /** Show the entity's next mention on the page (a button per name). */
  onReveal?: (entity: EntitySummary) => void;
  /** Shown after the name of the entity revealed last, e.g. "2 of 5". */
  revealed?: { type: string; canonical: string; label: string } | null;
  /** Open the entity's page in the reading memory, by its memory key (a button per entity). */
  onOpenPage?: (key: string) => void;
}

const GROUP_HEADINGS: Record<(typeof PAINTED_TYPES)[number], MessageKey> = {
  PER: 'groupPER',
  LOC: 'groupLOC',
  TREATY: 'groupTREATY',
  WATCH: 'groupWATCH',
};

const keyOf = (e: EntitySummary) => `${e.type}\u0000${e.canonical}`;

export function EntityList({
  entities,
  onSaveNote,
  onReveal,
  revealed,
  onOpenPage,
}: EntityListProps) {
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // Filtering keeps the content script's order (most frequent first) inside each group.
  const groups = PAINTED_TYPES.map((type) => ({
    type,
    rows: entities.filter((e) => e.type === type),
  })).filter((g) => g.rows.length > 0);

  if (groups.length === 0) {
    return <p class="muted">{t('noEntities')}</p>;
  }
  return (
    <div class="entity-groups">
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}
      {groups.map(({ type, rows }) => (
        <section key={type} class={`entity-group entity-${type}`} aria-labelledby={`group-${type}`}>
          <h3 id={`group-${type}`}>
            {t(GROUP_HEADINGS[type])} <span class="muted">({rows.length})</span>
          </h3>
          <ul>
            {rows.map((e, i) => {
              const k = keyOf(e);
              // WATCH terms and generic treaty terms have no page: the memory keeps neither.
              const memoryKey = onOpenPage ? entityKey(e) : null;
              return (
                <li
                  key={e.canonical}
                  data-type={e.type}
                  data-canonical={e.canonical}
                  data-count={String(e.count)}
                  title={
                    e.forms.length > 0
                      ? t('entityForms', [typeLabel(e.type), e.forms.join(', ')])
                      : undefined
                  }
                >
                  <span class="entity-row">
                    {onReveal ? (
                      <button
                        type="button"
                        class="link entity-name entity-reveal"
                        aria-label={t('revealNext', e.canonical)}
                        onClick={() => onReveal(e)}
                      >
                        {e.canonical}
                      </button>
                    ) : (
                      <span class="entity-name">{e.canonical}</span>
                    )}
                    {revealed && revealed.type === e.type && revealed.canonical === e.canonical && (
                      <span class="entity-at muted">{revealed.label}</span>
                    )}
                    <span class="entity-count">
                      {e.count}
                      <span class="visually-hidden"> {tn('mentionWord', e.count)}</span>
                    </span>
                    {onOpenPage && memoryKey && (
                      <button
                        type="button"
                        class="link entity-page"
                        aria-label={t('entityPageNamed', e.canonical)}
                        onClick={() => onOpenPage(memoryKey)}
                      >
                        {t('entityPageButton')}
                      </button>
                    )}
                    {onSaveNote && open !== k && (
                      <button
                        type="button"
                        class="link entity-note"
                        aria-label={t('addNoteOn', e.canonical)}
                        onClick={() => {
                          setOpen(k);
                          setSaved(null);
                        }}
                      >
                        {t('noteButton')}
                      </button>
                    )}
                  </span>
                  {e.treaty && (
                    <span class="entity-treaty muted">
                      {treatyInOtherLanguage(e.treaty, e.canonical)}
                    </span>
                  )}
                  {onSaveNote && open === k && (
                    <NoteForm
                      idPrefix={`entity-${type}-${i}`}
                      textLabel={t('noteOnEntity', [e.canonical, typeLabel(e.type)])}
                      saveLabel={t('saveNote')}
                      requireText
                      onSave={async (draft) => {
                        await onSaveNote(e, draft);
                        setOpen(null);
                        setSaved(t('savedNoteOn', e.canonical));
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/**
 * The side panel (Chrome) / sidebar (Firefox): the current tab's people, places and treaty terms
 * with their counts, and its saved notes, kept up to date while the reader reads. Each name is a
 * button: the page scrolls to its next mention and flashes it ('glossa:reveal'), cycling through
 * them on repeated clicks.
 *
 * Which tab, and when to look again, come from outside (entrypoints/sidepanel/main.tsx follows the
 * active tab, its navigations and the page's own change feed): `onPageChange` calls back whenever the
 * page may have changed. Tests pass canned answers and a hand-driven `onPageChange`.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary, PaintedType } from '../lib/entities';
import { t } from '../lib/i18n';
import type { PageInfo, PageState, RevealResult } from '../lib/messages/types';
import { deleteNote, type NotesDb, notesForUrl } from '../lib/notes/db';
import type { Note } from '../lib/notes/model';
import { normalizeUrl } from '../lib/notes/normalize-url';
import type { StorageAreaLike } from '../lib/settings';
import { EntityList } from './EntityList';
import { NoteList } from './NoteList';
import { pageAddress, pageStatusLine } from './page-status';
import { askTab, type SendToTab } from './tab-transport';
import { useMemoryOn } from './useStoredFlag';

export interface SidePanelProps {
  sendToTab: SendToTab;
  db: NotesDb;
  /** Subscribe to "the page may have changed"; returns the unsubscribe function. */
  onPageChange?: (onChange: () => void) => () => void;
  /**
   * The tab's address and title from the browser: its notes are shown, whatever address the
   * content script reports. Resolves null when the browser does not tell.
   */
  tabInfo?: () => Promise<PageInfo | null>;
  openNotes?: () => void;
  /** The extension's storage: entity rows link to their pages while the reading memory is on. */
  storage?: StorageAreaLike;
  /** Open an entity's page in the reading memory, by its memory key. */
  openEntity?: (key: string) => void;
}

/** `page`: the address the notes belong to (pageAddress), and its title. */
type View =
  | { kind: 'loading' }
  | { kind: 'ready'; state: PageState; page: PageInfo | null }
  | { kind: 'absent' };

interface Revealed {
  type: string;
  canonical: string;
  label: string;
}

export function SidePanel({
  sendToTab,
  db,
  onPageChange,
  tabInfo,
  openNotes,
  storage,
  openEntity,
}: SidePanelProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [notes, setNotes] = useState<Note[]>([]);
  const [notesError, setNotesError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remembering = useMemoryOn(storage);
  /** Answers to older refreshes are dropped when a newer one is under way. */
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    let state: PageState;
    try {
      state = await askTab(sendToTab, { type: 'glossa:get-page' });
    } catch {
      if (mine === generation.current) setView({ kind: 'absent' });
      return;
    }
    const tab = tabInfo ? await tabInfo().catch(() => null) : null;
    if (mine !== generation.current) return;
    const page = pageAddress(state.page, tab);
    setView({ kind: 'ready', state, page });
    try {
      const list = page?.url ? await notesForUrl(db, normalizeUrl(page.url)) : [];
      if (mine !== generation.current) return;
      setNotes(list);
      setNotesError(null);
    } catch (e) {
      if (mine === generation.current) setNotesError(e instanceof Error ? e.message : String(e));
    }
  }, [sendToTab, db, tabInfo]);

  useEffect(() => {
    void refresh();
    const stop = onPageChange?.(() => void refresh());
    const again = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', again);
    return () => {
      stop?.();
      document.removeEventListener('visibilitychange', again);
    };
  }, [refresh, onPageChange]);

  const reveal = async (entity: EntitySummary) => {
    const ref = { type: entity.type as PaintedType, canonical: entity.canonical };
    let result: RevealResult;
    try {
      result = await askTab(sendToTab, { type: 'glossa:reveal', entity: ref });
    } catch {
      setMessage(t('pageNoAnswer'));
      return;
    }
    if (result.ok) {
      const label = t('revealPosition', [result.index + 1, result.count]);
      setRevealed({ ...ref, label });
      setMessage(t('revealedAt', [entity.canonical, label]));
    } else {
      setRevealed(null);
      setMessage(t('notHighlighted', entity.canonical));
    }
  };

  const remove = async (id: string) => {
    await deleteNote(db, id);
    const left = notes.filter((n) => n.id !== id);
    setNotes(left);
    // The page takes the deleted note's highlight away.
    await askTab(sendToTab, { type: 'glossa:show-notes', notes: left }).catch(() => {});
  };

  const status = pageStatusLine(view);
  const state = view.kind === 'ready' ? view.state : null;
  const page = view.kind === 'ready' ? view.page : null;
  return (
    <main class="popup sidepanel">
      <header>
        <h1 class="page-title">{page ? page.title || page.url : t('titleSidePanel')}</h1>
      </header>
      {status && (
        <p class={view.kind === 'absent' ? 'notice' : 'muted'} role="status">
          {status}
        </p>
      )}
      {state && state.status !== 'skipped' && (
        <section aria-labelledby="entities-heading">
          <h2 id="entities-heading">{t('headingOnThisPage')}</h2>
          <p class="muted hint">{t('revealHint')}</p>
          <EntityList
            entities={state.entities}
            onReveal={reveal}
            revealed={revealed}
            onOpenPage={remembering ? openEntity : undefined}
          />
          <p class="reveal-status" role="status" aria-live="polite">
            {message ?? ''}
          </p>
        </section>
      )}
      {page?.url && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('headingNotesOnPageCount', notes.length)}</h2>
          {notesError ? (
            <p class="error" role="alert">
              {notesError}
            </p>
          ) : (
            <NoteList notes={notes} onDelete={remove} />
          )}
        </section>
      )}
      {openNotes && (
        <section class="footer">
          <button type="button" class="link" onClick={openNotes}>
            {t('openNotesView')}
          </button>
        </section>
      )}
    </main>
  );
}

/**
 * The popup's notes on the current page: load them, save new ones (on the page, the selection or
 * an entity), delete one or all, and keep the page's note highlights in step — after every change
 * the page is sent its notes ('glossa:show-notes') and answers which quotes it could not find
 * (the orphans the popup lists). Storage errors reach the caller as rejected promises, so the
 * editors keep their text and show why.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '../lib/entities';
import type { PageInfo, SelectionInfo } from '../lib/messages/types';
import { addNote, deleteNote, deleteNotes, type NotesDb, notesForUrl } from '../lib/notes/db';
import { type NewNote, type Note, noteEntity } from '../lib/notes/model';
import type { NoteDraft } from './NoteEditor';
import { askTab, type SendToTab } from './tab-transport';

export interface PageNotesOptions {
  db: NotesDb;
  sendToTab: SendToTab;
  page: PageInfo | null;
  /** Normalized page URL the notes are filed under, or null when there is none. */
  noteUrl: string | null;
  /** A content script answers on this tab (else the page is not told about notes). */
  canReachPage: boolean;
  now: () => Date;
}

export interface PageNotes {
  notes: Note[];
  /** Ids of selection notes whose quote the page could not find. */
  orphans: ReadonlySet<string>;
  error: string | null;
  save(
    target: 'page' | 'selection',
    draft: NoteDraft,
    selection: SelectionInfo | null,
  ): Promise<void>;
  saveOnEntity(entity: EntitySummary, draft: NoteDraft): Promise<void>;
  remove(id: string): Promise<void>;
  removeAll(): Promise<void>;
}

export function usePageNotes({
  db,
  sendToTab,
  page,
  noteUrl,
  canReachPage,
  now,
}: PageNotesOptions): PageNotes {
  const [notes, setNotes] = useState<Note[]>([]);
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  /** Send the page its notes as stored now; it paints them and names the orphans. */
  const syncPage = useCallback(
    async (list: Note[]) => {
      if (!canReachPage) return;
      try {
        const anchors = await askTab(sendToTab, { type: 'glossa:show-notes', notes: list });
        setOrphans(new Set(Array.isArray(anchors?.orphaned) ? anchors.orphaned : []));
      } catch {
        // The page did not answer: the notes are stored; it shows them on its next load.
      }
    },
    [canReachPage, sendToTab],
  );

  useEffect(() => {
    if (!noteUrl) return;
    let cancelled = false;
    notesForUrl(db, noteUrl).then(
      (list) => {
        if (cancelled) return;
        setNotes(list);
        setError(null);
        void syncPage(list);
      },
      (e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, noteUrl, syncPage]);

  const reload = async () => {
    if (!noteUrl) return;
    const list = await notesForUrl(db, noteUrl);
    setNotes(list);
    await syncPage(list);
  };

  const store = async (input: NewNote) => {
    const note = await addNote(db, input, now());
    setNotes((list) => [note, ...list.filter((n) => n.id !== note.id)]);
    // Saved. Tell the page in the background: reaching it must neither delay nor fail the save.
    void reload().catch(() => {});
  };

  const base = (draft: NoteDraft) => {
    if (!page || !noteUrl) throw new Error('This page has no address to file the note under.');
    return { url: noteUrl, pageTitle: page.title, text: draft.text, tags: draft.tags };
  };

  return {
    notes,
    orphans,
    error,
    async save(target, draft, selection) {
      const input: NewNote =
        target === 'selection' && selection
          ? {
              ...base(draft),
              kind: 'selection',
              quote: selection.quote,
              selectors: [...selection.selectors],
            }
          : { ...base(draft), kind: 'page' };
      await store(input);
    },
    async saveOnEntity(entity, draft) {
      await store({
        ...base(draft),
        kind: 'entity',
        entity: noteEntity(entity),
      });
    },
    async remove(id) {
      await deleteNote(db, id);
      setNotes((list) => list.filter((n) => n.id !== id));
      void reload().catch(() => {});
    },
    async removeAll() {
      if (!noteUrl) return;
      // Everything filed under this page, not only what the list showed when it was opened.
      const stored = await notesForUrl(db, noteUrl);
      await deleteNotes(
        db,
        stored.map((n) => n.id),
      );
      setNotes([]);
      await syncPage([]);
    },
  };
}

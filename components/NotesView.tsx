/**
 * The notes view (a full extension page): every note, by page and date; search in note text,
 * quotes and entity names; filters by tag, entity, site and kind; edit text and tags; delete with
 * Undo; delete all notes of a page (asks first); export everything or just what is shown in four
 * formats; import a Glossa JSON or W3C JSON-LD file.
 *
 * Fast at 10,000 notes: the list is loaded once, the search index (lib/notes/search) is built once
 * when the browser is idle after the first rows are shown, each keystroke only filters the index,
 * and only the first `pageSize` matches are rendered, with "Show more" for the next ones
 * (scripts/bench-notes-ui.ts measures it).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntityType } from '../lib/entities';
import { type MessageKey, t, tn, typeLabel, uiLanguage } from '../lib/i18n';
import {
  addNote,
  deleteNote,
  deleteNotes,
  loadNotes,
  NotesConflictError,
  type NotesDb,
  notesOfLatestPages,
  onNotesChanged,
  restoreNotes,
  updateNote,
} from '../lib/notes/db';
import type { ExportFile, ExportFormat } from '../lib/notes/export-file';
import { checkImportSize, importNotes } from '../lib/notes/import';
import { formatCount } from '../lib/notes/limits';
import type { Note, NoteKind } from '../lib/notes/model';
import {
  buildSearchIndex,
  facets,
  filterNotes,
  type NoteFilter,
  type SearchIndex,
  siteOf,
} from '../lib/notes/search';
import { countByPage, groupByPage, orderForView, safeHref } from '../lib/notes/view-order';
import { ConfirmButton } from './ConfirmButton';
import { ExportButtons, FORMAT_LABELS } from './ExportButtons';
import { FilterSelect } from './FilterSelect';
import { MemoryResults } from './MemoryResults';
import { type ConflictChoice, NoteConflict } from './NoteConflict';
import type { NoteDraft } from './NoteEditor';
import { NoteForm } from './NoteForm';

export interface NotesViewProps {
  db: NotesDb;
  /** Rows rendered at first and added by each "Show more". */
  pageSize?: number;
  now?: () => Date;
  download?: (file: ExportFile) => void;
  /** Filters to start with (the popup opens the view on its page's site, for instance). */
  initialFilter?: Partial<Filters>;
}

export interface Filters {
  query: string;
  tag: string;
  /** `${type}\u0000${canonical}`, or '' for any. */
  entity: string;
  site: string;
  kind: '' | NoteKind;
}

export const NOTES_START_MARK = 'glossa-notes:start';
export const NOTES_LISTED_MARK = 'glossa-notes:listed';
export const NOTES_COMPLETE_MARK = 'glossa-notes:complete';

const NO_FILTERS: Filters = { query: '', tag: '', entity: '', site: '', kind: '' };

const KIND_LABELS: Record<NoteKind, MessageKey> = {
  selection: 'kindQuotes',
  page: 'kindPageNotes',
  entity: 'kindEntityNotes',
};

type Toast = { ok: boolean; text: string; undo?: Note[] };

/**
 * The note being edited, as it was when editing began: its updatedAt is what the save compares
 * against, however often the list below follows changes made in other windows.
 */
interface Editing {
  base: Note;
  /** What is typed in the form, kept here so that a form shown anew gives it back. */
  draft?: NoteDraft;
  /** Set when a save was refused because the note was saved elsewhere meanwhile. */
  conflict?: { theirs: Note; mine: NoteDraft };
}

/**
 * 'first': the first screen is shown (the notes of the latest pages) while every note loads;
 * 'ready': every note is loaded, so search, filters and counts are complete.
 */
type Load =
  | { state: 'loading' }
  | { state: 'first' }
  | { state: 'ready' }
  | { state: 'failed'; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "4 notes", «4 заметки». */
const noteCount = (n: number) => tn('noteCount', n, [], formatCount(n));

/** FileReader works everywhere (File.text() is missing in some test DOMs). */
function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(t('readFileFailed')));
    reader.readAsText(file);
  });
}

function toFilter(f: Filters): NoteFilter {
  const filter: NoteFilter = { query: f.query };
  if (f.tag) filter.tags = [f.tag];
  if (f.site) filter.site = f.site;
  if (f.kind) filter.kind = f.kind;
  if (f.entity) {
    const [type, canonical] = f.entity.split('\u0000');
    filter.entity = { type: type as EntityType, canonical: canonical ?? '' };
  }
  return filter;
}

function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString(uiLanguage());
}

interface NoteRowProps {
  note: Note;
  editing: Editing | null;
  onEdit: (note: Note | null) => void;
  onDraft: (draft: NoteDraft) => void;
  onSave: (draft: NoteDraft) => Promise<void>;
  onResolve: (choice: ConflictChoice) => Promise<void>;
  onDelete: (note: Note) => void;
  onTag: (tag: string) => void;
}

function NoteRow({
  note,
  editing,
  onEdit,
  onDraft,
  onSave,
  onResolve,
  onDelete,
  onTag,
}: NoteRowProps) {
  const kind =
    note.kind === 'entity' && note.entity
      ? t(`noteOn${note.entity.type}` as MessageKey) || note.entity.type
      : note.kind === 'selection'
        ? t('kindQuote')
        : t('kindPageNote');
  const edited = note.updatedAt !== note.createdAt;
  return (
    <li class="note" data-note-id={note.id} data-kind={note.kind}>
      <div class="note-kind muted">{kind}</div>
      {note.quote && <blockquote>{note.quote}</blockquote>}
      {note.entity && (
        <p class="note-entity">
          <strong>{note.entity.canonical}</strong>
        </p>
      )}
      {editing?.conflict ? (
        <NoteConflict
          theirs={editing.conflict.theirs}
          mine={editing.conflict.mine}
          onChoose={onResolve}
        />
      ) : editing ? (
        <>
          {editing.base.updatedAt !== note.updatedAt && (
            <p class="muted" role="status">
              {t('noteUpdatedElsewhere')}
            </p>
          )}
          <NoteForm
            idPrefix={`edit-${note.id}`}
            initial={editing.draft ?? { text: editing.base.text, tags: editing.base.tags }}
            textLabel={t('noteText')}
            saveLabel={t('saveChanges')}
            onChange={onDraft}
            onSave={onSave}
            onCancel={() => onEdit(null)}
          />
        </>
      ) : (
        <>
          {note.text ? (
            <p class="note-text">{note.text}</p>
          ) : (
            <p class="note-text muted">{t('noNoteText')}</p>
          )}
          <div class="note-meta">
            {note.tags.length > 0 && (
              <ul class="tags" aria-label={t('tags')}>
                {note.tags.map((tag) => (
                  <li key={tag}>
                    <button
                      type="button"
                      class="tag"
                      title={t('showTagged', tag)}
                      onClick={() => onTag(tag)}
                    >
                      {tag}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <time dateTime={note.createdAt}>{formatTime(note.createdAt)}</time>
            {edited && (
              <span class="muted" title={formatTime(note.updatedAt)}>
                {t('edited')}
              </span>
            )}
            <button type="button" class="link" onClick={() => onEdit(note)}>
              {t('edit')}
            </button>
            <button type="button" class="link danger" onClick={() => onDelete(note)}>
              {t('delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

export function NotesView({
  db,
  pageSize = 100,
  now = () => new Date(),
  download,
  initialFilter,
}: NotesViewProps) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, ...initialFilter });
  const [limit, setLimit] = useState(pageSize);
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The same, for a reload that finishes after a render (live changes from other windows).
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [toast, setToast] = useState<Toast | null>(null);
  const [importing, setImporting] = useState(false);
  const [importResult, setImportResult] = useState<{ ok: boolean; lines: string[] } | null>(null);

  // Which load is current (a later one wins), and how many changes this view made to the store.
  const loadSeq = useRef(0);
  const changes = useRef(0);

  /**
   * Load every note. On opening, the first screen comes first (a few ms through the indexes)
   * and everything else after (a quarter of a second at 10,000 notes).
   */
  const reload = async (firstScreen = false) => {
    const seq = ++loadSeq.current;
    try {
      if (firstScreen) {
        const first = await notesOfLatestPages(db, pageSize);
        if (seq !== loadSeq.current) return;
        setNotes(orderForView(first));
        setLoad({ state: 'first' });
      }
      let list: Note[];
      // An edit or delete made while reading may be missing from what was read: read again.
      for (let attempt = 0; ; attempt++) {
        const before = changes.current;
        list = await loadNotes(db);
        if (changes.current === before || attempt >= 3) break;
      }
      if (seq !== loadSeq.current) return;
      // A note deleted in another window while it is edited here stays listed until the reader
      // is done with it, so the text in the form is not taken away (its save then says why).
      const edited = editingRef.current?.base;
      if (edited && !list.some((n) => n.id === edited.id)) list = [...list, edited];
      setNotes(orderForView(list));
      setLoad({ state: 'ready' });
    } catch (e) {
      if (seq === loadSeq.current) setLoad({ state: 'failed', error: message(e) });
    }
  };

  // Load once per database.
  useEffect(() => {
    void reload(true);
  }, [db]);

  // Follow changes made elsewhere (another tab of this view, the side panel, a selection saved
  // from a page): read the notes again, once for any number of changes that arrive together.
  useEffect(() => {
    let scheduled = false;
    const stop = onNotesChanged(db, () => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        changes.current += 1;
        void reload();
      }, 0);
    });
    return stop;
  }, [db]);

  // The search index is built when first needed, or while the reader looks at the first rows:
  // opening the view does not wait for it.
  const indexCache = useRef<{ notes: Note[]; index: SearchIndex } | null>(null);
  const indexOf = (list: Note[]): SearchIndex => {
    if (indexCache.current?.notes !== list) {
      indexCache.current = { notes: list, index: buildSearchIndex(list) };
    }
    return indexCache.current.index;
  };
  const complete = load.state === 'ready';
  useEffect(() => {
    if (!complete || notes.length === 0) return;
    const idle =
      (globalThis as { requestIdleCallback?: (cb: () => void) => unknown }).requestIdleCallback ??
      ((cb: () => void) => setTimeout(cb, 50));
    let live = true;
    idle(() => {
      if (live) indexOf(notes);
    });
    return () => {
      live = false;
    };
  }, [notes, complete]);

  // A User Timing mark when the first rows are in the DOM: the e2e suite reads it to time opening
  // the view in real browsers (entrypoints/notes/main.tsx marks the start).
  const listedMarked = useRef(false);
  useLayoutEffect(() => {
    if (load.state !== 'first' && load.state !== 'ready') return;
    try {
      if (!listedMarked.current) performance.mark(NOTES_LISTED_MARK);
      if (load.state === 'ready') performance.mark(NOTES_COMPLETE_MARK);
    } catch {
      // no User Timing here (some test DOMs)
    }
    listedMarked.current = true;
  }, [load.state]);

  const filtered = Object.values(filters).some((v) => v !== '');
  // Filter choices and counts wait for every note; so does a search (it would miss notes).
  const options = useMemo(
    () => (complete ? facets(notes) : { tags: [], sites: [], entities: [] }),
    [notes, complete],
  );
  const perPage = useMemo(() => countByPage(notes), [notes]);
  const shown = useMemo(
    () => (!filtered ? notes : complete ? filterNotes(indexOf(notes), toFilter(filters)) : []),
    [notes, filters, filtered, complete],
  );
  // The note being edited stays on screen (with what was typed) even when notes saved elsewhere
  // push it past the rows shown or out of the filter.
  const visible = useMemo(() => {
    const first = shown.slice(0, limit);
    const edited = editing?.base.id;
    if (!edited || first.some((n) => n.id === edited)) return first;
    return [...first, notes.find((n) => n.id === edited) ?? editing.base];
  }, [shown, limit, notes, editing]);
  const groups = groupByPage(visible);
  // A page's section keeps its key when other pages move around it (a note saved in another
  // window lists its page first): a key by position would remount the sections below, and an
  // edit half-typed in one of them would be lost. A page listed twice (search results in order
  // of relevance) is told apart by how often it was listed before.
  const seenPages = new Map<string, number>();
  const groupKeys = groups.map((g) => {
    const n = seenPages.get(g.url) ?? 0;
    seenPages.set(g.url, n + 1);
    return `${g.url}\u0000${n}`;
  });

  const setFilter = (change: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setLimit(pageSize);
  };

  const replaceInList = (note: Note) => {
    changes.current += 1;
    setNotes((list) => list.map((n) => (n.id === note.id ? note : n)));
  };

  /** Save an edit only over the copy the editor started from (compare-and-set on updatedAt). */
  const saveEdit = async (draft: NoteDraft) => {
    const current = editingRef.current;
    if (!current) return;
    const { base } = current;
    try {
      const updated = await updateNote(
        db,
        base.id,
        { text: draft.text, tags: draft.tags },
        now(),
        base.updatedAt,
      );
      replaceInList(updated);
      setEditing(null);
      setToast({ ok: true, text: t('saved') });
    } catch (e) {
      // Saved elsewhere meanwhile: show both texts and let the reader choose. Other rejections
      // reach the form, which keeps the text and shows why.
      if (!(e instanceof NotesConflictError)) throw e;
      replaceInList(e.theirs);
      setEditing({ base, conflict: { theirs: e.theirs, mine: draft } });
    }
  };

  const resolveConflict = async (choice: ConflictChoice) => {
    const conflict = editingRef.current?.conflict;
    if (!conflict) return;
    const { theirs, mine } = conflict;
    if (choice === 'theirs') {
      setEditing(null);
      return;
    }
    if (choice === 'mine') {
      try {
        const updated = await updateNote(db, theirs.id, mine, now(), theirs.updatedAt);
        replaceInList(updated);
        setEditing(null);
        setToast({ ok: true, text: t('saved') });
      } catch (e) {
        // Changed yet again: compare with the newest copy.
        if (!(e instanceof NotesConflictError)) throw e;
        replaceInList(e.theirs);
        setEditing({ base: e.theirs, conflict: { theirs: e.theirs, mine } });
      }
      return;
    }
    // Both: this edit becomes a new note on the same page, quote or entity.
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = theirs;
    const added = await addNote(db, { ...rest, text: mine.text, tags: mine.tags }, now());
    changes.current += 1;
    setNotes((list) => orderForView([...list.filter((n) => n.id !== added.id), added]));
    setEditing(null);
    setToast({ ok: true, text: t('keptBoth') });
  };

  const remove = async (deleted: Note[], run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      setToast({ ok: false, text: message(e) });
      return;
    }
    const ids = new Set(deleted.map((n) => n.id));
    changes.current += 1;
    setNotes((list) => list.filter((n) => !ids.has(n.id)));
    if (editing && ids.has(editing.base.id)) setEditing(null);
    setToast({
      ok: true,
      text:
        deleted.length === 1
          ? t('deleted')
          : tn('deletedCount', deleted.length, [], formatCount(deleted.length)),
      undo: deleted,
    });
  };

  const deleteOne = (note: Note) => remove([note], () => deleteNote(db, note.id));

  const deletePage = async (url: string) => {
    // Every note filed under the page, including those the filters hide.
    const ofPage = notes.filter((n) => n.url === url);
    await remove(ofPage, () =>
      deleteNotes(
        db,
        ofPage.map((n) => n.id),
      ),
    );
  };

  const undo = async (restore: Note[]) => {
    try {
      await restoreNotes(db, restore);
    } catch (e) {
      setToast({ ok: false, text: message(e), undo: restore });
      return;
    }
    const ids = new Set(restore.map((n) => n.id));
    changes.current += 1;
    setNotes((list) => orderForView([...list.filter((n) => !ids.has(n.id)), ...restore]));
    setToast({
      ok: true,
      text:
        restore.length === 1
          ? t('restored')
          : tn('restoredCount', restore.length, [], formatCount(restore.length)),
    });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    setImportResult(null);
    try {
      const tooBig = checkImportSize(file.size);
      if (tooBig) {
        setImportResult({ ok: false, lines: [t('importFailed', [file.name, tooBig])] });
        return;
      }
      const text = await readFileText(file);
      const outcome = await importNotes(db, text, { fileBytes: file.size, now: now() });
      if (!outcome.ok) {
        setImportResult({
          ok: false,
          lines: [t('importFailed', [file.name, outcome.error])],
        });
        return;
      }
      const { added, updated, unchanged, articles } = outcome.result;
      setImportResult({
        ok: true,
        lines: [
          t('imported', [formatCount(added), formatCount(updated), formatCount(unchanged)]),
          ...(articles > 0 ? [tn('importedArticles', articles, [], formatCount(articles))] : []),
          ...outcome.warnings,
        ],
      });
      await reload();
    } catch (e) {
      setImportResult({ ok: false, lines: [t('importFailed', [file.name, message(e)])] });
    } finally {
      setImporting(false);
      input.value = ''; // choosing the same file again imports it again
    }
  };

  return (
    <main class="notes-view">
      <header class="notes-header">
        <h1>{t('notesHeading')}</h1>
        <p class="muted" role="status" aria-live="polite">
          {load.state === 'loading'
            ? t('loadingNotes')
            : load.state === 'first'
              ? filtered
                ? t('loadingAllToSearch')
                : t('loadingAll')
              : load.state === 'ready'
                ? filtered
                  ? tn(
                      'notesMatch',
                      shown.length,
                      [formatCount(notes.length)],
                      formatCount(shown.length),
                    )
                  : t('notesOnPages', [
                      noteCount(notes.length),
                      tn('onPageCount', perPage.size, [], formatCount(perPage.size)),
                    ])
                : ''}
        </p>
      </header>
      {load.state === 'failed' && (
        <p class="error" role="alert">
          {load.error}
        </p>
      )}

      <section class="filters" aria-label={t('findNotes')}>
        <label for="notes-search">{t('searchNotes')}</label>
        <input
          id="notes-search"
          type="search"
          value={filters.query}
          placeholder={t('searchPlaceholder')}
          aria-describedby="notes-search-help"
          onInput={(e) => setFilter({ query: e.currentTarget.value })}
        />
        <p id="notes-search-help" class="muted search-help">
          {t('searchHelp')}
        </p>
        <div class="filter-row">
          <FilterSelect
            id="filter-tag"
            label={t('filterTag')}
            anyLabel={t('allTags')}
            value={filters.tag}
            choices={options.tags.map((c) => ({
              value: c.value,
              label: `${c.value} (${c.count})`,
            }))}
            onChange={(tag) => setFilter({ tag })}
          />
          <FilterSelect
            id="filter-entity"
            label={t('filterEntity')}
            anyLabel={t('allEntities')}
            value={filters.entity}
            choices={options.entities.map((c) => ({
              value: `${c.value.type}\u0000${c.value.canonical}`,
              label: `${c.value.canonical} (${typeLabel(c.value.type)}, ${c.count})`,
            }))}
            onChange={(entity) => setFilter({ entity })}
          />
          <FilterSelect
            id="filter-site"
            label={t('filterSite')}
            anyLabel={t('allSites')}
            value={filters.site}
            choices={options.sites.map((c) => ({
              value: c.value,
              label: `${c.value} (${c.count})`,
            }))}
            onChange={(site) => setFilter({ site })}
          />
          <FilterSelect
            id="filter-kind"
            label={t('filterKind')}
            anyLabel={t('allKinds')}
            value={filters.kind}
            choices={(Object.keys(KIND_LABELS) as NoteKind[]).map((k) => ({
              value: k,
              label: t(KIND_LABELS[k]),
            }))}
            onChange={(kind) => setFilter({ kind: kind as Filters['kind'] })}
          />
          {filtered && (
            <button type="button" onClick={() => setFilter(NO_FILTERS)}>
              {t('clearFilters')}
            </button>
          )}
        </div>
      </section>

      <MemoryResults db={db} query={filters.query} now={now} />

      {load.state === 'ready' && notes.length === 0 && <p class="muted">{t('noNotesYet')}</p>}
      {load.state === 'ready' && notes.length > 0 && shown.length === 0 && (
        <p class="muted">{t('noNotesMatch')}</p>
      )}

      <div class="note-groups">
        {groups.map((g, i) => {
          const href = safeHref(g.url);
          const title = g.title || g.url;
          const total = perPage.get(g.url) ?? g.notes.length;
          return (
            <section class="page-group" key={groupKeys[i]} data-page-url={g.url}>
              <header class="page-header">
                <h2>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {title}
                    </a>
                  ) : (
                    title
                  )}
                </h2>
                <span class="muted">
                  {siteOf(g.url) || g.url} · {noteCount(total)}
                </span>{' '}
                <ConfirmButton
                  label={t('deleteAllOfPage')}
                  ariaLabel={t('deleteAllOfPageNamed', title)}
                  question={t('deleteAllOfPageQuestion', [noteCount(total), formatCount(total)])}
                  confirmLabel={t('deleteAll')}
                  onConfirm={() => deletePage(g.url)}
                />
              </header>
              <ul class="notes">
                {g.notes.map((n) => (
                  <NoteRow
                    key={n.id}
                    note={n}
                    editing={editing?.base.id === n.id ? editing : null}
                    onEdit={(note) => setEditing(note ? { base: note } : null)}
                    onDraft={(draft) => {
                      // No re-render: the form shows what is typed; this is only kept for later.
                      if (editingRef.current) editingRef.current.draft = draft;
                    }}
                    onSave={saveEdit}
                    onResolve={resolveConflict}
                    onDelete={deleteOne}
                    onTag={(tag) => setFilter({ tag })}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {shown.length > limit && (
        <p class="more">
          <span class="muted">
            {t('showingCount', [formatCount(limit), formatCount(shown.length)])}
          </span>{' '}
          <button type="button" onClick={() => setLimit((l) => l + pageSize)}>
            {t('showMore')}
          </button>
        </p>
      )}

      <section class="transfer" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('headingExport')}</h2>
        <h3>{t('headingAllNotes')}</h3>
        <ExportButtons
          db={db}
          now={now}
          download={download}
          labelFor={(f: ExportFormat) => t('exportAllAs', FORMAT_LABELS[f])}
        />
        {filtered && (
          <>
            <h3>{t('headingShownNotes', [noteCount(shown.length), formatCount(shown.length)])}</h3>
            <ExportButtons
              db={db}
              now={now}
              download={download}
              source={() => shown}
              labelFor={(f: ExportFormat) => t('exportShownAs', FORMAT_LABELS[f])}
            />
          </>
        )}
        <h2 id="import-heading">{t('headingImport')}</h2>
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={importing}
          onChange={(e) => void importFile(e.currentTarget)}
        />
        <p class="muted">{t('importHelp')}</p>
        {importResult && (
          <div
            class={importResult.ok ? 'ok import-result' : 'error import-result'}
            role={importResult.ok ? 'status' : 'alert'}
          >
            {importResult.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </section>

      {toast && (
        <div class={toast.ok ? 'toast' : 'toast error'} role={toast.ok ? 'status' : 'alert'}>
          <span>{toast.text}</span>{' '}
          {toast.undo && (
            <button type="button" onClick={() => toast.undo && void undo(toast.undo)}>
              {t('undo')}
            </button>
          )}{' '}
          <button
            type="button"
            class="link"
            aria-label={t('dismiss')}
            onClick={() => setToast(null)}
          >
            ×
          </button>
        </div>
      )}
    </main>
  );
}

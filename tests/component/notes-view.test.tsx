// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotesView } from '../../components/NotesView';
import { addNote, allNotes, type NotesDb, openNotesDb, updateNote } from '../../lib/notes/db';
import { CSV_COLUMNS } from '../../lib/notes/export-csv';
import type { ExportFile } from '../../lib/notes/export-file';
import { exportJson } from '../../lib/notes/export-json';
import type { Note } from '../../lib/notes/model';

const NOW = new Date('2024-12-10T12:00:00.000Z');
const RIA = 'https://ria.ru/20241205/kndr.html';
const TASS = 'https://tass.ru/politika/123';
const BBC = 'https://www.bbc.com/news/world-1';

let seq = 0;
function note(partial: Partial<Note> & Pick<Note, 'url' | 'createdAt'>): Note {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    kind: 'page',
    pageTitle: 'Title',
    text: '',
    tags: [],
    updatedAt: partial.createdAt,
    ...partial,
  };
}

function sample(): Note[] {
  return [
    note({
      url: RIA,
      pageTitle: 'Договор России и КНДР вступил в силу',
      kind: 'selection',
      text: 'Обмен ратификационными грамотами',
      quote: 'стороны обменялись ратификационными грамотами',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'стороны обменялись ратификационными грамотами',
          prefix: 'В среду ',
          suffix: ' в Пхеньяне',
        },
        { type: 'TextPositionSelector', start: 10, end: 56 },
      ],
      tags: ['КНДР', 'treaty law'],
      createdAt: '2024-12-05T10:00:00.000Z',
    }),
    note({
      url: RIA,
      pageTitle: 'Договор России и КНДР вступил в силу',
      text: 'Весь материал о договоре',
      tags: ['КНДР'],
      createdAt: '2024-12-05T11:00:00.000Z',
    }),
    note({
      url: TASS,
      pageTitle: 'Лавров о переговорах',
      kind: 'entity',
      entity: { type: 'PER', canonical: 'Сергей Лавров' },
      text: 'Министр иностранных дел',
      tags: ['people'],
      createdAt: '2024-12-07T09:00:00.000Z',
    }),
    note({
      url: BBC,
      pageTitle: 'Ceasefire talks resume',
      kind: 'selection',
      text: 'Ceasefire résumé',
      quote: 'the ceasefire protocol was signed',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'the ceasefire protocol was signed',
          prefix: '',
          suffix: '',
        },
        { type: 'TextPositionSelector', start: 0, end: 33 },
      ],
      tags: ['treaty law'],
      createdAt: '2024-12-01T08:00:00.000Z',
    }),
  ];
}

let dbCount = 0;
const dbs: NotesDb[] = [];
async function dbWith(notes: Note[]): Promise<NotesDb> {
  dbCount += 1;
  const db = openNotesDb(`glossa-notes-view-test-${dbCount}`);
  dbs.push(db);
  await db.notes.bulkAdd(structuredClone(notes));
  return db;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) db.close();
});

const rowIds = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-note-id]')].map((el) => el.dataset.noteId);
const row = (container: HTMLElement, id: string) =>
  container.querySelector<HTMLElement>(`[data-note-id="${id}"]`) as HTMLElement;

async function renderView(notes: Note[], props: Partial<Parameters<typeof NotesView>[0]> = {}) {
  const db = await dbWith(notes);
  const view = render(<NotesView db={db} now={() => NOW} {...props} />);
  await screen.findByText(/notes? on \d+ pages?\.|No notes yet/);
  return { db, ...view, container: view.container as HTMLElement };
}

function search(text: string) {
  fireEvent.input(screen.getByLabelText('Search notes'), { target: { value: text } });
}

describe('NotesView', () => {
  it('lists every note by page (latest page first) and date (newest first)', async () => {
    const notes = sample();
    const { container } = await renderView(notes);
    expect(screen.getByText('4 notes on 3 pages.')).toBeTruthy();
    const [ria1, ria2, tass, bbc] = notes.map((n) => n.id);
    expect(rowIds(container)).toEqual([tass, ria2, ria1, bbc]);
    const pages = [...container.querySelectorAll<HTMLElement>('[data-page-url]')].map(
      (el) => el.dataset.pageUrl,
    );
    expect(pages).toEqual([TASS, RIA, BBC]);
    const link = within(
      container.querySelector(`[data-page-url="${RIA}"]`) as HTMLElement,
    ).getByRole('link', { name: 'Договор России и КНДР вступил в силу' });
    expect(link.getAttribute('href')).toBe(RIA);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(row(container, tass as string).textContent).toContain('Сергей Лавров');
  });

  it('renders a page of rows at a time, with "Show more"', async () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      note({
        url: `https://site.example/${i}`,
        text: `note ${i}`,
        createdAt: `2024-12-0${i + 1}T00:00:00.000Z`,
      }),
    );
    const { container } = await renderView(many, { pageSize: 3 });
    expect(rowIds(container)).toHaveLength(3);
    expect(screen.getByText('Showing 3 of 7.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(rowIds(container)).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(rowIds(container)).toHaveLength(7);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('searches note text, quotes and entity names, ignoring case and accents', async () => {
    const notes = sample();
    const { container } = await renderView(notes);
    search('ГРАМОТАМИ');
    expect(rowIds(container)).toEqual([notes[0]?.id]);
    expect(screen.getByText('1 note match, of 4.')).toBeTruthy();
    search('resume'); // "résumé" in the note text
    expect(rowIds(container)).toEqual([notes[3]?.id]);
    search('лавров');
    expect(rowIds(container)).toEqual([notes[2]?.id]);
    search('signed protocol'); // every word, in any order, in the quote
    expect(rowIds(container)).toEqual([notes[3]?.id]);
    search('nothing like this');
    expect(rowIds(container)).toEqual([]);
    expect(screen.getByText('No notes match.')).toBeTruthy();
    search('');
    expect(rowIds(container)).toHaveLength(4);
  });

  it('filters by tag, entity, site and kind, and clears them', async () => {
    const notes = sample();
    const { container } = await renderView(notes);
    const tag = screen.getByLabelText('Tag') as HTMLSelectElement;
    expect([...tag.options].map((o) => o.textContent)).toEqual([
      'All tags',
      'treaty law (2)', // most used first; ties in code-unit order
      'КНДР (2)',
      'people (1)',
    ]);
    fireEvent.change(tag, { target: { value: 'treaty law' } });
    expect(rowIds(container)).toEqual([notes[0]?.id, notes[3]?.id]);

    // Combined with a search: both must hold.
    search('ceasefire');
    expect(rowIds(container)).toEqual([notes[3]?.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowIds(container)).toHaveLength(4);

    fireEvent.change(screen.getByLabelText('Entity'), {
      target: { value: 'PER\u0000Сергей Лавров' },
    });
    expect(rowIds(container)).toEqual([notes[2]?.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));

    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'bbc.com' } });
    expect(rowIds(container)).toEqual([notes[3]?.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));

    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'selection' } });
    expect(rowIds(container)).toEqual([notes[0]?.id, notes[3]?.id]);
  });

  it('filters by a tag clicked on a note', async () => {
    const notes = sample();
    const { container } = await renderView(notes);
    fireEvent.click(
      within(row(container, notes[2]?.id as string)).getByRole('button', { name: 'people' }),
    );
    expect((screen.getByLabelText('Tag') as HTMLSelectElement).value).toBe('people');
    expect(rowIds(container)).toEqual([notes[2]?.id]);
  });

  it('edits a note’s text and tags, and stores them', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const id = notes[1]?.id as string;
    fireEvent.click(within(row(container, id)).getByRole('button', { name: 'Edit' }));
    const text = screen.getByLabelText('Note text') as HTMLTextAreaElement;
    expect(text.value).toBe('Весь материал о договоре');
    expect((screen.getByLabelText('Tags (comma-separated)') as HTMLInputElement).value).toBe(
      'КНДР',
    );
    fireEvent.input(text, { target: { value: 'Материал о договоре: статья 4' } });
    fireEvent.input(screen.getByLabelText('Tags (comma-separated)'), {
      target: { value: 'КНДР, article 4' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(row(container, id).textContent).toContain('статья 4'));
    expect(row(container, id).textContent).toContain('(edited)');
    const stored = (await allNotes(db)).find((n) => n.id === id);
    expect(stored).toMatchObject({
      text: 'Материал о договоре: статья 4',
      tags: ['КНДР', 'article 4'],
      createdAt: notes[1]?.createdAt,
      updatedAt: NOW.toISOString(),
    });
    // The new tag is offered as a filter.
    expect(screen.getByRole('option', { name: 'article 4 (1)' })).toBeTruthy();
  });

  it('keeps the edited text on screen and says why when the write fails', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    vi.spyOn(db.notes, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const id = notes[1]?.id as string;
    fireEvent.click(within(row(container, id)).getByRole('button', { name: 'Edit' }));
    const text = screen.getByLabelText('Note text') as HTMLTextAreaElement;
    fireEvent.input(text, { target: { value: 'Этот текст нельзя потерять' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not update the note: .*no storage space/);
    expect((screen.getByLabelText('Note text') as HTMLTextAreaElement).value).toBe(
      'Этот текст нельзя потерять',
    );
    vi.restoreAllMocks();
    expect((await allNotes(db)).find((n) => n.id === id)?.text).toBe('Весь материал о договоре');
  });

  it('deletes a note with Undo, which restores exactly the note that was deleted', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const target = notes[0] as Note;
    fireEvent.click(within(row(container, target.id)).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rowIds(container)).not.toContain(target.id));
    expect((await allNotes(db)).map((n) => n.id)).not.toContain(target.id);
    const toast = screen.getByText('Deleted.').parentElement as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored.');
    expect(rowIds(container)).toHaveLength(4);
    expect(rowIds(container)).toContain(target.id);
    const restored = (await allNotes(db)).find((n) => n.id === target.id);
    expect(restored).toEqual(target);
  });

  it('asks before deleting all notes of a page, including those the filters hide, with Undo', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    search('грамотами'); // only one of the two RIA notes is shown
    const group = container.querySelector(`[data-page-url="${RIA}"]`) as HTMLElement;
    fireEvent.click(
      within(group).getByRole('button', {
        name: /Delete all notes of this page: Договор России и КНДР/,
      }),
    );
    expect(within(group).getByText('Delete all 2 notes of this page?')).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(await allNotes(db)).toHaveLength(4);

    fireEvent.click(
      within(group).getByRole('button', {
        name: /Delete all notes of this page: Договор России и КНДР/,
      }),
    );
    fireEvent.click(within(group).getByRole('button', { name: 'Delete all' }));
    await screen.findByText('Deleted 2 notes.');
    expect((await allNotes(db)).map((n) => n.url)).toEqual([TASS, BBC].sort());

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Restored 2 notes.');
    expect(await allNotes(db)).toHaveLength(4);
    search('');
    expect(rowIds(container)).toHaveLength(4);
  });

  it('shows why a delete failed and keeps the note', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    vi.spyOn(db.notes, 'delete').mockRejectedValue(
      new DOMException('closed', 'DatabaseClosedError'),
    );
    fireEvent.click(
      within(row(container, notes[0]?.id as string)).getByRole('button', { name: 'Delete' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not delete the note: /);
    expect(rowIds(container)).toContain(notes[0]?.id);
  });

  it('exports all notes, or only those shown, in four formats', async () => {
    const notes = sample();
    const download = vi.fn<(file: ExportFile) => void>();
    const fileAt = (i: number): ExportFile => {
      const call = download.mock.calls[i];
      if (!call) throw new Error(`no download #${i}`);
      return call[0];
    };
    await renderView(notes, { download });
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'treaty law' } });

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV: the shown notes' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const csv = fileAt(0);
    expect(csv.filename).toMatch(/\.csv$/);
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3); // header + the two notes tagged "treaty law"

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON-LD: all notes' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const jsonld = JSON.parse(fileAt(1).content);
    expect(jsonld.type).toBe('AnnotationCollection');
    expect(jsonld.total).toBe(4);

    for (const format of ['JSON', 'Markdown']) {
      fireEvent.click(screen.getByRole('button', { name: `Export ${format}: the shown notes` }));
    }
    await waitFor(() => expect(download).toHaveBeenCalledTimes(4));
    expect(JSON.parse(fileAt(2).content).notes).toHaveLength(2);
    expect(fileAt(3).content).toContain('> the ceasefire protocol was signed');
  });

  it('imports a Glossa export: new notes added, the rest unchanged, and says how many', async () => {
    const notes = sample();
    const { container } = await renderView(notes.slice(0, 2));
    const file = new File([exportJson(notes, NOW)], 'glossa-notes.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByLabelText(/Import notes from a file/), {
      target: { files: [file] },
    });
    await screen.findByText('Imported 2 new, 0 updated, 2 unchanged.');
    await waitFor(() => expect(rowIds(container)).toHaveLength(4));

    const again = new File([exportJson(notes, NOW)], 'glossa-notes.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByLabelText(/Import notes from a file/), {
      target: { files: [again] },
    });
    await screen.findByText('Imported 0 new, 0 updated, 4 unchanged.');
  });

  it('refuses a broken import file as a whole, naming the problem, and changes nothing', async () => {
    const notes = sample();
    const { db } = await renderView(notes.slice(0, 1));
    const input = () => screen.getByLabelText(/Import notes from a file/);

    fireEvent.change(input(), {
      target: { files: [new File(['{"format": "glossa-notes", '], 'cut.json')] },
    });
    const syntax = await screen.findByRole('alert');
    expect(syntax.textContent).toMatch(/^Could not import cut\.json: /);

    // One bad note among good ones: nothing at all is imported.
    const data = JSON.parse(exportJson(notes, NOW));
    delete data.notes[2].url;
    fireEvent.change(input(), {
      target: { files: [new File([JSON.stringify(data)], 'bad.json')] },
    });
    await screen.findByText(/Could not import bad\.json: .*notes\[2\]\.url is missing/);
    expect(await allNotes(db)).toHaveLength(1);

    fireEvent.change(input(), {
      target: { files: [new File(['{"hello": "world"}'], 'other.json')] },
    });
    await screen.findByText(
      /Could not import other\.json: This file is neither a Glossa notes export/,
    );
    expect(await allNotes(db)).toHaveLength(1);
  });

  it('says when the notes cannot be loaded', async () => {
    const db = await dbWith([]);
    vi.spyOn(db.notes, 'toArray').mockRejectedValue(new DOMException('x', 'InvalidStateError'));
    render(<NotesView db={db} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not load the notes: /);
  });

  it('never renders a link for a note address that is not a web address', async () => {
    const odd = note({
      url: 'javascript:alert(1)',
      pageTitle: 'Odd',
      text: 'x',
      createdAt: '2024-12-01T00:00:00.000Z',
    });
    const { container } = await renderView([odd]);
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(screen.getByText('Odd')).toBeTruthy();
  });
});

describe('NotesView: the same notes open in another window', () => {
  /** A second handle on the view's database: another tab of the notes view. */
  function otherWindow(db: NotesDb): NotesDb {
    const other = openNotesDb(db.name);
    dbs.push(other);
    return other;
  }

  async function editAndSave(container: HTMLElement, id: string, text: string) {
    fireEvent.click(within(row(container, id)).getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Note text'), { target: { value: text } });
    return () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  }

  it('shows a note edited in another window without a reload', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const id = notes[1]?.id as string;
    await updateNote(otherWindow(db), id, { text: 'Changed over there' }, NOW);
    await waitFor(() => expect(row(container, id).textContent).toContain('Changed over there'));
    const added = await addNote(
      otherWindow(db),
      { kind: 'page', url: BBC, pageTitle: 'BBC', text: 'New over there', tags: [] },
      NOW,
    );
    await waitFor(() => expect(rowIds(container)).toContain(added.id));
    expect(screen.getByText('5 notes on 3 pages.')).toBeTruthy();
  });

  it('keeps a half-typed edit when a note saved elsewhere moves the pages around', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const id = notes[3]?.id as string; // on the last page listed
    fireEvent.click(within(row(container, id)).getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Note text'), {
      target: { value: 'Draft that must stay' },
    });
    // A note on a new page, newer than all: its page is listed first, the others move down.
    const added = await addNote(
      otherWindow(db),
      { kind: 'page', url: 'https://example.com/new', pageTitle: 'New', text: 'n', tags: [] },
      NOW,
    );
    await waitFor(() => expect(rowIds(container)[0]).toBe(added.id));
    expect((screen.getByLabelText('Note text') as HTMLTextAreaElement).value).toBe(
      'Draft that must stay',
    );
  });

  it('keeps the note being edited on screen when notes saved elsewhere push it past the shown rows', async () => {
    const notes = sample();
    // Two rows shown: the TASS note, then the newer RIA note.
    const { container, db } = await renderView(notes, { pageSize: 2 });
    const id = notes[1]?.id as string;
    expect(rowIds(container)).toEqual([notes[2]?.id, id]);
    fireEvent.click(within(row(container, id)).getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Note text'), { target: { value: 'Half-typed' } });
    fireEvent.input(screen.getByLabelText('Tags (comma-separated)'), {
      target: { value: 'one, two' },
    });
    const added = await addNote(
      otherWindow(db),
      { kind: 'page', url: 'https://example.com/new', pageTitle: 'New', text: 'n', tags: [] },
      NOW,
    );
    await waitFor(() => expect(rowIds(container)[0]).toBe(added.id));
    expect(rowIds(container)).toContain(id);
    expect((screen.getByLabelText('Note text') as HTMLTextAreaElement).value).toBe('Half-typed');
    expect((screen.getByLabelText('Tags (comma-separated)') as HTMLInputElement).value).toBe(
      'one, two',
    );
  });

  it('refuses to overwrite an edit saved elsewhere, shows both texts, and keeps both', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const id = notes[1]?.id as string;
    const save = await editAndSave(container, id, 'My text');
    await updateNote(otherWindow(db), id, { text: 'Their text' }, NOW);
    // The form keeps what was typed and says the note changed meanwhile.
    await screen.findByText(/changed in another window while you edit it/);
    expect((screen.getByLabelText('Note text') as HTMLTextAreaElement).value).toBe('My text');
    save();
    const alert = await screen.findByText(/This note was changed in another window\. Your text/);
    expect(alert.getAttribute('role')).toBe('alert');
    const conflict = row(container, id);
    expect(within(conflict).getByText('Their text')).toBeTruthy();
    expect(within(conflict).getByText('My text')).toBeTruthy();
    expect((await allNotes(db)).find((n) => n.id === id)?.text).toBe('Their text');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep both' }));
    await screen.findByText('Saved yours as a new note next to theirs.');
    const stored = await allNotes(db);
    expect(stored.filter((n) => n.text === 'Their text').map((n) => n.id)).toEqual([id]);
    const mine = stored.filter((n) => n.text === 'My text');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ url: notes[1]?.url, kind: notes[1]?.kind });
    await waitFor(() => expect(rowIds(container)).toContain(mine[0]?.id));
  });

  it('keeps mine over theirs only when asked, and keeps theirs when asked', async () => {
    const notes = sample();
    const { container, db } = await renderView(notes);
    const [a, b] = [notes[1]?.id as string, notes[2]?.id as string];
    const saveA = await editAndSave(container, a, 'Mine A');
    await updateNote(otherWindow(db), a, { text: 'Theirs A' }, NOW);
    saveA();
    fireEvent.click(await within(row(container, a)).findByRole('button', { name: 'Keep mine' }));
    await waitFor(async () =>
      expect((await allNotes(db)).find((n) => n.id === a)?.text).toBe('Mine A'),
    );
    await waitFor(() => expect(row(container, a).textContent).toContain('Mine A'));

    const saveB = await editAndSave(container, b, 'Mine B');
    await updateNote(otherWindow(db), b, { text: 'Theirs B' }, NOW);
    saveB();
    fireEvent.click(await within(row(container, b)).findByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(row(container, b).textContent).toContain('Theirs B'));
    expect((await allNotes(db)).find((n) => n.id === b)?.text).toBe('Theirs B');
    expect((await allNotes(db)).some((n) => n.text === 'Mine B')).toBe(false);
  });
});

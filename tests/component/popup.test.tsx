// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_CONTENT_SCRIPT, Popup } from '../../components/Popup';
import type { SendToTab } from '../../components/tab-transport';
import type { EntitySummary } from '../../lib/entities';
import { rememberArticle } from '../../lib/memory/store';
import type { PageState, SelectionInfo } from '../../lib/messages/types';
import { addNote, allNotes, type NotesDb, notesForUrl, openNotesDb } from '../../lib/notes/db';
import { exportJson } from '../../lib/notes/export-json';
import { exportMarkdown } from '../../lib/notes/export-markdown';
import type { Note } from '../../lib/notes/model';

const PAGE_URL = 'https://ria.ru/20241205/kndr-1987654321.html?utm_source=tg#comments';
const NOTE_URL = 'https://ria.ru/20241205/kndr-1987654321.html';
const NOW = new Date('2024-12-06T12:00:00.000Z');

const ENTITIES: EntitySummary[] = [
  { type: 'LOC', canonical: 'Россия', count: 7, forms: ['России', 'РФ'] },
  { type: 'LOC', canonical: 'КНДР', count: 6, forms: ['КНДР'] },
  { type: 'PER', canonical: 'Владимир Путин', count: 5, forms: ['Путин'] },
  { type: 'TREATY', canonical: 'ратификационная грамота', count: 3, forms: ['грамотами'] },
  {
    type: 'TREATY',
    canonical: 'Договор о всеобъемлющем стратегическом партнерстве',
    count: 2,
    forms: ['Договора о всеобъемлющем стратегическом партнерстве'],
    treaty: {
      id: 'russia-dprk-partnership-2024',
      en: 'Treaty on Comprehensive Strategic Partnership between Russia and the DPRK',
      ru: 'Договор о всеобъемлющем стратегическом партнёрстве между Россией и КНДР',
      year: 2024,
    },
  },
  { type: 'ORG', canonical: 'МИД КНДР', count: 2, forms: ['МИД КНДР'] },
  { type: 'PER', canonical: 'Ким Чен Ын', count: 2, forms: ['Ким Чен Ын'], id: 'PER:kim-jong-un' },
  { type: 'LOC', canonical: 'Москва', count: 2, forms: ['МОСКВА'] },
  { type: 'PER', canonical: 'Цой Сон Хи', count: 2, forms: ['Цой Сон Хи'] },
];

function pageState(overrides: Partial<PageState> = {}): PageState {
  return {
    page: { url: PAGE_URL, title: 'Договор России и КНДР вступил в силу', lang: 'ru' },
    enabled: true,
    status: 'ready',
    entities: ENTITIES,
    ...overrides,
  };
}

const SELECTION: SelectionInfo = {
  quote: 'обменялись ратификационными грамотами',
  selectors: [
    {
      type: 'TextQuoteSelector',
      exact: 'обменялись ратификационными грамотами',
      prefix: 'Стороны ',
      suffix: ' в Пхеньяне',
    },
    { type: 'TextPositionSelector', start: 40, end: 77 },
  ],
};

/** A content script that answers from canned data, and records what it was sent. */
function fakeTab(
  options: {
    states?: PageState[];
    selection?: SelectionInfo | null;
    /** Ids the page reports it could not find (glossa:show-notes). */
    orphaned?: (notes: Note[]) => string[];
  } = {},
) {
  const states = [...(options.states ?? [pageState()])];
  let current = states.shift() as PageState;
  const sent: unknown[] = [];
  const send = (async (message: { type: string; enabled?: boolean; notes?: Note[] }) => {
    sent.push(message);
    switch (message.type) {
      case 'glossa:get-page': {
        const answer = current;
        current = states.shift() ?? current;
        return answer;
      }
      case 'glossa:get-selection':
        return options.selection ?? null;
      case 'glossa:set-enabled':
        current = { ...current, enabled: Boolean(message.enabled) };
        return current;
      case 'glossa:show-notes': {
        const notes = message.notes ?? [];
        const orphaned = options.orphaned?.(notes) ?? [];
        const selections = notes.filter((n) => n.kind === 'selection').map((n) => n.id);
        return { anchored: selections.filter((id) => !orphaned.includes(id)), orphaned };
      }
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  }) as SendToTab;
  return { send, sent };
}

const absentTab = (() =>
  Promise.reject(
    new Error('Could not establish connection. Receiving end does not exist.'),
  )) as SendToTab;

/** jsdom's Blob has no text(); FileReader reads it as UTF-8. */
function readText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no blob'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

let dbCount = 0;
const dbs: NotesDb[] = [];
function freshDb(): NotesDb {
  dbCount += 1;
  const db = openNotesDb(`glossa-popup-test-${dbCount}`);
  dbs.push(db);
  return db;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) db.close(); // each test has its own database name
});

describe('Popup', () => {
  it('lists entities grouped Person, Place, Treaty term, with counts in the page order', async () => {
    const { container } = render(<Popup sendToTab={fakeTab().send} db={freshDb()} />);
    await screen.findByText('Договор России и КНДР вступил в силу');
    const rows = [...container.querySelectorAll<HTMLElement>('[data-type]')].map(
      (el) => `${el.dataset.type} ${el.dataset.canonical} ${el.dataset.count}`,
    );
    expect(rows).toEqual([
      'PER Владимир Путин 5',
      'PER Ким Чен Ын 2',
      'PER Цой Сон Хи 2',
      'LOC Россия 7',
      'LOC КНДР 6',
      'LOC Москва 2',
      'TREATY ратификационная грамота 3',
      'TREATY Договор о всеобъемлющем стратегическом партнерстве 2',
    ]);
    // A registered treaty's row gives its name in the other language and the year it was signed.
    const treaty = container.querySelector('[data-canonical^="Договор о всеобъемлющем"]');
    expect(treaty?.querySelector('.entity-treaty')?.textContent).toBe(
      'Treaty on Comprehensive Strategic Partnership between Russia and the DPRK · 2024',
    );
    expect(container.querySelectorAll('.entity-treaty')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: /People/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Treaty terms/ })).toBeTruthy();
    expect(container.querySelector('[data-type="ORG"]')).toBeNull();
  });

  it('saves a note on the selection with its quote and selectors, under the normalized URL', async () => {
    const db = freshDb();
    const { container } = render(
      <Popup sendToTab={fakeTab({ selection: SELECTION }).send} db={db} now={() => NOW} />,
    );
    const saveOnSelection = await screen.findByRole('button', { name: 'Save note on selection' });
    expect(screen.getByText(SELECTION.quote).tagName).toBe('BLOCKQUOTE');

    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Обмен грамотами  ' } });
    fireEvent.input(screen.getByLabelText('Tags (comma-separated)'), {
      target: { value: 'КНДР, treaty law' },
    });
    fireEvent.click(saveOnSelection);

    const item = await waitFor(() => {
      const el = container.querySelector<HTMLElement>('[data-note-id]');
      if (!el) throw new Error('note not shown yet');
      return el;
    });
    expect(item.querySelector('blockquote')?.textContent).toBe(SELECTION.quote);
    expect(item.textContent).toContain('Обмен грамотами');
    expect(item.textContent).toContain('treaty law');
    expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('');

    const stored = await notesForUrl(db, NOTE_URL);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: item.dataset.noteId,
      kind: 'selection',
      url: NOTE_URL,
      pageTitle: 'Договор России и КНДР вступил в силу',
      text: 'Обмен грамотами',
      tags: ['КНДР', 'treaty law'],
      quote: SELECTION.quote,
      selectors: SELECTION.selectors,
      createdAt: NOW.toISOString(),
    });
  });

  it('lists the notes already saved on this page, newest first, and none from other pages', async () => {
    const db = freshDb();
    const base = { kind: 'page' as const, url: NOTE_URL, pageTitle: 'T', tags: [] };
    const older = await addNote(db, { ...base, text: 'older' }, new Date('2024-12-01T00:00:00Z'));
    const newer = await addNote(db, { ...base, text: 'newer' }, new Date('2024-12-02T00:00:00Z'));
    await addNote(db, { ...base, url: 'https://other.example/', text: 'elsewhere' });
    const { container } = render(<Popup sendToTab={fakeTab().send} db={db} />);
    await screen.findByText('newer');
    const ids = [...container.querySelectorAll<HTMLElement>('[data-note-id]')].map(
      (el) => el.dataset.noteId,
    );
    expect(ids).toEqual([newer.id, older.id]);
    expect(screen.queryByText('elsewhere')).toBeNull();
  });

  it('deletes a note only after confirmation', async () => {
    const db = freshDb();
    await addNote(db, { kind: 'page', url: NOTE_URL, pageTitle: 'T', text: 'to delete', tags: [] });
    render(<Popup sendToTab={fakeTab().send} db={db} />);
    await screen.findByText('to delete');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await allNotes(db)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(screen.queryByText('to delete')).toBeNull());
    expect(await allNotes(db)).toHaveLength(0);
  });

  it('keeps the typed text and shows why when the database fails', async () => {
    const db = freshDb();
    vi.spyOn(db.notes, 'add').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    render(<Popup sendToTab={fakeTab().send} db={db} />);
    const textarea = (await screen.findByLabelText('Note')) as HTMLTextAreaElement;
    fireEvent.input(textarea, { target: { value: 'Не потерять этот текст' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note on page' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not save the note: .*no storage space/);
    expect(textarea.value).toBe('Не потерять этот текст');
    expect(await allNotes(db)).toHaveLength(0);
  });

  it('exports all notes as the JSON and Markdown files a download would save', async () => {
    const db = freshDb();
    await addNote(
      db,
      { kind: 'page', url: NOTE_URL, pageTitle: 'КНДР', text: 'one', tags: ['a b'] },
      NOW,
    );
    await addNote(
      db,
      { kind: 'page', url: 'https://other.example/', pageTitle: 'Other', text: 'two', tags: [] },
      NOW,
    );
    const notes = await allNotes(db);

    // Capture what the real Blob-URL download helper hands to the browser.
    const blobs: Blob[] = [];
    const clicks: { download: string; href: string }[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:glossa/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ download: this.download, href: this.href });
    });

    render(<Popup sendToTab={fakeTab().send} db={db} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/Exported 2 notes to glossa-notes-\d{4}-\d{2}-\d{2}\.json/);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await screen.findByText(/Exported 2 notes to glossa-notes-\d{4}-\d{2}-\d{2}\.md/);

    const day = `${NOW.getFullYear()}-${String(NOW.getMonth() + 1).padStart(2, '0')}-${String(NOW.getDate()).padStart(2, '0')}`;
    expect(clicks).toEqual([
      { download: `glossa-notes-${day}.json`, href: 'blob:glossa/1' },
      { download: `glossa-notes-${day}.md`, href: 'blob:glossa/2' },
    ]);
    expect(blobs[0]?.type).toBe('application/json');
    expect(await readText(blobs[0])).toBe(exportJson(notes, NOW));
    expect(await readText(blobs[1])).toBe(exportMarkdown(notes, NOW));
    expect(document.querySelector('a[download]')).toBeNull(); // the temporary link is gone
  });

  it('switches highlights through the content script', async () => {
    const tab = fakeTab();
    render(<Popup sendToTab={tab.send} db={freshDb()} />);
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(screen.getByText(/Highlights on/)).toBeTruthy();
    fireEvent.click(toggle);
    await screen.findByText(/Highlights off/);
    expect(toggle.checked).toBe(false);
    expect(tab.sent).toContainEqual({ type: 'glossa:set-enabled', enabled: false });
  });

  it('waits while the page is still being read', async () => {
    const tab = fakeTab({
      states: [pageState({ status: 'working', entities: [] }), pageState()],
    });
    const { container } = render(<Popup sendToTab={tab.send} db={freshDb()} pollMs={5} />);
    await waitFor(() => expect(container.querySelectorAll('[data-type]')).toHaveLength(8));
    expect(screen.queryByText(/Finding people/)).toBeNull();
  });

  it('explains a page it cannot read, and still exports', async () => {
    const db = freshDb();
    await addNote(db, { kind: 'page', url: NOTE_URL, pageTitle: 'T', text: 'kept', tags: [] });
    const download = vi.fn();
    render(<Popup sendToTab={absentTab} db={db} download={download} now={() => NOW} />);
    await screen.findByText(NO_CONTENT_SCRIPT);
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByLabelText('Note')).toBeNull(); // no address to file a note under
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download.mock.calls[0]?.[0].content).toContain('"text": "kept"');
  });

  it('files notes under the tab address when the content script is absent but the address is known', async () => {
    const db = freshDb();
    render(
      <Popup
        sendToTab={absentTab}
        db={db}
        tabInfo={async () => ({ url: `${NOTE_URL}#x`, title: 'From the tab', lang: '' })}
      />,
    );
    await screen.findByText(NO_CONTENT_SCRIPT);
    fireEvent.input(await screen.findByLabelText('Note'), { target: { value: 'page note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note on page' }));
    await screen.findByText('page note', { selector: '.note-text' });
    expect((await notesForUrl(db, NOTE_URL))[0]).toMatchObject({
      kind: 'page',
      pageTitle: 'From the tab',
    });
  });

  it("takes the page's address from the tab, not from a content script that claims another page", async () => {
    const db = freshDb();
    const OTHER_URL = 'https://mail.example/inbox';
    await addNote(db, { kind: 'page', url: OTHER_URL, pageTitle: 'O', text: 'secret', tags: [] });
    const mine = await addNote(db, {
      kind: 'page',
      url: NOTE_URL,
      pageTitle: 'T',
      text: 'mine',
      tags: [],
    });
    const lying = pageState({ page: { url: OTHER_URL, title: 'Inbox', lang: 'en' } });
    const tab = fakeTab({ states: [lying] });
    render(
      <Popup
        sendToTab={tab.send}
        db={db}
        now={() => NOW}
        tabInfo={async () => ({ url: PAGE_URL, title: 'From the tab', lang: '' })}
      />,
    );
    await screen.findByText('mine', { selector: '.note-text' });
    expect(screen.queryByText('secret')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('From the tab');
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'new one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note on page' }));
    await screen.findByText('new one', { selector: '.note-text' });
    expect((await notesForUrl(db, NOTE_URL)).map((n) => n.text).sort()).toEqual([
      'mine',
      'new one',
    ]);
    expect((await notesForUrl(db, OTHER_URL)).map((n) => n.text)).toEqual(['secret']);
    // The page was only ever sent its own notes.
    await waitFor(() =>
      expect(tab.sent.some((m) => (m as { type: string }).type === 'glossa:show-notes')).toBe(true),
    );
    for (const m of tab.sent as Array<{ type: string; notes?: Note[] }>) {
      if (m.type !== 'glossa:show-notes') continue;
      expect(m.notes?.every((n) => n.url === NOTE_URL)).toBe(true);
    }
    expect(mine.url).toBe(NOTE_URL);
  });

  it('sends the page its notes after a save, so the new quote is painted at once', async () => {
    const db = freshDb();
    const tab = fakeTab({ selection: SELECTION });
    render(<Popup sendToTab={tab.send} db={db} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save note on selection' }));
    const stored = await waitFor(async () => {
      const list = await notesForUrl(db, NOTE_URL);
      if (list.length !== 1) throw new Error('not saved yet');
      return list;
    });
    await waitFor(() => {
      const shown = tab.sent.filter(
        (m): m is { type: 'glossa:show-notes'; notes: Note[] } =>
          (m as { type: string }).type === 'glossa:show-notes',
      );
      expect(shown.at(-1)?.notes.map((n) => n.id)).toEqual([stored[0]?.id]);
    });
  });

  it('lists the notes whose quote the page could not find, with the quote, apart from the rest', async () => {
    const db = freshDb();
    const base = { url: NOTE_URL, pageTitle: 'T', tags: [] };
    const found = await addNote(db, {
      ...base,
      kind: 'selection',
      text: 'still here',
      quote: 'обменялись ратификационными грамотами',
      selectors: SELECTION.selectors,
    });
    const gone = await addNote(db, {
      ...base,
      kind: 'selection',
      text: 'about a removed paragraph',
      quote: 'Этот абзац удалили из статьи',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Этот абзац удалили из статьи',
          prefix: '',
          suffix: '',
        },
      ],
    });
    const tab = fakeTab({
      orphaned: (notes) => notes.filter((n) => n.id === gone.id).map((n) => n.id),
    });
    const { container } = render(<Popup sendToTab={tab.send} db={db} />);
    const heading = await screen.findByRole('heading', { name: 'Not found on this page (1)' });
    const section = heading.closest('section') as HTMLElement;
    const orphan = section.querySelector<HTMLElement>(`[data-note-id="${gone.id}"]`);
    expect(orphan?.dataset.orphaned).toBe('true');
    expect(orphan?.querySelector('blockquote')?.textContent).toBe('Этот абзац удалили из статьи');
    expect(orphan?.textContent).toContain('Could not find this quote on the page.');
    expect(orphan?.textContent).toContain('about a removed paragraph');
    // The anchored note stays in the main list, once.
    const all = [...container.querySelectorAll<HTMLElement>('[data-note-id]')].map(
      (el) => el.dataset.noteId,
    );
    expect(all.sort()).toEqual([found.id, gone.id].sort());
    expect(section.querySelector(`[data-note-id="${found.id}"]`)).toBeNull();
    // Orphans are never dropped from the store.
    expect(await allNotes(db)).toHaveLength(2);
  });

  it('attaches a note to an entity from its row, with the canonical name, type and id', async () => {
    const db = freshDb();
    const { container } = render(<Popup sendToTab={fakeTab().send} db={db} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note on Ким Чен Ын' }));
    const text = screen.getByLabelText('Note on Ким Чен Ын (Person)');
    const save = screen.getByRole('button', { name: 'Save note' });
    expect((save as HTMLButtonElement).disabled).toBe(true); // an entity note says something
    fireEvent.input(text, { target: { value: 'Председатель госсовета КНДР' } });
    const form = text.closest('form') as HTMLElement;
    fireEvent.input(within(form).getByLabelText('Tags (comma-separated)'), {
      target: { value: 'КНДР' },
    });
    fireEvent.click(save);
    await screen.findByText('Saved a note on Ким Чен Ын.');
    expect(screen.queryByLabelText('Note on Ким Чен Ын (Person)')).toBeNull();
    const stored = await notesForUrl(db, NOTE_URL);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: 'entity',
      entity: { type: 'PER', canonical: 'Ким Чен Ын', id: 'PER:kim-jong-un' },
      text: 'Председатель госсовета КНДР',
      tags: ['КНДР'],
      url: NOTE_URL,
    });
    const item = container.querySelector<HTMLElement>(`[data-note-id="${stored[0]?.id}"]`);
    expect(item?.textContent).toContain('Ким Чен Ын');
    expect(item?.textContent).toContain('(Person)');
  });

  it('keeps an entity note on screen and says why when the write fails', async () => {
    const db = freshDb();
    vi.spyOn(db.notes, 'add').mockRejectedValue(new DOMException('blocked', 'VersionError'));
    render(<Popup sendToTab={fakeTab().send} db={db} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add a note on Россия' }));
    const text = screen.getByLabelText('Note on Россия (Place)') as HTMLTextAreaElement;
    fireEvent.input(text, { target: { value: 'Не потерять' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not save the note: .*another Glossa window/);
    expect(text.value).toBe('Не потерять');
  });

  it('deletes all notes on the page only after asking', async () => {
    const db = freshDb();
    const base = { kind: 'page' as const, url: NOTE_URL, pageTitle: 'T', tags: [] };
    await addNote(db, { ...base, text: 'one' });
    await addNote(db, { ...base, text: 'two' });
    await addNote(db, { ...base, url: 'https://other.example/', text: 'elsewhere' });
    render(<Popup sendToTab={fakeTab().send} db={db} />);
    await screen.findByText('two');
    fireEvent.click(screen.getByRole('button', { name: 'Delete all notes on this page' }));
    expect(screen.getByText('Delete all 2 notes on this page?')).toBeTruthy();
    expect(await allNotes(db)).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(screen.queryByText('two')).toBeNull());
    expect((await allNotes(db)).map((n) => n.text)).toEqual(['elsewhere']);
  });

  it('exports in four formats and opens the notes view', async () => {
    const db = freshDb();
    await addNote(
      db,
      {
        kind: 'selection',
        url: NOTE_URL,
        pageTitle: 'КНДР',
        text: 'one',
        tags: [],
        quote: SELECTION.quote,
        selectors: SELECTION.selectors,
      },
      NOW,
    );
    const download = vi.fn();
    const openNotes = vi.fn();
    render(
      <Popup
        sendToTab={fakeTab().send}
        db={db}
        download={download}
        openNotes={openNotes}
        now={() => NOW}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON-LD' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    expect(download.mock.calls[0]?.[0].content.split('\r\n')[0]).toBe(
      'Highlight,Title,Author,URL,Note,Location,Date',
    );
    const jsonld = JSON.parse(download.mock.calls[1]?.[0].content);
    expect(jsonld.first.items[0].target.selector.map((x: { type: string }) => x.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'All notes: search, edit, import' }));
    expect(openNotes).toHaveBeenCalledTimes(1);
  });
});

describe('Popup: the reading memory of this site', () => {
  it("says how many of the site's articles are remembered and forgets them on confirmation", async () => {
    const db = freshDb();
    const visit = (url: string) => ({
      url,
      title: url,
      lang: 'ru',
      entities: [{ key: 'LOC:KP', name: 'КНДР', count: 1 }],
    });
    const site = new URL(PAGE_URL).hostname.replace(/^www\./, '');
    await rememberArticle(db, visit(`https://${site}/a`));
    await rememberArticle(db, visit(`https://${site}/b`));
    await rememberArticle(db, visit('https://other.example/c'));
    await addNote(db, {
      kind: 'page',
      url: `https://${site}/a`,
      pageTitle: 'A',
      text: 'mine',
      tags: [],
    });

    render(<Popup sendToTab={fakeTab().send} db={db} now={() => NOW} />);
    await screen.findByText(`2 articles of ${site} in your reading memory`);
    fireEvent.click(
      screen.getByRole('button', { name: `Forget this site (${site}) in the reading memory` }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Forget them' }));
    await waitFor(() => expect(screen.queryByText(/in your reading memory/)).toBeNull());
    expect((await db.articles.toArray()).map((a) => a.site)).toEqual(['other.example']);
    expect((await allNotes(db)).map((n) => n.text)).toEqual(['mine']);
  });
});

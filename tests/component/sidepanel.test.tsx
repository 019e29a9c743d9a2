// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_CONTENT_SCRIPT } from '../../components/Popup';
import { SidePanel } from '../../components/SidePanel';
import type { SendToTab } from '../../components/tab-transport';
import type { EntitySummary } from '../../lib/entities';
import type { PageState, RevealResult } from '../../lib/messages/types';
import { addNote, type NotesDb, notesForUrl, openNotesDb } from '../../lib/notes/db';

const URL_A = 'https://example.org/news/summit.html';

const ENTITIES: EntitySummary[] = [
  { type: 'LOC', canonical: 'Pyongyang', count: 3, forms: ['Pyongyang'] },
  { type: 'PER', canonical: 'Vladimir Putin', count: 2, forms: ['Putin'] },
  { type: 'TREATY', canonical: 'ratification', count: 1, forms: ['ratification'] },
];

const state = (entities: EntitySummary[], title = 'Summit in Pyongyang'): PageState => ({
  page: { url: URL_A, title, lang: 'en' },
  enabled: true,
  status: 'ready',
  entities,
});

let dbCount = 0;
const dbs: NotesDb[] = [];
function freshDb(): NotesDb {
  dbCount += 1;
  const db = openNotesDb(`glossa-sidepanel-test-${dbCount}`);
  dbs.push(db);
  return db;
}

afterEach(() => {
  cleanup();
  for (const db of dbs.splice(0)) db.close();
});

/** A tab whose page state the test changes, and a hand-driven change feed. */
function fakeTab(initial: PageState) {
  let current = initial;
  const sent: Array<{ type: string; [k: string]: unknown }> = [];
  const reveals: RevealResult[] = [];
  const send = (async (message: { type: string }) => {
    sent.push(message);
    if (message.type === 'glossa:get-page') return current;
    if (message.type === 'glossa:reveal') {
      return reveals.shift() ?? { ok: false, reason: 'not-found' };
    }
    if (message.type === 'glossa:show-notes') return { anchored: [], orphaned: [] };
    throw new Error(`unexpected ${message.type}`);
  }) as SendToTab;
  const listeners = new Set<() => void>();
  return {
    send,
    sent,
    reveals,
    set(next: PageState) {
      current = next;
    },
    changed() {
      for (const fn of listeners) fn();
    },
    onPageChange(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

const rows = (container: Element) =>
  [...container.querySelectorAll<HTMLElement>('li[data-type]')].map(
    (li) => `${li.dataset.type} ${li.dataset.canonical} ${li.dataset.count}`,
  );

describe('SidePanel', () => {
  it("shows the notes of the tab's address from the browser, not of an address the content script claims", async () => {
    const db = freshDb();
    const OTHER_URL = 'https://mail.example/inbox';
    await addNote(db, { kind: 'page', url: OTHER_URL, pageTitle: 'O', text: 'secret', tags: [] });
    await addNote(db, { kind: 'page', url: URL_A, pageTitle: 'A', text: 'mine', tags: [] });
    const lying = state(ENTITIES);
    lying.page = { url: OTHER_URL, title: 'Inbox', lang: 'en' };
    const tab = fakeTab(lying);
    render(
      <SidePanel
        sendToTab={tab.send}
        db={db}
        onPageChange={tab.onPageChange}
        tabInfo={async () => ({ url: `${URL_A}#top`, title: 'Summit in Pyongyang', lang: '' })}
      />,
    );
    await screen.findByText('mine');
    expect(screen.queryByText('secret')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Summit in Pyongyang');
    // Deleting tells the page its notes: never another page's.
    fireEvent.click(screen.getByRole('button', { name: /Delete/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(tab.sent.some((m) => m.type === 'glossa:show-notes')).toBe(true));
    expect(await notesForUrl(db, URL_A)).toEqual([]);
    expect(await notesForUrl(db, OTHER_URL)).toHaveLength(1);
    for (const m of tab.sent) {
      if (m.type === 'glossa:show-notes') expect(m.notes).toEqual([]);
    }
  });

  it('lists the entities as buttons grouped by type, and the page notes', async () => {
    const db = freshDb();
    await addNote(db, {
      kind: 'page',
      url: URL_A,
      pageTitle: 'Summit',
      text: 'Read again',
      tags: [],
    });
    const tab = fakeTab(state(ENTITIES));
    const { container } = render(
      <SidePanel sendToTab={tab.send} db={db} onPageChange={tab.onPageChange} />,
    );
    await screen.findByText('Summit in Pyongyang');
    expect(rows(container)).toEqual([
      'PER Vladimir Putin 2',
      'LOC Pyongyang 3',
      'TREATY ratification 1',
    ]);
    const button = screen.getByRole('button', { name: /next mention of Pyongyang/ });
    expect(button.textContent).toBe('Pyongyang');
    await screen.findByText('Read again');
    expect(screen.getByRole('heading', { name: 'Notes on this page (1)' })).toBeTruthy();
  });

  it('a name click asks the page to reveal it and shows where it landed', async () => {
    const tab = fakeTab(state(ENTITIES));
    tab.reveals.push(
      {
        ok: true,
        index: 0,
        count: 3,
        text: 'Pyongyang',
        entity: { type: 'LOC', canonical: 'Pyongyang' },
      },
      {
        ok: true,
        index: 1,
        count: 3,
        text: 'Pyongyang',
        entity: { type: 'LOC', canonical: 'Pyongyang' },
      },
    );
    render(<SidePanel sendToTab={tab.send} db={freshDb()} onPageChange={tab.onPageChange} />);
    const button = await screen.findByRole('button', { name: /next mention of Pyongyang/ });
    fireEvent.click(button);
    await screen.findByText('Pyongyang: mention 1 of 3 on the page.');
    fireEvent.click(button);
    await screen.findByText('Pyongyang: mention 2 of 3 on the page.');
    expect(screen.getByText('2 of 3')).toBeTruthy();
    expect(tab.sent.filter((m) => m.type === 'glossa:reveal')).toEqual([
      { type: 'glossa:reveal', entity: { type: 'LOC', canonical: 'Pyongyang' } },
      { type: 'glossa:reveal', entity: { type: 'LOC', canonical: 'Pyongyang' } },
    ]);
    // Nothing painted any more (highlights switched off meanwhile): said, not thrown.
    fireEvent.click(screen.getByRole('button', { name: /next mention of ratification/ }));
    await screen.findByText('ratification is not highlighted on the page right now.');
  });

  it('looks again when told the page changed: new entities, new notes', async () => {
    const db = freshDb();
    const tab = fakeTab(state(ENTITIES));
    const { container } = render(
      <SidePanel sendToTab={tab.send} db={db} onPageChange={tab.onPageChange} />,
    );
    await screen.findByText('Summit in Pyongyang');
    tab.set(
      state([
        ...ENTITIES,
        { type: 'PER', canonical: 'Xi Jinping', count: 2, forms: ['Xi Jinping'] },
      ]),
    );
    await addNote(db, { kind: 'page', url: URL_A, pageTitle: 'Summit', text: 'New one', tags: [] });
    tab.changed();
    await waitFor(() => expect(rows(container)).toContain('PER Xi Jinping 2'));
    await screen.findByText('New one');
  });

  it('deletes a note and tells the page; without a content script it says why', async () => {
    const db = freshDb();
    await addNote(db, { kind: 'page', url: URL_A, pageTitle: 'Summit', text: 'Drop me', tags: [] });
    const tab = fakeTab(state(ENTITIES));
    render(<SidePanel sendToTab={tab.send} db={db} onPageChange={tab.onPageChange} />);
    await screen.findByText('Drop me');
    fireEvent.click(screen.getByRole('button', { name: /Delete/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm delete' }));
    await waitFor(async () => expect(await notesForUrl(db, URL_A)).toEqual([]));
    await waitFor(() => expect(tab.sent.some((m) => m.type === 'glossa:show-notes')).toBe(true));
    cleanup();

    const absent = (() => Promise.reject(new Error('Receiving end does not exist.'))) as SendToTab;
    render(<SidePanel sendToTab={absent} db={freshDb()} />);
    await screen.findByText(NO_CONTENT_SCRIPT);
  });
});

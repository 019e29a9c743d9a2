// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../components/Options';
import { rememberArticle } from '../../lib/memory/store';
import { addNote, allNotes, openNotesDb } from '../../lib/notes/db';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaLike,
} from '../../lib/settings';

/** browser.storage.local stand-in: a plain object behind the same two methods. */
function memoryStorage(initial: Record<string, unknown> = {}, failWrites = false) {
  const data: Record<string, unknown> = structuredClone(initial);
  const area: StorageAreaLike = {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      if (failWrites) throw new Error('storage is read-only');
      Object.assign(data, structuredClone(items));
    },
  };
  return { area, stored: () => data[SETTINGS_KEY] as Settings | undefined };
}

afterEach(cleanup);

describe('Options', () => {
  it('shows the stored settings', async () => {
    const { area } = memoryStorage({
      [SETTINGS_KEY]: {
        ...DEFAULT_SETTINGS,
        types: { PER: true, LOC: false, TREATY: true, WATCH: true },
      },
    });
    render(<Options storage={area} />);
    expect(((await screen.findByLabelText('Place')) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Person') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('None.')).toBeTruthy();
  });

  it('saves each change at once and says so', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    fireEvent.click(await screen.findByLabelText('Treaty term'));
    await screen.findByText('Saved');
    expect(stored()?.types).toEqual({ PER: true, LOC: true, TREATY: false, WATCH: true });
    expect(stored()?.savedAt).toBeGreaterThan(0);

    fireEvent.click(screen.getByLabelText(/Highlight people, places and treaty terms/));
    await waitFor(() => expect(stored()?.enabled).toBe(false));
    expect(screen.getByText('Saved')).toBeTruthy();
    // The categories are greyed out while highlighting is off.
    expect(screen.getByLabelText('Person').matches(':disabled')).toBe(true);
  });

  it('removes a disabled site', async () => {
    const { area, stored } = memoryStorage({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['ria.ru', 'tass.ru'] },
    });
    render(<Options storage={area} />);
    const row = (await screen.findByText('ria.ru')).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove ria.ru' }));
    await screen.findByText('Saved');
    expect(stored()?.disabledSites).toEqual(['tass.ru']);
    expect(screen.queryByText('ria.ru')).toBeNull();
  });

  it('shows a failed save', async () => {
    const { area } = memoryStorage({}, true);
    render(<Options storage={area} />);
    fireEvent.click(await screen.findByLabelText('Person'));
    await screen.findByText('Not saved: storage is read-only');
  });

  it('changes a colour, shows its contrast on light and dark pages, and resets it', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    const input = (await screen.findByLabelText('Place colour')) as HTMLInputElement;
    expect(input.value).toBe('#e69f00');
    expect(
      screen.getByText(/^Underline .* on light pages/, { selector: '#contrast-LOC' }),
    ).toBeTruthy();
    fireEvent.change(input, { target: { value: '#ffff00' } });
    await waitFor(() => expect(stored()?.colors.LOC).toBe('#ffff00'));
    // A yellow underline vanishes on white pages: said, not refused.
    expect((document.getElementById('contrast-LOC') as HTMLElement).textContent).toMatch(
      /below 3:1/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset Place colour' }));
    await waitFor(() => expect(stored()?.colors.LOC).toBe('#e69f00'));
    expect(screen.queryByRole('button', { name: 'Reset Place colour' })).toBeNull();
  });

  it('edits the watch list: saved on request, cleaned of blanks and repeats', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    const box = (await screen.findByRole('textbox', { name: 'Watch list' })) as HTMLTextAreaElement;
    const save = screen.getByRole('button', { name: 'Save watch list' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(box, { target: { value: 'санкция\n\n  New START \nСанкция' } });
    expect(screen.getByText('2 terms')).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(stored()?.watchList).toEqual(['санкция', 'New START']));
    // Another change (a colour) keeps the saved list in the box.
    fireEvent.click(screen.getByLabelText('Person'));
    await screen.findByText('Saved');
    const after = screen.getByRole('textbox', { name: 'Watch list' }) as HTMLTextAreaElement;
    expect(after.value).toBe('санкция\nNew START');
  });

  it('switches article-only annotation and adds a site by its address', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    fireEvent.click(await screen.findByLabelText(/Annotate only article pages/));
    await waitFor(() => expect(stored()?.articlesOnly).toBe(false));
    const site = screen.getByLabelText('Turn Glossa off on');
    fireEvent.input(site, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Type a site address/);
    fireEvent.input(site, { target: { value: 'https://WWW.BBC.com/news/world' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() => expect(stored()?.disabledSites).toEqual(['www.bbc.com']));
    expect(screen.getByText('www.bbc.com')).toBeTruthy();
  });

  it('opens the notes view from its link', async () => {
    const { area } = memoryStorage();
    let opened = 0;
    render(<Options storage={area} openNotes={() => (opened += 1)} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Open all notes: search, edit, import' }),
    );
    expect(opened).toBe(1);
  });
});

describe('Options: sites I trust', () => {
  it('explains the risk, keeps the watch list to trusted sites, and edits those sites', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    const watch = (await screen.findByLabelText(
      'Watch list: only on sites I trust',
    )) as HTMLInputElement;
    expect(screen.getByText(/scripts can read which words Glossa paints/)).toBeTruthy();
    // Off for every category until the reader asks: pages look as they did.
    for (const name of ['Person', 'Place', 'Treaty term', 'Watch list', "Your notes' highlights"])
      expect(
        (screen.getByLabelText(`${name}: only on sites I trust`) as HTMLInputElement).checked,
      ).toBe(false);
    expect(screen.getByText('No site yet.')).toBeTruthy();
    fireEvent.click(watch);
    await waitFor(() =>
      expect(stored()?.trustedOnly).toEqual({
        PER: false,
        LOC: false,
        TREATY: false,
        WATCH: true,
        NOTES: false,
      }),
    );
    const site = screen.getByLabelText('Trust');
    fireEvent.input(site, { target: { value: 'https://Meduza.io/news' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add trusted site' }));
    await waitFor(() => expect(stored()?.trustedSites).toEqual(['meduza.io']));
    // The sites where Glossa stays off are another list.
    expect(stored()?.disabledSites).toEqual([]);
    const row = screen.getByText('meduza.io').closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Remove meduza.io' }));
    await waitFor(() => expect(stored()?.trustedSites).toEqual([]));
    expect(screen.getByText('No site yet.')).toBeTruthy();
  });

  it('keeps a setting changed elsewhere (another browser, the popup) while the page was open', async () => {
    const { area, stored } = memoryStorage({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, watchList: ['old'] },
    });
    render(<Options storage={area} />);
    await screen.findByLabelText('Person');
    // Sync brings a new list after the page read the settings.
    await area.set({
      [SETTINGS_KEY]: { ...(stored() as Settings), watchList: ['санкции', 'New START'] },
    });
    fireEvent.click(screen.getByLabelText('Person'));
    await screen.findByText('Saved');
    expect(stored()?.types.PER).toBe(false);
    expect(stored()?.watchList).toEqual(['санкции', 'New START']);
  });
});

describe('Options: the reading memory', () => {
  it('turns the memory off and sets how long articles are kept, within bounds', async () => {
    const { area, stored } = memoryStorage();
    render(<Options storage={area} />);
    const remember = (await screen.findByLabelText('Remember what I read')) as HTMLInputElement;
    expect(remember.checked).toBe(true);
    fireEvent.click(remember);
    await waitFor(() => expect(stored()?.rememberReading).toBe(false));

    const days = screen.getByLabelText(/Keep an article for/) as HTMLInputElement;
    expect(days.value).toBe('180');
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.blur(days);
    await waitFor(() => expect(stored()?.memoryDays).toBe(30));
    fireEvent.input(days, { target: { value: '2' } });
    fireEvent.blur(days);
    await waitFor(() => expect(stored()?.memoryDays).toBe(7));
    expect(days.value).toBe('7');
    fireEvent.input(days, { target: { value: 'soon' } });
    fireEvent.blur(days);
    expect(days.value).toBe('7');
    expect(stored()?.memoryDays).toBe(7);
  });
});

describe('Options: clearing the reading memory', () => {
  it('says how many articles are remembered and forgets them on confirmation, notes kept', async () => {
    const db = openNotesDb('options-memory');
    await db.open();
    try {
      await addNote(db, {
        kind: 'page',
        url: 'https://a.ru/1',
        pageTitle: 'A',
        text: 'mine',
        tags: [],
      });
      for (const url of ['https://a.ru/1', 'https://b.com/2']) {
        await rememberArticle(db, {
          url,
          title: url,
          lang: 'ru',
          entities: [{ key: 'LOC:KP', name: 'КНДР', count: 1 }],
        });
      }
      const { area } = memoryStorage();
      render(<Options storage={area} db={db} />);
      await screen.findByText('2 articles remembered');
      fireEvent.click(screen.getByRole('button', { name: 'Clear memory' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Forget them' }));
      await screen.findByText('0 articles remembered');
      expect(await db.articles.count()).toBe(0);
      expect((await allNotes(db)).map((n) => n.text)).toEqual(['mine']);
    } finally {
      db.close();
    }
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../components/Options';
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
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, types: { PER: true, LOC: false, TREATY: true } },
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
    expect(stored()?.types).toEqual({ PER: true, LOC: true, TREATY: false });

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

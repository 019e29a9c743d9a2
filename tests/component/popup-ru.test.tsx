// @vitest-environment jsdom
/**
 * The popup in Russian: a browser whose UI language is Russian answers i18n.getMessage from
 * public/_locales/ru/messages.json. Here a fake chrome.i18n backed by that file does the same.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup';
import type { SendToTab } from '../../components/tab-transport';
import { type MessageFile, messagesGetter } from '../../lib/i18n';
import type { PageState } from '../../lib/messages/types';
import { notesForUrl, openNotesDb } from '../../lib/notes/db';
import russian from '../../public/_locales/ru/messages.json';

const STATE: PageState = {
  page: { url: 'https://ria.ru/20241205/kndr.html', title: 'Договор вступил в силу', lang: 'ru' },
  enabled: true,
  status: 'ready',
  entities: [
    { type: 'PER', canonical: 'Владимир Путин', count: 5, forms: ['Путин'] },
    { type: 'LOC', canonical: 'КНДР', count: 2, forms: ['КНДР'] },
    { type: 'TREATY', canonical: 'ратификация', count: 1, forms: ['ратификации'] },
  ],
  site: {
    host: 'ria.ru',
    enabled: true,
    annotateAnyway: false,
    article: true,
  } as PageState['site'],
};

const tab = (state: PageState): SendToTab =>
  (async (message: { type: string; enabled?: boolean }) => {
    if (message.type === 'glossa:get-page') return state;
    if (message.type === 'glossa:get-selection') return null;
    if (message.type === 'glossa:set-enabled')
      return { ...state, enabled: Boolean(message.enabled) };
    if (message.type === 'glossa:show-notes') return { anchored: [], orphaned: [] };
    throw new Error(`unexpected ${message.type}`);
  }) as SendToTab;

const g = globalThis as { chrome?: unknown };

beforeEach(() => {
  g.chrome = { i18n: { getMessage: messagesGetter(russian as MessageFile) } };
});

afterEach(() => {
  cleanup();
  delete g.chrome;
});

describe('Popup in Russian', () => {
  it('shows its headings, groups, switch and buttons in Russian, with Russian plural forms', async () => {
    const db = openNotesDb('glossa-popup-ru-test');
    const { container } = render(<Popup sendToTab={tab(STATE)} db={db} openOptions={() => {}} />);
    await screen.findByText('Договор вступил в силу');
    for (const name of ['На этой странице', 'Новая заметка', 'Заметки на этой странице']) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { name: /^Люди/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Места/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Договорные термины/ })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Подсветка включена' })).toBeTruthy();
    expect(screen.getByText('Glossa на ria.ru')).toBeTruthy();
    expect(screen.getByText('На этой странице пока нет заметок.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Настройки' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Экспорт в JSON' })).toBeTruthy();
    // Counts read with the right form for screen readers: 5 упоминаний, 2 упоминания, 1 упоминание.
    const hidden = [...container.querySelectorAll('.entity-count .visually-hidden')].map((el) =>
      el.textContent?.trim(),
    );
    expect(hidden).toEqual(['упоминаний', 'упоминания', 'упоминание']);
    // Not a word of the English UI is left in what the popup shows.
    expect(container.textContent).not.toMatch(/On this page|Highlights|New note|Settings|Export/);

    // Saving works the same, and says so in Russian.
    fireEvent.input(screen.getByLabelText('Заметка'), { target: { value: 'Проверить дату' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить заметку к странице' }));
    await screen.findByText('Сохранено.');
    await waitFor(async () =>
      expect((await notesForUrl(db, STATE.page.url)).map((n) => n.text)).toEqual([
        'Проверить дату',
      ]),
    );
    db.close();
  });
});

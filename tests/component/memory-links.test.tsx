// @vitest-environment jsdom
/**
 * The reading memory in the popup and the side panel: the one-time notice (shown while the memory
 * is on, until dismissed, then never again) and each entity row's way to the entity's page (people,
 * places and registered treaties only, by memory key, while the memory is on).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup';
import { SidePanel } from '../../components/SidePanel';
import type { SendToTab } from '../../components/tab-transport';
import type { EntitySummary } from '../../lib/entities';
import { MEMORY_NOTICE_KEY } from '../../lib/memory/notice';
import type { PageState } from '../../lib/messages/types';
import { type NotesDb, openNotesDb } from '../../lib/notes/db';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../lib/settings';
import { localArea } from '../unit/sync-area';

const URL_A = 'https://ria.ru/20241205/kndr.html';

const ENTITIES: EntitySummary[] = [
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
  { type: 'WATCH', canonical: 'санкции', count: 2, forms: ['санкций'] },
];

const STATE: PageState = {
  page: { url: URL_A, title: 'Договор России и КНДР', lang: 'ru' },
  enabled: true,
  status: 'ready',
  entities: ENTITIES,
};

const tab = (async (message: { type: string }) => {
  if (message.type === 'glossa:get-page') return STATE;
  if (message.type === 'glossa:get-selection') return null;
  if (message.type === 'glossa:show-notes') return { anchored: [], orphaned: [] };
  throw new Error(`unexpected ${message.type}`);
}) as SendToTab;

const memoryOff = () =>
  localArea({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, rememberReading: false } });

let dbCount = 0;
const dbs: NotesDb[] = [];
function freshDb(): NotesDb {
  dbCount += 1;
  const db = openNotesDb(`glossa-memory-links-test-${dbCount}`);
  dbs.push(db);
  return db;
}
afterEach(() => {
  cleanup();
  for (const db of dbs.splice(0)) db.close();
});

const NOTICE = /Glossa remembers the people, places and treaties of pages it highlights/;

describe('the popup notice about the reading memory', () => {
  it('shows once with the memory on, and never again after Dismiss', async () => {
    const { area, data } = localArea();
    let options = 0;
    const first = render(
      <Popup sendToTab={tab} db={freshDb()} storage={area} openOptions={() => (options += 1)} />,
    );
    const notice = (await screen.findByText(NOTICE)).closest('p') as HTMLElement;
    fireEvent.click(within(notice).getByRole('button', { name: 'Change in Options' }));
    expect(options).toBe(1);
    fireEvent.click(
      within(notice).getByRole('button', { name: 'Dismiss the note about the reading memory' }),
    );
    expect(screen.queryByText(NOTICE)).toBeNull();
    await waitFor(() => expect(data[MEMORY_NOTICE_KEY]).toBe(true));
    first.unmount();

    // The popup opens again: the entity list is there, the notice is not.
    render(<Popup sendToTab={tab} db={freshDb()} storage={area} openEntity={() => {}} />);
    await screen.findByRole('button', { name: 'Page of КНДР in the reading memory' });
    expect(screen.queryByText(NOTICE)).toBeNull();
  });

  it('shows no notice while the memory is off, nor without storage', async () => {
    render(<Popup sendToTab={tab} db={freshDb()} storage={memoryOff().area} />);
    await screen.findByRole('heading', { name: 'On this page' });
    cleanup();
    render(<Popup sendToTab={tab} db={freshDb()} />);
    await screen.findByRole('heading', { name: 'On this page' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});

describe('entity rows link to their pages in the reading memory', () => {
  it('in the popup: people, places and registered treaties, by memory key', async () => {
    const opened: string[] = [];
    render(
      <Popup
        sendToTab={tab}
        db={freshDb()}
        storage={localArea().area}
        openEntity={(key) => opened.push(key)}
      />,
    );
    const korea = await screen.findByRole('button', { name: 'Page of КНДР in the reading memory' });
    expect(korea.textContent).toBe('Page'); // the accessible name starts with the visible word
    fireEvent.click(korea);
    fireEvent.click(
      screen.getByRole('button', { name: 'Page of Владимир Путин in the reading memory' }),
    );
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Page of Договор о всеобъемлющем стратегическом партнерстве in the reading memory',
      }),
    );
    expect(opened).toEqual([
      'LOC:KP',
      'PER:~vladimir putin',
      'TREATY:russia-dprk-partnership-2024',
    ]);
    // A generic treaty term and a watch term have no page.
    expect(screen.getAllByRole('button', { name: /in the reading memory$/ })).toHaveLength(3);
  });

  it('in the popup: no links while the memory is off', async () => {
    render(
      <Popup sendToTab={tab} db={freshDb()} storage={memoryOff().area} openEntity={() => {}} />,
    );
    await screen.findByText('КНДР');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryAllByRole('button', { name: /in the reading memory$/ })).toEqual([]);
  });

  it('in the side panel, beside the reveal buttons', async () => {
    const opened: string[] = [];
    render(
      <SidePanel
        sendToTab={tab}
        db={freshDb()}
        storage={localArea().area}
        openEntity={(key) => opened.push(key)}
      />,
    );
    const row = (await screen.findByRole('button', { name: /^Page of КНДР/ })).closest(
      'li',
    ) as HTMLElement;
    expect(within(row).getAllByRole('button')).toHaveLength(2); // reveal, and the page
    fireEvent.click(
      within(row).getByRole('button', { name: 'Page of КНДР in the reading memory' }),
    );
    expect(opened).toEqual(['LOC:KP']);
  });
});

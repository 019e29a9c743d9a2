// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityPage } from '../../components/EntityPage';
import { MemoryResults } from '../../components/MemoryResults';
import { NotesApp } from '../../components/NotesApp';
import type { RememberedArticle } from '../../lib/memory/model';
import { putArticles as putInTransaction } from '../../lib/memory/store';
import { addNote, type NotesDb, openNotesDb } from '../../lib/notes/db';

const NOW = new Date('2026-12-06T12:00:00.000Z');

const putArticles = (db: NotesDb, articles: RememberedArticle[]) =>
  db.transaction('rw', db.articles, db.entityCounts, () => putInTransaction(db, articles));
const KIM = 'PER:~kim chen in';

function article(
  url: string,
  lastVisit: string,
  entities: Array<[string, string, number]>,
  title = `Статья ${url}`,
): RememberedArticle {
  return {
    url,
    title,
    site: new URL(url).hostname,
    lang: url.includes('bbc') ? 'en' : 'ru',
    firstVisit: lastVisit,
    lastVisit,
    keys: entities.map((e) => e[0]),
    names: entities.map((e) => e[1]),
    counts: entities.map((e) => e[2]),
  };
}

let db: NotesDb;
let name: string;
let n = 0;

beforeEach(async () => {
  name = `entity-page-ui-${n++}`;
  db = openNotesDb(name);
  // Stored as an import stores them: the records and their per-entity counts.
  await putArticles(db, [
    article('https://ria.ru/1', '2026-11-02T10:00:00.000Z', [
      [KIM, 'Ким Чен Ын', 5],
      ['LOC:KP', 'КНДР', 4],
    ]),
    article('https://tass.ru/2', '2026-11-20T10:00:00.000Z', [
      ['LOC:KP', 'КНДР', 3],
      [KIM, 'Ким Чен Ын', 2],
      ['TREATY:new-start', 'ДСНВ', 1],
    ]),
    article(
      'https://bbc.com/3',
      '2026-11-25T10:00:00.000Z',
      [
        ['LOC:KP', 'North Korea', 6],
        [KIM, 'Kim Chen In', 1],
      ],
      'Kim visits Moscow',
    ),
  ]);
  await addNote(
    db,
    {
      kind: 'page',
      url: 'https://ria.ru/1',
      pageTitle: 'x',
      text: 'Ким Чен Ын в Москве',
      tags: [],
    },
    new Date('2026-11-03T00:00:00Z'),
  );
  await addNote(
    db,
    { kind: 'page', url: 'https://ria.ru/1', pageTitle: 'x', text: 'о погоде', tags: [] },
    new Date('2026-11-04T00:00:00Z'),
  );
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(name);
});

describe('EntityPage', () => {
  it('shows the articles, the notes that name it, the entities seen with it and the chart', async () => {
    render(<EntityPage db={db} entityKey={KIM} now={() => NOW} />);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Ким Чен Ын' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText(/Met in 3 articles · 8 mentions/)).toBeTruthy();

    const articles = within(
      screen.getByRole('heading', { name: 'Articles' }).closest('section') as HTMLElement,
    ).getAllByRole('listitem');
    expect(articles.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual([
      'https://bbc.com/3',
      'https://tass.ru/2',
      'https://ria.ru/1',
    ]);
    expect(articles[0]?.textContent).toContain('Kim visits Moscow');
    expect(articles[0]?.textContent).toContain('1 mention');
    expect(articles[0]?.textContent).toContain('en');
    expect(articles[2]?.textContent).toContain('5 mentions');

    const notes = screen.getByRole('heading', { name: 'Notes that name it' }).closest('section');
    expect(notes?.textContent).toContain('Ким Чен Ын в Москве');
    expect(notes?.textContent).not.toContain('о погоде');

    const kp = screen.getByRole('link', { name: 'КНДР' });
    expect(kp.getAttribute('href')).toBe('#entity=LOC%3AKP');
    expect(kp.parentElement?.textContent).toContain('in 3 articles together');
    expect(screen.getByRole('link', { name: 'ДСНВ' }).getAttribute('href')).toBe(
      '#entity=TREATY%3Anew-start',
    );

    // The chart: an image with a summary, and a table for screen readers, a row per week.
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(
      /^Mentions per week from .+: 8 in all, most in the week of .+ \(5\)\.$/,
    );
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    // A header, then ISO weeks 45 (from 2 Nov) to 49 (to 6 Dec), the empty ones included.
    expect(rows).toHaveLength(1 + 5);
    expect(rows[2]?.textContent).toMatch(/00$/);
  });

  it('shows the next articles only on "Show more"', async () => {
    render(<EntityPage db={db} entityKey="LOC:KP" now={() => NOW} pageSize={2} />);
    await screen.findByRole('heading', { level: 1 });
    const section = screen
      .getByRole('heading', { name: 'Articles' })
      .closest('section') as HTMLElement;
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(section.textContent).toContain('Showing 2 of 3');
    fireEvent.click(within(section).getByRole('button', { name: 'Show more' }));
    expect(within(section).getAllByRole('listitem')).toHaveLength(3);
    expect(within(section).queryByRole('button', { name: 'Show more' })).toBeNull();
    // A registered country's name in the reader's language.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('North Korea');
  });

  it('reads a very frequent entity’s recent articles, says so, then gives the exact count', async () => {
    render(
      <EntityPage
        db={db}
        entityKey="LOC:KP"
        now={() => NOW}
        readLimits={{ fullRead: 1, recentRead: 2 }}
      />,
    );
    await screen.findByRole('heading', { level: 1 });
    // The two articles read last (bbc, tass) are the sample; the count comes after the page.
    expect(await screen.findByText(/Met in 3 articles/)).toBeTruthy();
    expect(screen.getByText(/its 2 articles among the 2 you read last/)).toBeTruthy();
    const section = screen
      .getByRole('heading', { name: 'Articles' })
      .closest('section') as HTMLElement;
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says so when nothing is remembered about the entity', async () => {
    render(<EntityPage db={db} entityKey="PER:~nobody here" now={() => NOW} />);
    expect(await screen.findByText('Nothing remembered about this yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('link', { name: '← All notes' })).toBeTruthy();
  });

  it('shows why when the database fails', async () => {
    const broken = {
      ...db,
      transaction: () => Promise.reject(new Error('disk on fire')),
    } as unknown as NotesDb;
    render(<EntityPage db={broken} entityKey={KIM} now={() => NOW} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not read the reading memory: disk on fire');
  });
});

describe('NotesApp', () => {
  it('shows the notes, an entity page when the fragment names one, and follows its changes', async () => {
    window.location.hash = '';
    render(<NotesApp db={db} />);
    expect(await screen.findByRole('heading', { name: 'Glossa notes' })).toBeTruthy();
    await act(async () => {
      window.location.hash = '#entity=LOC%3AKP';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'North Korea' })).toBeTruthy();
    await act(async () => {
      window.location.hash = '';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { name: 'Glossa notes' })).toBeTruthy();
  });
});

describe('MemoryResults', () => {
  it('lists the remembered articles a query finds, with links to the entities it matched', async () => {
    render(<MemoryResults db={db} query="Kim Jong Un ДСНВ last month" now={() => NOW} delay={0} />);
    const status = await screen.findByText(/remembered article matches/);
    expect(status.textContent).toContain('1 remembered article matches');
    const link = screen.getByRole('link', { name: 'Статья https://tass.ru/2' });
    expect(link.getAttribute('href')).toBe('https://tass.ru/2');
    expect(screen.getByRole('link', { name: 'ДСНВ' }).getAttribute('href')).toBe(
      '#entity=TREATY%3Anew-start',
    );
    expect(screen.getByRole('link', { name: 'Ким Чен Ын' }).getAttribute('href')).toBe(
      `#entity=${encodeURIComponent(KIM)}`,
    );
  });

  it('stays out of the way of a search of notes alone', async () => {
    const { container } = render(
      <MemoryResults db={db} query="погода" now={() => NOW} delay={0} />,
    );
    await new Promise((r) => setTimeout(r, 50));
    await waitFor(() => expect(container.textContent).toBe(''));
  });
});

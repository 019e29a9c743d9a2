/**
 * Wires the notes view to the extension's notes database. Opened from the popup ("All notes") and
 * the options page. `notes.html?site=ria.ru` or `?q=words` opens it already filtered;
 * `notes.html#entity=KEY` opens an entity's page (components/NotesApp.tsx).
 */
import { render } from 'preact';
import { NotesApp } from '../../components/NotesApp';
import { type Filters, NOTES_START_MARK } from '../../components/NotesView';
import { localizeDocument } from '../../lib/i18n';
import { openNotesDb } from '../../lib/notes/db';
import '../popup/style.css';
import './style.css';

localizeDocument(document, 'titleNotes');

function filtersFromAddress(search: string): Partial<Filters> {
  const params = new URLSearchParams(search);
  const filters: Partial<Filters> = {};
  const q = params.get('q');
  const site = params.get('site');
  const tag = params.get('tag');
  if (q) filters.query = q;
  if (site) filters.site = site;
  if (tag) filters.tag = tag;
  return filters;
}

performance.mark(NOTES_START_MARK);
render(
  <NotesApp db={openNotesDb()} initialFilter={filtersFromAddress(location.search)} />,
  document.getElementById('app') as HTMLElement,
);

/**
 * The notes view's page: the list of notes, or an entity's page when the address's fragment
 * names one (`#entity=KEY`, lib/memory/entity-route.ts). Follows the fragment as it changes, so
 * links between entity pages and "All notes" stay on one page with the browser's Back working.
 */
import { useEffect, useState } from 'preact/hooks';
import { entityFromHash } from '../lib/memory/entity-route';
import type { NotesDb } from '../lib/notes/db';
import { EntityPage } from './EntityPage';
import { type Filters, NotesView } from './NotesView';

export interface NotesAppProps {
  db: NotesDb;
  initialFilter?: Partial<Filters>;
  /** Where to read the fragment from and listen for its changes (tests pass their window). */
  win?: Pick<Window, 'location' | 'addEventListener' | 'removeEventListener'>;
}

export function NotesApp({ db, initialFilter, win = window }: NotesAppProps) {
  const [hash, setHash] = useState(win.location.hash);
  useEffect(() => {
    const follow = () => setHash(win.location.hash);
    win.addEventListener('hashchange', follow);
    return () => win.removeEventListener('hashchange', follow);
  }, [win]);
  const key = entityFromHash(hash);
  return key ? (
    <EntityPage db={db} entityKey={key} />
  ) : (
    <NotesView db={db} initialFilter={initialFilter} />
  );
}

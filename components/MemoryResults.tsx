/**
 * The notes view's search, in the reading memory: the remembered articles a query finds by
 * people, places, treaties and dates (lib/memory/memory-search.ts), under the notes it finds.
 * Searches a moment after typing stops, and only the newest search is shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n';
import { registeredName } from '../lib/memory/entity-names';
import { entityHash } from '../lib/memory/entity-route';
import { articleMatches, type MemorySearch, searchMemory } from '../lib/memory/memory-search';
import type { RememberedArticle } from '../lib/memory/model';
import type { NotesDb } from '../lib/notes/db';
import { formatCount } from '../lib/notes/limits';
import { ArticleLink, formatDay } from './ArticleLink';

export interface MemoryResultsProps {
  db: NotesDb;
  query: string;
  now?: () => Date;
  /** Wait after the last keystroke, in ms. */
  delay?: number;
  pageSize?: number;
}

type State =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; result: MemorySearch }
  | { state: 'failed'; error: string };

/** The entities of an article the query matched, as links to their pages. */
function matchedEntities(article: RememberedArticle, result: MemorySearch) {
  const links: Array<{ key: string; name: string }> = [];
  for (const term of result.terms) {
    if (!articleMatches(article, term)) continue;
    const i = article.keys.findIndex((k) => term.keys.includes(k));
    const at = i >= 0 ? i : article.keys.findIndex((k) => k.endsWith(`:~${term.spelling}`));
    const key = article.keys[at];
    if (key && !links.some((l) => l.key === key))
      links.push({
        key,
        name: article.names[at] || registeredName(key, article.lang) || term.text,
      });
  }
  return links;
}

export function MemoryResults({
  db,
  query,
  now = () => new Date(),
  delay = 200,
  pageSize = 20,
}: MemoryResultsProps) {
  const [state, setState] = useState<State>({ state: 'idle' });
  const [limit, setLimit] = useState(pageSize);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (query.trim() === '') {
      setState({ state: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      setState((s) => (s.state === 'done' ? s : { state: 'searching' }));
      searchMemory(db, query, { now: now(), limit })
        .then((result) => {
          if (mine === seq.current)
            setState(result ? { state: 'done', result } : { state: 'idle' });
        })
        .catch((e: unknown) => {
          if (mine === seq.current)
            setState({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
        });
    }, delay);
    return () => clearTimeout(timer);
  }, [db, query, limit]);

  useEffect(() => setLimit(pageSize), [query]);

  if (state.state === 'idle') return null;
  // Words that name nothing the memory knows, and find nothing, are a search of notes alone.
  if (
    state.state === 'done' &&
    state.result.total === 0 &&
    !state.result.range &&
    state.result.terms.every((x) => x.keys.length === 0)
  ) {
    return null;
  }
  return (
    <section class="memory-results" aria-labelledby="memory-results-heading">
      <h2 id="memory-results-heading">{t('memoryResultsHeading')}</h2>
      {state.state === 'searching' && (
        <p class="muted" role="status">
          {t('memorySearching')}
        </p>
      )}
      {state.state === 'failed' && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      {state.state === 'done' && (
        <>
          <p class="muted" role="status">
            {tn('memoryMatches', state.result.total, [], formatCount(state.result.total))}
            {state.result.terms.length > 0 &&
              ` · ${t('memoryFoundBy', state.result.terms.map((x) => x.text).join(', '))}`}
          </p>
          <ol class="entity-articles">
            {state.result.articles.map((a) => {
              return (
                <li key={a.url}>
                  <ArticleLink url={a.url} title={a.title} />
                  <span class="muted">
                    {' '}
                    {a.site} · <time dateTime={a.lastVisit}>{formatDay(a.lastVisit)}</time>
                  </span>
                  {matchedEntities(a, state.result).map((e) => (
                    <span key={e.key}>
                      {' · '}
                      <a href={entityHash(e.key)} title={t('entityOpenPage', e.name)}>
                        {e.name}
                      </a>
                    </span>
                  ))}
                </li>
              );
            })}
          </ol>
          {state.result.total > state.result.articles.length && (
            <p class="more">
              <button type="button" onClick={() => setLimit((l) => l + pageSize)}>
                {t('showMore')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

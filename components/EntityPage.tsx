/**
 * An entity's page in the notes view (notes.html#entity=KEY): every remembered article it
 * appeared in, the notes that name it, the entities seen most often with it, and its mentions per
 * week. The data comes from lib/memory/entity-page.ts in one read; long lists show `pageSize`
 * rows at a time with "Show more".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn, typeLabel, uiLanguage } from '../lib/i18n';
import {
  type EntityPageData,
  loadEntityPage,
  RECENT_READ,
  type WeekCount,
} from '../lib/memory/entity-page';
import { entityHash, NOTES_PAGE } from '../lib/memory/entity-route';
import { countArticlesWith } from '../lib/memory/store';
import { deleteNote, type NotesDb } from '../lib/notes/db';
import { formatCount } from '../lib/notes/limits';
import { ArticleLink, formatDay } from './ArticleLink';
import { NoteList } from './NoteList';

export interface EntityPageProps {
  db: NotesDb;
  entityKey: string;
  now?: () => Date;
  /** Articles listed at first and added by each "Show more". */
  pageSize?: number;
  /** loadEntityPage's bounds on what is read (tests make them small). */
  readLimits?: { fullRead: number; recentRead: number };
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'ready'; data: EntityPageData };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const mentions = (n: number) => tn('mentionCount', n, [], formatCount(n));

/** Bars of mentions per week: an image for the eye, a table for screen readers. */
function WeekChart({ weeks }: { weeks: readonly WeekCount[] }) {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return null;
  let peak = first;
  let total = 0;
  for (const w of weeks) {
    total += w.mentions;
    if (w.mentions > peak.mentions) peak = w;
  }
  const summary = t('entityChartSummary', [
    formatDay(first.start, true),
    formatDay(last.start, true),
    formatCount(total),
    formatDay(peak.start, true),
    formatCount(peak.mentions),
  ]);
  // Each week a slot of at least 16 px, and the chart at least 260 px wide: room for its two date
  // labels even when the memory holds a week or two.
  const gap = 4;
  const slot = Math.max(16, Math.floor(260 / weeks.length));
  const bar = Math.min(slot - gap, 36);
  const height = 64;
  const width = weeks.length * slot;
  const scale = peak.mentions > 0 ? (height - 4) / peak.mentions : 0;
  return (
    <figure class="entity-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height + 16}`}
        width={width}
        height={height + 16}
      >
        <line x1="0" x2={width} y1={height} y2={height} class="axis" />
        {weeks.map((w, i) => {
          const h = w.mentions > 0 ? Math.max(2, w.mentions * scale) : 0;
          return (
            <rect
              key={w.week}
              x={i * slot + (slot - bar) / 2}
              y={height - h}
              width={bar}
              height={h}
            >
              <title>{`${formatDay(w.start, true)}: ${mentions(w.mentions)}`}</title>
            </rect>
          );
        })}
        <text x="0" y={height + 13}>
          {formatDay(first.start, true)}
        </text>
        {weeks.length > 1 && (
          <text x={width} y={height + 13} text-anchor="end">
            {formatDay(last.start, true)}
          </text>
        )}
      </svg>
      <table class="visually-hidden">
        <caption>{t('entityChartHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('entityChartWeek')}</th>
            <th scope="col">{t('entityChartMentions')}</th>
            <th scope="col">{t('entityChartArticles')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{formatDay(w.start, true)}</th>
              <td>{w.mentions}</td>
              <td>{w.articles}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function EntityPage({
  db,
  entityKey,
  now = () => new Date(),
  pageSize = 50,
  readLimits,
}: EntityPageProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [limit, setLimit] = useState(pageSize);
  const heading = useRef<HTMLHeadingElement>(null);
  const seq = useRef(0);

  const reload = async () => {
    const mine = ++seq.current;
    try {
      const data = await loadEntityPage(db, entityKey, {
        now: now(),
        lang: uiLanguage(),
        ...readLimits,
      });
      if (mine === seq.current) setLoad({ state: 'ready', data });
    } catch (e) {
      if (mine === seq.current) setLoad({ state: 'failed', error: message(e) });
    }
  };

  useEffect(() => {
    setLoad({ state: 'loading' });
    setLimit(pageSize);
    void reload();
  }, [db, entityKey]);

  // A very frequent entity's exact count comes after the page (it walks the whole index).
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const sampled = load.state === 'ready' && load.data.sampledSince !== undefined;
  useEffect(() => {
    if (!sampled) return;
    let live = true;
    countArticlesWith(db, entityKey)
      .then((total) => {
        if (live) setCounted({ key: entityKey, total });
      })
      .catch(() => {
        // The page already says "more than"; a count that failed changes nothing else.
      });
    return () => {
      live = false;
    };
  }, [sampled, db, entityKey]);

  // Arriving from a link, a keyboard or screen reader user starts at the entity's name.
  useEffect(() => {
    if (load.state === 'ready') heading.current?.focus();
  }, [load.state, entityKey]);

  const back = (
    <p class="entity-back">
      <a href={NOTES_PAGE}>{t('entityBack')}</a>
    </p>
  );

  if (load.state !== 'ready') {
    return (
      <main class="notes-view entity-page">
        {back}
        {load.state === 'loading' ? (
          <p class="muted" role="status">
            {t('entityLoading')}
          </p>
        ) : (
          <p class="error" role="alert">
            {load.error}
          </p>
        )}
      </main>
    );
  }

  const { data } = load;
  if (data.articles.length === 0) {
    return (
      <main class="notes-view entity-page">
        {back}
        <h1 ref={heading} tabIndex={-1}>
          {data.name}
        </h1>
        <p role="status">{t('entityNothing')}</p>
        <p class="muted">{t('entityNothingHelp')}</p>
      </main>
    );
  }

  const shown = data.articles.slice(0, limit);
  return (
    <main class="notes-view entity-page" data-entity-key={data.key}>
      {back}
      <header class="entity-header">
        <h1 ref={heading} tabIndex={-1}>
          {data.name}
        </h1>
        <p class="muted">
          {data.type ? `${typeLabel(data.type)} · ` : ''}
          {data.sampledSince === undefined
            ? tn('entityArticles', data.total, [], formatCount(data.total))
            : counted?.key === data.key
              ? tn('entityArticles', counted.total, [], formatCount(counted.total))
              : t('entityArticlesMore', formatCount(data.total - 1))}
          {data.sampledSince === undefined && ` · ${mentions(data.mentions)}`}
        </p>
        {data.sampledSince !== undefined && (
          <p class="muted entity-sampled">
            {t('entitySampled', [
              formatCount(data.articles.length),
              formatCount(readLimits?.recentRead ?? RECENT_READ),
              formatDay(data.sampledSince),
            ])}
          </p>
        )}
        {data.names.length > 1 && <p class="muted entity-names">{data.names.join(' · ')}</p>}
      </header>

      <section aria-labelledby="entity-chart-heading">
        <h2 id="entity-chart-heading">{t('entityChartHeading')}</h2>
        <WeekChart weeks={data.weeks} />
      </section>

      {data.coEntities.length > 0 && (
        <section aria-labelledby="entity-co-heading">
          <h2 id="entity-co-heading">{t('entityCoHeading')}</h2>
          <ul class="entity-co">
            {data.coEntities.map((c) => (
              <li key={c.key}>
                <a href={entityHash(c.key)}>{c.name}</a>{' '}
                <span class="muted">
                  {tn('entityTogether', c.articles, [], formatCount(c.articles))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="entity-notes-heading">
        <h2 id="entity-notes-heading">{t('entityNotesHeading')}</h2>
        <NoteList
          notes={data.notes}
          empty={t('entityNoNotes')}
          onDelete={async (id) => {
            await deleteNote(db, id);
            await reload();
          }}
        />
      </section>

      <section aria-labelledby="entity-articles-heading">
        <h2 id="entity-articles-heading">{t('entityArticlesHeading')}</h2>
        <ol class="entity-articles">
          {shown.map((a) => {
            return (
              <li key={a.url}>
                <ArticleLink url={a.url} title={a.title} />
                <span class="muted">
                  {' '}
                  {a.site} · <time dateTime={a.lastVisit}>{formatDay(a.lastVisit)}</time> ·{' '}
                  {mentions(a.mentions)}
                  {a.lang && (
                    <>
                      {' · '}
                      <span class="lang">{a.lang}</span>
                    </>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
        {data.articles.length > limit && (
          <p class="more">
            <span class="muted">
              {t('entityShownOf', [formatCount(limit), formatCount(data.articles.length)])}
            </span>{' '}
            <button type="button" onClick={() => setLimit((l) => l + pageSize)}>
              {t('showMore')}
            </button>
          </p>
        )}
      </section>
    </main>
  );
}

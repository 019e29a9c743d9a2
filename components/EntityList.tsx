/**
 * The page's entities, grouped Person → Place → Treaty term. Highlights are invisible to screen
 * readers, so this list is where the same information is reachable by everyone.
 */
import { type EntitySummary, PAINTED_TYPES, TYPE_LABELS } from '../lib/entities';

export interface EntityListProps {
  entities: readonly EntitySummary[];
}

const GROUP_HEADINGS = { PER: 'People', LOC: 'Places', TREATY: 'Treaty terms' } as const;

export function EntityList({ entities }: EntityListProps) {
  // Filtering keeps the content script's order (most frequent first) inside each group.
  const groups = PAINTED_TYPES.map((type) => ({
    type,
    rows: entities.filter((e) => e.type === type),
  })).filter((g) => g.rows.length > 0);

  if (groups.length === 0) {
    return <p class="muted">No people, places or treaty terms found on this page.</p>;
  }
  return (
    <div class="entity-groups">
      {groups.map(({ type, rows }) => (
        <section key={type} class={`entity-group entity-${type}`} aria-labelledby={`group-${type}`}>
          <h3 id={`group-${type}`}>
            {GROUP_HEADINGS[type]} <span class="muted">({rows.length})</span>
          </h3>
          <ul>
            {rows.map((e) => (
              <li
                key={e.canonical}
                data-type={e.type}
                data-canonical={e.canonical}
                data-count={String(e.count)}
                title={
                  e.forms.length > 0
                    ? `${TYPE_LABELS[e.type]}. Forms on this page: ${e.forms.join(', ')}`
                    : undefined
                }
              >
                <span class="entity-name">{e.canonical}</span>
                <span class="entity-count">
                  {e.count}
                  <span class="visually-hidden"> {e.count === 1 ? 'mention' : 'mentions'}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

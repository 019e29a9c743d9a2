/**
 * The page's entity list (the popup and side panel show it; the hover card counts from it): every
 * painted mention, in the page and its frames, under its page-wide name (lib/page/known-names.ts).
 * Worked out again only after marks changed.
 */
import { type EntitySummary, type Mention, summarize } from '../entities';
import type { EntityDescription } from './card-source';
import type { PageNames } from './known-names';

export interface PageEntities {
  /** Marks were added or removed: the next read works the list out again. */
  changed(): void;
  list(): EntitySummary[];
  /** A painted mention's page-wide name, its id (when a register knows it) and page count. */
  describe(mention: Mention): EntityDescription;
}

const key = (type: string, canonical: string) => `${type}\u0000${canonical}`;

/** A mention under its page-wide name and that name's id. */
function renamed(m: Mention, named: { canonical: string; id?: string }): Mention {
  if (named.canonical === m.canonical && named.id === m.id) return m;
  const { id: _id, ...rest } = m;
  return named.id
    ? { ...rest, canonical: named.canonical, id: named.id }
    : { ...rest, canonical: named.canonical };
}

/** The painted mentions under their page-wide names, summarized (pure). */
export function summarizePainted(
  painted: Iterable<Mention>,
  names: Pick<PageNames, 'pageName'>,
): EntitySummary[] {
  const all: Mention[] = [];
  for (const m of painted) all.push(renamed(m, names.pageName(m)));
  return summarize(all);
}

export function createPageEntities(
  names: Pick<PageNames, 'pageName'>,
  painted: () => Iterable<Mention>,
): PageEntities {
  let stale = true;
  let summary: EntitySummary[] = [];
  let counts = new Map<string, number>();
  const refresh = () => {
    if (!stale) return;
    stale = false;
    summary = summarizePainted(painted(), names);
    counts = new Map(summary.map((e) => [key(e.type, e.canonical), e.count]));
  };
  return {
    changed() {
      stale = true;
    },
    list() {
      refresh();
      return summary;
    },
    describe(mention) {
      refresh();
      const { canonical, id } = names.pageName(mention);
      const count = counts.get(key(mention.type, canonical)) ?? 1;
      return id ? { canonical, count, id } : { canonical, count };
    },
  };
}

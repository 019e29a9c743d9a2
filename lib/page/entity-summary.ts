/**
 * The page's entity list (the popup and side panel show it; the hover card counts from it): every
 * painted mention, in the page and its frames, under its page-wide name (lib/page/known-names.ts).
 * Worked out again only after marks changed.
 */
import { type EntitySummary, type Mention, summarize } from '../entities';
import type { PageNames } from './known-names';

export interface PageEntities {
  /** Marks were added or removed: the next read works the list out again. */
  changed(): void;
  list(): EntitySummary[];
  /** A painted mention's page-wide name and how often the page mentions it. */
  describe(mention: Mention): { canonical: string; count: number };
}

const key = (type: string, canonical: string) => `${type}\u0000${canonical}`;

/** The painted mentions under their page-wide names, summarized (pure). */
export function summarizePainted(
  painted: Iterable<Mention>,
  names: Pick<PageNames, 'canonical'>,
): EntitySummary[] {
  const all: Mention[] = [];
  for (const m of painted) {
    const canonical = names.canonical(m);
    all.push(canonical === m.canonical ? m : { ...m, canonical });
  }
  return summarize(all);
}

export function createPageEntities(
  names: Pick<PageNames, 'canonical'>,
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
      const canonical = names.canonical(mention);
      return { canonical, count: counts.get(key(mention.type, canonical)) ?? 1 };
    },
  };
}

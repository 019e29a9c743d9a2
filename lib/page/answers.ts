/**
 * The popup's answers about the page, put together from the parts that know them: the page's
 * address, its state (switches, status, entities, timing) and the reader's selection. Pure but
 * for reading the document and its selection.
 */
import type { EntitySummary } from '../entities';
import type {
  PageInfo,
  PageState,
  PaintTiming,
  SelectionInfo,
  SiteState,
  SkipCode,
} from '../messages/types';
import type { Annotating } from './annotating';
import type { ArticleVerdict } from './article';
import { describeSkip } from './gate';
import type { PageClock } from './paint-timing';
import { describeSelection } from './selection';
import type { PageStatus } from './status';
import type { PageSwitches } from './switches';
import { extractPageText } from './text';

export function pageInfo(doc: Document): PageInfo {
  return {
    url: doc.location?.href ?? doc.URL,
    title: doc.title,
    lang: doc.documentElement.lang,
  };
}

/** What the page's state is made of. */
export interface StateParts {
  page: PageInfo;
  /** The switches want marks here. */
  enabled: boolean;
  status: PageState['status'];
  skip: SkipCode | undefined;
  /** The popup's sentence for `skip`. */
  reason: (skip: SkipCode) => string;
  /** Any document is annotated (entities and paint time are reported only then). */
  annotated: boolean;
  entities: EntitySummary[];
  paintMs: number | undefined;
  site: SiteState;
  timing: PaintTiming | undefined;
}

export function composeState(parts: StateParts): PageState {
  const { skip, paintMs, annotated, timing } = parts;
  return {
    page: parts.page,
    enabled: parts.enabled,
    status: parts.status,
    ...(skip ? { reason: parts.reason(skip), skip } : {}),
    entities: annotated ? parts.entities : [],
    ...(paintMs !== undefined && annotated ? { paintMs } : {}),
    site: parts.site,
    ...(timing ? { timing } : {}),
  };
}

/** The page's state from the parts that hold it (the controller's answer to `glossa:get-page`). */
export function pageState(parts: {
  doc: Document;
  switches: Pick<PageSwitches, 'host' | 'skipReason' | 'site'>;
  status: Pick<PageStatus, 'status' | 'skip'>;
  clock: Pick<PageClock, 'paintMs' | 'report'>;
  verdict: ArticleVerdict | null;
  annotating: Pick<Annotating, 'documents' | 'entities'>;
}): PageState {
  const { switches, status, clock, verdict } = parts;
  const { documents, entities } = parts.annotating;
  const top = documents.top();
  return composeState({
    page: pageInfo(parts.doc),
    enabled: switches.skipReason() === null,
    status: status.status,
    skip: status.skip,
    reason: (code) => describeSkip(code, switches.host, verdict),
    annotated: documents.size > 0,
    entities: entities.list(),
    paintMs: clock.paintMs,
    site: switches.site(verdict),
    timing: top ? clock.report(top, documents.all()) : undefined,
  });
}

/** The reader's selection as W3C selectors over the page text, or null when nothing is selected. */
export function selectionIn(doc: Document): SelectionInfo | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  // Read the page as it is now: same offsets as the recognised text (painting never changes
  // the text), valid even if unpainted, split by the <mark> fallback, or never analysed.
  return describeSelection(extractPageText(doc), sel.getRangeAt(0));
}

/**
 * Paint mentions on the page.
 *
 * Preferred: the CSS Custom Highlight API — one `Highlight` per type, registered as `glossa-PER`,
 * `glossa-LOC`, `glossa-TREATY` (the e2e tests read exactly these names), styled by a constructed
 * stylesheet in `document.adoptedStyleSheets`. No DOM node is inserted, so site scripts and
 * frameworks never see a change.
 *
 * Fallback, only where `CSS.highlights`/`Highlight` are missing (older Firefox ESR): wrap each
 * piece in `<mark data-glossa="TYPE">`. Every split is recorded so `unpaint()` puts back the
 * original text nodes (same objects, same data) and the DOM is byte-identical again.
 */
import type { EntityType, Mention, PaintedType } from '../entities';
import { chunkIndexAfter, rangeFromOffsets } from './ranges';
import type { PageText, TextChunk } from './types';

export const HIGHLIGHT_PREFIX = 'glossa-';
export const MARK_ATTRIBUTE = 'data-glossa';

export function highlightName(type: PaintedType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

/**
 * Okabe–Ito hues (safe for the common colour-vision deficiencies), light enough as backgrounds for
 * dark text on light pages. Types also differ in underline style — solid, dashed, wavy — so they
 * stay apart without colour at all.
 */
const STYLES: Record<PaintedType, string> = {
  // sky blue tint, blue solid underline
  PER: 'background-color: rgba(86, 180, 233, 0.3); text-decoration: underline solid rgb(0, 114, 178);',
  // orange tint, vermillion dashed underline
  LOC: 'background-color: rgba(230, 159, 0, 0.28); text-decoration: underline dashed rgb(213, 94, 0);',
  // bluish-green tint, bluish-green wavy underline
  TREATY:
    'background-color: rgba(0, 158, 115, 0.22); text-decoration: underline wavy rgb(0, 158, 115);',
};

export function paintCss(types: readonly PaintedType[]): string {
  return types
    .map(
      (t) =>
        `::highlight(${highlightName(t)}) { ${STYLES[t]} }\n` +
        // The fallback marks: drop the UA's yellow <mark> look, keep the page's own text colour.
        `mark[${MARK_ATTRIBUTE}="${t}"] { color: inherit; ${STYLES[t]} }`,
    )
    .join('\n');
}

/** The parts of the Highlight API we use (real in browsers; tests install a small fake). */
interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}
type HighlightConstructorLike = new (...ranges: Range[]) => unknown;

function highlightApi(): {
  registry: HighlightRegistryLike;
  Highlight: HighlightConstructorLike;
} | null {
  const g = globalThis as { CSS?: { highlights?: HighlightRegistryLike }; Highlight?: unknown };
  const registry = g.CSS?.highlights;
  const Highlight = g.Highlight;
  if (!registry || typeof Highlight !== 'function') return null;
  return { registry, Highlight: Highlight as HighlightConstructorLike };
}

export interface Painting {
  readonly mode: 'highlight' | 'wrap';
  /**
   * The page text valid while painted: the same object in highlight mode; in wrap mode, chunks
   * re-pointed at the split nodes (same text, same offsets).
   */
  readonly pageText: PageText;
  /** Mentions actually painted (type selected and a range could be built). */
  readonly mentions: readonly Mention[];
  /** Remove everything this painting added; the page is as before. Safe to call twice. */
  unpaint(): void;
}

export interface PaintOptions {
  /** Force the <mark> fallback even where highlights exist (tests; never needed in browsers). */
  forceWrap?: boolean;
}

/**
 * Paint `mentions` (sorted by start, non-overlapping, offsets into `pageText.text`) of the given
 * types. Mentions of other types (ORG, or a type switched off) are ignored.
 */
export function paintMentions(
  doc: Document,
  pageText: PageText,
  mentions: readonly Mention[],
  types: readonly PaintedType[],
  options: PaintOptions = {},
): Painting {
  const wanted = new Set<EntityType>(types);
  const selected = mentions.filter((m) => wanted.has(m.type));
  const removeStyles = addStyles(doc, paintCss(types));
  const api = options.forceWrap ? null : highlightApi();
  const painting = api
    ? paintHighlights(doc, pageText, selected, types, api)
    : paintWrapped(doc, pageText, selected);
  let done = false;
  return {
    ...painting,
    unpaint() {
      if (done) return;
      done = true;
      try {
        painting.unpaint();
      } finally {
        removeStyles();
      }
    },
  };
}

/** Adopt a constructed stylesheet; fall back to a <style> element where that is unsupported. */
function addStyles(doc: Document, css: string): () => void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.setAttribute(MARK_ATTRIBUTE, 'styles');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}

function paintHighlights(
  doc: Document,
  pageText: PageText,
  mentions: readonly Mention[],
  types: readonly PaintedType[],
  api: { registry: HighlightRegistryLike; Highlight: HighlightConstructorLike },
): Omit<Painting, 'unpaint'> & { unpaint(): void } {
  const rangesByType = new Map<EntityType, Range[]>(types.map((t) => [t, []]));
  const painted: Mention[] = [];
  for (const m of mentions) {
    const range = rangeFromOffsets(pageText, m.start, m.end, doc);
    if (!range) continue;
    rangesByType.get(m.type)?.push(range);
    painted.push(m);
  }
  const registered: Array<[string, unknown]> = [];
  for (const type of types) {
    const name = highlightName(type);
    const highlight = new api.Highlight(...(rangesByType.get(type) ?? []));
    api.registry.set(name, highlight);
    registered.push([name, highlight]);
  }
  return {
    mode: 'highlight',
    pageText,
    mentions: painted,
    unpaint() {
      // Only delete what is still ours: never remove a highlight someone else registered since.
      for (const [name, highlight] of registered) {
        if (api.registry.get(name) === highlight) api.registry.delete(name);
      }
    },
  };
}

/** A piece of one mention inside one text node: [from, to) in that node's original data. */
interface Piece {
  chunk: number;
  from: number;
  to: number;
  type: EntityType;
}

function paintWrapped(
  doc: Document,
  pageText: PageText,
  mentions: readonly Mention[],
): Omit<Painting, 'unpaint'> & { unpaint(): void } {
  const { chunks } = pageText;
  const pieces: Piece[] = [];
  const painted: Mention[] = [];
  for (const m of mentions) {
    let any = false;
    for (let i = chunkIndexAfter(chunks, m.start); i < chunks.length; i++) {
      const c = chunks[i] as TextChunk;
      if (c.start >= m.end) break;
      const from = Math.max(m.start, c.start) - c.start;
      const to = Math.min(m.end, c.end) - c.start;
      if (from < to && c.node.length === c.end - c.start) {
        pieces.push({ chunk: i, from, to, type: m.type });
        any = true;
      }
    }
    if (any) painted.push(m);
  }

  // Per original node: its data before painting, and every node split off it.
  const splits = new Map<Text, { data: string; added: Text[] }>();
  const marks: HTMLElement[] = [];
  // New chunk list: each original chunk replaced by its split parts, in order.
  const partsByChunk = new Map<number, TextChunk[]>();

  // Walk pieces per node from last to first, so earlier offsets in the node stay valid.
  for (let p = pieces.length - 1; p >= 0; ) {
    const chunkIndex = (pieces[p] as Piece).chunk;
    let q = p;
    while (q > 0 && (pieces[q - 1] as Piece).chunk === chunkIndex) q--;
    const chunk = chunks[chunkIndex] as TextChunk;
    const node = chunk.node;
    const record = { data: node.data, added: [] as Text[] };
    splits.set(node, record);
    const parts: TextChunk[] = [];
    for (let k = p; k >= q; k--) {
      const piece = pieces[k] as Piece;
      if (piece.to < node.length) {
        const tail = node.splitText(piece.to);
        record.added.push(tail);
        parts.push({
          node: tail,
          start: chunk.start + piece.to,
          end: chunk.start + piece.to + tail.length,
        });
      }
      // After this split `node` ends at piece.to; split off the mention's own text.
      const inner = node.splitText(piece.from);
      record.added.push(inner);
      parts.push({ node: inner, start: chunk.start + piece.from, end: chunk.start + piece.to });
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, piece.type);
      inner.before(mark);
      mark.append(inner);
      marks.push(mark);
    }
    if (node.length > 0) parts.push({ node, start: chunk.start, end: chunk.start + node.length });
    parts.reverse();
    partsByChunk.set(chunkIndex, parts);
    p = q - 1;
  }

  const liveChunks: TextChunk[] = [];
  chunks.forEach((c, i) => {
    const parts = partsByChunk.get(i);
    if (parts) liveChunks.push(...parts);
    else liveChunks.push(c);
  });

  return {
    mode: 'wrap',
    pageText: { text: pageText.text, chunks: liveChunks, root: pageText.root },
    mentions: painted,
    unpaint() {
      for (const mark of marks) {
        // Put the mark's text back where the mark was, then drop the mark.
        if (mark.parentNode) mark.replaceWith(...mark.childNodes);
      }
      for (const [node, record] of splits) {
        for (const added of record.added) added.remove();
        node.data = record.data;
      }
    },
  };
}

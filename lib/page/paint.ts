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

import { appendAll } from '../arrays';
import { colorOf, DEFAULT_COLORS, TINT_ALPHA, underlineColor } from '../colors';
import type { EntityType, Mention, PaintedType } from '../entities';
import { boundsFromOffsets, chunkIndexAfter, rangeFromOffsets } from './ranges';
import { addDefaultStyles, addStyles } from './styles';
import type { PageText, TextChunk } from './types';

export const HIGHLIGHT_PREFIX = 'glossa-';
export const MARK_ATTRIBUTE = 'data-glossa';

export function highlightName(type: PaintedType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

/**
 * Types differ in underline style — solid, dashed, wavy, double — so they stay apart without
 * colour at all; colours are the reader's (lib/colors.ts: colour-blind-safe defaults).
 */
const UNDERLINES: Record<PaintedType, string> = {
  PER: 'solid',
  LOC: 'dashed',
  TREATY: 'wavy',
  WATCH: 'double',
};

export type PaintColors = Partial<Record<PaintedType, string>>;

function styleOf(type: PaintedType, colors: PaintColors | undefined, important: boolean): string {
  const rgb = colorOf(type, colors);
  const line = underlineColor(rgb);
  const priority = important ? ' !important' : '';
  return (
    `background-color: rgba(${rgb.join(', ')}, ${TINT_ALPHA})${priority}; ` +
    `text-decoration: underline ${UNDERLINES[type]} rgb(${line.map(Math.round).join(', ')})${priority};`
  );
}

export function paintCss(
  types: readonly PaintedType[],
  colors?: PaintColors,
  /** Win over the default rules of the manifest stylesheet (lib/page/styles.ts), whatever order. */
  override = false,
): string {
  return types
    .map((t) => {
      const style = styleOf(t, colors, override);
      return (
        `::highlight(${highlightName(t)}) { ${style} }\n` +
        // The fallback marks: drop the UA's yellow <mark> look, keep the page's own text colour.
        `mark[${MARK_ATTRIBUTE}="${t}"] { color: inherit; ${style} }`
      );
    })
    .join('\n');
}

/** The types whose colour in `colors` is not the default one. */
function customColored(types: readonly PaintedType[], colors?: PaintColors): PaintedType[] {
  return types.filter((t) => {
    // Most readers keep the default colours: no parsing for those (every page starts cold).
    const chosen = colors?.[t];
    if (chosen === undefined || chosen === DEFAULT_COLORS[t]) return false;
    return colorOf(t, colors).join() !== colorOf(t).join();
  });
}

/**
 * Style the painted types: default rules come from the manifest stylesheet (added here only where
 * it is missing), the reader's own colours from a sheet of their own. Returns the remover.
 */
function addPaintStyles(doc: Document, types: readonly PaintedType[], colors?: PaintColors) {
  const custom = customColored(types, colors);
  const removeDefaults = addDefaultStyles(doc, () =>
    paintCss(types.filter((t) => !custom.includes(t))),
  );
  const removeCustom = custom.length > 0 ? addStyles(doc, paintCss(custom, colors, true)) : null;
  return () => {
    removeDefaults();
    removeCustom?.();
  };
}

/** The parts of the Highlight API we use (real in browsers; tests install a small fake). */
interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
}
interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}
type HighlightConstructorLike = new (...ranges: AbstractRange[]) => HighlightLike;
type StaticRangeConstructorLike = new (init: StaticRangeInit) => AbstractRange;

interface HighlightApi {
  registry: HighlightRegistryLike;
  Highlight: HighlightConstructorLike;
  StaticRange: StaticRangeConstructorLike | null;
}

/**
 * The Highlight API of the document's own window (a same-origin frame has its own registry), or
 * of the global scope when the document has no window of its own (tests), or null.
 */
function highlightApi(doc: Document): HighlightApi | null {
  type Scope = {
    CSS?: { highlights?: HighlightRegistryLike };
    Highlight?: unknown;
    StaticRange?: unknown;
  };
  const scopes = [doc.defaultView as unknown as Scope | null, globalThis as unknown as Scope];
  for (const g of scopes) {
    const registry = g?.CSS?.highlights;
    const Highlight = g?.Highlight;
    if (!g || !registry || typeof Highlight !== 'function') continue;
    return {
      registry,
      Highlight: Highlight as HighlightConstructorLike,
      StaticRange:
        typeof g.StaticRange === 'function' ? (g.StaticRange as StaticRangeConstructorLike) : null,
    };
  }
  return null;
}

/** A StaticRange straight from the offsets where the browser has them, else a live Range. */
function staticOrLive(
  api: HighlightApi,
  text: PageText,
  m: Mention,
  doc: Document,
): AbstractRange | null {
  if (!api.StaticRange) return rangeFromOffsets(text, m.start, m.end, doc);
  const bounds = boundsFromOffsets(text, m.start, m.end);
  if (!bounds) return null;
  try {
    return new api.StaticRange(bounds);
  } catch {
    return null; // a node kind no range may point into
  }
}

/** A whole page painted at once (see paintMentions). */
export interface Painting {
  readonly mode: 'highlight' | 'wrap';
  /**
   * The page text valid while painted: the same text; in wrap mode, chunks re-pointed at the
   * split nodes (same text, same offsets).
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
  /** The reader's colours by type (settings); defaults where missing or malformed. */
  colors?: PaintColors;
}

/** Mentions painted on one piece of text (a segment, or a whole PageText). */
export interface TextPaint {
  /** Mentions actually painted (type selected and a range could be built), offsets of the text. */
  readonly mentions: readonly Mention[];
  /** One range per painted mention (StaticRange where supported: no cost on page mutations). */
  readonly ranges: readonly AbstractRange[];
  /**
   * Chunks valid while painted: the same in highlight mode; in wrap mode, re-pointed at the split
   * nodes (same text, same offsets).
   */
  readonly chunks: readonly TextChunk[];
}

/**
 * Paints many pieces of text over time and takes each away again — how the page controller paints
 * an article block by block and follows the page as it changes.
 */
export interface Painter {
  readonly mode: 'highlight' | 'wrap';
  /** Paint mentions (sorted, non-overlapping, offsets into text.text) of the painter's types. */
  paint(text: PageText, mentions: readonly Mention[]): TextPaint;
  /** Take one paint away; in wrap mode the text nodes are put back as they were. */
  unpaint(paint: TextPaint): void;
  /**
   * Hand ranges painted since the last flush to the browser. Highlight mode buffers them: every
   * change to a registered Highlight makes the browser revalidate all its ranges at the next
   * frame, so a long article is handed over in a few large steps, not hundreds of small ones.
   * Returns how many ranges were handed over. (Wrap mode paints at once: nothing to flush.)
   */
  flush(): number;
  /** Take everything away (styles and registry entries too). Safe to call twice. */
  dispose(): void;
}

/** One mention painted now: its type and its range (lib/page/reveal.ts reads these). */
export interface PaintedRange {
  type: PaintedType;
  range: AbstractRange;
}

type PaintedList = () => Iterable<PaintedRange>;

/** The live painters of each document, each able to list what it has painted. */
const livePainters = new WeakMap<Document, Set<PaintedList>>();

function trackPainter(doc: Document, list: PaintedList): () => void {
  let set = livePainters.get(doc);
  if (!set) {
    set = new Set();
    livePainters.set(doc, set);
  }
  set.add(list);
  return () => set.delete(list);
}

function* rangesOf(paints: Iterable<TextPaint>, skip?: ReadonlyMap<AbstractRange, unknown>) {
  for (const paint of paints) {
    for (let i = 0; i < paint.mentions.length; i++) {
      const range = paint.ranges[i];
      const mention = paint.mentions[i] as Mention;
      if (range && !skip?.has(range)) yield { type: mention.type as PaintedType, range };
    }
  }
}

/**
 * Every mention painted on the document now (handed to the browser and not taken away yet), in
 * no particular order. Read from Glossa's own records, not from CSS.highlights: Firefox content
 * scripts cannot iterate the page's Highlight objects.
 */
export function paintedRanges(doc: Document): PaintedRange[] {
  const out: PaintedRange[] = [];
  for (const list of livePainters.get(doc) ?? []) appendAll(out, list());
  return out;
}

export function createPainter(
  doc: Document,
  types: readonly PaintedType[],
  options: PaintOptions = {},
): Painter {
  const wanted = new Set<EntityType>(types);
  const removeStyles = addPaintStyles(doc, types, options.colors);
  const api = options.forceWrap ? null : highlightApi(doc);
  let disposed = false;

  if (api) {
    const highlights = new Map<EntityType, HighlightLike>();
    const registered = new Map<string, HighlightLike>();
    for (const type of types) {
      const highlight = new api.Highlight();
      highlights.set(type, highlight);
      registered.set(highlightName(type), highlight);
    }
    const register = () => {
      // Re-register if the page cleared the registry; never overwrite a name someone else set.
      for (const [name, highlight] of registered) {
        const current = api.registry.get(name);
        if (current === highlight) continue;
        if (current === undefined) api.registry.set(name, highlight);
      }
    };
    register();
    const painted = new Set<TextPaint>();
    const pending = new Map<AbstractRange, HighlightLike>();
    const untrack = trackPainter(doc, () => rangesOf(painted, pending));
    return {
      mode: 'highlight',
      paint(text, mentions) {
        const ranges: AbstractRange[] = [];
        const kept: Mention[] = [];
        if (!disposed) {
          for (const m of mentions) {
            const highlight = highlights.get(m.type);
            if (!highlight || !wanted.has(m.type)) continue;
            const range = staticOrLive(api, text, m, doc);
            if (!range) continue;
            pending.set(range, highlight);
            ranges.push(range);
            kept.push(m);
          }
        }
        const paint: TextPaint = { mentions: kept, ranges, chunks: text.chunks };
        painted.add(paint);
        return paint;
      },
      unpaint(paint) {
        if (!painted.delete(paint)) return;
        paint.mentions.forEach((m, i) => {
          const range = paint.ranges[i];
          if (!range) return;
          if (!pending.delete(range)) highlights.get(m.type)?.delete(range);
        });
      },
      flush() {
        if (disposed || pending.size === 0) return 0;
        const n = pending.size;
        for (const [range, highlight] of pending) highlight.add(range);
        pending.clear();
        register();
        return n;
      },
      dispose() {
        if (disposed) return;
        disposed = true;
        untrack();
        painted.clear();
        pending.clear();
        try {
          // Only delete what is still ours: never remove a highlight someone else registered since.
          for (const [name, highlight] of registered) {
            if (api.registry.get(name) === highlight) api.registry.delete(name);
          }
        } finally {
          removeStyles();
        }
      },
    };
  }

  const undo = new Map<TextPaint, () => void>();
  const untrack = trackPainter(doc, () => rangesOf(undo.keys()));
  return {
    mode: 'wrap',
    paint(text, mentions) {
      if (disposed) return { mentions: [], ranges: [], chunks: text.chunks };
      const result = paintWrapped(
        doc,
        text,
        mentions.filter((m) => wanted.has(m.type)),
      );
      const paint: TextPaint = {
        mentions: result.mentions,
        ranges: result.ranges,
        chunks: result.pageText.chunks,
      };
      undo.set(paint, result.unpaint);
      return paint;
    },
    unpaint(paint) {
      const restore = undo.get(paint);
      undo.delete(paint);
      restore?.();
    },
    flush: () => 0,
    dispose() {
      if (disposed) return;
      disposed = true;
      untrack();
      try {
        // Newest first: a later paint may have split nodes an earlier one created.
        for (const restore of [...undo.values()].reverse()) restore();
        undo.clear();
      } finally {
        removeStyles();
      }
    },
  };
}

/**
 * Paint `mentions` (sorted by start, non-overlapping, offsets into `pageText.text`) of the given
 * types, all at once. Mentions of other types (ORG, or a type switched off) are ignored.
 */
export function paintMentions(
  doc: Document,
  pageText: PageText,
  mentions: readonly Mention[],
  types: readonly PaintedType[],
  options: PaintOptions = {},
): Painting {
  const painter = createPainter(doc, types, options);
  const paint = painter.paint(pageText, mentions);
  painter.flush();
  return {
    mode: painter.mode,
    pageText: { text: pageText.text, chunks: [...paint.chunks], root: pageText.root },
    mentions: paint.mentions,
    unpaint: () => painter.dispose(),
  };
}

/** A piece of one mention inside one text node: [from, to) in that node's original data. */
interface Piece {
  chunk: number;
  from: number;
  to: number;
  type: EntityType;
}

interface Wrapped {
  pageText: PageText;
  mentions: Mention[];
  ranges: Range[];
  unpaint(): void;
}

/** Where a split-off node came from: its original node and its first character's offset there. */
interface Origin {
  node: Text;
  base: number;
}

/** The chunk list with each split chunk (by index) replaced by its parts, in order. */
export function withSplitParts(
  chunks: readonly TextChunk[],
  partsByChunk: ReadonlyMap<number, readonly TextChunk[]>,
): TextChunk[] {
  const out: TextChunk[] = [];
  chunks.forEach((c, i) => {
    const parts = partsByChunk.get(i);
    if (parts) appendAll(out, parts);
    else out.push(c);
  });
  return out;
}

function paintWrapped(doc: Document, pageText: PageText, mentions: readonly Mention[]): Wrapped {
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
  const origins = new Map<Node, Origin>(); // split-off nodes and marks → where they came from
  const marks: HTMLElement[] = [];
  // New chunk list: each original chunk replaced by its split parts, in order.
  const partsByChunk = new Map<number, TextChunk[]>();

  // Walk pieces per node from last to first, so earlier offsets in the node stay valid
  // (the original node always keeps the start of its text).
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
        origins.set(tail, { node, base: piece.to });
        parts.push({
          node: tail,
          start: chunk.start + piece.to,
          end: chunk.start + piece.to + tail.length,
        });
      }
      // After this split `node` ends at piece.to; split off the mention's own text.
      const inner = node.splitText(piece.from);
      record.added.push(inner);
      origins.set(inner, { node, base: piece.from });
      parts.push({ node: inner, start: chunk.start + piece.from, end: chunk.start + piece.to });
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, piece.type);
      origins.set(mark, { node, base: piece.from });
      inner.before(mark);
      mark.append(inner);
      marks.push(mark);
    }
    if (node.length > 0) parts.push({ node, start: chunk.start, end: chunk.start + node.length });
    parts.reverse();
    partsByChunk.set(chunkIndex, parts);
    p = q - 1;
  }

  const live: PageText = {
    text: pageText.text,
    chunks: withSplitParts(chunks, partsByChunk),
    root: pageText.root,
  };
  const ranges: Range[] = [];
  const kept: Mention[] = [];
  for (const m of painted) {
    const range = rangeFromOffsets(live, m.start, m.end, doc);
    if (!range) continue;
    ranges.push(range);
    kept.push(m);
  }

  return {
    pageText: live,
    mentions: kept,
    ranges,
    unpaint() {
      const keep = holdSelection(doc, origins);
      for (const mark of marks) {
        // Put the mark's text back where the mark was, then drop the mark.
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        mark.remove();
      }
      for (const [node, record] of splits) {
        for (const added of record.added) added.remove();
        node.data = record.data;
      }
      keep?.();
    },
  };
}

/** A selection end described so it survives the marks going away. */
type HeldPoint =
  | { kind: 'text'; node: Text; offset: number }
  | { kind: 'before'; parent: Node; child: Node | null };

/**
 * If the reader's selection starts or ends inside text Glossa split, remember it as positions in
 * the original text nodes and return a function that puts it back once they are whole again.
 * A selection elsewhere is left alone (no selectionchange event for nothing).
 */
function holdSelection(doc: Document, origins: Map<Node, Origin>): (() => void) | null {
  const sel = doc.getSelection?.();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  const hold = (container: Node, offset: number): { point: HeldPoint; moved: boolean } => {
    const from = origins.get(container);
    if (container.nodeType === 3) {
      if (from)
        return {
          point: { kind: 'text', node: from.node, offset: from.base + offset },
          moved: true,
        };
      return { point: { kind: 'text', node: container as Text, offset }, moved: false };
    }
    if (from) {
      // Inside a mark: before or after its one text node.
      const inner = container.firstChild;
      const extra = offset > 0 && inner ? (inner as Text).length : 0;
      return { point: { kind: 'text', node: from.node, offset: from.base + extra }, moved: true };
    }
    const child = container.childNodes[offset] ?? null;
    const childFrom = child ? origins.get(child) : undefined;
    if (childFrom) {
      return { point: { kind: 'text', node: childFrom.node, offset: childFrom.base }, moved: true };
    }
    return { point: { kind: 'before', parent: container, child }, moved: true };
  };
  const anchor = hold(sel.anchorNode, sel.anchorOffset);
  const focus = hold(sel.focusNode, sel.focusOffset);
  const touched =
    origins.has(sel.anchorNode) ||
    origins.has(sel.focusNode) ||
    (anchor.moved && anchor.point.kind === 'before') ||
    (focus.moved && focus.point.kind === 'before');
  if (!touched) return null;
  const place = (p: HeldPoint): [Node, number] => {
    if (p.kind === 'text') return [p.node, Math.min(p.offset, p.node.length)];
    const index = p.child ? [...p.parent.childNodes].indexOf(p.child as ChildNode) : -1;
    return [p.parent, index >= 0 ? index : p.parent.childNodes.length];
  };
  return () => {
    try {
      const [an, ao] = place(anchor.point);
      const [fn, fo] = place(focus.point);
      sel.setBaseAndExtent(an, ao, fn, fo);
    } catch {
      // The page moved things meanwhile: leave the selection as the browser made it.
    }
  };
}

/**
 * Recognition batches: several text segments (paragraphs) recognized in one call, so the
 * recognizer sees their shared context, yet each call is small enough to fit one time slice.
 *
 * A batch's text is an optional header of known names (lib/page/known-names.ts) followed by its pieces
 * joined with "\n" — the same separator the page text uses between blocks. Mentions come back
 * split per piece, in the piece's own segment offsets; mentions in the header, or running across
 * two pieces, are dropped.
 */
import type { Mention } from '../entities';

export interface Piece<K> {
  /** Whose text this is (a segment). */
  key: K;
  /** The piece's text: key's text from `offset` on. */
  text: string;
  /** Where the piece starts in its segment's text. */
  offset: number;
}

export interface Batch<K> {
  text: string;
  headerLength: number;
  /** Pieces with `at`, their start in `text`. */
  pieces: Array<Piece<K> & { at: number }>;
}

/** Line breaks, tabs and form feeds of the page's source. */
const SOURCE_BREAKS = /[\t\n\v\f\r]/g;

/**
 * A segment's text as the reader sees it: inside a block, a line break or tab of the HTML source
 * renders as a space (white-space: normal), while the recognizer reads "\n" as the end of a
 * paragraph ("Treaty on Comprehensive\nStrategic Partnership" would be two names). Same length,
 * so offsets stay the same. Segments never hold a block edge (lib/page/text.ts), and <pre> is
 * not read.
 */
export function asRendered(text: string): string {
  return text.replace(SOURCE_BREAKS, ' ');
}

export function buildBatch<K>(pieces: readonly Piece<K>[], header = ''): Batch<K> {
  const parts: string[] = [header];
  let at = header.length;
  const placed: Array<Piece<K> & { at: number }> = [];
  for (const p of pieces) {
    if (placed.length > 0) {
      parts.push('\n');
      at += 1;
    }
    placed.push({ ...p, at });
    parts.push(asRendered(p.text));
    at += p.text.length;
  }
  return { text: parts.join(''), headerLength: header.length, pieces: placed };
}

/** The batch's mentions per piece (same order as batch.pieces), in segment offsets. */
export function mentionsByPiece<K>(batch: Batch<K>, mentions: readonly Mention[]): Mention[][] {
  const out: Mention[][] = batch.pieces.map(() => []);
  const { pieces } = batch;
  let i = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.start < batch.headerLength) continue;
    while (i < pieces.length - 1 && (pieces[i + 1] as { at: number }).at <= m.start) i++;
    const p = pieces[i];
    if (!p || m.start < p.at || m.end > p.at + p.text.length) continue;
    const shift = p.offset - p.at;
    (out[i] as Mention[]).push({ ...m, start: m.start + shift, end: m.end + shift });
  }
  return out;
}

const SENTENCE_END = /[.!?…;:»"”)]\s/g;

/**
 * Cut a text longer than `maxChars` into pieces at sentence ends (else at spaces, else anywhere
 * but inside a surrogate pair). Returns the pieces' start offsets, the first being 0.
 */
export function cutPoints(text: string, maxChars: number): number[] {
  const cuts = [0];
  const limit = Math.max(16, Math.floor(maxChars));
  let from = 0;
  while (text.length - from > limit) {
    const window = text.slice(from, from + limit);
    let cut = -1;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) {
      if (m.index + 2 > limit / 4) cut = m.index + 2; // after the punctuation and its space
    }
    if (cut < 0) {
      const space = window.lastIndexOf(' ');
      cut = space > limit / 4 ? space + 1 : limit;
    }
    let at = from + cut;
    const code = text.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at -= 1; // never split a surrogate pair
    cuts.push(at);
    from = at;
  }
  return cuts;
}

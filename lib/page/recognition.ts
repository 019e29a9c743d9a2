/**
 * One recognition batch, data in and data out: queued pieces become one text with a header of
 * the names known so far (lib/page/batches.ts, lib/page/known-names.ts); the recognizer's answer
 * goes back to the pieces, and the segments it completes come out with their mentions.
 */
import { appendAll } from '../arrays';
import type { Mention } from '../entities';
import { type Batch, buildBatch, mentionsByPiece, type Piece } from './batches';
import { nameHeader, type PageNames } from './known-names';
import type { Item } from './recognition-queue';
import type { Segment } from './segments';

export interface Request {
  items: Item[];
  batch: Batch<Item>;
  /** Characters of page text in the batch (the header excluded). */
  bodyLength: number;
}

/** The batch for these pieces, or null when there are none. */
export function buildRequest(items: Item[], names: PageNames): Request | null {
  if (items.length === 0) return null;
  const pieces: Piece<Item>[] = items.map((item) => ({
    key: item,
    text: item.text,
    offset: item.offset,
  }));
  const body = pieces.map((p) => p.text).join('\n');
  const header = nameHeader(names.relevantTo(body));
  return { items, batch: buildBatch(pieces, header), bodyLength: body.length };
}

/**
 * Hand the answer's mentions to their segments; the names it found become known (they were
 * context for the whole batch). Returns the segments now complete, with their mentions sorted.
 */
export function applyAnswer(
  request: Request,
  mentions: Mention[],
  names: PageNames,
): Array<{ seg: Segment; result: { mentions: Mention[]; version: number } }> {
  const { batch } = request;
  const finished: Segment[] = [];
  mentionsByPiece(batch, mentions).forEach((found, i) => {
    const seg = (batch.pieces[i] as Piece<Item>).key.seg;
    appendAll(seg.collected, found);
    seg.piecesLeft -= 1;
    if (seg.piecesLeft === 0) finished.push(seg);
  });
  names.learn(mentions.filter((m) => m.start >= batch.headerLength));
  const version = names.version;
  return finished.map((seg) => {
    const result = { mentions: seg.collected.sort((a, b) => a.start - b.start), version };
    seg.collected = [];
    return { seg, result };
  });
}

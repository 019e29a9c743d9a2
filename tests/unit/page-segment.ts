/**
 * Test helper: a page segment (lib/page/segments.ts) holding only its text, as the recognition
 * modules see it, with no DOM behind it.
 */
import type { Segment } from '../../lib/page/segments';

export const bareSegment = (text: string, piecesLeft = 0): Segment => ({
  text,
  words: 0,
  chunks: [],
  root: {} as Element,
  mentions: null,
  version: 0,
  collected: [],
  piecesLeft,
  paint: null,
  dead: false,
});

import { describe, expect, it } from 'vitest';
import {
  createBatchSize,
  createRecognitionQueue,
  FIRST_BATCH_CHARS,
  MAX_BATCH_CHARS,
  MIN_BATCH_CHARS,
} from '../../lib/page/recognition-queue';
import { bareSegment } from './page-segment';

const seg = bareSegment;

describe('the recognition queue', () => {
  it('hands out urgent text first and alone, up to the batch size, skipping dead segments', () => {
    const queue = createRecognitionQueue();
    const dead = seg('gone');
    queue.add(seg('first pass one'), false, 1000);
    queue.add(seg('first pass two'), false, 1000);
    queue.add(dead, true, 1000);
    queue.add(seg('new text'), true, 1000);
    dead.dead = true;
    expect(queue.take(1000).map((i) => [i.text, i.urgent])).toEqual([['new text', true]]);
    expect(queue.take(20).map((i) => i.text)).toEqual(['first pass one']);
    expect(queue.sample(100)).toBe('first pass two');
    expect(queue.take(20).map((i) => i.text)).toEqual(['first pass two']);
    expect(queue.empty).toBe(true);
  });

  it('cuts a long segment into pieces and counts them', () => {
    const queue = createRecognitionQueue();
    const long = seg('Word. '.repeat(100).trim());
    queue.add(long, false, 100);
    expect(long.piecesLeft).toBeGreaterThan(1);
    const items = queue.take(100_000);
    expect(items).toHaveLength(long.piecesLeft);
    expect(items.map((i) => i.text).join('')).toBe(long.text);
  });
});

describe('the batch size', () => {
  it("aims at the recognizer's measured speed, within bounds, unless fixed", () => {
    const size = createBatchSize(undefined);
    expect(size.chars).toBe(FIRST_BATCH_CHARS);
    size.measured(2000, 100); // 20 characters per ms
    expect(size.chars).toBe(MIN_BATCH_CHARS);
    size.measured(100_000, 1);
    expect(size.chars).toBeLessThanOrEqual(MAX_BATCH_CHARS);
    size.remote();
    expect(size.chars).toBe(MAX_BATCH_CHARS);
    const fixed = createBatchSize(500);
    fixed.measured(2000, 1);
    fixed.remote();
    expect(fixed.chars).toBe(500);
  });
});

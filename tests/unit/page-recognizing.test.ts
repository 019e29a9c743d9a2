import { describe, expect, it } from 'vitest';
import type { Mention, PageRecognizer } from '../../lib/entities';
import { createTimingRecorder } from '../../lib/page/annotator-timing';
import { PageNames } from '../../lib/page/known-names';
import { createRecognitionQueue } from '../../lib/page/recognition-queue';
import { createRecognizing, type RecognizedCache, remember } from '../../lib/page/recognizing';
import type { Segment, Segments } from '../../lib/page/segments';
import { bareSegment } from './page-segment';

const seg = bareSegment;

function setUp(recognizer: PageRecognizer, batchChars?: number) {
  const queue = createRecognitionQueue();
  const painted: Segment[] = [];
  const cache: RecognizedCache = new Map();
  const events: string[] = [];
  const recognizing = createRecognizing({
    queue,
    segments: { paint: (s: Segment) => painted.push(s) } as unknown as Segments,
    names: new PageNames(),
    cache,
    clock: createTimingRecorder(() => 0),
    recognizer: () => recognizer,
    lang: () => 'en',
    batchChars,
    flush: (urgent) => events.push(`flush ${urgent}`),
    notify: () => events.push('notify'),
    answered: () => events.push('answered'),
    disposed: () => false,
    dropped: () => events.push('dropped'),
    failed: (error) => events.push(`failed ${String(error)}`),
  });
  return { queue, recognizing, painted, cache, events };
}

const putin = (text: string): Mention[] => {
  const at = text.indexOf('Putin');
  return at < 0 ? [] : [{ start: at, end: at + 5, type: 'PER', text: 'Putin', canonical: 'Putin' }];
};

describe('recognizing', () => {
  it('hands the thread back before a local recognizer warms up, then recognizes and paints', () => {
    const calls: string[] = [];
    const local: PageRecognizer = {
      id: 'local',
      recognize: (text) => {
        calls.push(text);
        return putin(text);
      },
    };
    const { queue, recognizing, painted, cache, events } = setUp(local, 1000);
    const s = seg('Putin spoke.');
    queue.add(s, true, recognizing.batchChars);
    expect(recognizing.step()).toBe('pause');
    expect(calls).toEqual([]);
    expect(recognizing.step()).toBe('pause'); // the warm-up call, in a task of its own
    expect(calls).toEqual(['Putin spoke.']);
    expect(recognizing.step()).toBe('worked');
    expect(painted).toEqual([s]);
    expect(s.mentions?.map((m) => m.text)).toEqual(['Putin']);
    expect(cache.get('Putin spoke.')?.mentions).toEqual(s.mentions);
    expect(events).toEqual(['flush true', 'notify']);
  });

  it('sends big batches to a remote recognizer, one at a time, and carries on when it answers', async () => {
    let answer: (m: Mention[]) => void = () => {};
    const remote: PageRecognizer = {
      id: 'remote',
      remote: true,
      recognize: () => new Promise<Mention[]>((resolve) => (answer = resolve)),
    };
    const { queue, recognizing, painted, events } = setUp(remote);
    queue.add(seg('Putin spoke.'), false, recognizing.batchChars);
    queue.add(seg('Lavrov too.'), false, recognizing.batchChars);
    expect(recognizing.step()).toBe('worked');
    expect(queue.empty).toBe(true); // both in one batch: recognition costs the page nothing
    expect(recognizing.waiting).toBe(true);
    expect(recognizing.step()).toBe('waiting');
    answer(putin('Putin spoke.'));
    await Promise.resolve();
    await Promise.resolve();
    expect(recognizing.waiting).toBe(false);
    expect(painted).toHaveLength(2);
    expect(events).toEqual(['flush false', 'notify', 'answered']);
  });

  it('forgets the oldest text beyond its limit', () => {
    const cache: RecognizedCache = new Map();
    for (let i = 0; i < 50_001; i++) remember(cache, `t${i}`, { mentions: [], version: 0 });
    expect(cache.size).toBe(50_000);
    expect(cache.has('t0')).toBe(false);
  });
});

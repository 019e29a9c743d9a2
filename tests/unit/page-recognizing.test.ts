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

  it('sends big batches to a remote recognizer, two out at a time, and carries on when one is answered', async () => {
    const answers: Array<(m: Mention[]) => void> = [];
    const remote: PageRecognizer = {
      id: 'remote',
      remote: true,
      recognize: () => new Promise<Mention[]>((resolve) => answers.push(resolve)),
    };
    const { queue, recognizing, painted, events } = setUp(remote);
    queue.add(seg('Putin spoke.'), false, recognizing.batchChars);
    queue.add(seg('Lavrov too.'), false, recognizing.batchChars);
    expect(recognizing.step()).toBe('worked');
    expect(queue.empty).toBe(true); // both in one batch: recognition costs the page nothing
    expect(recognizing.waiting).toBe(true);
    expect(recognizing.sendsAhead).toBe(true); // the second batch may go out before an answer
    queue.add(seg('Then Putin left.'), false, recognizing.batchChars);
    expect(recognizing.step()).toBe('worked');
    expect(answers).toHaveLength(2);
    queue.add(seg('And Lavrov.'), false, recognizing.batchChars);
    expect(recognizing.sendsAhead).toBe(false);
    expect(recognizing.step()).toBe('waiting'); // two out: the third waits for an answer
    expect(answers).toHaveLength(2);
    answers[0]?.(putin('Putin spoke.'));
    await Promise.resolve();
    await Promise.resolve();
    expect(recognizing.waiting).toBe(true); // the second is still out
    expect(painted).toHaveLength(2);
    expect(events).toEqual(['flush false', 'notify', 'answered']);
    expect(recognizing.step()).toBe('worked');
    expect(answers).toHaveLength(3);
    answers[1]?.(putin('Then Putin left.'));
    answers[2]?.([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(recognizing.waiting).toBe(false);
    expect(painted).toHaveLength(4);
  });

  it('forgets the oldest text beyond its limit', () => {
    const cache: RecognizedCache = new Map();
    for (let i = 0; i < 50_001; i++) remember(cache, `t${i}`, { mentions: [], version: 0 });
    expect(cache.size).toBe(50_000);
    expect(cache.has('t0')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createPageStatus } from '../../lib/page/status';

describe('page status', () => {
  it('is working until the first pass is painted, then ready, or skipped when no text was read', () => {
    const s = createPageStatus();
    expect(s.status).toBe('working');
    s.progress(false, () => 100);
    expect(s.status).toBe('working');
    s.progress(true, () => 100);
    expect([s.status, s.skip]).toEqual(['ready', undefined]);
    s.progress(true, () => 0);
    expect([s.status, s.skip]).toEqual(['skipped', 'no-text']);
  });

  it('keeps a failure until cleared: progress no longer moves it', () => {
    const s = createPageStatus();
    s.failure();
    expect([s.status, s.skip, s.failed]).toEqual(['skipped', 'error', true]);
    s.progress(true, () => 100);
    expect(s.status).toBe('skipped');
    s.clearFailure();
    s.working();
    expect([s.status, s.skip, s.failed]).toEqual(['working', undefined, false]);
    s.progress(true, () => 100);
    expect(s.status).toBe('ready');
  });

  it('reads the text count only once the first pass is painted', () => {
    const s = createPageStatus();
    let asked = 0;
    s.progress(false, () => asked++);
    expect(asked).toBe(0);
    s.skipped('not-article');
    expect([s.status, s.skip]).toEqual(['skipped', 'not-article']);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { abortWhenOrphaned } from '../../lib/page/lifetime';

const reader = new WeakSet<Event>();
const asReader = <E extends Event>(e: E): E => {
  reader.add(e);
  return e;
};

function watched(connected: () => boolean) {
  const lifetime = new AbortController();
  abortWhenOrphaned(lifetime, { doc: document, connected, trusted: (e) => reader.has(e) });
  return lifetime;
}

describe('abortWhenOrphaned', () => {
  it('aborts when the reader comes back and the extension is gone', () => {
    let connected = true;
    const lifetime = watched(() => connected);
    document.dispatchEvent(asReader(new Event('pointerdown')));
    expect(lifetime.signal.aborted).toBe(false);
    connected = false;
    document.dispatchEvent(asReader(new Event('visibilitychange')));
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('checks on window focus too', () => {
    const lifetime = watched(() => false);
    window.dispatchEvent(asReader(new Event('focus')));
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('takes a throwing check for a lost extension', () => {
    const lifetime = watched(() => {
      throw new Error('Extension context invalidated.');
    });
    document.dispatchEvent(asReader(new Event('pointerdown')));
    expect(lifetime.signal.aborted).toBe(true);
  });

  it('ignores events a page dispatched', () => {
    const lifetime = watched(() => false);
    document.dispatchEvent(new Event('pointerdown'));
    window.dispatchEvent(new Event('focus'));
    expect(lifetime.signal.aborted).toBe(false);
    lifetime.abort();
  });

  it('stops listening once the lifetime ended', () => {
    let checks = 0;
    const lifetime = watched(() => {
      checks++;
      return true;
    });
    lifetime.abort();
    document.dispatchEvent(asReader(new Event('pointerdown')));
    expect(checks).toBe(0);
  });
});

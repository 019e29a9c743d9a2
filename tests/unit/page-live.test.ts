import { describe, expect, it } from 'vitest';
import { createStateFeed, type PortLike } from '../../lib/page/live';

function fakePort() {
  const got: unknown[] = [];
  const listeners: Array<() => void> = [];
  const port: PortLike = {
    postMessage: (m) => got.push(m),
    onDisconnect: { addListener: (fn) => listeners.push(fn) },
  };
  const disconnect = () => {
    for (const fn of listeners) fn();
  };
  return { port, got, disconnect };
}

function clock() {
  const running = new Set<number>();
  let next = 0;
  let tick: (() => void) | null = null;
  return {
    setInterval: (fn: () => void) => {
      tick = fn;
      running.add(++next);
      return next;
    },
    clearInterval: (h: unknown) => running.delete(h as number),
    tick: () => tick?.(),
    get running() {
      return running.size;
    },
  };
}

describe('state feed', () => {
  it('tells connected panels when the fingerprint changes, once per change', () => {
    let value = 'a';
    const c = clock();
    const feed = createStateFeed({ fingerprint: () => value, ...c });
    expect(c.running).toBe(0); // nobody listening: nothing runs
    const one = fakePort();
    feed.add(one.port);
    expect(c.running).toBe(1);
    c.tick();
    expect(one.got).toEqual([]);
    value = 'b';
    c.tick();
    c.tick();
    expect(one.got).toEqual([{ type: 'glossa:page-changed', revision: 1 }]);

    // A second panel: the first hears of a pending change before the second joins.
    value = 'c';
    const two = fakePort();
    feed.add(two.port);
    expect(one.got).toHaveLength(2);
    value = 'd';
    feed.check();
    expect(one.got.at(-1)).toEqual({ type: 'glossa:page-changed', revision: 3 });
    expect(two.got).toEqual([{ type: 'glossa:page-changed', revision: 3 }]);

    one.disconnect();
    two.disconnect();
    expect(feed.size).toBe(0);
    expect(c.running).toBe(0);
  });

  it('drops a port that fails and says nothing while the fingerprint throws', () => {
    let broken = false;
    let value = 'a';
    const c = clock();
    const feed = createStateFeed({
      fingerprint: () => {
        if (broken) throw new Error('no state');
        return value;
      },
      ...c,
    });
    const bad: PortLike = {
      postMessage: () => {
        throw new Error('gone');
      },
      onDisconnect: { addListener: () => {} },
    };
    const good = fakePort();
    feed.add(bad);
    feed.add(good.port);
    broken = true;
    c.tick();
    expect(good.got).toEqual([]);
    broken = false;
    value = 'b';
    c.tick();
    expect(good.got).toHaveLength(1);
    expect(feed.size).toBe(1);
    feed.dispose();
    expect(c.running).toBe(0);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { hoverDefaults, trackHover } from '../../lib/page/hover-tracking';

const reader = new WeakSet<Event>();
const asReader = <E extends Event>(e: E): E => {
  reader.add(e);
  return e;
};

/** A card over two targets: "a" left of x = 100, "b" right of it, nothing below y = 50. */
function setUp(options: { active?: () => boolean; failing?: boolean } = {}) {
  const log: string[] = [];
  let shown: string | null = null;
  const queued: Array<() => void> = [];
  const tracker = trackHover<string>({
    doc: document,
    options: hoverDefaults(document, {
      trusted: (e) => reader.has(e),
      schedule: (cb) => queued.push(cb),
    }),
    active: options.active ?? (() => true),
    at: (x, y) => {
      if (options.failing) throw new Error('layout');
      if (y > 50) return null;
      return { target: x < 100 ? 'a' : 'b', rect: { left: 0, top: 0, right: 1, bottom: 1 } };
    },
    keyOf: (t) => t,
    shownKey: () => shown,
    show: (t) => {
      shown = t;
      log.push(`show ${t}`);
    },
    hide: () => {
      if (shown) log.push(`hide ${shown}`);
      shown = null;
    },
    failed: () => log.push('failed'),
  });
  const frame = () => {
    for (const cb of queued.splice(0)) cb();
  };
  return { tracker, log, frame, shown: () => shown };
}

const move = (x: number, y: number, trusted = true) => {
  const e = new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true });
  document.dispatchEvent(trusted ? asReader(e) : e);
};
const key = (k: string) =>
  document.dispatchEvent(asReader(new KeyboardEvent('keydown', { key: k, bubbles: true })));

let stopAll: Array<() => void> = [];
afterEach(() => {
  for (const stop of stopAll) stop();
  stopAll = [];
});

function started(options?: Parameters<typeof setUp>[0]) {
  const t = setUp(options);
  t.tracker.start();
  stopAll.push(() => t.tracker.stop());
  return t;
}

describe('trackHover', () => {
  it('hit-tests once a frame, at the last pointer position', () => {
    const { log, frame } = started();
    move(10, 10);
    move(150, 10);
    expect(log).toEqual([]);
    frame();
    expect(log).toEqual(['show b']);
  });

  it('shows a target once, and hides when the pointer leaves every target', () => {
    const { log, frame } = started();
    move(10, 10);
    frame();
    move(20, 10);
    frame();
    move(20, 80);
    frame();
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('ignores pointer moves a page dispatched', () => {
    const { log, frame } = started();
    move(10, 10, false);
    frame();
    expect(log).toEqual([]);
  });

  it('Escape hides the card until the pointer leaves what it showed', () => {
    const { log, frame } = started();
    move(10, 10);
    frame();
    key('Escape');
    move(20, 10);
    frame();
    expect(log).toEqual(['show a', 'hide a']);
    move(150, 10);
    frame();
    expect(log).toEqual(['show a', 'hide a', 'show b']);
  });

  it('hides on scroll', () => {
    const { log, frame } = started();
    move(10, 10);
    frame();
    document.dispatchEvent(new Event('scroll'));
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('does nothing while inactive', () => {
    const { log, frame } = started({ active: () => false });
    move(10, 10);
    frame();
    expect(log).toEqual([]);
  });

  it('reports a failing hit test and hides', () => {
    const { log, frame } = started({ failing: true });
    move(10, 10);
    frame();
    expect(log).toEqual(['failed']);
  });

  it('stops following the pointer, and says whether it was following it', () => {
    const { tracker, log, frame } = setUp();
    expect(tracker.stop()).toBe(false);
    tracker.start();
    expect(tracker.stop()).toBe(true);
    move(10, 10);
    frame();
    expect(log).toEqual([]);
  });
});

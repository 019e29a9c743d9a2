// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  createFrameFollower,
  frameLang,
  MAX_FRAME_DEPTH,
  sameOriginDocument,
} from '../../lib/page/frames';

describe('frames', () => {
  it('reaches a same-origin srcdoc frame, and not one still loading its real document', () => {
    document.body.innerHTML = '<iframe id="a" srcdoc="<p>Hi</p>"></iframe>';
    const frame = document.getElementById('a') as HTMLIFrameElement;
    const d = frame.contentDocument as Document;
    d.documentElement.lang = '';
    // jsdom shows about:blank until the srcdoc loads: a blank frame with no src is readable.
    expect(sameOriginDocument(frame)).toBe(d);
    frame.setAttribute('src', 'https://example.org/');
    if (d.URL === 'about:blank') expect(sameOriginDocument(frame)).toBeNull();
  });

  it("gives a frame the page's language unless it declares its own", () => {
    const top = document.implementation.createHTMLDocument('top');
    const inner = document.implementation.createHTMLDocument('inner');
    top.documentElement.lang = 'ru';
    expect(frameLang(inner, top)).toBe('ru');
    inner.documentElement.lang = 'en';
    expect(frameLang(inner, top)).toBe('en');
  });

  it('follows a frame once, no deeper than the limit, and again on each load until aborted', async () => {
    document.body.innerHTML = '<iframe id="a"></iframe>';
    const frame = document.getElementById('a') as HTMLIFrameElement;
    const session = new AbortController();
    const attached: number[] = [];
    let loads = 0;
    const follower = createFrameFollower({
      signal: () => session.signal,
      attach: (_f, depth) => attached.push(depth),
      loaded: () => loads++,
    });
    follower.follow(frame, 1);
    follower.follow(frame, 1);
    follower.follow(document.createElement('iframe'), MAX_FRAME_DEPTH + 1);
    await Promise.resolve();
    expect(attached).toEqual([1]);
    frame.dispatchEvent(new Event('load'));
    expect([loads, attached]).toEqual([1, [1, 1]]);
    session.abort();
    frame.dispatchEvent(new Event('load'));
    expect(loads).toBe(1);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { observeDomChanges } from '../../lib/page/dom-changes';

const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

describe('observeDomChanges', () => {
  it('hands over mutations in batches, keeps those seen before a pause, and stops', async () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const batches: number[] = [];
    const watch = observeDomChanges(document, (records) => batches.push(records.length), {
      delayMs: 5,
      minIntervalMs: 0,
    });
    const p = document.getElementById('p') as HTMLElement;
    p.append('a');
    p.append('b');
    await settle(30);
    expect(batches).toEqual([2]);
    p.append('c');
    watch.pause();
    p.append('not seen');
    watch.resume();
    await settle(30);
    expect(batches).toEqual([2, 1]);
    watch.stop();
    p.append('d');
    await settle(30);
    expect(batches).toEqual([2, 1]);
  });
});

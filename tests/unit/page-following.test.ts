// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createFollowing } from '../../lib/page/following';
import { PARAGRAPH, recordsOf } from './mutation-records';

function follow(root: Element) {
  const log: string[] = [];
  const name = (n: Node) => (n as Element).id || n.nodeName;
  const following = createFollowing({
    doc: document,
    root,
    reset: (r) => log.push(`reset ${name(r)}`),
    read: (scope, r) => log.push(`read ${name(scope)} in ${name(r)}`),
    drop: (node) => log.push(`drop ${name(node)}`),
    dropped: () => log.push('dropped'),
  });
  return { following, log };
}

describe('following the page', () => {
  it('reads again the block that changed and drops the text that left', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}<p id="p">Old.</p><p id="gone">Bye.</p></article>`;
    const root = document.getElementById('a') as Element;
    const t = follow(root);
    t.following.changed(
      recordsOf(() => {
        (document.querySelector('#p')?.firstChild as Text).data = 'New.';
        document.getElementById('gone')?.remove();
      }),
    );
    expect(t.log).toEqual(['drop gone', 'read p in a', 'dropped']);
    expect(t.following.roots).toEqual([root]);
  });

  it('reads an article appended below whole, as a root of its own from then on', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}</article>`;
    const root = document.getElementById('a') as Element;
    const t = follow(root);
    const next = document.createElement('article');
    next.id = 'b';
    next.innerHTML = PARAGRAPH;
    t.following.changed(recordsOf(() => document.body.append(next)));
    expect(t.log[0]).toBe('read b in b'); // first, whole (the changed scopes may repeat it)
    expect(new Set(t.log)).toEqual(new Set(['read b in b']));
    expect(t.following.roots).toEqual([root, next]);
    t.log.length = 0;
    const p = next.querySelector('p') as Element;
    t.following.changed(
      recordsOf(() => {
        (p.firstChild as Text).data = 'Changed.';
      }),
    );
    expect(t.log).toEqual(['read P in b']);
  });

  it('starts over from the new article when the old one was replaced, and follows that one', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}</article>`;
    const t = follow(document.getElementById('a') as Element);
    t.following.changed(
      recordsOf(() => {
        document.body.innerHTML = `<article id="b">${PARAGRAPH}</article>`;
      }),
    );
    const fresh = document.getElementById('b') as Element;
    expect(t.log).toEqual(['reset b']);
    expect(t.following.roots).toEqual([fresh]);
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { textChanges } from '../../lib/page/changes';
import { recordsOf } from './mutation-records';

describe('textChanges', () => {
  let article: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = `<nav>Menu</nav><article id="a">
      <p id="p1">Putin in <b>Moscow</b>.</p>
      <p id="p2">Second paragraph.</p>
      <div id="d">Loose text <span>inline</span> more.</div>
    </article>`;
    article = document.getElementById('a') as HTMLElement;
  });
  const rootOf = (node: Node) => (article.contains(node) ? article : null);
  const ids = (els: Element[]) => els.map((e) => e.id || e.localName).sort();

  it('re-reads only the paragraph whose text was edited', () => {
    const b = document.querySelector('b') as HTMLElement;
    const changes = textChanges(
      recordsOf(() => ((b.firstChild as Text).data = 'Pyongyang')),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['p1']);
  });

  it('reads a paragraph added between blocks by itself, not its container', () => {
    const p = document.createElement('p');
    p.id = 'new';
    p.textContent = 'New';
    const changes = textChanges(
      recordsOf(() => article.append(p)),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['new']);
  });

  it('re-reads the block around inline content added to it, or text appended', () => {
    const span = document.createElement('span');
    span.textContent = ' added';
    const d = document.getElementById('d') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => d.append(span)),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['d']);
    const p2 = document.getElementById('p2') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => p2.append(' more')),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['p2']);
  });

  it('reports removed nodes and reads nothing again when a block leaves from between blocks', () => {
    const p2 = document.getElementById('p2') as HTMLElement;
    const changes = textChanges(
      recordsOf(() => p2.remove()),
      rootOf,
    );
    expect(changes.removed).toEqual([p2]);
    expect(changes.scopes).toEqual([]);
  });

  it('reads an element again when it is hidden or shown', () => {
    const p1 = document.getElementById('p1') as HTMLElement;
    expect(
      ids(
        textChanges(
          recordsOf(() => p1.setAttribute('hidden', '')),
          rootOf,
        ).scopes,
      ),
    ).toEqual(['p1']);
  });

  it('ignores changes outside the article and keeps only the outermost of nested scopes', () => {
    const nav = document.querySelector('nav') as HTMLElement;
    expect(
      textChanges(
        recordsOf(() => (nav.textContent = 'Putin')),
        rootOf,
      ).scopes,
    ).toEqual([]);
    const changes = textChanges(
      recordsOf(() => {
        const p = document.createElement('p');
        p.id = 'outer';
        article.append(p);
        p.append(document.createElement('p'));
        p.append('text');
      }),
      rootOf,
    );
    expect(ids(changes.scopes)).toEqual(['outer']);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { planRereads } from '../../lib/page/rereads';
import { PARAGRAPH, recordsOf } from './mutation-records';

describe('planRereads', () => {
  it('reads again only the paragraph that changed, and names text that left', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}<p id="p">Old.</p><p id="gone">Bye.</p></article>`;
    const root = document.getElementById('a') as Element;
    const p = document.getElementById('p') as Element;
    const gone = document.getElementById('gone') as Element;
    const records = recordsOf(() => {
      (p.firstChild as Text).data = 'New.';
      gone.remove();
    });
    const plan = planRereads(document, records, { roots: [root], url: document.URL });
    expect(plan.reset).toBeUndefined();
    if (plan.reset) return;
    expect(plan.reads).toEqual([{ scope: p, root }]);
    expect(plan.removed).toEqual([gone]);
    expect(plan.articles).toEqual([]);
  });

  it('takes an article appended below as a new root', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}</article>`;
    const root = document.getElementById('a') as Element;
    const next = document.createElement('article');
    next.innerHTML = PARAGRAPH;
    const records = recordsOf(() => document.body.append(next));
    const plan = planRereads(document, records, { roots: [root], url: document.URL });
    if (plan.reset) throw new Error('expected no reset');
    expect(plan.articles).toEqual([next]);
    expect(plan.roots).toEqual([root, next]);
  });

  it('starts over when the article was replaced', () => {
    document.body.innerHTML = `<article id="a">${PARAGRAPH}</article>`;
    const old = document.getElementById('a') as Element;
    const records = recordsOf(() => {
      document.body.innerHTML = `<article id="b">${PARAGRAPH}</article>`;
    });
    const plan = planRereads(document, records, { roots: [old], url: document.URL });
    expect(plan.reset).toBe(document.getElementById('b'));
  });
});

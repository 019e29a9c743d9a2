// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { composeState, pageInfo, type StateParts, selectionIn } from '../../lib/page/answers';

const parts = (over: Partial<StateParts> = {}): StateParts => ({
  page: { url: 'https://example.org/a', title: 'A', lang: 'en' },
  enabled: true,
  status: 'ready',
  skip: undefined,
  reason: (code) => `because ${code}`,
  annotated: true,
  entities: [{ type: 'PER', canonical: 'Vladimir Putin', count: 2, forms: ['Putin'] }],
  paintMs: 120,
  site: { host: 'example.org', enabled: true, annotateAnyway: false, article: true },
  timing: undefined,
  ...over,
});

describe('the page state', () => {
  it('reports entities and the paint time of an annotated page, without a reason', () => {
    const state = composeState(parts());
    expect(state.entities).toHaveLength(1);
    expect(state.paintMs).toBe(120);
    expect('reason' in state).toBe(false);
    expect('skip' in state).toBe(false);
    expect('timing' in state).toBe(false);
  });

  it('gives a skipped page its reason, and no entities or paint time once nothing is annotated', () => {
    const state = composeState(parts({ status: 'skipped', skip: 'site-off', annotated: false }));
    expect(state.reason).toBe('because site-off');
    expect(state.skip).toBe('site-off');
    expect(state.entities).toEqual([]);
    expect('paintMs' in state).toBe(false);
  });
});

describe('page info and selection', () => {
  it("reads the page's address, title and language", () => {
    document.documentElement.lang = 'ru';
    document.title = 'Новости';
    expect(pageInfo(document)).toEqual({ url: document.URL, title: 'Новости', lang: 'ru' });
  });

  it('describes the selection over the page text, and nothing when it is collapsed', () => {
    document.body.innerHTML =
      '<article><p id="p">Putin met Lavrov in Moscow on Tuesday.</p></article>';
    const text = document.getElementById('p')?.firstChild as Text;
    const sel = document.getSelection() as Selection;
    sel.removeAllRanges();
    const range = document.createRange();
    range.setStart(text, 10);
    range.setEnd(text, 16);
    sel.addRange(range);
    expect(selectionIn(document)?.quote).toBe('Lavrov');
    sel.collapseToStart();
    expect(selectionIn(document)).toBeNull();
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createCardView, occurrencesLabel, treatyLine } from '../../lib/page/card-view';
import { rootOf } from './glossa-hosts';

const place: Mention = { start: 0, end: 8, type: 'LOC', text: 'Пхеньяне', canonical: 'Пхеньян' };
const treaty: Mention = {
  start: 0,
  end: 10,
  type: 'TREATY',
  text: 'New START',
  canonical: 'New START',
  treaty: { id: 'new-start', en: 'New START', ru: 'Договор о СНВ-3', year: 2010 },
};

describe('createCardView', () => {
  it('builds a hidden tooltip in a closed root, with the host not yet on the page', () => {
    const view = createCardView(document);
    expect(view.host.isConnected).toBe(false);
    expect(view.card.hidden).toBe(true);
    expect(view.card.getAttribute('role')).toBe('tooltip');
    expect(view.host.shadowRoot).toBeNull();
    expect(rootOf(view.host)?.contains(view.card)).toBe(true);
  });

  it('says what a mention is, its page-wide name and how often it occurs', () => {
    const view = createCardView(document);
    view.fill(place, { canonical: 'Пхеньян', count: 3 });
    expect(view.card.hidden).toBe(false);
    expect(view.card.dataset.type).toBe('LOC');
    expect(view.card.querySelector('.name')?.textContent).toBe('Пхеньян');
    expect(view.card.querySelector('.count')?.textContent).toBe(occurrencesLabel(3));
    expect((view.card.querySelector('.treaty') as HTMLElement).hidden).toBe(true);
  });

  it('shows the treaty line for a registered treaty, and hides it again for the next mention', () => {
    const view = createCardView(document);
    view.fill(treaty, { canonical: 'New START', count: 1 });
    const line = view.card.querySelector('.treaty') as HTMLElement;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe(treatyLine(treaty));
    view.fill(place, { canonical: 'Пхеньян', count: 1 });
    expect(line.hidden).toBe(true);
    expect(line.textContent).toBe('');
  });
});

describe('treatyLine', () => {
  it('names the treaty in the other language than the mention, with its year', () => {
    expect(treatyLine(treaty)).toBe('Договор о СНВ-3 · 2010');
  });

  it('is empty for a mention that is no registered treaty', () => {
    expect(treatyLine(place)).toBe('');
  });
});

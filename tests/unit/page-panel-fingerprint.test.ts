import { describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messages/types';
import { panelFingerprint } from '../../lib/page/panel-fingerprint';

const state: PageState = {
  page: { url: 'https://example.org/a', title: 'A', lang: 'en' },
  enabled: true,
  status: 'ready',
  entities: [],
};

describe('panelFingerprint', () => {
  it('says "starting" before the controller answers', () => {
    expect(panelFingerprint(null, 0)).toBe('starting');
    expect(panelFingerprint(undefined, 3)).toBe('starting');
  });

  it('changes with what the side panel shows and with new notes', () => {
    const base = panelFingerprint(state, 0);
    expect(panelFingerprint({ ...state }, 0)).toBe(base);
    expect(panelFingerprint({ ...state, status: 'working' }, 0)).not.toBe(base);
    expect(panelFingerprint({ ...state, enabled: false }, 0)).not.toBe(base);
    expect(panelFingerprint(state, 1)).not.toBe(base);
  });

  it('ignores what the panel does not show (the paint time)', () => {
    expect(panelFingerprint({ ...state, paintMs: 12 }, 0)).toBe(panelFingerprint(state, 0));
  });
});

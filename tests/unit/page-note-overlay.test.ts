// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createNoteOverlay } from '../../lib/page/note-overlay';
import { glossaHosts } from './glossa-hosts';

afterEach(() => {
  for (const host of glossaHosts()) host.remove();
});

describe('createNoteOverlay', () => {
  it('adds nothing to the page until it is used', () => {
    createNoteOverlay(document);
    expect(glossaHosts()).toHaveLength(0);
  });

  it('makes one host with a closed, styled root on first use, and reuses it', () => {
    const overlay = createNoteOverlay(document);
    const root = overlay.root();
    expect(overlay.root()).toBe(root);
    const hosts = glossaHosts();
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.shadowRoot).toBeNull();
    expect(root.querySelector('style')?.textContent).toContain('.notice');
  });

  it('puts the host back when the page removed it', () => {
    const overlay = createNoteOverlay(document);
    const root = overlay.root();
    for (const host of glossaHosts()) host.remove();
    expect(overlay.root()).toBe(root);
    expect(glossaHosts()).toHaveLength(1);
  });

  it('takes the host off the page, and makes a new one if used again', () => {
    const overlay = createNoteOverlay(document);
    const first = overlay.root();
    overlay.remove();
    expect(glossaHosts()).toHaveLength(0);
    expect(overlay.root()).not.toBe(first);
  });
});

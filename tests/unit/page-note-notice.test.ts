// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../lib/i18n';
import { createNoticeBox, noticeDuration } from '../../lib/page/note-notice';
import { createNoteOverlay } from '../../lib/page/note-overlay';
import { glossaHosts, inGlossaRoots } from './glossa-hosts';

afterEach(() => {
  vi.useRealTimers();
  for (const host of glossaHosts()) host.remove();
});

describe('noticeDuration', () => {
  it('keeps an error longer than news, unless told how long', () => {
    expect(noticeDuration(false)).toBeGreaterThan(noticeDuration(true));
    expect(noticeDuration(false, 50)).toBe(50);
  });
});

describe('createNoticeBox', () => {
  it('shows news as a status and an error as an alert, in one element', () => {
    const box = createNoticeBox(document, createNoteOverlay(document), () => {});
    expect(box.show({ ok: true, text: 'Saved' })).toBe(true);
    const el = inGlossaRoots('.notice');
    expect(el?.getAttribute('role')).toBe('status');
    expect(el?.textContent).toBe(t('notice', 'Saved'));
    box.show({ ok: false, text: 'Not saved' });
    expect(inGlossaRoots('.notice')).toBe(el);
    expect(el?.className).toBe('notice error');
    expect(el?.getAttribute('role')).toBe('alert');
  });

  it('hides itself after its time, counted from the latest notice', () => {
    vi.useFakeTimers();
    const box = createNoticeBox(document, createNoteOverlay(document), () => {}, 100);
    box.show({ ok: true, text: 'one' });
    vi.advanceTimersByTime(60);
    box.show({ ok: true, text: 'two' });
    vi.advanceTimersByTime(60);
    expect(inGlossaRoots('.notice')?.hidden).toBe(false);
    vi.advanceTimersByTime(50);
    expect(inGlossaRoots('.notice')?.hidden).toBe(true);
  });

  it('reports a notice it could not show and returns false', () => {
    const failures: unknown[] = [];
    const broken = {
      root: () => {
        throw new Error('no root');
      },
      remove: () => {},
    };
    const box = createNoticeBox(document, broken, (err) => failures.push(err));
    expect(box.show({ ok: true, text: 'x' })).toBe(false);
    expect(failures).toHaveLength(1);
  });
});

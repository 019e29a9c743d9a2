// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteToggle } from '../../components/SiteToggle';
import type { SendToTab } from '../../components/tab-transport';
import type { ToContentMessage } from '../../lib/messages/to-content';
import type { PageState } from '../../lib/messages/types';
import {
  loadSiteOverrides,
  parseSiteOverrides,
  SITE_OVERRIDES_KEY,
  setAnnotateAnyway,
  setSiteEnabled,
  siteKey,
} from '../../lib/page/site';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaLike,
} from '../../lib/settings';
import { localArea } from './sync-area';

describe('site switches in storage', () => {
  it('keys sites by lower-case hostname without a trailing dot', () => {
    expect(siteKey(' News.Example.COM. ')).toBe('news.example.com');
  });

  it('turns a site off and on in Settings.disabledSites, keeping the other settings', async () => {
    const { data, area } = localArea({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, enabled: true, disabledSites: ['other.example'] },
    });
    const off = await setSiteEnabled(area, 'News.Example', false);
    expect(off.disabledSites).toEqual(['other.example', 'news.example']);
    await setSiteEnabled(area, 'news.example', false); // twice: still once
    expect((data[SETTINGS_KEY] as Settings).disabledSites).toEqual([
      'other.example',
      'news.example',
    ]);
    await setSiteEnabled(area, 'news.example', true);
    expect((data[SETTINGS_KEY] as Settings).disabledSites).toEqual(['other.example']);
  });

  it('remembers "annotate anyway" per site under its own key, and reads junk as nothing', async () => {
    const { data, area } = localArea();
    expect(await loadSiteOverrides(area)).toEqual({ annotateAnyway: [] });
    await setAnnotateAnyway(area, 'Mail.Example', true);
    expect(data[SITE_OVERRIDES_KEY]).toEqual({ annotateAnyway: ['mail.example'] });
    await setAnnotateAnyway(area, 'mail.example', false);
    expect(await loadSiteOverrides(area)).toEqual({ annotateAnyway: [] });
    expect(parseSiteOverrides({ annotateAnyway: ['a.example', 3, null] })).toEqual({
      annotateAnyway: ['a.example'],
    });
    expect(parseSiteOverrides('junk')).toEqual({ annotateAnyway: [] });
    const failing: StorageAreaLike = {
      get: () => Promise.reject(new Error('no storage')),
      set: () => Promise.resolve(),
    };
    expect(await loadSiteOverrides(failing)).toEqual({ annotateAnyway: [] });
  });
});

function state(site: PageState['site'], extra: Partial<PageState> = {}): PageState {
  return {
    page: { url: 'https://mail.example/inbox', title: 'Inbox', lang: 'en' },
    enabled: true,
    status: 'skipped',
    skip: 'not-article',
    reason: 'This looks like a web application rather than an article.',
    entities: [],
    site,
    ...extra,
  };
}

describe('SiteToggle', () => {
  afterEach(cleanup);

  it('turns the site off and offers "annotate anyway" on a page that is not an article', async () => {
    const sent: ToContentMessage[] = [];
    let next = state({
      host: 'mail.example',
      enabled: true,
      annotateAnyway: false,
      article: false,
    });
    const send = (async (message: ToContentMessage) => {
      sent.push(message);
      return next;
    }) as unknown as SendToTab;
    const states: PageState[] = [];
    const { rerender } = render(
      h(SiteToggle, { state: next, sendToTab: send, onState: (s: PageState) => states.push(s) }),
    );
    const site = screen.getByLabelText(/Glossa on mail\.example/) as HTMLInputElement;
    expect(site.checked).toBe(true);
    const anyway = screen.getByLabelText(/Annotate mail\.example even where/) as HTMLInputElement;
    expect(anyway.checked).toBe(false);

    next = state(
      { host: 'mail.example', enabled: true, annotateAnyway: true, article: false },
      { status: 'ready', skip: undefined, reason: undefined },
    );
    fireEvent.click(anyway);
    await waitFor(() => expect(states).toHaveLength(1));
    expect(sent.at(-1)).toEqual({ type: 'glossa:set-annotate-anyway', enabled: true });
    rerender(
      h(SiteToggle, { state: next, sendToTab: send, onState: (s: PageState) => states.push(s) }),
    );
    expect((screen.getByLabelText(/Annotate mail\.example/) as HTMLInputElement).checked).toBe(
      true,
    );

    next = state(
      { host: 'mail.example', enabled: false, annotateAnyway: true, article: false },
      { skip: 'site-off' },
    );
    fireEvent.click(screen.getByLabelText(/Glossa on mail\.example/));
    await waitFor(() => expect(states).toHaveLength(2));
    expect(sent.at(-1)).toEqual({ type: 'glossa:set-site-enabled', enabled: false });
    rerender(
      h(SiteToggle, { state: next, sendToTab: send, onState: (s: PageState) => states.push(s) }),
    );
    // Off for the site: "annotate anyway" means nothing then.
    expect(screen.queryByLabelText(/Annotate mail\.example/)).toBeNull();
  });

  it('shows nothing without a site, no "anyway" on articles, and says when the page did not answer', async () => {
    const none = render(
      h(SiteToggle, {
        state: state(undefined),
        sendToTab: (async () => undefined) as unknown as SendToTab,
        onState: () => {},
      }),
    );
    expect(none.container.textContent).toBe('');
    cleanup();
    const article = state(
      { host: 'news.example', enabled: true, annotateAnyway: false, article: true },
      { status: 'ready', skip: undefined },
    );
    const failing = (async () => {
      throw new Error('gone');
    }) as unknown as SendToTab;
    render(h(SiteToggle, { state: article, sendToTab: failing, onState: () => {} }));
    expect(screen.queryByLabelText(/Annotate/)).toBeNull();
    fireEvent.click(screen.getByLabelText(/Glossa on news\.example/));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The page did not answer. Reload it and try again.',
    );
  });
});

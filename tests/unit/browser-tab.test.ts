import { describe, expect, it } from 'vitest';
import { type TabsReader, tabPageInfo, tabSender } from '../../components/browser-tab';

function fakeTabs(tabs: Record<number, { url?: string; title?: string }>) {
  const sent: Array<[number, unknown]> = [];
  const api: TabsReader = {
    sendMessage: async (tabId, message) => {
      sent.push([tabId, message]);
      return { ok: true };
    },
    get: async (tabId) => {
      const tab = tabs[tabId];
      if (!tab) throw new Error(`No tab with id: ${tabId}`);
      return tab;
    },
  };
  return { api, sent };
}

describe('tabSender', () => {
  it('sends to the tab it speaks for', async () => {
    const { api, sent } = fakeTabs({});
    const answer = await tabSender(api, 7)({ type: 'glossa:get-page' });
    expect(answer).toEqual({ ok: true });
    expect(sent).toEqual([[7, { type: 'glossa:get-page' }]]);
  });

  it('fails every request when there is no tab, sending nothing', async () => {
    const { api, sent } = fakeTabs({});
    await expect(tabSender(api, null)({ type: 'glossa:get-page' })).rejects.toThrow(/No tab/);
    expect(sent).toEqual([]);
  });
});

describe('tabPageInfo', () => {
  it("gives a web page's address and title as the browser knows them", async () => {
    const { api } = fakeTabs({ 3: { url: 'https://news.example/a', title: 'A' } });
    expect(await tabPageInfo(api, 3)()).toEqual({
      url: 'https://news.example/a',
      title: 'A',
      lang: '',
    });
  });

  it('gives nothing for pages off the web, unreadable addresses, gone tabs or no tab', async () => {
    const { api } = fakeTabs({ 1: { url: 'chrome://extensions/', title: 'X' }, 2: { title: 'Y' } });
    expect(await tabPageInfo(api, 1)()).toBeNull();
    expect(await tabPageInfo(api, 2)()).toBeNull();
    expect(await tabPageInfo(api, 99)()).toBeNull();
    expect(await tabPageInfo(api, null)()).toBeNull();
  });

  it('gives an empty title when the browser has none', async () => {
    const { api } = fakeTabs({ 4: { url: 'http://example.org/' } });
    expect((await tabPageInfo(api, 4)())?.title).toBe('');
  });
});

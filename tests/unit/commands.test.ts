import { describe, expect, it } from 'vitest';
import {
  type AskPage,
  isPageCommand,
  pageCommandsManifest,
  runPageCommand,
} from '../../lib/commands';
import type { ToContentMessage } from '../../lib/messages/to-content';
import type { PageState } from '../../lib/messages/types';

const STATE = (enabled: boolean): PageState => ({
  page: { url: 'https://example.org/a', title: 'A', lang: 'en' },
  enabled,
  status: 'ready',
  entities: [],
});

function recorder(answers: Record<string, unknown>) {
  const sent: Array<[number, ToContentMessage]> = [];
  const ask = (async (tabId: number, message: ToContentMessage) => {
    sent.push([tabId, message]);
    if (message.type === 'glossa:set-enabled') {
      return STATE((message as ToContentMessage<'glossa:set-enabled'>).enabled);
    }
    if (!(message.type in answers)) throw new Error('Could not establish connection.');
    return answers[message.type];
  }) as AskPage;
  return { ask, sent };
}

describe('page commands', () => {
  it('declare at most four suggested keys together with save-selection, every one rebindable', () => {
    const manifest = pageCommandsManifest();
    const suggested = Object.values(manifest).filter((c) => c.suggested_key);
    expect(suggested.length + 1).toBeLessThanOrEqual(4); // + save-selection's Alt+Shift+N
    expect(Object.keys(manifest)).toEqual(
      expect.arrayContaining(['toggle-highlights', 'next-mark', 'previous-mark', 'next-place']),
    );
    for (const c of Object.values(manifest)) expect(c.description.length).toBeGreaterThan(0);
    expect(isPageCommand('save-selection')).toBe(false);
    expect(isPageCommand('toString')).toBe(false);
  });

  it('toggle asks the page its state and flips it', async () => {
    const { ask, sent } = recorder({ 'glossa:get-page': STATE(true) });
    const result = await runPageCommand(ask, 'toggle-highlights', 7);
    expect(result).toMatchObject({
      ok: true,
      command: 'toggle-highlights',
      state: { enabled: false },
    });
    expect(sent.map(([tab, m]) => [tab, m])).toEqual([
      [7, { type: 'glossa:get-page' }],
      [7, { type: 'glossa:set-enabled', enabled: false }],
    ]);
  });

  it('jumps send the direction and category; a missing page is an error, not a throw', async () => {
    const reveal = {
      ok: true,
      index: 0,
      count: 1,
      text: 'Moscow',
      entity: { type: 'LOC', canonical: 'Moscow' },
    };
    const { ask, sent } = recorder({ 'glossa:jump': reveal });
    expect(await runPageCommand(ask, 'previous-place', 3)).toEqual({
      ok: true,
      command: 'previous-place',
      reveal,
    });
    expect(await runPageCommand(ask, 'next-mark', 3)).toMatchObject({ ok: true });
    expect(sent.map(([, m]) => m)).toEqual([
      { type: 'glossa:jump', direction: 'previous', only: 'LOC' },
      { type: 'glossa:jump', direction: 'next' },
    ]);
    const none = recorder({});
    expect(await runPageCommand(none.ask, 'next-mark', 3)).toMatchObject({
      ok: false,
      error: 'Could not establish connection.',
    });
    expect(await runPageCommand(none.ask, 'rm-rf', 3)).toMatchObject({ ok: false });
    expect(none.sent).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messages/types';
import { REMEMBER_CHECK_MS, rememberMessage, startRemembering } from '../../lib/page/remember';

const treaty = { id: 'new-start', en: 'New START', ru: 'ДСНВ', year: 2010 };
const ready = (entities: PageState['entities']): PageState => ({
  page: { url: 'https://ria.ru/a', title: 'Россия и КНДР', lang: 'ru' },
  enabled: true,
  status: 'ready',
  entities,
});

describe('rememberMessage', () => {
  it('reports people, places and registered treaties of an annotated page', () => {
    const message = rememberMessage(
      ready([
        { type: 'LOC', canonical: 'КНДР', count: 3, forms: ['КНДР'] },
        { type: 'TREATY', canonical: 'ратификация', count: 2, forms: ['ратификации'] },
        { type: 'TREATY', canonical: 'ДСНВ', count: 1, forms: ['ДСНВ'], treaty },
        { type: 'WATCH', canonical: 'санкции', count: 1, forms: ['санкции'] },
      ]),
    );
    expect(message).toEqual({
      type: 'glossa:remember-article',
      title: 'Россия и КНДР',
      lang: 'ru',
      entities: [
        { type: 'LOC', canonical: 'КНДР', count: 3 },
        { type: 'TREATY', canonical: 'ДСНВ', count: 1, treaty },
      ],
    });
  });

  it('carries the id of an entity a register knows', () => {
    const message = rememberMessage(
      ready([
        {
          type: 'PER',
          canonical: 'Владимир Путин',
          count: 2,
          forms: ['Путина'],
          id: 'PER:vladimir-putin',
        },
        { type: 'LOC', canonical: 'Сызрань', count: 1, forms: ['Сызрань'] },
      ]),
    );
    expect(message?.entities).toEqual([
      { type: 'PER', canonical: 'Владимир Путин', count: 2, id: 'PER:vladimir-putin' },
      { type: 'LOC', canonical: 'Сызрань', count: 1 },
    ]);
  });

  it('reports nothing for a page not annotated, switched off, or without entities', () => {
    const one = [{ type: 'LOC' as const, canonical: 'КНДР', count: 1, forms: ['КНДР'] }];
    expect(rememberMessage({ ...ready(one), status: 'working' })).toBeNull();
    expect(rememberMessage({ ...ready(one), status: 'skipped', skip: 'site-off' })).toBeNull();
    expect(rememberMessage({ ...ready(one), enabled: false })).toBeNull();
    expect(rememberMessage(ready([]))).toBeNull();
  });
});

describe('startRemembering', () => {
  it('sends once the annotation settled, then only when the entities changed, until aborted', async () => {
    let state = ready([{ type: 'LOC', canonical: 'КНДР', count: 1, forms: ['КНДР'] }]);
    const sent: unknown[] = [];
    let tick: () => void = () => {};
    let stopped = false;
    let settle: () => void = () => {};
    const lifetime = new AbortController();
    startRemembering({
      state: () => state,
      settled: new Promise<void>((resolve) => {
        settle = resolve;
      }),
      send: async (m) => {
        sent.push(m);
      },
      signal: lifetime.signal,
      every: (fn, ms) => {
        expect(ms).toBe(REMEMBER_CHECK_MS);
        tick = fn;
        return 1;
      },
      stop: () => {
        stopped = true;
      },
    });
    expect(sent).toHaveLength(0);
    settle();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    tick();
    expect(sent).toHaveLength(1); // nothing changed
    state = ready([{ type: 'LOC', canonical: 'КНДР', count: 2, forms: ['КНДР'] }]);
    tick();
    expect(sent).toHaveLength(2);
    lifetime.abort();
    expect(stopped).toBe(true);
    state = ready([{ type: 'LOC', canonical: 'КНДР', count: 5, forms: ['КНДР'] }]);
    tick();
    expect(sent).toHaveLength(2);
  });
});

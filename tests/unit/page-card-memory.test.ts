// @vitest-environment jsdom
/**
 * The hover card's line from the reading memory, page side: which mentions it asks about, one
 * request per entity for a while, the line's words (plural forms in English and Russian), nothing
 * at count 0 or for a card that moved on, the card kept while the pointer crosses onto it, and
 * its button opening the entity's page on the reader's own click only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../lib/entities';
import { type MessageFile, messagesGetter } from '../../lib/i18n';
import type { SendToBackground } from '../../lib/messages/to-background';
import type { CardRecall } from '../../lib/messages/types';
import { createHoverCard, type HoverCard, openOnTrustedClick } from '../../lib/page/card';
import { type CardMemory, createCardMemory, memoryEntity } from '../../lib/page/card-memory';
import { type CardSource, pageTextSource } from '../../lib/page/card-source';
import {
  alsoInLabel,
  createCardView,
  latestLine,
  truncateTitle,
  visitDate,
} from '../../lib/page/card-view';
import type { CaretPoint, RectLike } from '../../lib/page/hit-test';
import { chunkIndexAfter, offsetFromPoint } from '../../lib/page/ranges';
import { extractPageText } from '../../lib/page/text';
import type { PageText } from '../../lib/page/types';
import russian from '../../public/_locales/ru/messages.json';
import { asReader, fromReader, glossaHosts, inGlossaRoots } from './glossa-hosts';

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
});
const inRussian = () => {
  g.chrome = { i18n: { getMessage: messagesGetter(russian as MessageFile) } };
};

const LATEST = {
  url: 'https://b.com/2',
  title: 'Talks in Pyongyang',
  site: 'b.com',
  lastVisit: '2026-11-03T10:00:00.000Z',
};

describe('the words of the memory line', () => {
  it('counts the other articles in English and Russian plural forms', () => {
    expect([1, 2, 5].map(alsoInLabel)).toEqual([
      'Also in 1 article you read',
      'Also in 2 articles you read',
      'Also in 5 articles you read',
    ]);
    inRussian();
    expect([1, 2, 5, 11, 21, 22].map(alsoInLabel)).toEqual([
      'Ещё в 1 прочитанной статье',
      'Ещё в 2 прочитанных статьях',
      'Ещё в 5 прочитанных статьях',
      'Ещё в 11 прочитанных статьях',
      'Ещё в 21 прочитанной статье',
      'Ещё в 22 прочитанных статьях',
    ]);
  });

  it('names the latest article by its title (cut) and its day in the UI language', () => {
    expect(visitDate(LATEST.lastVisit, 'en')).toBe('November 3, 2026');
    expect(visitDate(LATEST.lastVisit, 'ru')).toBe('3 ноября 2026 г.');
    expect(visitDate('not a date', 'en')).toBe('');
    expect(latestLine(LATEST, 'en')).toBe('Latest: Talks in Pyongyang, November 3, 2026');
    // No title: the site stands for it.
    expect(latestLine({ ...LATEST, title: '' }, 'en')).toBe('Latest: b.com, November 3, 2026');
    const long = 'Ж'.repeat(100);
    expect(truncateTitle(long)).toBe(`${'Ж'.repeat(79)}…`);
    expect(Array.from(truncateTitle('🇰🇵'.repeat(50), 10))).toHaveLength(10);
    expect(truncateTitle('  Short\n title ')).toBe('Short title');
  });
});

describe('which mentions the card asks about', () => {
  const base = { start: 0, end: 5, text: 'Putin' };
  it('people, places and registered treaties, named as the background files them', () => {
    expect(memoryEntity({ ...base, type: 'PER', canonical: 'Vladimir Putin' })).toEqual({
      type: 'PER',
      canonical: 'Vladimir Putin',
    });
    const treaty = { id: 'new-start', en: 'New START', ru: 'Договор о СНВ-3', year: 2010 };
    expect(memoryEntity({ ...base, type: 'TREATY', canonical: 'New START', treaty })).toEqual({
      type: 'TREATY',
      canonical: 'New START',
      treaty,
    });
    // A registered id, where the recognizer gives one, goes along.
    const withId = {
      ...base,
      type: 'PER',
      canonical: 'Putin',
      id: 'PER:vladimir-putin',
    } as Mention;
    expect(memoryEntity(withId)?.id).toBe('PER:vladimir-putin');
    expect(memoryEntity({ ...base, type: 'TREATY', canonical: 'ratification' })).toBeNull();
    expect(memoryEntity({ ...base, type: 'WATCH', canonical: 'sanctions' })).toBeNull();
    expect(memoryEntity({ ...base, type: 'ORG', canonical: 'NATO' })).toBeNull();
  });
});

describe('createCardMemory', () => {
  const putin: Mention = { start: 0, end: 5, type: 'PER', text: 'Putin', canonical: 'Putin' };
  const kim: Mention = { start: 9, end: 12, type: 'PER', text: 'Kim', canonical: 'Kim Jong Un' };

  function memoryWith(answer: (m: unknown) => Promise<unknown>) {
    const sent: unknown[] = [];
    let clock = 0;
    const send = ((m: unknown) => {
      sent.push(m);
      return answer(m);
    }) as SendToBackground;
    const failed = vi.fn();
    const memory = createCardMemory({ send, now: () => clock, keepMs: 1000, failed });
    return { memory, sent, failed, tick: (ms: number) => (clock += ms) };
  }

  it('asks once per entity while the answer is fresh, and again after', async () => {
    const { memory, sent, tick } = memoryWith(async () => ({ count: 2, key: 'PER:~putin' }));
    expect(await memory.recall(putin)).toEqual({ count: 2, key: 'PER:~putin' });
    await memory.recall({ ...putin, start: 40, end: 45 }); // the same entity further on
    await memory.recall(kim);
    expect(sent).toEqual([
      { type: 'glossa:recall-entity', entity: { type: 'PER', canonical: 'Putin' } },
      { type: 'glossa:recall-entity', entity: { type: 'PER', canonical: 'Kim Jong Un' } },
    ]);
    tick(999);
    await memory.recall(putin);
    expect(sent).toHaveLength(2);
    tick(1);
    await memory.recall(putin);
    expect(sent).toHaveLength(3);
  });

  it('asks nothing for a mention the memory does not keep', async () => {
    const { memory, sent } = memoryWith(async () => ({ count: 9, key: 'x' }));
    const watch: Mention = { ...putin, type: 'WATCH', canonical: 'sanctions' };
    expect(await memory.recall(watch)).toEqual({ count: 0 });
    expect(sent).toEqual([]);
  });

  it('says nothing when the background fails or answers nonsense, and asks again later', async () => {
    let fail = true;
    const { memory, sent, failed } = memoryWith(async () => {
      if (fail) throw new Error('Receiving end does not exist');
      return undefined;
    });
    expect(await memory.recall(putin)).toEqual({ count: 0 });
    expect(failed).toHaveBeenCalledTimes(1);
    fail = false;
    expect(await memory.recall(putin)).toEqual({ count: 0 });
    expect(sent).toHaveLength(2);
  });

  it('opens an entity page through the background', async () => {
    const { memory, sent } = memoryWith(async () => ({ ok: true }));
    memory.open('LOC:KP');
    expect(sent).toEqual([{ type: 'glossa:open-entity', key: 'LOC:KP' }]);
  });
});

describe('the card view with the memory line', () => {
  const place: Mention = { start: 0, end: 8, type: 'LOC', text: 'Пхеньяне', canonical: 'Пхеньян' };

  it('shows the line with the count and the latest article, and takes the pointer', () => {
    const view = createCardView(document);
    view.fill(place, { canonical: 'Пхеньян', count: 1 });
    // Made only when a card first has the line.
    expect(view.card.querySelector('.memory')).toBeNull();
    expect(view.linked).toBe(false);
    view.showMemory({ count: 3, key: 'LOC:KP', latest: LATEST });
    const line = view.card.querySelector('.memory') as HTMLElement;
    expect(line.hidden).toBe(false);
    expect(view.linked).toBe(true);
    expect(line.querySelector('.also')?.textContent).toBe('Also in 3 articles you read');
    expect(line.querySelector('.latest')?.textContent).toBe(latestLine(LATEST));
    const button = line.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('Open in your reading memory');
    expect(button.type).toBe('button');
    // The next mention starts without it, and the card keeps none of its words.
    view.fill(place, { canonical: 'Пхеньян', count: 1 });
    expect(line.hidden).toBe(true);
    expect(view.linked).toBe(false);
    expect(line.querySelector('.also')?.textContent).toBe('');
    expect(line.querySelector('.latest')?.textContent).toBe('');
  });

  it('shows nothing of the memory at count 0', () => {
    const view = createCardView(document);
    view.fill(place, { canonical: 'Пхеньян', count: 1 });
    view.showMemory({ count: 0 });
    expect(view.card.querySelector('.memory')).toBeNull();
    expect(view.linked).toBe(false);
  });

  it('builds the line from text only: markup in a title is not parsed', () => {
    const view = createCardView(document);
    view.showMemory({ count: 1, key: 'LOC:KP', latest: { ...LATEST, title: '<img src=x>' } });
    const latest = view.card.querySelector('.latest') as HTMLElement;
    expect(latest.textContent).toContain('<img src=x>');
    expect(latest.children).toHaveLength(0);
  });
});

describe('openOnTrustedClick', () => {
  it("opens on the reader's own click only", () => {
    const open = vi.fn();
    const click = new MouseEvent('click');
    expect(openOnTrustedClick(click, (e) => e.isTrusted, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    expect(openOnTrustedClick(click, () => true, open)).toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

/** The same one-line layout as page-card.test.ts: offset o at x = 10·o, 20 px tall. */
const W = 10;
const H = 20;
function fakeLayout(pt: PageText) {
  const caretAt = (_doc: Document, x: number, y: number): CaretPoint | null => {
    if (y < 0 || y > H) return null;
    const o = Math.max(0, Math.min(pt.text.length, Math.round(x / W)));
    const c = pt.chunks[chunkIndexAfter(pt.chunks, o - 1)];
    if (!c) return null;
    return { node: c.node, offset: Math.max(0, Math.min(o, c.end) - c.start) };
  };
  const rectsOf = (range: Range): RectLike[] => {
    const s = offsetFromPoint(pt, range.startContainer, range.startOffset) ?? 0;
    const e = offsetFromPoint(pt, range.endContainer, range.endOffset) ?? 0;
    return [{ left: s * W, right: e * W, top: 0, bottom: H }];
  };
  return { caretAt, rectsOf };
}

describe('the hover card with the reading memory', () => {
  let card: HoverCard | null = null;
  afterEach(() => {
    card?.destroy();
    card = null;
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  function setup(
    answers: Record<string, CardRecall | Promise<CardRecall>>,
    trusted = fromReader,
    wrap: (source: CardSource) => CardSource = (source) => source,
  ) {
    document.body.innerHTML = '<p>Putin met Kim in Pyongyang and spoke of sanctions.</p>';
    const pt = extractPageText(document);
    const at = (needle: string, type: Mention['type'], canonical: string): Mention => {
      const start = pt.text.indexOf(needle);
      return { start, end: start + needle.length, type, text: needle, canonical };
    };
    const mentions = [
      at('Putin', 'PER', 'Vladimir Putin'),
      at('Kim', 'PER', 'Kim Jong Un'),
      at('Pyongyang', 'LOC', 'Pyongyang'),
      at('sanctions', 'WATCH', 'sanctions'),
    ];
    const opened: string[] = [];
    const asked: string[] = [];
    const askedAs: Mention[] = [];
    const memory: CardMemory = {
      recall: (m) => {
        asked.push(m.canonical);
        askedAs.push(m);
        return Promise.resolve(answers[m.canonical] ?? { count: 0 });
      },
      open: (key) => opened.push(key),
    };
    const frames: Array<() => void> = [];
    card = createHoverCard(document, wrap(pageTextSource(document, pt, mentions, () => 1)), {
      ...fakeLayout(pt),
      schedule: (cb) => frames.push(cb),
      trusted,
      memory,
      graceMs: 300,
    });
    const pointAt = (x: number, y: number) => {
      document.dispatchEvent(
        asReader(new MouseEvent('pointermove', { clientX: x, clientY: y, bubbles: true })),
      );
      for (const f of frames.splice(0)) f();
    };
    const hover = (m: Mention) => pointAt(m.start * W + W / 2, H / 2);
    return { mentions, opened, asked, askedAs, hover, pointAt };
  }

  const cardEl = () => inGlossaRoots('.card') as HTMLElement;
  /** The memory line, or null while the card never had one. */
  const line = () => inGlossaRoots('.memory') as HTMLElement;
  const lineShown = () => inGlossaRoots('.memory')?.hidden === false;
  const flushAnswers = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('adds the line when the memory knows the entity, and nothing of it reaches the host', async () => {
    const { mentions, hover } = setup({
      'Vladimir Putin': { count: 4, key: 'PER:~vladimir putin', latest: LATEST },
    });
    hover(mentions[0] as Mention);
    await flushAnswers();
    expect(lineShown()).toBe(true);
    expect(line().querySelector('.also')?.textContent).toBe('Also in 4 articles you read');
    const [host] = glossaHosts();
    expect(host?.getAttributeNames()).toEqual(['style']);
    expect(host?.childNodes).toHaveLength(0);
    expect(host?.textContent).toBe('');
  });

  it("asks under the page-wide name and id the card shows, not the mark's own", async () => {
    const { mentions, hover, askedAs } = setup({}, fromReader, (source) => ({
      ...source,
      describe: (m) =>
        m.text === 'Putin'
          ? { canonical: 'Vladimir Putin', count: 3, id: 'PER:vladimir-putin' }
          : source.describe(m),
    }));
    const lone = { ...(mentions[0] as Mention), canonical: 'Putin' };
    mentions[0] = lone; // the page's answer named the lone surname only
    hover(lone);
    await flushAnswers();
    expect(askedAs.map((m) => [m.text, m.canonical, m.id])).toEqual([
      ['Putin', 'Vladimir Putin', 'PER:vladimir-putin'],
    ]);
  });

  it('shows nothing of the memory at count 0, and asks nothing for a watch term', async () => {
    const { mentions, hover, asked } = setup({});
    hover(mentions[1] as Mention);
    await flushAnswers();
    expect(cardEl().hidden).toBe(false);
    expect(lineShown()).toBe(false);
    expect(cardEl().classList.contains('linked')).toBe(false);
    hover(mentions[3] as Mention);
    await flushAnswers();
    expect(asked).toEqual(['Kim Jong Un', 'sanctions']); // the memory itself says no to WATCH
    expect(lineShown()).toBe(false);
  });

  it('drops an answer that arrives after the card moved on', async () => {
    let answer: (r: CardRecall) => void = () => {};
    const late = new Promise<CardRecall>((resolve) => {
      answer = resolve;
    });
    const { mentions, hover } = setup({ 'Vladimir Putin': late });
    hover(mentions[0] as Mention);
    hover(mentions[2] as Mention); // now on Pyongyang
    answer({ count: 4, key: 'PER:~vladimir putin', latest: LATEST });
    await flushAnswers();
    expect(cardEl().querySelector('.name')?.textContent).toBe('Pyongyang');
    expect(lineShown()).toBe(false);
  });

  it('keeps a card with the line while the pointer crosses onto it, and hides it after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { mentions, hover, pointAt } = setup({
      Pyongyang: { count: 1, key: 'LOC:~pyongyang', latest: LATEST },
    });
    hover(mentions[2] as Mention);
    await vi.advanceTimersByTimeAsync(0);
    expect(lineShown()).toBe(true);
    // jsdom has no layout: the card sits below the line of text.
    cardEl().getBoundingClientRect = () => new DOMRect(100, 26, 240, 90);
    pointAt(150, 24); // the gap between the mark and the card
    await vi.advanceTimersByTimeAsync(200);
    expect(cardEl().hidden).toBe(false);
    pointAt(150, 60); // on the card
    await vi.advanceTimersByTimeAsync(1000);
    expect(cardEl().hidden).toBe(false);
    expect(card?.current).toBe(mentions[2]);
    pointAt(600, 60); // off the card
    await vi.advanceTimersByTimeAsync(299);
    expect(cardEl().hidden).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(cardEl().hidden).toBe(true);
    expect(card?.current).toBeNull();
  });

  it('hides a card without the line as soon as the pointer leaves its mark', async () => {
    const { mentions, hover, pointAt } = setup({});
    hover(mentions[1] as Mention);
    await flushAnswers();
    pointAt(150, 24);
    expect(cardEl().hidden).toBe(true);
  });

  it("opens the entity's page on the reader's click, not on a page script's", async () => {
    const { mentions, hover, opened } = setup({
      Pyongyang: { count: 2, key: 'LOC:~pyongyang', latest: LATEST },
    });
    hover(mentions[2] as Mention);
    await flushAnswers();
    const button = line().querySelector('button') as HTMLButtonElement;
    button.click(); // untrusted, as a page script's would be
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(opened).toEqual([]);
    const pageSaw: Event[] = [];
    document.addEventListener('click', (e) => pageSaw.push(e));
    button.dispatchEvent(asReader(new MouseEvent('click', { bubbles: true, composed: true })));
    expect(opened).toEqual(['LOC:~pyongyang']);
    expect(pageSaw).toEqual([]); // the click stays inside the card
    expect(cardEl().hidden).toBe(true);
  });

  it('trusts only clicks the browser marks as the reader’s when not told otherwise', async () => {
    const { mentions, hover, opened } = setup(
      { Pyongyang: { count: 2, key: 'LOC:~pyongyang' } },
      // Pointer moves from the test count as the reader's; clicks are judged by isTrusted.
      (e) => e.type === 'pointermove' || e.isTrusted,
    );
    hover(mentions[2] as Mention);
    await flushAnswers();
    (line().querySelector('button') as HTMLButtonElement).click();
    expect(opened).toEqual([]);
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToContentMessage } from '../../lib/messages/to-content';
import type { Note } from '../../lib/notes/model';
import type { CaretPoint, RectLike } from '../../lib/page/hit-test';
import { tagLine } from '../../lib/page/note-card';
import { fetchPageNotes, type NoteLayer, startNoteLayer } from '../../lib/page/note-highlights';
import { NOTE_HIGHLIGHT } from '../../lib/page/note-paint';
import { chunkIndexAfter, offsetFromPoint } from '../../lib/page/ranges';
import { createRevealer } from '../../lib/page/reveal';
import { contentHandlers } from '../../lib/page/router';
import { extractPageText } from '../../lib/page/text';
import { asReader, fromReader, glossaHosts, inGlossaRoots } from './glossa-hosts';
import { noteOn } from './page-note-fixtures';

/** A minimal stand-in for the CSS Custom Highlight API, which jsdom lacks. */
class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

const g = globalThis as unknown as Record<string, unknown>;
let registry: Map<string, FakeHighlight>;
let layer: NoteLayer | null = null;

beforeEach(() => {
  registry = new Map();
  g.Highlight = FakeHighlight;
  g.CSS = { highlights: registry };
});

afterEach(() => {
  layer?.dispose();
  layer = null;
  delete g.Highlight;
  delete g.CSS;
  document.body.innerHTML = '';
});

const ARTICLE = `<article><h1>Treaty in force</h1>
<p>The treaty on comprehensive strategic partnership entered into force on 4 December.</p>
<p>Both sides exchanged the instruments of ratification in <b>Pyongyang</b> on Wednesday.</p>
<p>Analysts expect new talks on mutual military assistance next spring.</p></article>`;

function painted(): string[] {
  return [...(registry.get(NOTE_HIGHLIGHT) ?? [])].map((r) => r.toString());
}

/**
 * jsdom has no layout: lay the page text out on one line, offset o at x = 10·o, 20 px tall.
 * The caret goes to the nearest character edge.
 */
function fakeLayout() {
  const caretAt = (_doc: Document, x: number, y: number): CaretPoint | null => {
    if (y < 0 || y > 20) return null;
    const pt = extractPageText(document);
    const o = Math.max(0, Math.min(pt.text.length, Math.round(x / 10)));
    const c = pt.chunks[chunkIndexAfter(pt.chunks, o - 1)];
    if (!c) return null;
    return { node: c.node, offset: Math.max(0, Math.min(o, c.end) - c.start) };
  };
  const rectsOf = (range: Range): RectLike[] => {
    const pt = extractPageText(document);
    const s = offsetFromPoint(pt, range.startContainer, range.startOffset) ?? 0;
    const e = offsetFromPoint(pt, range.endContainer, range.endOffset) ?? 0;
    return [{ left: s * 10, right: e * 10, top: 0, bottom: 20 }];
  };
  return { caretAt, rectsOf, schedule: (cb: () => void) => cb(), trusted: fromReader };
}

function pointerMove(x: number, y: number): MouseEvent {
  const Ctor =
    (window as unknown as { PointerEvent?: typeof MouseEvent }).PointerEvent ?? MouseEvent;
  return new Ctor('pointermove', { clientX: x, clientY: y, bubbles: true });
}

/** The reader moves the pointer. */
function move(x: number, y: number) {
  document.dispatchEvent(asReader(pointerMove(x, y)));
}

function noteCard(): HTMLElement | null {
  return inGlossaRoots('[role="tooltip"]');
}

/** Every string a page script could read from the document: markup, attributes, open roots. */
function pageReadable(): string {
  const parts = [document.documentElement.outerHTML];
  for (const el of document.querySelectorAll('*')) {
    if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
  }
  return parts.join('\n');
}

const xOf = (quote: string) => (extractPageText(document).text.indexOf(quote) + 2) * 10;

describe('note highlights on the page', () => {
  it('paints each saved quote as glossa-NOTE, lists the orphans, and leaves the DOM alone', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('exchanged the instruments of ratification in Pyongyang');
    const b = noteOn('mutual military assistance');
    const gone: Note = { ...noteOn('entered into force'), id: 'gone' };
    gone.quote = 'a sentence that was never on this page at all';
    gone.selectors = [
      { type: 'TextQuoteSelector', exact: gone.quote, prefix: 'x', suffix: 'y' },
      { type: 'TextPositionSelector', start: 5, end: 49 },
    ];
    const pageNote: Note = { ...a, id: 'page-note', kind: 'page' };
    delete pageNote.quote;
    delete pageNote.selectors;
    const before = document.body.innerHTML;

    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false });
    const anchors = layer.show([a, b, gone, pageNote]);

    expect(anchors).toEqual({ anchored: [a.id, b.id], orphaned: ['gone'] });
    // The quote crosses the <b>: one range over both text nodes.
    expect(painted()).toEqual([
      'exchanged the instruments of ratification in Pyongyang',
      'mutual military assistance',
    ]);
    expect(registry.get(NOTE_HIGHLIGHT)?.priority).toBe(-1);
    expect(document.body.innerHTML).toBe(before);
  });

  it('finds a quote again after a paragraph was inserted and a word inside it edited', () => {
    document.body.innerHTML = ARTICLE;
    const note = noteOn('Both sides exchanged the instruments of ratification');
    document.body.innerHTML = ARTICLE.replace(
      '<p>Both sides',
      '<p>An editor added this paragraph later, with more context.</p><p>Both sides',
    ).replace('exchanged', 'swapped');

    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false });
    expect(layer.show([note])).toEqual({ anchored: [note.id], orphaned: [] });
    expect(painted()).toEqual(['Both sides swapped the instruments of ratification']);
  });

  it('replaces the shown set on every show(), and paints nothing for no notes', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    const b = noteOn('entered into force');
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false });
    layer.show([a, b]);
    expect(painted()).toHaveLength(2);
    layer.show([b]);
    expect(painted()).toEqual(['entered into force']);
    layer.show([]);
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
  });

  it('follows the highlight switch: off unpaints, on paints again', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    layer = startNoteLayer({ doc: document, enabled: false, domChanges: false });
    expect(layer.show([a]).anchored).toEqual([a.id]); // anchored even while off
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
    layer.setEnabled(true);
    expect(painted()).toEqual(['mutual military assistance']);
    layer.setEnabled(false);
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
  });

  it('never removes a glossa-NOTE highlight that is no longer its own', () => {
    document.body.innerHTML = ARTICLE;
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false });
    layer.show([noteOn('mutual military assistance')]);
    const foreign = new FakeHighlight();
    registry.set(NOTE_HIGHLIGHT, foreign);
    layer.dispose();
    expect(registry.get(NOTE_HIGHLIGHT)).toBe(foreign);
  });

  it('anchors without painting where the Highlight API is missing', () => {
    delete g.Highlight;
    delete g.CSS;
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const a = noteOn('mutual military assistance');
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false });
    expect(layer.show([a])).toEqual({ anchored: [a.id], orphaned: [] });
    expect(document.body.innerHTML).toBe(before);
  });

  it('shows the note text and tags on hover, as text, and hides when the pointer leaves', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance', {
      text: 'Compare <b>Article 4</b> of the treaty',
      tags: ['КНДР', '#treaty law'],
    });
    const empty = noteOn('entered into force', { text: '' });
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false, card: fakeLayout() });
    layer.show([a, empty]);

    move(xOf('mutual military assistance'), 10);
    const card = noteCard();
    expect(card?.hidden).toBe(false);
    expect(card?.textContent).toContain('Your note');
    expect(card?.textContent).toContain('Compare <b>Article 4</b> of the treaty');
    expect(card?.querySelector('b')).toBeNull(); // never parsed as HTML
    expect(card?.textContent).toContain('#КНДР #treaty law');
    expect(layer.cardNotes?.map((n) => n.id)).toEqual([a.id]);

    move(xOf('entered into force'), 10);
    expect(noteCard()?.textContent).toContain('Saved quote, no note text yet.');

    move(xOf('Treaty in force'), 10); // the title: no note there
    expect(noteCard()?.hidden).toBe(true);
    expect(layer.cardNotes).toBeNull();
  });

  it('keeps the note text and tags out of everything a page script can read', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance', {
      text: 'private thought 7Q',
      tags: ['secret-tag-7Q'],
    });
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false, card: fakeLayout() });
    layer.show([a]);
    // Issue 12: a page hovered the painted note itself and read the open card.
    document.dispatchEvent(pointerMove(xOf('mutual military assistance'), 10));
    expect(layer.cardNotes).toBeNull();
    expect(glossaHosts()).toEqual([]);
    expect(pageReadable()).not.toContain('7Q');
    // The reader's own pointer shows the card, inside the closed root only.
    move(xOf('mutual military assistance'), 10);
    expect(noteCard()?.textContent).toContain('private thought 7Q');
    const [host] = glossaHosts();
    expect(host?.localName).toBe('div');
    expect(host?.shadowRoot).toBeNull();
    expect(host?.getAttributeNames()).toEqual(['style']);
    expect(pageReadable()).not.toContain('7Q');
    // Once the pointer leaves, the words are gone from the root too.
    move(xOf('Treaty in force'), 10);
    expect(noteCard()?.textContent ?? '').not.toContain('7Q');
  });

  it('lists every note under the pointer when notes overlap, the shorter first', () => {
    document.body.innerHTML = ARTICLE;
    const long = noteOn('new talks on mutual military assistance next spring');
    const short = noteOn('mutual military');
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false, card: fakeLayout() });
    layer.show([long, short]);
    move(xOf('military'), 10);
    expect(layer.cardNotes?.map((n) => n.id)).toEqual([short.id, long.id]);
    expect(noteCard()?.textContent).toContain('Your notes (2)');
  });

  it('has no card and no listeners while switched off', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    layer = startNoteLayer({
      doc: document,
      enabled: false,
      domChanges: false,
      card: fakeLayout(),
    });
    layer.show([a]);
    move(xOf('mutual military assistance'), 10);
    expect(noteCard()).toBeNull();
  });

  it('re-anchors when the page rewrites its text', async () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    layer = startNoteLayer({
      doc: document,
      enabled: true,
      domChanges: { quietMs: 1, minIntervalMs: 0 },
    });
    layer.show([a]);
    const article = document.querySelector('article') as HTMLElement;
    const p = document.createElement('p');
    p.textContent = 'Breaking: a new paragraph arrives at the top of the story.';
    article.prepend(p);
    // The old range still covers the same nodes; what matters is the offsets were re-read.
    await expect
      .poll(() => layer?.placed()[0]?.start)
      .toBe(extractPageText(document).text.indexOf('mutual military assistance'));
    expect(painted()).toEqual(['mutual military assistance']);
  });

  it('answers show-notes and notice messages, and shows notices as text', async () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    const notes = startNoteLayer({ doc: document, enabled: true, domChanges: false, noticeMs: 50 });
    layer = notes;
    // Through the content script's handler table (lib/page/router.ts), as the messages reach it.
    const answers = contentHandlers({
      controller: async () => null,
      notes: () => notes,
      revealer: createRevealer({ doc: document, markAt: () => null }),
      onNotesSent: () => {},
      failedState: () => {
        throw new Error('not asked for state');
      },
    });
    const show: ToContentMessage<'glossa:show-notes'> = { type: 'glossa:show-notes', notes: [a] };
    expect(await answers['glossa:show-notes'](show, {})).toEqual({
      anchored: [a.id],
      orphaned: [],
    });
    const notice: ToContentMessage<'glossa:notice'> = {
      type: 'glossa:notice',
      ok: false,
      text: 'Could not save the note: <i>quota</i>',
    };
    expect(await answers['glossa:notice'](notice, {})).toEqual({ shown: true });
    const box = inGlossaRoots('[role="alert"]');
    expect(box?.textContent).toBe('Glossa: Could not save the note: <i>quota</i>');
    expect(box?.querySelector('i')).toBeNull();
  });

  it('dispose removes the highlight, the card host and the listeners', () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    layer = startNoteLayer({ doc: document, enabled: true, domChanges: false, card: fakeLayout() });
    layer.show([a]);
    move(xOf('mutual military assistance'), 10);
    expect(glossaHosts()).toHaveLength(1);
    layer.dispose();
    expect(registry.has(NOTE_HIGHLIGHT)).toBe(false);
    expect(glossaHosts()).toEqual([]);
    move(xOf('mutual military assistance'), 10);
    expect(glossaHosts()).toEqual([]);
    expect(layer.show([a])).toEqual({ anchored: [], orphaned: [] });
  });
});

describe('fetchPageNotes', () => {
  it('returns the notes the background sends, and null when it fails or cannot answer', async () => {
    document.body.innerHTML = ARTICLE;
    const a = noteOn('mutual military assistance');
    const sent: unknown[] = [];
    const notes = await fetchPageNotes(async (m) => {
      sent.push(m);
      return { ok: true, notes: [a] };
    }, 'https://example.org/a#x');
    expect(notes).toEqual([a]);
    expect(sent).toEqual([{ type: 'glossa:notes-for-page', url: 'https://example.org/a#x' }]);
    const quiet = { warn: console.warn };
    console.warn = () => {};
    try {
      expect(await fetchPageNotes(async () => ({ ok: false, error: 'blocked' }), 'u')).toBeNull();
      expect(await fetchPageNotes(async () => undefined, 'u')).toBeNull();
      expect(await fetchPageNotes(() => Promise.reject(new Error('no receiver')), 'u')).toBeNull();
    } finally {
      console.warn = quiet.warn;
    }
  });

  it('tagLine writes tags the way the card shows them', () => {
    expect(tagLine(['КНДР', ' #treaty law', '##x', ''])).toBe('#КНДР #treaty law #x');
  });
});

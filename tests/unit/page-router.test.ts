import { describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messages/types';
import type { Note } from '../../lib/notes/model';
import type { PageController } from '../../lib/page/controller';
import type { NoteLayer } from '../../lib/page/note-highlights';
import type { Revealer } from '../../lib/page/reveal';
import { createContentRouter, failureAnswer, type PageParts } from '../../lib/page/router';

const STATE = (enabled: boolean): PageState => ({
  page: { url: 'https://example.org/a', title: 'A', lang: 'en' },
  enabled,
  status: 'ready',
  entities: [],
});
const FAILED: PageState = { ...STATE(false), status: 'skipped', reason: 'could not start' };

/** Page parts that record what they were asked. */
function page(options: { controller?: boolean; notes?: boolean } = {}) {
  const calls: unknown[][] = [];
  let enabled = true;
  const controller = {
    state: () => STATE(enabled),
    selection: () => null,
    setEnabled: (on: boolean) => {
      calls.push(['setEnabled', on]);
      enabled = on;
      return STATE(on);
    },
    setSiteEnabled: async (on: boolean) => {
      calls.push(['setSiteEnabled', on]);
      return STATE(on);
    },
    setAnnotateAnyway: async (on: boolean) => {
      calls.push(['setAnnotateAnyway', on]);
      return STATE(true);
    },
    notesPainted: () => enabled,
  } as unknown as PageController;
  const notes = {
    show: (list: readonly Note[]) => {
      calls.push(['show', list.length]);
      return { anchored: list.map((n) => n.id), orphaned: [] };
    },
    notice: (n: { ok: boolean; text: string }) => {
      calls.push(['notice', n]);
      return true;
    },
    setEnabled: (on: boolean) => calls.push(['notes painted', on]),
  } as unknown as NoteLayer;
  const revealer = {
    reveal: (entity: unknown) => {
      calls.push(['reveal', entity]);
      return { ok: false, reason: 'not-found' };
    },
    jump: (direction: string, only?: string) => {
      calls.push(['jump', direction, only]);
      return { ok: false, reason: 'not-painted' };
    },
  } as unknown as Revealer;
  let notesSent = 0;
  const parts: PageParts = {
    controller: async () => (options.controller === false ? null : controller),
    notes: () => (options.notes === false ? null : notes),
    revealer,
    onNotesSent: () => {
      notesSent++;
    },
    failedState: () => FAILED,
  };
  const router = createContentRouter(parts);
  const ask = async (message: unknown) => {
    const routed = router.route(message, { id: 'glossa' });
    if (!routed.ok) throw new Error(routed.error);
    return routed.answer;
  };
  return { ask, calls, notesSent: () => notesSent, parts, router };
}

describe("the content script's router", () => {
  it("passes the switches to the controller; saved notes follow the page's switch", async () => {
    const p = page();
    expect(await p.ask({ type: 'glossa:set-enabled', enabled: false })).toEqual(STATE(false));
    expect(await p.ask({ type: 'glossa:set-site-enabled', enabled: true })).toEqual(STATE(true));
    expect(await p.ask({ type: 'glossa:set-annotate-anyway', enabled: true })).toEqual(STATE(true));
    expect(p.calls).toEqual([
      ['setEnabled', false],
      ['notes painted', false],
      ['setSiteEnabled', true],
      ['notes painted', false],
      ['setAnnotateAnyway', true],
      ['notes painted', false],
    ]);
  });

  it('gives notes to the notes layer, and reveals and jumps to the revealer', async () => {
    const p = page();
    const note = { id: 'n1' } as Note;
    expect(await p.ask({ type: 'glossa:show-notes', notes: [note] })).toEqual({
      anchored: ['n1'],
      orphaned: [],
    });
    expect(p.notesSent()).toBe(1);
    expect(await p.ask({ type: 'glossa:notice', ok: true, text: 'Saved' })).toEqual({
      shown: true,
    });
    const entity = { type: 'PER', canonical: 'Putin' };
    expect(await p.ask({ type: 'glossa:reveal', entity })).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await p.ask({ type: 'glossa:jump', direction: 'next', only: 'LOC' })).toEqual({
      ok: false,
      reason: 'not-painted',
    });
    expect(p.calls).toEqual([
      ['show', 1],
      ['notice', { ok: true, text: 'Saved' }],
      ['reveal', entity],
      ['jump', 'next', 'LOC'],
    ]);
  });

  it('answers for a page where Glossa could not start', async () => {
    const p = page({ controller: false, notes: false });
    expect(await p.ask({ type: 'glossa:get-page' })).toEqual(FAILED);
    expect(await p.ask({ type: 'glossa:set-enabled', enabled: true })).toEqual(FAILED);
    expect(await p.ask({ type: 'glossa:get-selection' })).toBeNull();
    expect(await p.ask({ type: 'glossa:show-notes', notes: [] })).toEqual({
      anchored: [],
      orphaned: [],
    });
    expect(await p.ask({ type: 'glossa:notice', ok: false, text: 'x' })).toEqual({ shown: false });
    expect(failureAnswer('glossa:get-selection', p.parts)).toBeNull();
    expect(failureAnswer('glossa:get-page', p.parts)).toEqual(FAILED);
  });

  it('leaves requests to the background unanswered, and rejects malformed ones', () => {
    const p = page();
    expect(p.router.route({ type: 'glossa:notes-for-page', url: 'x' }, {})).toMatchObject({
      reason: 'not-ours',
    });
    expect(p.router.route({ type: 'glossa:set-enabled', enabled: 'no' }, {})).toMatchObject({
      reason: 'malformed',
    });
    expect(p.calls).toEqual([]);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addNote,
  deleteNote,
  NotesConflictError,
  type NotesDb,
  NotesError,
  onNotesChanged,
  openNotesDb,
  updateNote,
} from '../../lib/notes/db';

const URL_A = 'https://ria.ru/20241205/kndr.html';
const T0 = new Date('2026-01-05T10:00:00.000Z');

let counter = 0;
const opened: NotesDb[] = [];
/** Two handles on one database: two tabs of the notes view, or the view and the side panel. */
function twoWindows(): [NotesDb, NotesDb] {
  counter += 1;
  const name = `glossa-conflict-test-${counter}`;
  const a = openNotesDb(name);
  const b = openNotesDb(name);
  opened.push(a, b);
  return [a, b];
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('saving an edit is a compare-and-set on updatedAt', () => {
  it('refuses to overwrite a note edited in another window, and hands back their copy', async () => {
    const [mine, theirs] = twoWindows();
    const note = await addNote(
      mine,
      { kind: 'page', url: URL_A, pageTitle: '', text: 'first', tags: [] },
      T0,
    );
    // Both windows opened the editor on `note`; the other one saves first.
    const saved = await updateNote(theirs, note.id, { text: 'their text' }, T0, note.updatedAt);
    const error = await updateNote(mine, note.id, { text: 'my text' }, T0, note.updatedAt).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotesConflictError);
    expect((error as NotesConflictError).reason).toBe('conflict');
    expect((error as NotesConflictError).message).toMatch(/changed in another window/);
    expect((error as NotesConflictError).theirs).toEqual(saved);
    expect((await mine.notes.get(note.id))?.text).toBe('their text');
    // "Keep mine": a save against their copy goes through.
    const kept = await updateNote(mine, note.id, { text: 'my text' }, T0, saved.updatedAt);
    expect((await theirs.notes.get(note.id))?.text).toBe('my text');
    expect(kept.updatedAt > saved.updatedAt).toBe(true);
  });

  it('sees a conflict even when both saves carry the same clock time', async () => {
    const [mine, theirs] = twoWindows();
    const note = await addNote(
      mine,
      { kind: 'page', url: URL_A, pageTitle: '', text: 'x', tags: [] },
      T0,
    );
    const first = await updateNote(theirs, note.id, { text: 'a' }, T0, note.updatedAt);
    expect(first.updatedAt).not.toBe(note.updatedAt);
    await expect(
      updateNote(mine, note.id, { text: 'b' }, T0, note.updatedAt),
    ).rejects.toBeInstanceOf(NotesConflictError);
  });

  it('says so when the note was deleted in another window', async () => {
    const [mine, theirs] = twoWindows();
    const note = await addNote(
      mine,
      { kind: 'page', url: URL_A, pageTitle: '', text: 'x', tags: [] },
      T0,
    );
    await deleteNote(theirs, note.id);
    const error = await updateNote(mine, note.id, { text: 'mine' }, T0, note.updatedAt).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('not-found');
  });
});

describe('onNotesChanged', () => {
  it('tells one window about a write made through another handle', async () => {
    const [mine, theirs] = twoWindows();
    await mine.open();
    let calls = 0;
    const stop = onNotesChanged(mine, () => {
      calls += 1;
    });
    await addNote(theirs, { kind: 'page', url: URL_A, pageTitle: '', text: 'x', tags: [] }, T0);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    await addNote(theirs, { kind: 'page', url: URL_A, pageTitle: '', text: 'y', tags: [] }, T0);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(before);
  });

  it('ignores writes to another database', async () => {
    const [mine] = twoWindows();
    const [other] = twoWindows();
    let calls = 0;
    const stop = onNotesChanged(mine, () => {
      calls += 1;
    });
    await addNote(other, { kind: 'page', url: URL_A, pageTitle: '', text: 'x', tags: [] }, T0);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(0);
    stop();
  });
});

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/entities';
import {
  addNote,
  allNotes,
  countNotes,
  type NotesDb,
  NotesError,
  openNotesDb,
  updateNote,
} from '../../lib/notes/db';
import { CSV_COLUMNS, exportCsv } from '../../lib/notes/export-csv';
import { exportJson } from '../../lib/notes/export-json';
import { exportJsonLd } from '../../lib/notes/export-jsonld';
import { exportMarkdown, exportMarkdownFiles } from '../../lib/notes/export-markdown';
import { importNotes, planImport } from '../../lib/notes/import';
import type { Note, Selector } from '../../lib/notes/model';
import { acceptNote } from '../../lib/notes/validate';

const SOURCE = readFileSync(new URL('../fixtures/notes/notes.json', import.meta.url), 'utf8');
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const NOW = new Date('2026-01-06T09:00:00.000Z');

let counter = 0;
const opened: NotesDb[] = [];
function freshDb(): NotesDb {
  counter += 1;
  const db = openNotesDb(`glossa-accept-test-${counter}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type FileNote = Record<string, unknown>;

/** The fixture export with a change made to its parsed JSON. */
function nativeWith(change: (notes: FileNote[]) => void): string {
  const file = JSON.parse(SOURCE);
  change(file.notes);
  return JSON.stringify(file);
}

function annotation(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    id: 'https://annotations.example/a/1',
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'A comment', purpose: 'commenting' },
    target: 'https://news.example/story',
    created: '2024-05-01T10:00:00Z',
    ...extra,
  };
}

function planned(text: string): Note[] {
  const check = planImport(text, { now: NOW });
  if (!check.ok) throw new Error(check.error);
  return check.plan.notes;
}

function refusal(text: string): string {
  const check = planImport(text, { now: NOW });
  if (check.ok) throw new Error('expected the file to be refused');
  return check.error;
}

describe('import hygiene: every import goes through acceptNote', () => {
  it('files an imported note under the normalized address, where the page looks for it', () => {
    const notes = planned(
      nativeWith((n) => {
        (n[0] as FileNote).url = 'HTTPS://RIA.ru/20241205/kndr.html?utm_source=tg&id=7#comments';
      }),
    );
    expect(notes[0]?.url).toBe('https://ria.ru/20241205/kndr.html?id=7');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome-extension://abc/notes.html',
    'not a url at all',
  ])(
    'refuses a Glossa file whose note is on %s, naming the note, and imports nothing',
    async (url) => {
      const text = nativeWith((n) => {
        (n[2] as FileNote).url = url;
      });
      const error = refusal(text);
      expect(error).toMatch(/^notes\[2\]: the page address .*http:\/\/ and https:\/\/ pages only/);
      const db = freshDb();
      const outcome = await importNotes(db, text);
      expect(outcome.ok).toBe(false);
      expect(await countNotes(db)).toBe(0);
    },
  );

  it('refuses a W3C annotation on a javascript: page, naming it', () => {
    const error = refusal(
      JSON.stringify([annotation(), annotation({ id: 'urn:x:2', target: 'javascript:alert(1)' })]),
    );
    expect(error).toMatch(
      /^\[1\]: the page address "javascript:alert\(1\)" is a javascript: address/,
    );
  });

  it('cleans tags as the editor does, from either format', () => {
    const native = planned(
      nativeWith((n) => {
        (n[0] as FileNote).tags = ['  treaty   law ', 'Treaty law', '', 'КНДР', 'кндр'];
      }),
    );
    expect(native[0]?.tags).toEqual(['treaty law', 'КНДР']);
    const w3c = planned(
      JSON.stringify(
        annotation({
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: ' a   b ' },
            { type: 'TextualBody', purpose: 'tagging', value: 'A B' },
          ],
        }),
      ),
    );
    expect(w3c[0]?.tags).toEqual(['a b']);
  });

  it('refuses more tags, or longer tags, than a note keeps', () => {
    const many = Array.from({ length: 51 }, (_, i) => `tag ${i}`);
    expect(
      refusal(
        nativeWith((n) => {
          (n[1] as FileNote).tags = many;
        }),
      ),
    ).toBe('notes[1]: the note has 51 tags; Glossa keeps at most 50. Nothing was imported.');
    expect(
      refusal(
        nativeWith((n) => {
          (n[1] as FileNote).tags = ['x'.repeat(101)];
        }),
      ),
    ).toMatch(/^notes\[1\]: the tag is 101 characters long; Glossa keeps at most 100/);
  });

  it('stores times written with an offset in UTC, so notes sort by when they were made', async () => {
    const text = nativeWith((n) => {
      // 10:00+03:00 is 07:00Z: earlier than 08:00Z, though "10" sorts after "08" as text.
      Object.assign(n[0] as FileNote, {
        createdAt: '2026-01-05T10:00:00+03:00',
        updatedAt: '2026-01-05T10:30:00+03:00',
      });
      Object.assign(n[1] as FileNote, {
        url: (n[0] as FileNote).url,
        createdAt: '2026-01-05T08:00:00Z',
        updatedAt: '2026-01-05T08:00:00Z',
      });
    });
    const notes = planned(text);
    expect(notes[0]?.createdAt).toBe('2026-01-05T07:00:00.000Z');
    expect(notes[0]?.updatedAt).toBe('2026-01-05T07:30:00.000Z');
    expect(notes[1]?.createdAt).toBe('2026-01-05T08:00:00.000Z');
    const db = freshDb();
    await importNotes(db, text);
    const ids = [notes[0]?.id, notes[1]?.id];
    const samePage = (await allNotes(db)).filter((n) => ids.includes(n.id));
    expect(samePage.map((n) => n.createdAt)).toEqual([
      '2026-01-05T07:00:00.000Z',
      '2026-01-05T08:00:00.000Z',
    ]);
  });

  it('refuses a W3C annotation whose comment bodies add up to more than a note holds', () => {
    const body = (value: string) => ({ type: 'TextualBody', purpose: 'commenting', value });
    const big = annotation({ body: [body('a'.repeat(60_000)), body('b'.repeat(60_000))] });
    expect(refusal(JSON.stringify([annotation({ id: 'urn:x:1' }), big]))).toBe(
      '[1] has 2 comment bodies that add up to 120,002 characters; a Glossa note holds at most 100,000. Split the annotation in two, then import the file again. Nothing was imported.',
    );
    // Exactly the limit (two bodies and the blank line between them) is a note Glossa can keep.
    const fits = annotation({ body: [body('a'.repeat(49_999)), body('b'.repeat(49_999))] });
    expect(planned(JSON.stringify(fits))[0]?.text.length).toBe(100_000);
  });

  it('imports all or nothing, and the message names the first bad item', async () => {
    const db = freshDb();
    const text = nativeWith((n) => {
      (n[1] as FileNote).url = 'javascript:void(0)';
      (n[3] as FileNote).url = 'data:,x';
    });
    const outcome = await importNotes(db, text);
    expect(outcome.ok || outcome.error).toMatch(/^notes\[1\]: /);
    expect(await countNotes(db)).toBe(0);
  });
});

describe('the editors and capture go through acceptNote too', () => {
  const input = { kind: 'page' as const, pageTitle: 'T', text: 'text', tags: [] };

  it('refuses to save a note on a non-web address, and stores nothing', async () => {
    const db = freshDb();
    const error = await addNote(db, { ...input, url: 'javascript:alert(1)' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).message).toMatch(
      /^Could not save the note: the page address "javascript:alert\(1\)" is a javascript: address; Glossa keeps notes on http:\/\/ and https:\/\/ pages only\./,
    );
    expect(await countNotes(db)).toBe(0);
  });

  it('normalizes the address and cleans the tags of a new note and of an edit', async () => {
    const db = freshDb();
    const note = await addNote(db, {
      ...input,
      url: 'https://ria.ru/a?fbclid=1#x',
      tags: [' a  b', 'A B', ''],
    });
    expect(note.url).toBe('https://ria.ru/a');
    expect(note.tags).toEqual(['a b']);
    const edited = await updateNote(db, note.id, { tags: ['  x ', 'X', 'y   z'] });
    expect(edited.tags).toEqual(['x', 'y z']);
    expect((await db.notes.get(note.id))?.tags).toEqual(['x', 'y z']);
  });
});

describe('exports never write a link that is not a web page', () => {
  // A note stored before addresses were checked (or written into the database by hand).
  const stored: Note = {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0aff',
    kind: 'selection',
    url: 'javascript:alert(document.cookie)',
    pageTitle: '',
    text: 'my note',
    tags: ['x'],
    quote: 'the quote',
    selectors: [{ type: 'TextQuoteSelector', exact: 'the quote', prefix: '', suffix: '' }],
    createdAt: '2024-12-05T08:15:00.000Z',
    updatedAt: '2024-12-05T08:15:00.000Z',
  };
  const web: Note = { ...stored, id: 'other', url: 'https://ria.ru/a', pageTitle: 'Ria' };

  it('Markdown: no link, front-matter url or heading with the javascript: address', () => {
    const markdown = exportMarkdown([stored, web]);
    expect(markdown).not.toMatch(/javascript/i);
    expect(markdown).toContain('> the quote');
    expect(markdown).toContain('my note');
    expect(markdown).toContain('[↗ Source](https://ria.ru/a#:~:text=the%20quote)');
    const [file] = exportMarkdownFiles([stored]);
    expect(file?.content).not.toMatch(/\]\(|url:/);
  });

  it('CSV: the URL, Title and Author cells stay empty for it', () => {
    const rows = exportCsv([stored, web]).trim().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows[1]).toBe('the quote,,,,".x\nmy note",,2024-12-05 08:15:00');
    expect(rows[2]).toContain(',Ria,ria.ru,https://ria.ru/a,');
    expect(exportCsv([stored])).not.toMatch(/javascript/i);
  });
});

describe('acceptNote', () => {
  it('keeps a well-formed entity id of the entity’s type and refuses any other', () => {
    const note = (id: unknown) =>
      ({
        id: 'n1',
        kind: 'entity',
        url: 'https://ria.ru/a',
        pageTitle: '',
        text: '',
        tags: [],
        entity: { type: 'LOC', canonical: 'КНДР', id },
        createdAt: '2026-01-05T07:00:00.000Z',
        updatedAt: '2026-01-05T07:00:00.000Z',
      }) as Note;
    const ok = acceptNote(note('LOC:KP'));
    expect(ok.ok && ok.note.entity).toEqual({ type: 'LOC', canonical: 'КНДР', id: 'LOC:KP' });
    for (const bad of ['LOC:~kndr', 'PER:kim-jong-un', 'LOC:KP ', '', null]) {
      expect(acceptNote(note(bad)), String(bad)).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const none = acceptNote(note(undefined));
    expect(none.ok && none.note.entity).toEqual({ type: 'LOC', canonical: 'КНДР' });
  });

  it('keeps selectors in the one form the W3C export reads back', () => {
    const result = acceptNote({
      id: 'URN:UUID:0B7C2A52-6A53-4C8E-9A5E-2F4D1C9E0A01',
      kind: 'selection',
      url: 'https://ria.ru/a',
      pageTitle: '',
      text: '   ',
      tags: [],
      quote: 'q',
      createdAt: '2026-01-05T10:00:00+03:00',
      updatedAt: '2026-01-05T10:00:00+03:00',
    });
    expect(result).toEqual({
      ok: true,
      note: {
        id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01',
        kind: 'selection',
        url: 'https://ria.ru/a',
        pageTitle: '',
        text: '',
        tags: [],
        quote: 'q',
        selectors: [{ type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }],
        createdAt: '2026-01-05T07:00:00.000Z',
        updatedAt: '2026-01-05T07:00:00.000Z',
      },
    });
  });
});

describe('round trip (property)', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'я', ' ', '\n', '#', '<', '"', '\\', 'é'),
    maxLength: 40,
  });
  const nonBlank = text.filter((s) => s.trim() !== '');
  const url = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom(
      'https://ria.ru/a?utm_source=x&id=1#c',
      'HTTP://Example.COM:80/path',
      'https://tass.ru/politika/123',
    ),
  );
  const time = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2090-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((d) =>
      fc.constantFrom(
        d.toISOString(),
        d.toISOString().replace(/\.\d{3}Z$/, '+03:00'),
        d.toISOString().replace(/\.\d{3}Z$/, '-05:30'),
      ),
    );
  const id = fc.oneof(
    fc.tuple(fc.uuid(), fc.boolean()).map(([u, upper]) => (upper ? u.toUpperCase() : u)),
    fc.constantFrom(
      'note one',
      'urn:uuid:0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01',
      'https://x.example/a/1',
    ),
  );
  const quoteSelector = fc.record({
    type: fc.constant('TextQuoteSelector' as const),
    exact: nonBlank,
    prefix: text,
    suffix: text,
  });
  const position = fc.tuple(fc.nat(5000), fc.nat(5000)).map(([a, b]) => ({
    type: 'TextPositionSelector' as const,
    start: Math.min(a, b),
    end: Math.max(a, b),
  }));
  const candidate: fc.Arbitrary<Note> = fc
    .record({
      id,
      kind: fc.constantFrom('page' as const, 'selection' as const, 'entity' as const),
      url,
      pageTitle: text,
      text,
      tags: fc.array(text, { maxLength: 6 }),
      quote: nonBlank,
      selectors: fc.tuple(fc.option(quoteSelector), fc.option(position)),
      entity: fc.record({ type: fc.constantFrom(...ENTITY_TYPES), canonical: nonBlank }),
      createdAt: time,
      updatedAt: time,
    })
    .map(({ selectors, ...n }) => ({
      ...n,
      selectors: selectors.filter((s): s is Selector => s !== null),
    }));

  it('any note acceptNote accepts re-imports unchanged from JSON, and from JSON-LD but its title', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        const accepted = acceptNote(c);
        if (!accepted.ok) return;
        const note = accepted.note;
        expect(acceptNote(note)).toEqual(accepted); // already in the stored form
        expect(planned(exportJson([note], NOW))).toEqual([note]);
        const [fromLd] = planned(exportJsonLd([note], NOW, { collectionId: 'c' }));
        expect(fromLd).toEqual({ ...note, pageTitle: '' });
      }),
      { numRuns: 300 },
    );
  });
});

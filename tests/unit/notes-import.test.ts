import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addNote,
  allNotes,
  countNotes,
  type NotesDb,
  NotesError,
  openNotesDb,
} from '../../lib/notes/db';
import { exportJson, parseNotesJson } from '../../lib/notes/export-json';
import { exportJsonLd } from '../../lib/notes/export-jsonld';
import { applyImport, checkImportSize, importNotes, planImport } from '../../lib/notes/import';
import type { Note } from '../../lib/notes/model';

const SOURCE = readFileSync(new URL('../fixtures/notes/notes.json', import.meta.url), 'utf8');
const NOTES = parseNotesJson(SOURCE).notes;
const NOW = new Date('2024-12-07T09:00:00.000Z');
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

let counter = 0;
const opened: NotesDb[] = [];
function freshDb(): NotesDb {
  counter += 1;
  const db = openNotesDb(`glossa-import-test-${counter}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  vi.restoreAllMocks();
});

/** The native export with one change made to its parsed JSON. */
function nativeWith(
  change: (file: { notes: Record<string, unknown>[] } & Record<string, unknown>) => void,
): string {
  const file = JSON.parse(SOURCE);
  change(file);
  return JSON.stringify(file);
}

/** One W3C annotation (as another tool might write it), with changes. */
function annotation(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': CONTEXT,
    id: 'https://annotations.example/a/1',
    type: 'Annotation',
    motivation: 'commenting',
    body: { type: 'TextualBody', value: 'A comment', purpose: 'commenting' },
    target: {
      source: 'https://news.example/story?utm_source=feed#top',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'the quoted words',
          prefix: 'before ',
          suffix: ' after',
        },
        { type: 'TextPositionSelector', start: 10, end: 26 },
      ],
    },
    created: '2024-05-01T10:00:00+03:00',
    ...extra,
  };
}

function failure(text: string, options: Parameters<typeof planImport>[1] = {}): string {
  const check = planImport(text, options);
  if (check.ok) throw new Error('expected the file to be refused');
  return check.error;
}

describe('planning an import: valid files', () => {
  it('reads a native export, every field of every note', () => {
    const check = planImport(SOURCE);
    expect(check).toEqual({
      ok: true,
      plan: { format: 'glossa-json', notes: NOTES, articles: [], warnings: [] },
    });
  });

  it("reads another tool's annotation: ids kept, URL normalized, times in UTC, what cannot be kept named", () => {
    const text = JSON.stringify(
      annotation({
        body: [
          { type: 'TextualBody', value: 'A comment', format: 'text/markdown' },
          { type: 'TextualBody', value: 'treaty', purpose: 'tagging' },
          { type: 'TextualBody', value: ' Treaty ', purpose: ['tagging'] },
          'https://elsewhere.example/linked',
        ],
        target: {
          source: 'https://news.example/story?utm_source=feed#top',
          selector: [
            { type: 'RangeSelector', startSelector: {}, endSelector: {} },
            { type: 'TextPositionSelector', start: 10, end: 26 },
            { type: 'TextQuoteSelector', exact: 'the quoted words' },
          ],
        },
      }),
    );
    const check = planImport(text, { now: NOW });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.notes).toEqual([
      {
        id: 'https://annotations.example/a/1',
        kind: 'selection',
        url: 'https://news.example/story',
        pageTitle: '',
        text: 'A comment',
        tags: ['treaty'],
        quote: 'the quoted words',
        selectors: [
          { type: 'TextQuoteSelector', exact: 'the quoted words', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 10, end: 26 },
        ],
        createdAt: '2024-05-01T07:00:00.000Z',
        updatedAt: '2024-05-01T07:00:00.000Z',
      },
    ]);
    expect(check.plan.warnings).toEqual([
      'annotation.body[3] is a link (https://elsewhere.example/linked), not text; it was left out.',
      'annotation.target.selector[0] is a RangeSelector; Glossa re-finds text by quote and position only, so it was left out.',
    ]);
  });

  it('reads a page of annotations, a bodyValue, a page-level target, and takes the import time when none is given', () => {
    const page = {
      '@context': [CONTEXT, { extra: 'http://example.org/ns#' }],
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:x:1',
          type: 'Annotation',
          bodyValue: 'About the whole page',
          target: 'https://ria.ru/a',
        },
        {
          id: 'urn:x:2',
          type: ['Annotation'],
          motivation: ['identifying'],
          body: [
            { type: 'TextualBody', purpose: 'identifying', value: 'Владимир Путин' },
            { type: 'TextualBody', purpose: 'classifying', value: 'PER' },
          ],
          target: {
            source: { id: 'https://ria.ru/a' },
            state: { type: 'TimeState', sourceDate: '2024-12-05T08:00:00Z' },
          },
        },
      ],
    };
    const check = planImport(JSON.stringify(page), { now: NOW });
    expect(check.ok && check.plan.notes).toEqual([
      {
        id: 'urn:x:1',
        kind: 'page',
        url: 'https://ria.ru/a',
        pageTitle: '',
        text: 'About the whole page',
        tags: [],
        createdAt: '2024-12-07T09:00:00.000Z',
        updatedAt: '2024-12-07T09:00:00.000Z',
      },
      {
        id: 'urn:x:2',
        kind: 'entity',
        url: 'https://ria.ru/a',
        pageTitle: '',
        text: '',
        tags: [],
        entity: { type: 'PER', canonical: 'Владимир Путин' },
        createdAt: '2024-12-05T08:00:00.000Z',
        updatedAt: '2024-12-05T08:00:00.000Z',
      },
    ]);
  });

  it('reads a single annotation, an array of them, and a collection continued on an embedded next page', () => {
    expect(planImport(JSON.stringify(annotation())).ok).toBe(true);
    const two = [annotation(), annotation({ id: 'https://annotations.example/a/2' })];
    const array = planImport(JSON.stringify(two));
    expect(array.ok && array.plan.notes.length).toBe(2);
    const collection = {
      '@context': CONTEXT,
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [two[0]],
        next: { type: 'AnnotationPage', items: [two[1]] },
      },
    };
    const paged = planImport(JSON.stringify(collection));
    expect(paged.ok && paged.plan.notes.map((n) => n.id)).toEqual([
      'https://annotations.example/a/1',
      'https://annotations.example/a/2',
    ]);
  });

  it('imports a selection known only by position as a page note, and says why', () => {
    const text = JSON.stringify(
      annotation({
        target: {
          source: 'https://a.example/',
          selector: { type: 'TextPositionSelector', start: 1, end: 2 },
        },
      }),
    );
    const check = planImport(text);
    expect(check.ok && check.plan.notes[0]?.kind).toBe('page');
    expect(check.ok && check.plan.warnings[0]).toMatch(
      /position only.*imported as a note on the whole page/,
    );
  });

  it('round-trips a note on a watch-list term, the type the popup and side panel save', () => {
    const text = nativeWith((file) => {
      const note = file.notes[0] as Record<string, unknown>;
      note.kind = 'entity';
      note.entity = { type: 'WATCH', canonical: 'санкция' };
      delete note.quote;
      delete note.selectors;
      file.notes = [note];
    });
    const check = planImport(text);
    if (!check.ok) throw new Error(check.error);
    expect(check.plan.notes[0]?.entity).toEqual({ type: 'WATCH', canonical: 'санкция' });
    const again = planImport(exportJson(check.plan.notes, NOW));
    if (!again.ok) throw new Error(again.error);
    expect(again.plan.notes).toEqual(check.plan.notes);
  });

  it('keeps script and markup in fields as plain text', () => {
    const hostile =
      '<script>globalThis.pwned = true</script><img src=x onerror="globalThis.pwned = true">';
    const text = nativeWith((f) => {
      (f.notes[0] as Record<string, unknown>).text = hostile;
      (f.notes[0] as Record<string, unknown>).pageTitle = hostile;
    });
    const check = planImport(text);
    expect(check.ok && check.plan.notes[0]?.text).toBe(hostile);
    expect(check.ok && check.plan.notes[0]?.pageTitle).toBe(hostile);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('allows strings of exactly the limit', () => {
    const text = nativeWith((f) => {
      (f.notes[1] as Record<string, unknown>).text = 'я'.repeat(100_000);
    });
    expect(planImport(text).ok).toBe(true);
  });
});

describe('planning an import: every way a file is refused', () => {
  const cases: Array<[string, string, RegExp, Parameters<typeof planImport>[1]?]> = [
    ['an empty file', '', /^The file is empty\.$/],
    ['a file that is not JSON', 'notes, but not JSON', /^The file is not valid JSON \(/],
    [
      'a truncated file',
      SOURCE.slice(0, SOURCE.length / 2),
      /^The file ends too early: it looks truncated/,
    ],
    [
      'JSON of another kind',
      '{"hello": "world"}',
      /^This file is neither a Glossa notes export .* nor W3C Web Annotations .* Nothing was imported\.$/,
    ],
    ['a bare number', '42', /^This file is neither/],
    [
      'a newer version of the native format',
      nativeWith((f) => {
        f.version = 2;
      }),
      /^version 2 is not supported: this Glossa reads version 1 \(the file comes from a newer Glossa: update Glossa, then import it\)$/,
    ],
    [
      'a version given as text',
      nativeWith((f) => {
        f.version = '1';
      }),
      /^version "1" is not supported/,
    ],
    [
      'a note with a missing field',
      nativeWith((f) => {
        delete f.notes[3]?.url;
      }),
      /^notes\[3\]\.url is missing$/,
    ],
    [
      'a duplicate id',
      nativeWith((f) => {
        (f.notes[2] as Record<string, unknown>).id = f.notes[0]?.id;
      }),
      /^notes\[2\]\.id "[^"]+" appears twice$/,
    ],
    [
      'a huge string',
      nativeWith((f) => {
        (f.notes[4] as Record<string, unknown>).quote = 'x'.repeat(100_001);
      }),
      /^notes\[4\]\.quote is 100,001 characters long; Glossa accepts at most 100,000 in one field\.$/,
    ],
    [
      'a huge string deep in a selector',
      nativeWith((f) => {
        (
          (f.notes[0] as { selectors: Record<string, unknown>[] }).selectors[0] as Record<
            string,
            unknown
          >
        ).prefix = 'x'.repeat(200_000);
      }),
      /^notes\[0\]\.selectors\[0\]\.prefix is 200,000 characters long/,
    ],
    [
      'a file over the size limit',
      SOURCE,
      /^The file is \d+\.\d KB; Glossa imports files of at most 1000 bytes\. Export fewer notes at a time, or split the file\.$/,
      { limits: { maxBytes: 1000 } },
    ],
    [
      'a file reported over 50 MB',
      SOURCE,
      /^The file is 50\.1 MB; Glossa imports files of at most 50 MB\./,
      { fileBytes: 50 * 1024 * 1024 + 1 },
    ],
    [
      'too many notes',
      SOURCE,
      /^The file holds 7 notes; Glossa imports at most 3 at a time\.$/,
      { limits: { maxNotes: 3 } },
    ],
    [
      'a __proto__ key',
      SOURCE.replace('"kind": "page",', '"kind": "page", "__proto__": {"polluted": true},'),
      /^notes\[1\]\.__proto__: the key "__proto__" is not allowed in a notes file .* Nothing was imported\.$/,
    ],
    [
      'a constructor key at the top',
      SOURCE.replace(
        '"version": 1,',
        '"version": 1, "constructor": {"prototype": {"polluted": true}},',
      ),
      /^constructor: the key "constructor" is not allowed/,
    ],
    [
      'a prototype key in an annotation',
      JSON.stringify(
        annotation({ target: { source: 'https://a.example/', prototype: { polluted: true } } }),
      ),
      /^target\.prototype: the key "prototype" is not allowed/,
    ],
    [
      'nesting too deep',
      `{"format":"glossa-notes","x":${'['.repeat(100)}${']'.repeat(100)}}`,
      /is nested more than 64 levels deep/,
    ],
    [
      'an annotation with another context',
      JSON.stringify({ ...annotation(), '@context': 'https://schema.org' }),
      /^This file is neither/,
    ],
    [
      'an array item without the context',
      JSON.stringify([annotation(), { ...annotation(), '@context': undefined }]),
      /^\[1\]\["@context"\] must be "http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/,
    ],
    [
      'an item that is not an annotation',
      JSON.stringify({ '@context': CONTEXT, type: 'AnnotationPage', items: [{ type: 'Note' }] }),
      /^page\.items\[0\]\.type must be "Annotation", not string "Note"$/,
    ],
    [
      'an annotation without an id',
      JSON.stringify({ ...annotation(), id: undefined }),
      /^annotation\.id is missing$/,
    ],
    [
      'an annotation without a target',
      JSON.stringify({ ...annotation(), target: undefined }),
      /^annotation\.target is missing$/,
    ],
    [
      'an annotation on two pages',
      JSON.stringify(annotation({ target: ['https://a.example/', 'https://b.example/'] })),
      /^annotation\.target must be one page, not 2/,
    ],
    [
      'a target without a source',
      JSON.stringify(
        annotation({ target: { selector: { type: 'TextQuoteSelector', exact: 'x' } } }),
      ),
      /^annotation\.target\.source is missing$/,
    ],
    [
      'a reversed position',
      JSON.stringify(
        annotation({
          target: {
            source: 'https://a.example/',
            selector: { type: 'TextPositionSelector', start: 9, end: 3 },
          },
        }),
      ),
      /^annotation\.target\.selector\.end \(3\) must not be before annotation\.target\.selector\.start \(9\)$/,
    ],
    [
      'a quote selector with an empty quote',
      JSON.stringify(
        annotation({
          target: {
            source: 'https://a.example/',
            selector: { type: 'TextQuoteSelector', exact: ' ' },
          },
        }),
      ),
      /^annotation\.target\.selector\.exact must not be empty$/,
    ],
    [
      'a body whose value is not text',
      JSON.stringify(annotation({ body: { type: 'TextualBody', value: 5 } })),
      /^annotation\.body\.value must be a string, not number 5$/,
    ],
    [
      'an entity without its kind',
      JSON.stringify(
        annotation({ body: { type: 'TextualBody', purpose: 'identifying', value: 'Ким Чен Ын' } }),
      ),
      /^annotation identifies "Ким Чен Ын" but does not say what it is: add a TextualBody with purpose "classifying"/,
    ],
    [
      'an entity of an unknown kind',
      JSON.stringify(
        annotation({
          body: [
            { type: 'TextualBody', purpose: 'identifying', value: 'Rex' },
            { type: 'TextualBody', purpose: 'classifying', value: 'Dog' },
          ],
        }),
      ),
      /^annotation identifies "Rex" but does not say what it is/,
    ],
    [
      'a time that is not a time',
      JSON.stringify(annotation({ created: 'yesterday' })),
      /^annotation\.created must be an ISO 8601 time with a time zone, not string "yesterday"$/,
    ],
    [
      'a time without a zone',
      JSON.stringify(annotation({ modified: '2024-05-01T10:00:00' })),
      /^annotation\.modified must be an ISO 8601 time with a time zone/,
    ],
    [
      'a collection whose pages are elsewhere',
      JSON.stringify({
        '@context': CONTEXT,
        type: 'AnnotationCollection',
        total: 5,
        first: 'https://annotations.example/page1',
      }),
      /^first links to a page \(https:\/\/annotations\.example\/page1\) that is not in the file/,
    ],
    [
      'a collection continued elsewhere',
      JSON.stringify({
        '@context': CONTEXT,
        type: 'AnnotationCollection',
        first: { type: 'AnnotationPage', items: [], next: 'https://annotations.example/page2' },
      }),
      /^first\.next links to another page \(https:\/\/annotations\.example\/page2\)/,
    ],
    [
      'two annotations with one id',
      JSON.stringify([annotation(), annotation()]),
      /^\[1\]\.id "https:\/\/annotations\.example\/a\/1" is also the id of \[0\]$/,
    ],
    [
      'too many annotations',
      JSON.stringify([annotation(), annotation({ id: 'urn:x:2' })]),
      /^The file holds 2 annotations; Glossa imports at most 1 at a time\.$/,
      { limits: { maxNotes: 1 } },
    ],
    [
      'a W3C file of another type',
      JSON.stringify({ '@context': CONTEXT, type: 'Person' }),
      /^The file's type must be AnnotationCollection, AnnotationPage or Annotation, not string "Person"$/,
    ],
  ];

  it.each(cases)('refuses %s, naming the problem', (_, text, message, options) => {
    expect(failure(text, options)).toMatch(message);
  });

  it('never lets a refused file change Object.prototype', () => {
    failure(SOURCE.replace('"kind": "page",', '"kind": "page", "__proto__": {"polluted": true},'));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('checks a file size before reading it', () => {
    expect(checkImportSize(50 * 1024 * 1024)).toBeNull();
    expect(checkImportSize(60 * 1024 * 1024)).toBe(
      'The file is 60 MB; Glossa imports files of at most 50 MB. Export fewer notes at a time, or split the file.',
    );
  });

  it('refuses a file over 50 MB of real text', () => {
    const big = `{"format":"glossa-notes","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(failure(big)).toMatch(/^The file is 50\.1 MB; Glossa imports files of at most 50 MB/);
  });
});

describe('applying an import', () => {
  it('adds every note of a valid file in one go', async () => {
    const db = freshDb();
    const outcome = await importNotes(db, SOURCE);
    expect(outcome).toEqual({
      ok: true,
      format: 'glossa-json',
      result: { added: 7, updated: 0, unchanged: 0, articles: 0 },
      warnings: [],
    });
    expect(await allNotes(db)).toEqual(sortedLike(NOTES));
  });

  it('changes nothing when importing an export of the same database, native or W3C', async () => {
    const db = freshDb();
    await importNotes(db, SOURCE);
    const own = await addNote(db, {
      kind: 'page',
      url: 'https://e.org/',
      pageTitle: 'E',
      text: 'mine',
      tags: ['x'],
    });
    const before = await allNotes(db);
    const native = await importNotes(db, exportJson(before, NOW));
    expect(native).toMatchObject({ ok: true, result: { added: 0, updated: 0, unchanged: 8 } });
    const w3c = await importNotes(db, exportJsonLd(before, NOW));
    expect(w3c).toMatchObject({ ok: true, result: { added: 0, updated: 0, unchanged: 8 } });
    expect(await allNotes(db)).toEqual(before);
    expect(before).toContainEqual(own);
  });

  it('lets the later edit win, whichever copy has it, and keeps notes the file does not mention', async () => {
    const db = freshDb();
    await importNotes(db, SOURCE);
    const edited = nativeWith((f) => {
      Object.assign(f.notes[0] as object, {
        text: 'edited later',
        updatedAt: '2024-12-10T00:00:00.000Z',
      });
      Object.assign(f.notes[1] as object, {
        text: 'older copy',
        updatedAt: '2024-12-01T00:00:00.000Z',
      });
      Object.assign(f.notes[2] as object, { text: 'same time, other text' });
      f.notes.splice(3, 4);
    });
    const outcome = await importNotes(db, edited);
    expect(outcome).toMatchObject({ ok: true, result: { added: 0, updated: 1, unchanged: 2 } });
    const stored = await allNotes(db);
    expect(stored).toHaveLength(7);
    const byId = new Map(stored.map((n) => [n.id, n]));
    expect(byId.get((NOTES[0] as Note).id)?.text).toBe('edited later');
    expect(byId.get((NOTES[1] as Note).id)?.text).toBe((NOTES[1] as Note).text);
    expect(byId.get((NOTES[2] as Note).id)?.text).toBe((NOTES[2] as Note).text);
  });

  it('compares times as instants, not as text', async () => {
    const db = freshDb();
    await importNotes(db, SOURCE);
    // 13:00+03:00 is 10:00Z, the stored time: not later, so the stored note stays.
    const sameInstant = nativeWith((f) => {
      Object.assign(f.notes[1] as object, { text: 'x', updatedAt: '2024-12-06T13:00:00+03:00' });
    });
    expect(await importNotes(db, sameInstant)).toMatchObject({ result: { updated: 0 } });
  });

  it('writes nothing when the file is refused', async () => {
    const db = freshDb();
    await importNotes(db, SOURCE);
    const before = await allNotes(db);
    const bad = nativeWith((f) => {
      (f.notes[6] as Record<string, unknown>).kind = 'highlight';
    });
    const outcome = await importNotes(db, bad);
    expect(outcome).toEqual({
      ok: false,
      error: 'notes[6].kind must be one of page, selection, entity, not "highlight"',
    });
    expect(await allNotes(db)).toEqual(before);
  });

  it('rolls back everything when storage fails halfway', async () => {
    const db = freshDb();
    const check = planImport(SOURCE);
    if (!check.ok) throw new Error(check.error);
    const realBulkPut = db.notes.bulkPut.bind(db.notes);
    const failHalfway = async (items: readonly Note[]) => {
      await realBulkPut(items.slice(0, 3)); // some notes written…
      throw new DOMException('Quota exceeded', 'QuotaExceededError'); // …then the disk is full
    };
    vi.spyOn(db.notes, 'bulkPut').mockImplementationOnce(
      failHalfway as unknown as typeof db.notes.bulkPut,
    );
    const error = await applyImport(db, check.plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect((error as NotesError).reason).toBe('quota');
    expect((error as NotesError).message).toMatch(
      /^Could not import the notes \(nothing was changed\): .*no storage space/,
    );
    expect(await countNotes(db)).toBe(0);
  });
});

/** What allNotes returns for these notes: by URL, then oldest first. */
function sortedLike(notes: readonly Note[]): Note[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...notes].sort(
    (a, b) => cmp(a.url, b.url) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id),
  );
}

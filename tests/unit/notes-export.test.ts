import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../lib/notes/export-csv';
import { buildExport, exportFileName } from '../../lib/notes/export-file';
import { exportJson, NotesFileError, parseNotesJson } from '../../lib/notes/export-json';
import {
  blockId,
  escapeMarkdownInline,
  exportMarkdown,
  exportMarkdownFiles,
  exportMarkdownPage,
  markdownTag,
  pageId,
  quoteLink,
} from '../../lib/notes/export-markdown';
import { type Note, noteEntity } from '../../lib/notes/model';

const NOW = new Date('2024-12-06T12:00:00.000Z');

/** Two pages, all three kinds of note, Cyrillic, and Markdown-hostile text. */
const RIA = 'https://ria.ru/20241205/kndr-1987654321.html';
const BLOG = 'https://example.org/wiki/New_START_(treaty)?lang=en';

const NOTES: Note[] = [
  {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01',
    kind: 'selection',
    url: RIA,
    pageTitle: 'Договор о партнерстве России и КНДР вступил в силу',
    text: 'Точная дата вступления в силу.',
    tags: ['КНДР', 'entry into force'],
    quote: 'Договор о всеобъемлющем стратегическом партнерстве\nмежду РФ и КНДР вступил в силу',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Договор о всеобъемлющем стратегическом партнерстве\nмежду РФ и КНДР вступил в силу',
        prefix: 'сообщил, что ',
        suffix: ' в среду',
      },
      { type: 'TextPositionSelector', start: 200, end: 281 },
    ],
    createdAt: '2024-12-05T08:15:00.000Z',
    updatedAt: '2024-12-05T08:15:00.000Z',
  },
  {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a02',
    kind: 'page',
    url: RIA,
    pageTitle: 'Договор о партнерстве России и КНДР вступил в силу',
    text: 'Сравнить с договором 1961 года.\nСм. статью 4.',
    tags: [],
    createdAt: '2024-12-05T08:10:00.000Z',
    updatedAt: '2024-12-06T10:00:00.000Z',
  },
  {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a03',
    kind: 'selection',
    url: RIA,
    pageTitle: 'Договор о партнерстве России и КНДР вступил в силу',
    text: '',
    tags: ['ratification'],
    quote: 'обменялись ратификационными грамотами',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'обменялись ратификационными грамотами',
        prefix: 'Стороны ',
        suffix: ' в Пхеньяне',
      },
      { type: 'TextPositionSelector', start: 40, end: 77 },
    ],
    createdAt: '2024-12-06T09:00:00.000Z',
    updatedAt: '2024-12-06T09:00:00.000Z',
  },
  {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a04',
    kind: 'entity',
    url: RIA,
    pageTitle: 'Договор о партнерстве России и КНДР вступил в силу',
    text: 'Подписал ратификационную грамоту.',
    tags: ['people'],
    entity: { type: 'PER', canonical: 'Ким Чен Ын' },
    createdAt: '2024-12-05T08:20:00.000Z',
    updatedAt: '2024-12-05T08:20:00.000Z',
  },
  {
    id: '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a05',
    kind: 'selection',
    url: BLOG,
    pageTitle: '[Analysis] New START *expires* (2026) & what_next',
    text: 'Compare Article VI.',
    tags: ['#arms control', 'New START'],
    quote: 'The treaty entered into force on 5 February 2011.',
    // As the store keeps a selection: its quote as a TextQuoteSelector, then the position.
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'The treaty entered into force on 5 February 2011.',
        prefix: '',
        suffix: '',
      },
      { type: 'TextPositionSelector', start: 10, end: 59 },
    ],
    createdAt: '2024-12-04T18:00:00.000Z',
    updatedAt: '2024-12-04T18:00:00.000Z',
  },
];

describe('JSON export', () => {
  it('writes the versioned envelope with every field (golden)', () => {
    const pageNote = NOTES[1] as Note;
    expect(exportJson([pageNote], NOW)).toBe(`{
  "format": "glossa-notes",
  "version": 1,
  "exportedAt": "2024-12-06T12:00:00.000Z",
  "notes": [
    {
      "id": "0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a02",
      "kind": "page",
      "url": "${RIA}",
      "pageTitle": "Договор о партнерстве России и КНДР вступил в силу",
      "text": "Сравнить с договором 1961 года.\\nСм. статью 4.",
      "tags": [],
      "createdAt": "2024-12-05T08:10:00.000Z",
      "updatedAt": "2024-12-06T10:00:00.000Z"
    }
  ]
}
`);
  });

  it('round-trips losslessly: parse(export(notes)).notes deep-equals notes', () => {
    const parsed = parseNotesJson(exportJson(NOTES, NOW));
    expect(parsed.notes).toEqual(NOTES);
    expect(parsed.exportedAt).toBe('2024-12-06T12:00:00.000Z');
    expect(parsed.format).toBe('glossa-notes');
    expect(parsed.version).toBe(1);
  });

  it('round-trips an empty export', () => {
    expect(parseNotesJson(exportJson([], NOW)).notes).toEqual([]);
  });
});

describe('JSON import validation', () => {
  /** An export of NOTES with one change applied to the parsed JSON before re-serialising. */
  function tampered(
    change: (file: { notes: Record<string, unknown>[] } & Record<string, unknown>) => void,
  ) {
    const file = JSON.parse(exportJson(NOTES, NOW));
    change(file);
    return JSON.stringify(file);
  }

  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": nope}', /^The file is not valid JSON/],
    [
      'a truncated file',
      '{"format": "glossa-notes", "notes": [{"id": "a',
      /^The file ends too early: it looks truncated/,
    ],
    ['an empty file', '  \n', /^The file is empty\.$/],
    ['an array', '[]', /^The file must be an object, not an array/],
    ['another format', '{"format":"hypothesis","version":1}', /^format must be "glossa-notes"/],
    [
      'a newer version',
      tampered((f) => {
        f.version = 2;
      }),
      /^version 2 is not supported/,
    ],
    [
      'a missing url',
      tampered((f) => {
        delete f.notes[3]?.url;
      }),
      /^notes\[3\]\.url is missing$/,
    ],
    [
      'a numeric text',
      tampered((f) => {
        (f.notes[0] as Record<string, unknown>).text = 5;
      }),
      /^notes\[0\]\.text must be a string, not number 5$/,
    ],
    [
      'an unknown kind',
      tampered((f) => {
        (f.notes[1] as Record<string, unknown>).kind = 'highlight';
      }),
      /^notes\[1\]\.kind must be one of page, selection, entity/,
    ],
    [
      'a bad tag',
      tampered((f) => {
        (f.notes[2] as Record<string, unknown>).tags = ['ok', null];
      }),
      /^notes\[2\]\.tags\[1\] must be a string, not null$/,
    ],
    [
      'a bad time',
      tampered((f) => {
        (f.notes[4] as Record<string, unknown>).createdAt = 'yesterday';
      }),
      /^notes\[4\]\.createdAt must be an ISO 8601 time/,
    ],
    [
      'a selection without its quote',
      tampered((f) => {
        delete f.notes[0]?.quote;
      }),
      /^notes\[0\]\.quote is missing$/,
    ],
    [
      'an entity note without its entity',
      tampered((f) => {
        delete f.notes[3]?.entity;
      }),
      /^notes\[3\]\.entity is missing$/,
    ],
    [
      'an entity id that is no id',
      tampered((f) => {
        (f.notes[3]?.entity as Record<string, unknown>).id = 'PER:~kim chen yn';
      }),
      /^notes\[3\]: the entity's id "PER:~kim chen yn" is not an id of a PER entity .*Nothing was imported\.$/,
    ],
    [
      'an entity id of another type',
      tampered((f) => {
        (f.notes[3]?.entity as Record<string, unknown>).id = 'LOC:KP';
      }),
      /^notes\[3\]: the entity's id "LOC:KP" is not an id of a PER entity/,
    ],
    [
      'an entity id that is not text',
      tampered((f) => {
        (f.notes[3]?.entity as Record<string, unknown>).id = 7;
      }),
      /^notes\[3\]\.entity\.id must be a string, not number 7$/,
    ],
    [
      'a reversed position selector',
      tampered((f) => {
        (f.notes[0]?.selectors as Record<string, unknown>[])[1] = {
          type: 'TextPositionSelector',
          start: 9,
          end: 3,
        };
      }),
      /^notes\[0\]\.selectors\[1\]\.end \(3\) must not be before/,
    ],
    [
      'a duplicate id',
      tampered((f) => {
        (f.notes[2] as Record<string, unknown>).id = f.notes[0]?.id;
      }),
      /^notes\[2\]\.id "[^"]+" appears twice$/,
    ],
    [
      'notes not an array',
      tampered((f) => {
        f.notes = {} as never;
      }),
      /^notes must be an array, not an object$/,
    ],
  ];

  it.each(cases)('rejects %s with a message naming the problem', (_, text, message) => {
    expect(() => parseNotesJson(text)).toThrow(NotesFileError);
    expect(() => parseNotesJson(text)).toThrow(message);
  });

  it('drops fields that schema version 1 does not know', () => {
    const text = tampered((f) => {
      (f.notes[1] as Record<string, unknown>).color = 'red';
    });
    expect(parseNotesJson(text).notes[1]).toEqual(NOTES[1]);
  });
});

describe('entity ids in notes', () => {
  const kim = NOTES[3] as Note;
  const withId: Note = {
    ...kim,
    entity: { type: 'PER', canonical: 'Ким Чен Ын', id: 'PER:kim-jong-un' },
  };

  it('keeps a note’s entity id through a JSON export and import; a note without one stays without', () => {
    const file = parseNotesJson(
      exportJson([withId, { ...kim, id: `${kim.id.slice(0, -2)}99` }], NOW),
    );
    expect(file.notes[0]?.entity).toEqual({
      type: 'PER',
      canonical: 'Ким Чен Ын',
      id: 'PER:kim-jong-un',
    });
    expect(file.notes[1]).toEqual({ ...kim, id: `${kim.id.slice(0, -2)}99` });
    expect(file.notes[1]?.entity).not.toHaveProperty('id');
    expect(exportJson([withId], NOW)).toContain('"id": "PER:kim-jong-un"');
  });

  it('writes the id after the type in Markdown, and leaves the CSV as it was', () => {
    expect(exportMarkdown([withId], NOW)).toContain('**Ким Чен Ын** (Person · `PER:kim-jong-un`)');
    expect(exportMarkdown([kim], NOW)).toContain('**Ким Чен Ын** (Person)');
    expect(exportCsv([withId])).toBe(exportCsv([kim]));
  });

  it('ties a note made on a page entity to its id when it has one', () => {
    expect(noteEntity({ type: 'LOC', canonical: 'КНДР', id: 'LOC:KP' })).toEqual({
      type: 'LOC',
      canonical: 'КНДР',
      id: 'LOC:KP',
    });
    expect(noteEntity({ type: 'LOC', canonical: 'Сызрань' })).toEqual({
      type: 'LOC',
      canonical: 'Сызрань',
    });
  });
});

/** The front matter of a page document as key → raw value lines (enough to check its shape). */
function frontMatterOf(doc: string): string[] {
  expect(doc.startsWith('---\n')).toBe(true);
  const end = doc.indexOf('\n---\n', 4);
  return doc.slice(4, end).split('\n');
}

describe('Markdown export (the full golden file is tests/fixtures/notes/export.md)', () => {
  it('starts every page with YAML front matter: stable id, title, URL, site, dates, tags, alias', () => {
    const md = exportMarkdownPage(RIA, NOTES.slice(0, 4));
    expect(frontMatterOf(md)).toEqual([
      `id: ${pageId(RIA)}`,
      'title: "Договор о партнерстве России и КНДР вступил в силу"',
      `url: "${RIA}"`,
      'site: "ria.ru"',
      'created: 2024-12-05T08:10:00.000Z',
      'updated: 2024-12-06T10:00:00.000Z',
      'tags:',
      // In the order the page lists its notes: entity, then selections by position.
      '  - "people"',
      '  - "ratification"',
      '  - "КНДР"',
      '  - "entry-into-force"',
      'aliases:',
      '  - "Договор о партнерстве России и КНДР вступил в силу"',
    ]);
    expect(pageId(RIA)).toMatch(/^glossa-[0-9a-f]{16}$/);
    expect(pageId(RIA)).toBe(pageId(RIA));
    expect(pageId(RIA)).not.toBe(pageId(BLOG));
  });

  it('ends front matter on a list item, so a later page never turns into a setext heading', () => {
    const md = exportMarkdown(NOTES, NOW);
    for (const match of md.matchAll(/\n---\n/g)) {
      const before = md.slice(0, match.index).split('\n').at(-1) ?? '';
      // Before every "---": a blank line (a rule) or a YAML list item (the end of front matter).
      expect(before === '' || before.startsWith('  - ')).toBe(true);
    }
  });

  it('writes each quote as a blockquote with a link back, #tags and a block id, the note under it', () => {
    const md = exportMarkdownPage(RIA, [NOTES[0] as Note]);
    expect(md).toContain(
      [
        '> Договор о всеобъемлющем стратегическом партнерстве',
        '> между РФ и КНДР вступил в силу',
        '>',
        `> [↗ Source](${quoteLink(RIA, (NOTES[0] as Note).quote ?? '')}) #КНДР #entry-into-force ^0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01`,
        '',
        'Точная дата вступления в силу.',
        '',
        '*Saved 2024-12-05 08:15 UTC*',
      ].join('\n'),
    );
  });

  it('links back with a text fragment: a short quote whole, a long one by its first and last words', () => {
    expect(quoteLink('https://e.org/a', 'New START expires, in 2026-02')).toBe(
      'https://e.org/a#:~:text=New%20START%20expires%2C%20in%202026%2D02',
    );
    expect(
      quoteLink('https://e.org/a(b)', 'one two three four five\nsix seven eight nine ten'),
    ).toBe('https://e.org/a%28b%29#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten');
  });

  it('keeps ">" on every line of a multi-paragraph quote, blank lines included', () => {
    const note: Note = {
      ...(NOTES[0] as Note),
      quote: 'First paragraph.\r\n\r\nSecond paragraph,\nstill second.',
      text: '',
      tags: [],
    };
    expect(exportMarkdown([note], NOW)).toContain(
      '> First paragraph.\n>\n> Second paragraph,\n> still second.\n>\n> [↗ Source](',
    );
  });

  it('escapes page text in quotes so it reads as on the page: no tags, links, HTML or block ids', () => {
    const note: Note = {
      ...(NOTES[0] as Note),
      quote:
        '# 1. [x](javascript:alert(1)) <img src=x onerror=alert(1)> ==hi== $x$ ^id\n- item\n2) two',
      tags: [],
    };
    const md = exportMarkdown([note], NOW);
    expect(md).toContain(
      '> \\# 1. \\[x\\](javascript:alert(1)) \\<img src\\=x onerror\\=alert(1)\\> \\=\\=hi\\=\\= \\$x\\$ \\^id\n> \\- item\n> 2\\) two\n',
    );
  });

  it('never lets a title break the heading, the link or the front matter', () => {
    const hostile = '] (evil) [x](http://x) `code` <b>\nsecond line\\ "q"\u2028';
    const md = exportMarkdown(
      [{ ...(NOTES[1] as Note), pageTitle: hostile, url: 'https://e.org/a b(c)' }],
      NOW,
    );
    const lines = md.split('\n');
    expect(lines).toContain('title: "] (evil) [x](http://x) `code` <b> second line\\\\ \\"q\\""');
    expect(lines).toContain(
      '# \\] (evil) \\[x\\](http://x) \\`code\\` \\<b\\> second line\\\\ "q"',
    );
    expect(lines).toContain('[e.org](https://e.org/a%20b%28c%29) · 1 note');
  });

  it('keeps titles on one line and escapes controls YAML forbids', () => {
    const md = exportMarkdown(
      [{ ...(NOTES[1] as Note), pageTitle: 'a\u2028b\u0085c\u007fd' }],
      NOW,
    );
    expect(md).toContain('title: "a b\\u0085c\\u007fd"');
  });

  it('falls back to the URL when a page has no title', () => {
    const md = exportMarkdown([{ ...(NOTES[1] as Note), pageTitle: '  ' }], NOW);
    expect(md).toContain(`title: "${RIA}"`);
    expect(md).toContain(`# ${RIA}`);
  });

  it("puts an entity note's name, tags and block id on its first line", () => {
    const md = exportMarkdown([NOTES[3] as Note], NOW);
    expect(md).toContain(
      '**Ким Чен Ын** (Person) #people ^0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a04\n\nПодписал ратификационную грамоту.\n\n*Saved 2024-12-05 08:20 UTC*\n',
    );
  });

  it('makes block ids Obsidian accepts from any note id', () => {
    expect(blockId('0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a04')).toBe(
      '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a04',
    );
    expect(blockId('http://x.org/anno/1')).toMatch(/^n[0-9a-f]{8}$/);
  });

  it('names per-page files after their titles, safely, and apart when titles clash', () => {
    const other = 'https://other.example/x';
    const files = exportMarkdownFiles([
      { ...(NOTES[1] as Note), pageTitle: 'A/B: "C"? <D> | #E ^F [G]' },
      { ...(NOTES[4] as Note), url: other, pageTitle: 'A/B: "C"? <D> | #E ^F [G]' },
    ]);
    expect(files.map((f) => f.filename)).toEqual([
      `A B C D E F G ${pageId(RIA).slice(7, 13)}.md`,
      `A B C D E F G ${pageId(other).slice(7, 13)}.md`,
    ]);
  });

  it('says so when there are no notes', () => {
    expect(exportMarkdown([], NOW)).toBe('# Glossa notes\n\nNo notes yet.\n');
  });

  it('escapes entity names and makes tags without spaces', () => {
    expect(escapeMarkdownInline('A*B_C')).toBe('A\\*B\\_C');
    expect(markdownTag('  treaty law ')).toBe('#treaty-law');
    expect(markdownTag('#Минские соглашения')).toBe('#Минские-соглашения');
    expect(markdownTag('a,b.c')).toBe('#abc');
    expect(markdownTag(' # ')).toBe('');
  });
});

describe('export files', () => {
  it('names files by the local date', () => {
    const local = new Date(2024, 11, 6, 23, 30); // 6 December, 23:30 wherever the test runs
    expect(exportFileName('json', local)).toBe('glossa-notes-2024-12-06.json');
    expect(exportFileName('markdown', local)).toBe('glossa-notes-2024-12-06.md');
    expect(exportFileName('csv', local)).toBe('glossa-notes-2024-12-06.csv');
    expect(exportFileName('jsonld', local)).toBe('glossa-notes-2024-12-06.jsonld');
  });

  it('builds every format with its type', () => {
    const json = buildExport('json', NOTES, NOW);
    expect(json.mimeType).toBe('application/json');
    expect(json.content).toBe(exportJson(NOTES, NOW));
    const md = buildExport('markdown', NOTES, NOW);
    expect(md.mimeType).toMatch(/^text\/markdown/);
    expect(md.content).toBe(exportMarkdown(NOTES, NOW));
    const csv = buildExport('csv', NOTES, NOW);
    expect(csv.mimeType).toBe('text/csv;charset=utf-8');
    expect(csv.content).toBe(exportCsv(NOTES));
    const jsonld = buildExport('jsonld', NOTES, NOW);
    expect(jsonld.mimeType).toBe('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"');
    expect(JSON.parse(jsonld.content).total).toBe(NOTES.length);
  });
});

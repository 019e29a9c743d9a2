import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName } from '../../lib/notes/export-file';
import { exportJson, NotesFileError, parseNotesJson } from '../../lib/notes/export-json';
import { escapeMarkdownInline, exportMarkdown, markdownTag } from '../../lib/notes/export-markdown';
import type { Note } from '../../lib/notes/model';

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
    selectors: [{ type: 'TextPositionSelector', start: 10, end: 59 }],
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
    ['not JSON', '{"format": ', /^The file is not valid JSON/],
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

const GOLDEN_MARKDOWN = `# Glossa notes

Exported 2024-12-06 12:00 UTC: 5 notes on 2 pages.

## [Договор о партнерстве России и КНДР вступил в силу](https://ria.ru/20241205/kndr-1987654321.html)

4 notes on this page.

Сравнить с договором 1961 года.
См. статью 4.

*Saved 2024-12-05 08:10 UTC, edited 2024-12-06 10:00 UTC*

---

**Ким Чен Ын** (Person)

Подписал ратификационную грамоту.

*Saved 2024-12-05 08:20 UTC* · #people

---

> обменялись ратификационными грамотами

*Saved 2024-12-06 09:00 UTC* · #ratification

---

> Договор о всеобъемлющем стратегическом партнерстве
> между РФ и КНДР вступил в силу

Точная дата вступления в силу.

*Saved 2024-12-05 08:15 UTC* · #КНДР #entry-into-force

## [\\[Analysis\\] New START \\*expires\\* (2026) \\& what\\_next](https://example.org/wiki/New_START_%28treaty%29?lang=en)

1 note on this page.

> The treaty entered into force on 5 February 2011.

Compare Article VI.

*Saved 2024-12-04 18:00 UTC* · #arms-control #New-START
`;

describe('Markdown export', () => {
  it('writes one section per page, most recent page first (golden)', () => {
    expect(exportMarkdown(NOTES, NOW)).toBe(GOLDEN_MARKDOWN);
  });

  it('does not depend on the order notes arrive in', () => {
    expect(exportMarkdown([...NOTES].reverse(), NOW)).toBe(GOLDEN_MARKDOWN);
  });

  it('says so when there are no notes', () => {
    expect(exportMarkdown([], NOW)).toBe(
      '# Glossa notes\n\nExported 2024-12-06 12:00 UTC: no notes yet.\n',
    );
  });

  it('keeps ">" on every line of a multi-paragraph quote, blank lines included', () => {
    const note: Note = {
      ...(NOTES[0] as Note),
      quote: 'First paragraph.\r\n\r\nSecond paragraph,\nstill second.',
      text: '',
      tags: [],
    };
    expect(exportMarkdown([note], NOW)).toContain(
      '> First paragraph.\n>\n> Second paragraph,\n> still second.\n\n*Saved',
    );
  });

  it('never lets a title break its link', () => {
    const hostile = '] (evil) [x](http://x) `code` <b>\nsecond line\\';
    const md = exportMarkdown(
      [{ ...(NOTES[1] as Note), pageTitle: hostile, url: 'https://e.org/a b(c)' }],
      NOW,
    );
    const heading = md.split('\n').find((l) => l.startsWith('## ')) ?? '';
    expect(heading).toBe(
      '## [\\] (evil) \\[x\\](http://x) \\`code\\` \\<b\\> second line\\\\](https://e.org/a%20b%28c%29)',
    );
    // Scanning as Markdown does (a backslash escapes the next character), the first unescaped
    // "]" is the one that closes the link text and opens the destination.
    let close = -1;
    for (let i = 4; i < heading.length; i++) {
      if (heading[i] === '\\') i++;
      else if (heading[i] === ']') {
        close = i;
        break;
      }
    }
    expect(heading.slice(close)).toBe('](https://e.org/a%20b%28c%29)');
  });

  it('falls back to the URL when a page has no title', () => {
    const md = exportMarkdown([{ ...(NOTES[1] as Note), pageTitle: '  ' }], NOW);
    expect(md).toContain(`## [${RIA}](${RIA})`);
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
  });

  it('builds both formats with their types', () => {
    const json = buildExport('json', NOTES, NOW);
    expect(json.mimeType).toBe('application/json');
    expect(json.content).toBe(exportJson(NOTES, NOW));
    const md = buildExport('markdown', NOTES, NOW);
    expect(md.mimeType).toMatch(/^text\/markdown/);
    expect(md.content).toBe(GOLDEN_MARKDOWN);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotesJson } from '../../lib/notes/export-json';
import { exportJsonLd, toWebAnnotation } from '../../lib/notes/export-jsonld';
import { planImport } from '../../lib/notes/import';
import type { Note } from '../../lib/notes/model';
import { ANNO_CONTEXT, iriToNoteId, noteIdToIri } from '../../lib/notes/web-annotation';

const NOTES = parseNotesJson(
  readFileSync(new URL('../fixtures/notes/notes.json', import.meta.url), 'utf8'),
).notes;
const NOW = new Date('2024-12-06T12:00:00.000Z');

type Json = Record<string, unknown>;

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function keysOf(o: unknown): string[] {
  return Object.keys(o as Json).sort();
}

/**
 * The W3C Web Annotation Data Model's requirements for what Glossa writes (§3.1 Annotations,
 * §3.2.4 Textual Body, §4.2 Selectors, §4.3 States, §5 Collections), checked field by field; any
 * property not listed here would be one the model does not define.
 */
function checkAnnotation(a: Json, standalone: boolean): void {
  if (standalone) expect(a['@context']).toBe(ANNO_CONTEXT);
  expect(a.id).toMatch(URN_UUID);
  expect(a.type).toBe('Annotation');
  expect(['commenting', 'highlighting', 'identifying']).toContain(a.motivation);
  expect(a.created).toMatch(DATE_TIME);
  expect(a.modified).toMatch(DATE_TIME);
  for (const key of keysOf(a)) {
    expect([
      '@context',
      'id',
      'type',
      'motivation',
      'created',
      'modified',
      'body',
      'target',
    ]).toContain(key);
  }
  const bodies = (a.body ?? []) as Json[];
  for (const body of bodies) {
    if (!('value' in body)) {
      // A resource body (§3.2.2): a registered entity's IRI, identifying.
      expect(keysOf(body)).toEqual(['id', 'purpose']);
      expect(body.id).toMatch(/^urn:glossa:entity:(?:PER|LOC|TREATY):\S+$/);
      expect(body.purpose).toBe('identifying');
      continue;
    }
    expect(body.type).toBe('TextualBody');
    expect(typeof body.value).toBe('string');
    expect(['commenting', 'tagging', 'identifying', 'classifying']).toContain(body.purpose);
    for (const key of keysOf(body)) expect(['type', 'purpose', 'value', 'format']).toContain(key);
    if ('format' in body) expect(body.format).toBe('text/plain');
  }
  const purposes = bodies.map((b) => b.purpose);
  if (a.motivation === 'identifying')
    expect(purposes).toEqual(expect.arrayContaining(['identifying', 'classifying']));
  if (a.motivation === 'highlighting') expect(purposes).not.toContain('commenting');

  const target = a.target as Json;
  for (const key of keysOf(target)) expect(['source', 'selector', 'state']).toContain(key);
  expect(() => new URL(target.source as string)).not.toThrow();
  expect(target.state).toEqual({ type: 'TimeState', sourceDate: expect.stringMatching(DATE_TIME) });
  if (target.selector !== undefined) {
    const [quote, position] = target.selector as Json[];
    expect(quote?.type).toBe('TextQuoteSelector');
    expect(typeof quote?.exact).toBe('string');
    for (const key of keysOf(quote)) expect(['type', 'exact', 'prefix', 'suffix']).toContain(key);
    if (position) {
      expect(position.type).toBe('TextPositionSelector');
      expect(Number.isInteger(position.start) && Number.isInteger(position.end)).toBe(true);
      expect(position.end as number).toBeGreaterThanOrEqual(position.start as number);
    }
  }
}

describe('W3C Web Annotation export', () => {
  const collection = JSON.parse(
    exportJsonLd(NOTES, NOW, { collectionId: '6f1d3c7e-2b4a-4f0e-9c1d-8a7b6c5d4e3f' }),
  ) as Json;

  it('is an AnnotationCollection with its one page embedded', () => {
    expect(collection['@context']).toBe(ANNO_CONTEXT);
    expect(collection.id).toBe('urn:uuid:6f1d3c7e-2b4a-4f0e-9c1d-8a7b6c5d4e3f');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(NOTES.length);
    expect(collection.generated).toBe('2024-12-06T12:00:00.000Z');
    const page = collection.first as Json;
    expect(page.type).toBe('AnnotationPage');
    expect(page.startIndex).toBe(0);
    expect((page.items as unknown[]).length).toBe(NOTES.length);
  });

  it('writes items that satisfy the model, and each stands alone too', () => {
    for (const item of (collection.first as Json).items as Json[]) checkAnnotation(item, true);
  });

  it('chooses the motivation by kind: identifying, highlighting (no text), commenting', () => {
    const motivations = ((collection.first as Json).items as Json[]).map((a) => a.motivation);
    expect(motivations).toEqual([
      'commenting',
      'commenting',
      'highlighting',
      'identifying',
      'commenting',
      'commenting',
      'commenting',
    ]);
  });

  it('describes a selection by [TextQuoteSelector, TextPositionSelector] and when the page was seen', () => {
    expect(toWebAnnotation(NOTES[0] as Note).target).toEqual({
      source: 'https://ria.ru/20241205/kndr-1987654321.html',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact:
            'Договор о всеобъемлющем стратегическом партнерстве\nмежду РФ и КНДР вступил в силу',
          prefix: 'сообщил, что ',
          suffix: ' в среду',
        },
        { type: 'TextPositionSelector', start: 200, end: 281 },
      ],
      state: { type: 'TimeState', sourceDate: '2024-12-05T08:15:00.000Z' },
    });
  });

  it('gives a fresh collection id each time unless told one', () => {
    const a = JSON.parse(exportJsonLd([], NOW)).id;
    const b = JSON.parse(exportJsonLd([], NOW)).id;
    expect(a).toMatch(URN_UUID);
    expect(a).not.toBe(b);
  });
});

describe('note ids and annotation IRIs', () => {
  it('maps UUIDs to urn:uuid and back, keeps IRIs, and makes any other id reversible', () => {
    expect(noteIdToIri('0B7C2A52-6A53-4C8E-9A5E-2F4D1C9E0A01')).toBe(
      'urn:uuid:0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01',
    );
    expect(iriToNoteId('urn:uuid:0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01')).toBe(
      '0b7c2a52-6a53-4c8e-9a5e-2f4d1c9e0a01',
    );
    expect(noteIdToIri('https://hypothes.is/a/xyz')).toBe('https://hypothes.is/a/xyz');
    expect(iriToNoteId('https://hypothes.is/a/xyz')).toBe('https://hypothes.is/a/xyz');
    for (const id of ['my note 1', 'a/b?c', 'ключ']) {
      const iri = noteIdToIri(id);
      expect(iri).toMatch(/^urn:glossa:note:\S+$/);
      expect(iriToNoteId(iri)).toBe(id);
    }
  });
});

describe("W3C Web Annotation import of Glossa's own export", () => {
  it('gives back the notes: the same ids, kinds, text, tags, quotes, entities and times', () => {
    const check = planImport(exportJsonLd(NOTES, NOW), { now: NOW });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.format).toBe('web-annotation');
    expect(check.plan.warnings).toEqual([]);
    const expected = NOTES.map((n): Note => {
      // Lost on the way, by design: the page title (the model has no place for it); and a quote
      // saved without its selector comes back with one (no context).
      const copy: Note = { ...n, pageTitle: '' };
      if (n.kind === 'selection' && !n.selectors?.some((s) => s.type === 'TextQuoteSelector')) {
        copy.selectors = [
          { type: 'TextQuoteSelector', exact: n.quote ?? '', prefix: '', suffix: '' },
          ...(n.selectors ?? []),
        ];
      }
      return copy;
    });
    expect(check.plan.notes).toEqual(expected);
  });
});

describe('W3C Web Annotation: a registered entity’s id', () => {
  const kim: Note = {
    id: '0b6f7c1e-8c1a-4f3e-9d2b-5a4c3b2a1f0e',
    kind: 'entity',
    url: 'https://ria.ru/20241205/kndr.html',
    pageTitle: '',
    text: 'Председатель госсовета КНДР',
    tags: [],
    entity: { type: 'PER', canonical: 'Ким Чен Ын', id: 'PER:kim-jong-un' },
    createdAt: '2024-12-05T10:00:00.000Z',
    updatedAt: '2024-12-05T10:00:00.000Z',
  };

  it('is written as an identifying resource body beside the name, and read back', () => {
    const annotation = toWebAnnotation(kim) as unknown as Json;
    checkAnnotation(annotation, true);
    expect(annotation.body).toContainEqual({
      id: 'urn:glossa:entity:PER:kim-jong-un',
      purpose: 'identifying',
    });
    const check = planImport(exportJsonLd([kim], NOW), { now: NOW });
    expect(check.ok && check.plan.notes).toEqual([kim]);
    expect(check.ok && check.plan.warnings).toEqual([]);
  });

  it('is left out, with a warning, when it is no id of the entity’s kind', () => {
    const file = JSON.parse(exportJsonLd([kim], NOW)) as Json;
    const item = ((file.first as Json).items as Json[])[0] as Json;
    for (const body of item.body as Json[]) {
      if (body.id) body.id = 'urn:glossa:entity:LOC:KP'; // a place's id on a person
    }
    const check = planImport(JSON.stringify(file), { now: NOW });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.plan.notes[0]?.entity).toEqual({ type: 'PER', canonical: 'Ким Чен Ын' });
    expect(check.plan.warnings.join(' ')).toContain('LOC:KP');
  });
});

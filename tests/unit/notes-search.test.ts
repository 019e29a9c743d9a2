import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotesJson } from '../../lib/notes/export-json';
import type { Note } from '../../lib/notes/model';
import {
  buildSearchIndex,
  facets,
  filterNotes,
  foldText,
  queryWords,
  searchNotes,
  siteOf,
} from '../../lib/notes/search';

const NOTES = parseNotesJson(
  readFileSync(new URL('../fixtures/notes/notes.json', import.meta.url), 'utf8'),
).notes;
const ids = (notes: readonly Note[]) => notes.map((n) => n.id.slice(-2));

describe('folding text for search', () => {
  it('ignores case and diacritics, and reads ё as е', () => {
    expect(foldText('Ёлка ЁЖ')).toBe('елка еж');
    expect(foldText('Café NAÏVE Zürich Łódź')).toBe('cafe naive zurich łodz');
    expect(foldText('Пхеньян')).toBe('пхеньян');
  });

  it('keeps й distinct from и (and ў from у), as Russian and Belarusian readers expect', () => {
    expect(foldText('Мой Йемен')).toBe('мой йемен');
    expect(foldText('Мой')).not.toBe(foldText('Мои'));
    expect(foldText('Ўсход')).toBe('ўсход');
    expect(foldText('й'.normalize('NFD'))).toBe('й'); // decomposed input too
  });

  it('splits a query into words', () => {
    expect(queryWords('  Договор   КНДР ')).toEqual(['договор', 'кндр']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('searching notes', () => {
  it('matches every word in note text, quote or entity name, in any order', () => {
    expect(ids(searchNotes(NOTES, { query: 'ратификационными' }))).toEqual(['03']);
    expect(ids(searchNotes(NOTES, { query: 'ратификационн' }))).toEqual(['03', '04']); // quote, note text
    expect(ids(searchNotes(NOTES, { query: 'кндр договор' }))).toEqual(['01']);
    expect(ids(searchNotes(NOTES, { query: 'ким чен' }))).toEqual(['04']); // entity name
    expect(ids(searchNotes(NOTES, { query: 'CEASEFIRE' }))).toEqual(['06']);
  });

  it('does not search page titles, URLs or tags (those have their own filters)', () => {
    expect(searchNotes(NOTES, { query: 'партнерстве России' })).toEqual([]);
    expect(searchNotes(NOTES, { query: 'ria.ru' })).toEqual([]);
    expect(searchNotes(NOTES, { query: 'people' })).toEqual([]);
  });

  it('finds ё when typed е and the reverse', () => {
    const note: Note = { ...(NOTES[1] as Note), text: 'Всё решено; Пётр Порошенко' };
    expect(searchNotes([note], { query: 'все решено' })).toHaveLength(1);
    expect(searchNotes([note], { query: 'петр' })).toHaveLength(1);
    const plain: Note = { ...(NOTES[1] as Note), text: 'все решено' };
    expect(searchNotes([plain], { query: 'всё' })).toHaveLength(1);
  });

  it('matches everything for a blank query', () => {
    expect(searchNotes(NOTES, {})).toEqual(NOTES);
    expect(searchNotes(NOTES, { query: '  ' })).toEqual(NOTES);
  });

  it('filters by tags (all of them, case-insensitively), entity, site and kind', () => {
    expect(ids(searchNotes(NOTES, { tags: ['arms control'] }))).toEqual(['05', '06']);
    expect(ids(searchNotes(NOTES, { tags: ['ARMS CONTROL', '@risk'] }))).toEqual(['06']);
    expect(ids(searchNotes(NOTES, { tags: ['кндр'] }))).toEqual(['01']);
    expect(ids(searchNotes(NOTES, { tags: ['#Arms  Control'] }))).toEqual(['05', '06']);
    expect(ids(searchNotes(NOTES, { entity: { canonical: 'ким чен ын' } }))).toEqual(['04']);
    expect(ids(searchNotes(NOTES, { entity: { canonical: 'Ким Чен Ын', type: 'LOC' } }))).toEqual(
      [],
    );
    expect(ids(searchNotes(NOTES, { site: 'example.com' }))).toEqual(['06', '07']);
    expect(ids(searchNotes(NOTES, { site: 'www.example.com' }))).toEqual(['06', '07']);
    expect(ids(searchNotes(NOTES, { site: 'ria.ru', kind: 'selection' }))).toEqual(['01', '03']);
    expect(ids(searchNotes(NOTES, { site: 'ria.ru', query: 'статью' }))).toEqual(['02']);
  });

  it('gives the same answers from one index, keystroke after keystroke', () => {
    const index = buildSearchIndex(NOTES);
    const query = 'ратификац';
    for (let i = 1; i <= query.length; i++) {
      const prefix = query.slice(0, i);
      expect(filterNotes(index, { query: prefix })).toEqual(searchNotes(NOTES, { query: prefix }));
    }
  });
});

describe('sites and facets', () => {
  it('names a site by its hostname without www', () => {
    expect(siteOf('https://www.ria.ru/a?b')).toBe('ria.ru');
    expect(siteOf('https://news.example.co.uk/')).toBe('news.example.co.uk');
    expect(siteOf('not a url')).toBe('');
  });

  it('counts tags, sites and entities, most notes first', () => {
    const f = facets(NOTES);
    expect(f.sites).toEqual([
      { value: 'ria.ru', count: 4 },
      { value: 'example.com', count: 2 },
      { value: 'example.org', count: 1 },
    ]);
    expect(f.tags[0]).toEqual({ value: 'arms control', count: 2 });
    expect(f.tags).toHaveLength(7); // "#arms control" and "arms control" are one tag
    expect(f.entities).toEqual([{ value: { canonical: 'Ким Чен Ын', type: 'PER' }, count: 1 }]);
  });
});

describe('folding, fast and slow paths agree', () => {
  it('gives what full Unicode decomposition gives, on text of every kind', async () => {
    const fc = (await import('fast-check')).default;
    const slow = (s: string) => {
      const d = s.toLowerCase().normalize('NFD');
      return d
        .replace(/([иу])\u0306/g, '$1\uE000')
        .replace(/\p{M}/gu, '')
        .replace(/\uE000/g, '\u0306')
        .normalize('NFC');
    };
    const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 500);
    samples.push('Ёжик в тумане — «цитата»…', 'Crème brûlée', 'Ǆ', 'ĳ', 'İstanbul');
    for (const s of samples)
      expect(foldText(s)).toBe(slow(s.replace(/ё/g, 'е').replace(/Ё/g, 'Е')));
  });
});

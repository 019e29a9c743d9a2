import { describe, expect, it } from 'vitest';
import {
  entryProblems,
  formatTreatySetReport,
  parseMarkup,
  parseScratch,
  renderBlock,
  renderMarkup,
  ScratchError,
  scoreTreatySet,
  splitParagraphs,
} from '../../lib/eval/treaty-set';

describe('scratch markup', () => {
  it('strips the markers and keeps the spans in plain-text offsets', () => {
    const { text, spans } = parseMarkup(
      'Стороны подписали ⟦R|Договор о дружбе⟧, а ⟦O|документ⟧ вступит.',
    );
    expect(text).toBe('Стороны подписали Договор о дружбе, а документ вступит.');
    expect(spans).toEqual([
      { start: 18, end: 34, label: 'R' },
      { start: 38, end: 46, label: 'O' },
    ]);
    expect(text.slice(18, 34)).toBe('Договор о дружбе');
    expect(renderMarkup(text, spans)).toBe(
      'Стороны подписали ⟦R|Договор о дружбе⟧, а ⟦O|документ⟧ вступит.',
    );
  });

  it('rejects unknown labels, unclosed, stray, nested, empty and space-padded spans', () => {
    expect(() => parseMarkup('a ⟦X|b⟧')).toThrow(ScratchError);
    expect(() => parseMarkup('a ⟦R|b')).toThrow(/never closed/);
    expect(() => parseMarkup('a b⟧')).toThrow(/without/);
    expect(() => parseMarkup('⟦R|a ⟦O|b⟧ c⟧')).toThrow(/nest/);
    expect(() => parseMarkup('⟦R| ⟧')).toThrow(/empty/);
    expect(() => parseMarkup('⟦R| pact⟧')).toThrow(/outer spaces/);
  });

  it('reads blocks with their sources; document ids may hold slashes', () => {
    const blocks = parseScratch(
      '@ nerel-dev#nerel/119_text@10-30\nПодписан ⟦R|пакт⟧.\n\n@ conll2003-dev#conll2003/4@0-12\nthe ⟦R|treaty⟧\n',
    );
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({
      source: { file: 'nerel-dev', doc: 'nerel/119_text', start: 10, end: 30 },
      text: 'Подписан пакт.',
      spans: [{ start: 9, end: 13, label: 'R' }],
      line: 1,
    });
    expect(blocks[1]?.source).toEqual({
      file: 'conll2003-dev',
      doc: 'conll2003/4',
      start: 0,
      end: 12,
    });
    expect(blocks[1]?.text).toBe('the treaty');
    const again = parseScratch(
      renderBlock(blocks[0]?.source as never, blocks[0]?.text as string, blocks[0]?.spans ?? []),
    );
    expect(again[0]?.spans).toEqual(blocks[0]?.spans);
    expect(() => parseScratch('stray text\n@ a#b@0-1\nx')).toThrow(/before the first/);
  });
});

describe('entryProblems', () => {
  const entry = {
    id: 'x',
    lang: 'ru',
    source: { file: 'f', doc: 'd', start: 5, end: 25 },
    sha1: 'a'.repeat(40),
    spans: [
      { start: 0, end: 4, label: 'R', text: 'пакт' },
      { start: 11, end: 15, label: 'O', text: 'пакт' },
    ],
  };
  it('accepts a valid entry', () => {
    expect(entryProblems(entry, 'пакт и ещё пакт, ок.')).toEqual([]);
  });
  it('finds bad labels, spans outside the paragraph, overlaps and wrong texts', () => {
    const bad = {
      ...entry,
      spans: [
        { start: 0, end: 4, label: 'X', text: 'пакт' },
        { start: 2, end: 6, label: 'R', text: 'кт и' },
        { start: 18, end: 30, label: 'R', text: '' },
      ],
    };
    const p = entryProblems(bad, 'пакт и ещё пакт, ок.').join('\n');
    expect(p).toMatch(/label X/);
    expect(p).toMatch(/overlaps/);
    expect(p).toMatch(/outside/);
    expect(p).toMatch(/differs/);
    expect(entryProblems({ ...entry, sha1: 'nope' })).toContain('bad sha1');
  });
});

describe('splitParagraphs', () => {
  it('gives the non-empty lines without outer spaces', () => {
    const text = 'Title\n\n  First para. \nSecond';
    const ps = splitParagraphs(text);
    expect(ps.map((r) => text.slice(r.start, r.end))).toEqual(['Title', 'First para.', 'Second']);
  });
  it('cuts a long line after a sentence end, every piece within the limit', () => {
    const sentence = 'Стороны обсудили соглашение о перемирии. ';
    const text = sentence.repeat(20).trim();
    const ps = splitParagraphs(text, 200);
    expect(ps.length).toBeGreaterThan(4);
    for (const r of ps) {
      expect(r.end - r.start).toBeLessThanOrEqual(200);
      expect(text.slice(r.start, r.end)).toMatch(/^Стороны.*\.$/);
    }
    expect(ps.map((r) => text.slice(r.start, r.end)).join(' ')).toBe(text);
  });
});

describe('scoreTreatySet', () => {
  const text = 'Стороны подписали Договор о дружбе, а документ вступит; контракт на газ.';
  //           R: 18-34 «Договор о дружбе», O: 38-46 «документ»
  const spans = [
    { start: 18, end: 34, label: 'R' as const },
    { start: 38, end: 46, label: 'O' as const },
  ];
  it('counts an R span found by any overlapping mark, partial or not', () => {
    const r = scoreTreatySet([
      { id: 'a', lang: 'ru', text, spans, marks: [{ start: 18, end: 25 }] },
    ]);
    expect(r.overall).toMatchObject({
      required: 1,
      found: 1,
      recall: 1,
      marks: 1,
      true: 1,
      false: 0,
    });
    expect(r.missed).toEqual([]);
  });
  it('sets aside marks on O spans only; marks on nothing are false positives', () => {
    const r = scoreTreatySet([
      {
        id: 'a',
        lang: 'ru',
        text,
        spans,
        marks: [
          { start: 38, end: 46 },
          { start: 56, end: 64 },
        ],
      },
    ]);
    expect(r.overall).toMatchObject({
      required: 1,
      found: 0,
      recall: 0,
      marks: 2,
      true: 0,
      false: 1,
      setAside: 1,
      precision: 0,
    });
    expect(r.falsePositives).toEqual([
      expect.objectContaining({ id: 'a', text: 'контракт', start: 56, end: 64 }),
    ]);
    expect(r.falsePositives[0]?.context).toContain('[контракт] на газ.');
    expect(r.missed[0]).toMatchObject({ text: 'Договор о дружбе' });
  });
  it('a mark over both an R and an O span is true', () => {
    const r = scoreTreatySet([
      { id: 'a', lang: 'ru', text, spans, marks: [{ start: 20, end: 44 }] },
    ]);
    expect(r.overall).toMatchObject({ true: 1, setAside: 0, false: 0, precision: 1 });
  });
  it('touching is not overlapping (end exclusive)', () => {
    const r = scoreTreatySet([
      { id: 'a', lang: 'ru', text, spans, marks: [{ start: 34, end: 36 }] },
    ]);
    expect(r.overall).toMatchObject({ found: 0, false: 1 });
  });
  it('scores each language apart and overall', () => {
    const r = scoreTreatySet([
      { id: 'a', lang: 'ru', text, spans, marks: [{ start: 18, end: 34 }] },
      {
        id: 'b',
        lang: 'en',
        text: 'They signed the NPT and a contract.',
        spans: [{ start: 16, end: 19, label: 'R' }],
        marks: [{ start: 26, end: 34 }],
      },
    ]);
    expect(r.byLang.ru).toMatchObject({ paragraphs: 1, required: 1, found: 1, precision: 1 });
    expect(r.byLang.en).toMatchObject({
      paragraphs: 1,
      required: 1,
      found: 0,
      false: 1,
      precision: 0,
    });
    expect(r.overall).toMatchObject({
      paragraphs: 2,
      required: 2,
      found: 1,
      recall: 0.5,
      true: 1,
      false: 1,
    });
    const out = formatTreatySetReport(r);
    expect(out).toMatch(/^en .* 0\.0%/m);
    expect(out).toContain('FP en b: They signed the NPT and a [contract].');
    expect(out).toContain('FN en b: They signed the [NPT] and a contract.');
  });
});

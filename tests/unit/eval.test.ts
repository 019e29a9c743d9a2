import { describe, expect, it } from 'vitest';
import { CorpusLineError, parseCorpus, parseCorpusLine } from '../../lib/eval/corpus';
import {
  formatReport,
  type GoldSpan,
  type PredictedSpan,
  scoreDocuments,
  treatyRecall,
} from '../../lib/eval/score';

const g = (start: number, end: number, type: string, nested = false): GoldSpan => ({
  start,
  end,
  type,
  nested,
});
const p = (start: number, end: number, type: string): PredictedSpan => ({ start, end, type });

describe('scoreDocuments', () => {
  it('counts exact matches of (start, end, type) per type and micro', () => {
    const report = scoreDocuments([
      {
        gold: [g(0, 5, 'PER'), g(10, 15, 'LOC'), g(20, 25, 'LOC')],
        predicted: [p(0, 5, 'PER'), p(10, 15, 'LOC'), p(30, 35, 'LOC')],
      },
    ]);
    const loc = report.types.find((t) => t.type === 'LOC');
    expect(loc).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 1,
      gold: 2,
      predicted: 2,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(report.types.find((t) => t.type === 'PER')).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 0,
      f1: 1,
    });
    expect(report.micro).toMatchObject({ tp: 2, fp: 1, fn: 1, gold: 3, predicted: 3 });
    expect(report.micro.f1).toBeCloseTo(2 / 3);
  });

  it('needs the right type and both boundaries for an exact match; overlap is lenient', () => {
    const report = scoreDocuments([
      { gold: [g(0, 10, 'PER'), g(20, 30, 'LOC')], predicted: [p(0, 6, 'PER'), p(20, 30, 'PER')] },
    ]);
    const per = report.types.find((t) => t.type === 'PER');
    expect(per).toMatchObject({ tp: 0, fp: 2, fn: 1 });
    // p(0,6) overlaps the gold person; p(20,30) overlaps only a place (wrong type).
    expect(per?.overlap).toMatchObject({ predictedHit: 1, goldHit: 1, precision: 0.5, recall: 1 });
    expect(per?.overlap.f1).toBeCloseTo(2 / 3);
  });

  it('ignores nested gold spans, and can filter and rename types', () => {
    const docs = [
      {
        gold: [g(0, 20, 'LOC'), g(10, 20, 'LOC', true), g(30, 40, 'LAW'), g(50, 55, 'ORG')],
        predicted: [p(10, 20, 'LOC'), p(30, 40, 'TREATY'), p(50, 55, 'ORG')],
      },
    ];
    const plain = scoreDocuments(docs, { types: ['LOC'] });
    expect(plain.types.map((t) => t.type)).toEqual(['LOC']);
    expect(plain.types[0]).toMatchObject({ tp: 0, fp: 1, fn: 1, gold: 1 });
    const mapped = scoreDocuments(docs, { types: ['TREATY'], goldTypeMap: { LAW: 'TREATY' } });
    expect(mapped.micro).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
  });

  it('gives zeros, not NaN, when there is nothing to score', () => {
    const report = scoreDocuments([{ gold: [], predicted: [] }]);
    expect(report.types).toEqual([]);
    expect(report.micro).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(scoreDocuments([{ gold: [g(0, 1, 'PER')], predicted: [] }]).micro.recall).toBe(0);
  });

  it('prints a table with one row per type and a micro row', () => {
    const table = formatReport(
      scoreDocuments([{ gold: [g(0, 5, 'PER')], predicted: [p(0, 5, 'PER')] }]),
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^PER\s+1\s+1\s+1\s+0\s+0 \|\s+100\.0\s+100\.0\s+100\.0/);
    expect(lines[2]).toMatch(/^micro/);
  });
});

describe('corpus lines', () => {
  it('reads id, text, lang and gold entities, ignoring other fields', () => {
    const doc = parseCorpusLine(
      '{"id":7,"text":"Путин","lang":"ru","corpus":"x","entities":[]}',
      1,
    );
    expect(doc).toEqual({ id: '7', rawId: 7, text: 'Путин', lang: 'ru', entities: [] });
  });

  it('names the line of a malformed document', () => {
    expect(() => parseCorpus('{"id":"a","text":"x"}\n\n{"id":"b"}\n')).toThrow(
      /line 3: missing "text"/,
    );
    expect(() => parseCorpusLine('{oops', 4)).toThrow(CorpusLineError);
    expect(() => parseCorpusLine('[1]', 2)).toThrow(/line 2: expected a JSON object/);
    expect(() => parseCorpusLine('{"id":"a","text":"x","lang":5}', 1)).toThrow(/lang/);
  });
});

describe('treaty recall', () => {
  it('counts only LAW spans that name a treaty, exact and overlapping', () => {
    const text =
      'Договор о дружбе подписан. Закон о полиции принят. Соглашения о разделе власти нет.';
    const span = (word: string, type = 'LAW') => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, type };
    };
    const r = treatyRecall([
      {
        text,
        gold: [
          span('Договор о дружбе'),
          span('Закон о полиции'),
          span('Соглашения о разделе власти'),
        ],
        predicted: [
          span('Договор о дружбе', 'TREATY'),
          { ...span('Соглашения о разделе', 'TREATY') },
          span('Закон о полиции', 'LOC'),
        ],
      },
    ]);
    expect(r).toMatchObject({ gold: 2, exact: 1, overlap: 2, missed: [] });
    const none = treatyRecall([{ text, gold: [span('Договор о дружбе')], predicted: [] }]);
    expect(none.missed).toEqual([{ text: 'Договор о дружбе', start: 0, end: 16 }]);
  });
});

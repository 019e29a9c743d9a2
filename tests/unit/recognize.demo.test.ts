/**
 * Acceptance on the founding demo article (tests/fixtures/demo/article.txt, a copy of
 * /work/shared/seed/article.txt): every form of every person, place and treaty term it names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntityType, Mention } from '../../lib/entities';
import { createRecognizer } from '../../lib/recognize/index';

const text = readFileSync(join(__dirname, '../fixtures/demo/article.txt'), 'utf8');
const mentions = createRecognizer().recognize(text);

/** All occurrences of a whole-word pattern (\b does not know Cyrillic). */
function occurrences(pattern: string): { start: number; end: number }[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

function covering(span: { start: number; end: number }): Mention | undefined {
  return mentions.find((m) => m.start <= span.start && span.end <= m.end);
}

/** Every occurrence of `pattern` lies in a mention of `type` whose canonical is `canonical`. */
function expectAll(pattern: string, type: EntityType, canonical: string, min = 1) {
  const spans = occurrences(pattern);
  expect(spans.length, `occurrences of ${pattern}`).toBeGreaterThanOrEqual(min);
  for (const span of spans) {
    const m = covering(span);
    expect(m, `${text.slice(span.start, span.end)} at ${span.start}`).toBeDefined();
    expect(m?.type, `${text.slice(span.start, span.end)} at ${span.start}`).toBe(type);
    expect(m?.canonical, `${text.slice(span.start, span.end)} at ${span.start}`).toBe(canonical);
  }
}

describe('demo article', () => {
  it('finds exactly the five people, under their full nominative names', () => {
    const people = new Set(mentions.filter((m) => m.type === 'PER').map((m) => m.canonical));
    expect([...people].sort()).toEqual(
      [
        'Валерий Герасимов',
        'Владимир Путин',
        'Константин Асмолов',
        'Ким Чен Ын',
        'Цой Сон Хи',
      ].sort(),
    );
  });

  it('marks every form of every person', () => {
    expectAll('Константин Асмолов|Асмолов', 'PER', 'Константин Асмолов', 3);
    expectAll('Владимир Путин|Владимира Путина|Владимиру Путину|Путин', 'PER', 'Владимир Путин', 4);
    expectAll('Цой Сон Хи', 'PER', 'Цой Сон Хи');
    expectAll('Валерий Герасимов', 'PER', 'Валерий Герасимов');
    expectAll('Ким Чен Ын', 'PER', 'Ким Чен Ын');
    // Titles stay out of the spans.
    for (const m of mentions.filter((x) => x.type === 'PER')) {
      expect(m.text).not.toMatch(/президент|глав|лидер|эксперт|начальник/i);
    }
  });

  it('marks every place in every case form', () => {
    expectAll('Россия|России|Россией|Россию|РФ', 'LOC', 'Россия', 14);
    expectAll('КНДР', 'LOC', 'КНДР', 14);
    expectAll('Республики Корея|Южная Корея', 'LOC', 'Республика Корея', 2);
    expectAll('Корейском полуострове', 'LOC', 'Корейский полуостров', 2);
    expectAll('МОСКВА|Москвой', 'LOC', 'Москва', 2);
    expectAll('Пхеньяном|Пхеньян', 'LOC', 'Пхеньян', 3);
    expectAll('Пекином', 'LOC', 'Пекин');
    expectAll('Соединенные Штаты', 'LOC', 'США');
    expectAll('Курской области|Курскую область', 'LOC', 'Курская область', 4);
    expectAll('Украины', 'LOC', 'Украина');
    expectAll('Азиатско-тихоокеанском регионе', 'LOC', 'Азиатско-Тихоокеанский регион');
    expectAll('Кремле', 'LOC', 'Кремль');
  });

  it('marks the treaty name in all its forms and the treaty-law terms', () => {
    const name = 'Договор о всеобъемлющем стратегическом партнерстве';
    const forms = occurrences('Договор(?:а|у)? о всеобъемлющем стратегическом партнерстве');
    expect(forms).toHaveLength(4);
    for (const span of forms) {
      expect(mentions).toContainEqual({
        ...span,
        type: 'TREATY',
        text: text.slice(span.start, span.end),
        canonical: name,
        // A name Russia signed with both the DPRK and Iran: the parties named nearby decide.
        treaty: expect.objectContaining({ id: 'russia-dprk-partnership-2024', year: 2024 }),
        id: 'TREATY:russia-dprk-partnership-2024',
      });
    }
    expectAll(
      'Договор о дружбе, добрососедстве и сотрудничестве',
      'TREATY',
      'Договор о дружбе, добрососедстве и сотрудничестве',
    );
    expectAll('ратификации', 'TREATY', 'ратификация');
    expectAll('ратификационными грамотами', 'TREATY', 'ратификационные грамоты');
    expectAll('денуклеаризацию', 'TREATY', 'денуклеаризация');
    expectAll('взаимной военной помощи', 'TREATY', 'взаимная военная помощь');
    expectAll('вступило в силу', 'TREATY', 'вступление в силу');
  });

  it('takes no organisation for a person or a place, but keeps the country inside one', () => {
    for (const org of ['РИА Новости', 'РАН', 'МИД', 'Генштаба', 'ВС', 'Корейской народной армии']) {
      for (const span of occurrences(org)) {
        const m = mentions.find((x) => x.start < span.end && span.start < x.end);
        expect(m, `${org} at ${span.start}`).toBeUndefined();
      }
    }
    const kndr = occurrences('МИД КНДР')[0];
    expect(kndr).toBeDefined();
    const inner = { start: (kndr?.start ?? 0) + 4, end: kndr?.end ?? 0 };
    expect(mentions).toContainEqual({
      ...inner,
      type: 'LOC',
      text: 'КНДР',
      canonical: 'КНДР',
      id: 'LOC:KP',
    });
  });

  it('returns sorted, non-overlapping mentions whose text is the slice of the input', () => {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i] as Mention;
      expect(m.text).toBe(text.slice(m.start, m.end));
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual((mentions[i - 1] as Mention).end);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { type Mention, summarize, treatyInOtherLanguage } from '../../lib/entities';

const mention = (canonical: string, type: Mention['type'] = 'PER', text = canonical): Mention => ({
  start: 0,
  end: text.length,
  type,
  text,
  canonical,
});

describe('summarize', () => {
  it('puts the most frequent first, then names in alphabetical order whatever their accents or case', () => {
    const rows = summarize([
      mention('Зуев'),
      mention('Ёлкин'),
      mention('Елизаров'),
      mention('Zoe'),
      mention('Émile'),
      mention('adam'),
      mention('Путин', 'PER', 'Путина'),
      mention('Путин', 'PER', 'Путин'),
    ]);
    expect(rows.map((r) => r.canonical)).toEqual([
      'Путин',
      'adam',
      'Émile',
      'Zoe',
      'Елизаров',
      'Ёлкин',
      'Зуев',
    ]);
    expect(rows[0]).toEqual({
      type: 'PER',
      canonical: 'Путин',
      count: 2,
      forms: ['Путина', 'Путин'],
    });
  });

  it('keeps one row per type when a name is both a person and a place', () => {
    const rows = summarize([mention('Вашингтон', 'LOC'), mention('Вашингтон', 'PER')]);
    expect(rows.map((r) => r.type).sort()).toEqual(['LOC', 'PER']);
  });

  it('keeps a registered treaty on its row, from the first mention that names it', () => {
    const npt = { id: 'npt', en: 'Non-Proliferation Treaty', ru: 'ДНЯО', year: 1968 };
    const name = 'Договор о нераспространении ядерного оружия';
    const rows = summarize([
      mention(name, 'TREATY', 'договора'),
      { ...mention(name, 'TREATY', 'ДНЯО'), treaty: npt },
      mention('ратификация', 'TREATY'),
    ]);
    expect(rows.find((r) => r.canonical === name)?.treaty).toEqual(npt);
    expect(rows.find((r) => r.canonical === 'ратификация')).not.toHaveProperty('treaty');
    expect(treatyInOtherLanguage(npt, name)).toBe('Non-Proliferation Treaty · 1968');
    expect(treatyInOtherLanguage(npt, 'NPT')).toBe('ДНЯО · 1968');
  });
});

import { describe, expect, it } from 'vitest';
import { personKey, surnameForms } from '../../lib/recognize/people-keys';

describe("the people register's keys", () => {
  it('gives a plain name its lower case at once, and rewrites any other', () => {
    expect(personKey('Vladimir Putin')).toBe('vladimir putin');
    expect(personKey('Владимир Путин')).toBe('владимир путин');
    // Near misses of a plain name take the rewrites: ё, two spaces, an edge space, a dot, a
    // hyphen, a mark, a letter outside a–z and а–я.
    expect(personKey('Пётр Толстой')).toBe('петр толстой');
    expect(personKey('Vladimir  Putin')).toBe('vladimir putin');
    expect(personKey('Putin ')).toBe('putin');
    expect(personKey('J. Biden')).toBe('j biden');
    expect(personKey('Jong-un')).toBe('jong un');
    expect(personKey('Erdoğan')).toBe('erdogan');
    expect(personKey('Støre')).toBe('store');
  });

  it('derives surnames: last word with its particles, first word for family-first names', () => {
    expect(surnameForms('Ursula von der Leyen', false)).toEqual(['Leyen', 'von der Leyen']);
    expect(surnameForms('Bashar al-Assad', false)).toEqual(['al-Assad', 'Assad']);
    expect(surnameForms('Kim Jong Un', true)).toEqual(['Kim']);
    expect(surnameForms('Charles III', false)).toEqual([]);
    expect(surnameForms('Naruhito', false)).toEqual([]);
    expect(surnameForms('Robert F. Kennedy Jr.', false)).toEqual(['Kennedy', 'Kennedy Jr.']);
    expect(surnameForms('Andrés Manuel López Obrador', false)).toEqual([
      'Obrador',
      'López Obrador',
    ]);
    expect(surnameForms('Marcelo Rebelo de Sousa', false)).toEqual([
      'Sousa',
      'de Sousa',
      'Rebelo de Sousa',
    ]);
    expect(surnameForms('Mohammed bin Salman', false)).toEqual(['bin Salman']);
    expect(surnameForms('Manuel Marrero Cruz', false, true)).toEqual(['Marrero', 'Marrero Cruz']);
    expect(surnameForms('Джордж Буш-младший', false)).toEqual(['Буш', 'Буш младший']);
  });
});

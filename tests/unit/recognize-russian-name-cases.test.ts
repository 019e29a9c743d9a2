import { describe, expect, it } from 'vitest';
import { nameCases, wordCases } from '../../lib/recognize/russian-name-cases';

describe('wordCases (genitive, dative, instrumental, prepositional, accusative)', () => {
  it('declines a word by its ending', () => {
    expect(wordCases('Макрон')).toEqual(['Макрона', 'Макрону', 'Макроном', 'Макроне', 'Макрона']);
    expect(wordCases('Шольц')).toEqual(['Шольца', 'Шольцу', 'Шольцем', 'Шольце', 'Шольца']);
    expect(wordCases('Лавров')).toEqual(['Лаврова', 'Лаврову', 'Лавровым', 'Лаврове', 'Лаврова']);
    expect(wordCases('Зеленский')).toEqual([
      'Зеленского',
      'Зеленскому',
      'Зеленским',
      'Зеленском',
      'Зеленского',
    ]);
    expect(wordCases('Андрей')).toEqual(['Андрея', 'Андрею', 'Андреем', 'Андрее', 'Андрея']);
    expect(wordCases('Игорь')).toEqual(['Игоря', 'Игорю', 'Игорем', 'Игоре', 'Игоря']);
    expect(wordCases('Урсула')).toEqual(['Урсулы', 'Урсуле', 'Урсулой', 'Урсуле', 'Урсулу']);
    expect(wordCases('Ангела')[0]).toBe('Ангелы');
    expect(wordCases('Мария')).toEqual(['Марии', 'Марии', 'Марией', 'Марии', 'Марию']);
  });

  it('leaves indeclinable endings and non-Cyrillic words as they are', () => {
    for (const w of ['Нетаньяху', 'Моди', 'Абэ', 'Abe']) {
      expect(wordCases(w)).toEqual([w, w, w, w, w]);
    }
  });
});

describe('nameCases', () => {
  it('declines each word in one case, keeps the words it is told to, declines a hyphenated word at its end', () => {
    expect(nameCases(['Урсула', 'фон', 'дер', 'Ляйен'], (i) => i === 1 || i === 2)).toContain(
      'Урсулы фон дер Ляйена',
    );
    expect(nameCases(['Ким', 'Чен', 'Ын'], (i) => i < 2)).toContain('Ким Чен Ына');
    expect(nameCases(['Башар', 'аль-Асад'], () => false)).toContain('Башара аль-Асада');
    expect(nameCases(['Моди'], () => false)).toEqual([]);
  });
});

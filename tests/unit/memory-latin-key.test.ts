import { describe, expect, it } from 'vitest';
import { latinKey, transliterate } from '../../lib/memory/latin-key';

describe('latinKey', () => {
  it('joins a Cyrillic name and the Latin spellings news give it', () => {
    const pairs: Array<[string, string]> = [
      ['Путин', 'Putin'],
      ['Зеленский', 'Zelensky'],
      ['Зеленский', 'Zelenskyy'],
      ['Сергей Лавров', 'Sergey Lavrov'],
      ['Сергей Лавров', 'Sergei Lavrov'],
      ['Мария Захарова', 'Maria Zakharova'],
      ['Василий Небензя', 'Vasily Nebenzia'],
      ['Борис Ельцин', 'Boris Yeltsin'],
      ['Михаил Горбачёв', 'Mikhail Gorbachev'],
      ['Юрий Ушаков', 'Yury Ushakov'],
      ['Алексей Навальный', 'Alexei Navalny'],
    ];
    for (const [ru, en] of pairs) expect(latinKey(ru), `${ru} / ${en}`).toBe(latinKey(en));
  });

  it('keeps different names apart', () => {
    expect(latinKey('Путин')).not.toBe(latinKey('Патин'));
    expect(latinKey('Сергей Лавров')).not.toBe(latinKey('Сергей Лаврин'));
  });

  it('forgets diacritics, case, apostrophes and the spacing of the name', () => {
    expect(latinKey('Recep  Tayyip ERDOĞAN')).toBe(latinKey('recep tayyip erdogan'));
    expect(latinKey("Д'Артаньян")).toBe(latinKey('Dartanian'));
  });

  it('transliterates the letters of Ukrainian names too', () => {
    expect(transliterate('Київ')).toBe('kiyiv');
  });

  it('gives an empty key to a name with no letters', () => {
    expect(latinKey(' — ')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { createRecognizer } from '../../lib/recognize';
import { WARM_UP_TEXTS } from '../../lib/recognize/warm-up';

describe('the background warm-up texts', () => {
  it('exercise people, places and treaty terms in each language, and the output is what a reader expects', () => {
    const recognizer = createRecognizer();
    expect(WARM_UP_TEXTS.map((w) => w.lang)).toEqual(['ru', 'en']);
    for (const { text, lang } of WARM_UP_TEXTS) {
      const found = recognizer.recognize(text, { lang });
      const of = (type: string) => found.filter((m) => m.type === type).map((m) => m.canonical);
      expect(new Set(found.map((m) => m.type)), lang).toEqual(new Set(['PER', 'LOC', 'TREATY']));
      expect(of('PER'), lang).toContain(lang === 'ru' ? 'Владимир Путин' : 'Vladimir Putin');
      expect(of('LOC'), lang).toContain(lang === 'ru' ? 'Пхеньян' : 'Pyongyang');
    }
  });
});

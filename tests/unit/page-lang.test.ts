import { describe, expect, it } from 'vitest';
import { guessLang } from '../../lib/page/lang';

describe('page language', () => {
  it('guesses Russian, English, or "und" for anything else', () => {
    expect(guessLang('Президент России Владимир Путин прибыл в Пхеньян.')).toBe('ru');
    expect(guessLang('The president said that the treaty was signed in the capital.')).toBe('en');
    expect(guessLang('Der Vertrag wurde in der Hauptstadt unterzeichnet und ist gültig.')).toBe(
      'und',
    );
    expect(guessLang('Президент України заявив, що їхня делегація прибуде.')).toBe('und');
    expect(guessLang('12345 ...')).toBe('und');
  });
});

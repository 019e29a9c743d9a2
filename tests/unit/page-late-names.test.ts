import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { PageNames } from '../../lib/page/known-names';
import { createLateNames, type RecognizedText } from '../../lib/page/late-names';

const full = (canonical: string): Mention => ({
  start: 0,
  end: canonical.length,
  type: 'PER',
  text: canonical,
  canonical,
});

const seg = (text: string, version = 0, piecesLeft = 0): RecognizedText => ({
  text,
  mentions: [],
  piecesLeft,
  version,
});

describe('late names', () => {
  it('recognizes again only segments the new name may occur in, and marks the others current', () => {
    const names = new PageNames();
    const late = createLateNames(names);
    const headline = seg('Асмолов ответил');
    const weather = seg('Погода в Москве');
    expect(late.check([headline, weather], () => {})).toBe(false); // nothing learned yet
    names.learn([full('Константин Асмолов')]);
    const again: RecognizedText[] = [];
    expect(late.check([headline, weather], (s) => again.push(s))).toBe(true);
    expect(again).toEqual([headline]);
    expect(weather.version).toBe(1);
    expect(headline.version).toBe(0); // its new recognition sets it
  });

  it('skips segments still waiting for recognition or recognized with the name known', () => {
    const names = new PageNames();
    names.learn([full('Константин Асмолов')]);
    const late = createLateNames(names);
    const waiting = { ...seg('Асмолов'), mentions: null };
    const partial = seg('Асмолов', 0, 1);
    const current = seg('Асмолов', 1);
    const again: RecognizedText[] = [];
    expect(late.check([waiting, partial, current], (s) => again.push(s))).toBe(false);
    expect(again).toEqual([]);
  });

  it('looks again only after another name is learned', () => {
    const names = new PageNames();
    const late = createLateNames(names);
    names.learn([full('Константин Асмолов')]);
    const s = seg('Асмолов');
    const again: RecognizedText[] = [];
    late.check([s], (x) => again.push(x));
    late.check([s], (x) => again.push(x));
    expect(again).toHaveLength(1);
    names.learn([full('Ким Чен Ын')]);
    late.check([s], (x) => again.push(x));
    expect(again).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { buildBatch, cutPoints, mentionsByPiece } from '../../lib/page/batches';
import { nameHeader, PageNames, stemsOf } from '../../lib/page/known-names';
import { guessLang } from '../../lib/page/lang';
import { createSlicer } from '../../lib/page/schedule';

const m = (text: string, at: number, type: Mention['type'], canonical = text): Mention => ({
  start: at,
  end: at + text.length,
  type,
  text,
  canonical,
});

describe('recognition batches', () => {
  it('joins pieces after a header and gives each piece its own mentions, in segment offsets', () => {
    const batch = buildBatch(
      [
        { key: 'a', text: 'Putin in Moscow.', offset: 0 },
        { key: 'b', text: 'Kim in Pyongyang.', offset: 40 },
      ],
      'Vladimir Putin.\n',
    );
    expect(batch.text).toBe('Vladimir Putin.\nPutin in Moscow.\nKim in Pyongyang.');
    expect(batch.headerLength).toBe(16);
    const at = (s: string) => batch.text.indexOf(s, batch.headerLength);
    const found = mentionsByPiece(batch, [
      m('Vladimir Putin', 0, 'PER'), // in the header: dropped
      m('Putin', at('Putin'), 'PER', 'Vladimir Putin'),
      m('Moscow', at('Moscow'), 'LOC'),
      m('Moscow.\nKim', at('Moscow'), 'LOC'), // runs across two pieces: dropped
      m('Pyongyang', at('Pyongyang'), 'LOC'),
    ]);
    expect(found[0]?.map((x) => [x.text, x.start, x.end, x.canonical])).toEqual([
      ['Putin', 0, 5, 'Vladimir Putin'],
      ['Moscow', 9, 15, 'Moscow'],
    ]);
    // The second piece starts at offset 40 of its segment.
    expect(found[1]?.map((x) => [x.text, x.start])).toEqual([['Pyongyang', 47]]);
  });

  it('cuts long text at sentence ends, else at spaces, never inside a surrogate pair', () => {
    const text = 'One two three. Four five six. Seven eight nine. Ten eleven twelve.';
    const cuts = cutPoints(text, 32);
    expect(cuts[0]).toBe(0);
    for (const c of cuts.slice(1)) expect(text[c - 2]).toBe('.'); // after ". "
    expect(cutPoints('short', 100)).toEqual([0]);
    const spaces = cutPoints('word '.repeat(40), 30);
    for (const c of spaces.slice(1)) expect(c % 5).toBe(0);
    const emoji = '😀'.repeat(40);
    for (const c of cutPoints(emoji, 31).slice(1)) expect(c % 2).toBe(0);
    // Every cut moves forward and pieces cover the text.
    const many = cutPoints('x'.repeat(1000), 100);
    expect(many).toHaveLength(10);
  });
});

describe('page names', () => {
  it('keeps inflection-proof stems of each word of a full name', () => {
    expect(stemsOf('Константин Асмолов')).toEqual(['Констант', 'Асмол']);
    expect(stemsOf('Ким Чен Ын')).toEqual(['Ким', 'Чен']);
    expect(stemsOf('В. Путин')).toEqual(['Пути']);
  });

  it('learns full names only, versions them, and says which texts may have missed one', () => {
    const names = new PageNames();
    expect(names.learn([m('Путин', 0, 'PER'), m('Россия', 0, 'LOC', 'Россия')])).toBe(false);
    expect(names.version).toBe(0);
    expect(names.learn([m('Константина Асмолова', 0, 'PER', 'Константин Асмолов')])).toBe(true);
    expect(names.learn([m('Асмолов', 0, 'PER', 'Константин Асмолов')])).toBe(false);
    expect(names.version).toBe(1);
    expect(names.relevantTo('— отметил Асмолову.')).toEqual(['Константин Асмолов']);
    expect(names.relevantTo('Пхеньян и Москва')).toEqual([]);
    expect(names.missedSince(0, 'сказал Асмолов')).toBe(true);
    expect(names.missedSince(1, 'сказал Асмолов')).toBe(false);
    expect(nameHeader(['Константин Асмолов', 'Ким Чен Ын'])).toBe(
      'Константин Асмолов.\nКим Чен Ын.\n',
    );
    expect(nameHeader([])).toBe('');
  });

  it('groups a lone surname under the one full name ending with it', () => {
    const names = new PageNames();
    names.learn([m('Vladimir Putin', 0, 'PER')]);
    expect(names.canonical({ type: 'PER', canonical: 'Putin' })).toBe('Vladimir Putin');
    expect(names.canonical({ type: 'LOC', canonical: 'Putin' })).toBe('Putin');
    names.learn([m('Lyudmila Putin', 0, 'PER')]);
    expect(names.canonical({ type: 'PER', canonical: 'Putin' })).toBe('Putin'); // ambiguous now
  });
});

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

describe('slicer', () => {
  it('is due after its budget, records the longest slice, and yields through the given function', async () => {
    let clock = 0;
    let yields = 0;
    const slicer = createSlicer({
      now: () => clock,
      budgetMs: 10,
      yieldToMain: async () => {
        yields++;
      },
    });
    slicer.begin();
    clock = 4;
    expect(slicer.due()).toBe(false);
    clock = 12;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(yields).toBe(1);
    expect(slicer.due()).toBe(false);
    clock = 15;
    slicer.end();
    expect(slicer.longestMs).toBe(12);
  });
});

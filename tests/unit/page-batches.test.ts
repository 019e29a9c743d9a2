import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { asRendered, buildBatch, cutPoints, mentionsByPiece } from '../../lib/page/batches';
import { createRecognizer } from '../../lib/recognize';

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

  it('reads line breaks and tabs of the HTML source inside a block as the spaces they render as', () => {
    const source =
      'the Treaty on Comprehensive\nStrategic Partnership\r\n\tbetween Russia and North Korea';
    const batch = buildBatch([{ key: 'a', text: source, offset: 0 }], 'Kim Jong Un.\n');
    expect(batch.text).toBe(
      'Kim Jong Un.\nthe Treaty on Comprehensive Strategic Partnership   between Russia and North Korea',
    );
    expect(batch.text.length).toBe('Kim Jong Un.\n'.length + source.length);
    expect(asRendered('no breaks')).toBe('no breaks');
    // Read as one line, the registered treaty's name is found whole.
    const treaties = createRecognizer()
      .recognize(batch.text, { lang: 'en' })
      .filter((x) => x.type === 'TREATY');
    expect(treaties.map((x) => x.treaty?.id)).toContain('russia-dprk-partnership-2024');
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

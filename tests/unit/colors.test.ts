import { describe, expect, it } from 'vitest';
import {
  blend,
  checkHighlightContrast,
  contrastRatio,
  DEFAULT_COLORS,
  parseHexColor,
  toHex,
} from '../../lib/colors';
import { PAINTED_TYPES } from '../../lib/entities';
import { paintCss } from '../../lib/page/paint';
import { DEFAULT_SETTINGS, parseSettings, parseWatchList } from '../../lib/settings';

describe('colours', () => {
  it('parses #rgb and #rrggbb, and nothing else', () => {
    expect(parseHexColor('#0af')).toEqual([0, 170, 255]);
    expect(parseHexColor(' #E69F00 ')).toEqual([230, 159, 0]);
    for (const bad of ['e69f00', '#e69f0', 'red', 'rgb(1,2,3)', '#ggg', 7, null]) {
      expect(parseHexColor(bad)).toBeNull();
    }
    expect(toHex([230, 159, 0])).toBe('#e69f00');
  });

  it('computes WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([86, 180, 233], [86, 180, 233])).toBe(1);
    expect(blend([0, 0, 0], [255, 255, 255], 0.5)).toEqual([127.5, 127.5, 127.5]);
  });

  it('passes every default colour on light and dark pages', () => {
    for (const type of PAINTED_TYPES) {
      const check = checkHighlightContrast(parseHexColor(DEFAULT_COLORS[type]) as never);
      expect(check.ok, `${type}: ${JSON.stringify(check)}`).toBe(true);
    }
  });

  it('flags colours whose marks vanish: yellow on white, near-black on dark pages', () => {
    expect(checkHighlightContrast([255, 255, 0]).ok).toBe(false);
    expect(checkHighlightContrast([20, 20, 20]).ok).toBe(false);
  });

  it('paints with the reader colour and falls back to the default on garbage', () => {
    const css = paintCss(['LOC', 'PER'], { LOC: '#123456', PER: 'javascript:alert(1)' });
    expect(css).toContain('::highlight(glossa-LOC) { background-color: rgba(18, 52, 86, 0.3)');
    expect(css).toContain('rgba(86, 180, 233, 0.3)'); // PER's default
    expect(css).not.toContain('javascript');
  });
});

describe('settings: colours, watch list, article switch', () => {
  it('keeps valid stored values and drops the rest', () => {
    const s = parseSettings({
      colors: { PER: '#ABCDEF', LOC: 'url(x)', EVIL: '#000000' },
      watchList: ['санкция', ' санкция ', 42, '', 'x'.repeat(500), 'New START'],
      articlesOnly: false,
      savedAt: 'yesterday',
    });
    expect(s.colors.PER).toBe('#abcdef');
    expect(s.colors.LOC).toBe(DEFAULT_SETTINGS.colors.LOC);
    expect(Object.keys(s.colors).sort()).toEqual([...PAINTED_TYPES].sort());
    expect(s.watchList).toEqual(['санкция', 'New START']);
    expect(s.articlesOnly).toBe(false);
    expect(s.savedAt).toBe(0);
  });

  it('reads a watch list typed with commas, semicolons or lines, and bounds it', () => {
    expect(parseWatchList('санкции, New START;\nденуклеаризация')).toEqual([
      'санкции',
      'New START',
      'денуклеаризация',
    ]);
    expect(parseWatchList(Array.from({ length: 500 }, (_, i) => `term ${i}`))).toHaveLength(200);
  });
});

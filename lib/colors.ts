/**
 * Highlight colours: the defaults (Okabe–Ito hues, distinguishable with the common colour-vision
 * deficiencies), parsing of user choices, and the contrast a tinted mark keeps on light and dark
 * pages (WCAG 2 relative luminance and contrast ratio). Pure: the options page and the painter
 * share it.
 */
import type { PaintedType } from './entities';

export type Rgb = readonly [number, number, number];

/** Okabe–Ito: sky blue, orange, bluish green, reddish purple. */
export const DEFAULT_COLORS: Record<PaintedType, string> = {
  PER: '#56b4e9',
  LOC: '#e69f00',
  TREATY: '#009e73',
  WATCH: '#cc79a7',
};

/** How strongly a mark's background is tinted with its colour. */
export const TINT_ALPHA = 0.3;

/** Typical page backgrounds and text colours the check is made against. */
export const LIGHT_PAGE = { background: [255, 255, 255] as Rgb, text: [17, 17, 17] as Rgb };
export const DARK_PAGE = { background: [18, 18, 18] as Rgb, text: [236, 236, 236] as Rgb };

/** WCAG's minimum contrast for body text, and for the parts of a control that say what it is. */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_MARK_CONTRAST = 3;

/** "#rgb" or "#rrggbb" (any case) → [r, g, b]; anything else → null. */
export function parseHexColor(value: unknown): Rgb | null {
  if (typeof value !== 'string') return null;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex =
    (m[1] as string).length === 3
      ? [...(m[1] as string)].map((c) => c + c).join('')
      : (m[1] as string);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** A colour laid over a background at some opacity (what the eye sees under a tinted mark). */
export function blend(color: Rgb, background: Rgb, alpha: number): Rgb {
  return color.map((c, i) => c * alpha + (background[i] as number) * (1 - alpha)) as unknown as Rgb;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(rgb: Rgb): number {
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface ContrastCheck {
  /** The page's text on the tinted mark, on a light and on a dark page (≥ 4.5:1 to pass). */
  textLight: number;
  textDark: number;
  /** The mark's underline against the page, light and dark (≥ 3:1: the mark must be seen). */
  lineLight: number;
  lineDark: number;
  ok: boolean;
}

/** Whether a mark of this colour is seen, and its text read, on light and on dark pages. */
export function checkHighlightContrast(color: Rgb, alpha = TINT_ALPHA): ContrastCheck {
  const textLight = contrastRatio(LIGHT_PAGE.text, blend(color, LIGHT_PAGE.background, alpha));
  const textDark = contrastRatio(DARK_PAGE.text, blend(color, DARK_PAGE.background, alpha));
  const line = underlineColor(color);
  const lineLight = contrastRatio(line, LIGHT_PAGE.background);
  const lineDark = contrastRatio(line, DARK_PAGE.background);
  const ok =
    Math.min(textLight, textDark) >= MIN_TEXT_CONTRAST &&
    Math.min(lineLight, lineDark) >= MIN_MARK_CONTRAST;
  return { textLight, textDark, lineLight, lineDark, ok };
}

/** The colour to paint a type with: the user's choice when it is a colour, else the default. */
export function colorOf(type: PaintedType, colors?: Partial<Record<PaintedType, string>>): Rgb {
  return parseHexColor(colors?.[type]) ?? (parseHexColor(DEFAULT_COLORS[type]) as Rgb);
}

/** A darker shade for the underline, so it shows on light pages whatever the tint. */
export function underlineColor(color: Rgb): Rgb {
  return color.map((c) => c * 0.7) as unknown as Rgb;
}

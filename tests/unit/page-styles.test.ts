// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLORS } from '../../lib/colors';
import { PAINTED_TYPES } from '../../lib/entities';
import { manifestStylesheet } from '../../lib/page/base-styles';
import { NOTE_CSS } from '../../lib/page/note-paint';
import { createPainter, paintCss } from '../../lib/page/paint';
import { FLASH_CSS } from '../../lib/page/reveal';
import { addDefaultStyles, declareBaseStyles, hasBaseStyles } from '../../lib/page/styles';

/** A fresh document (each has its own "has the manifest sheet" answer). */
function freshDocument(): Document {
  return document.implementation.createHTMLDocument('t');
}

/** The CSS Glossa added to a document (jsdom has no adoptedStyleSheets: <style> elements). */
function addedCss(doc: Document): string[] {
  return [...doc.querySelectorAll('style[data-glossa]')].map((s) => s.textContent ?? '');
}

describe('the manifest stylesheet', () => {
  it('holds every default rule Glossa paints with, and nothing that styles the page itself', () => {
    const css = manifestStylesheet();
    // Issue 12: a `:root { --glossa-styles: 1 }` probe told every page, disabled sites included,
    // that Glossa is installed. Every rule styles Glossa's own highlights or fallback marks.
    expect(css).not.toContain('--glossa-styles');
    const selectors = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)].map((m) =>
      (m[1] as string).trim(),
    );
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors)
      expect(selector).toMatch(/^(::highlight\(glossa-[A-Z]+\)|mark\[data-glossa="[A-Z]+"\])$/);
    expect(css).toContain(paintCss(PAINTED_TYPES));
    expect(css).toContain(NOTE_CSS);
    expect(css).toContain(FLASH_CSS);
    expect(css).not.toContain('!important');
  });

  it('is known to be there only where the content script declared it, whatever the page says', () => {
    // A page that sets the old probe itself does not stop Glossa from adding its rules.
    const doc = freshDocument();
    const style = doc.createElement('style');
    style.textContent = ':root { --glossa-styles: 1; }';
    doc.head.append(style);
    expect(hasBaseStyles(doc)).toBe(false);
    declareBaseStyles(doc);
    expect(hasBaseStyles(doc)).toBe(true);
  });
});

describe('styles added at run time', () => {
  it('adds nothing for the default colours where the manifest sheet is', () => {
    const doc = freshDocument();
    declareBaseStyles(doc);
    const painter = createPainter(doc, ['PER', 'LOC', 'TREATY']);
    expect(addedCss(doc)).toEqual([]);
    expect(addDefaultStyles(doc, NOTE_CSS)).toBeTypeOf('function');
    expect(addedCss(doc)).toEqual([]);
    painter.dispose();
  });

  it('takes the default colours as defaults however they are written', () => {
    const doc = freshDocument();
    declareBaseStyles(doc);
    const colors = { ...DEFAULT_COLORS, LOC: DEFAULT_COLORS.LOC.toUpperCase() };
    const painter = createPainter(doc, ['PER', 'LOC', 'TREATY'], { colors });
    expect(addedCss(doc)).toEqual([]);
    painter.dispose();
  });

  it("adds only the reader's own colours there, marked to win over the defaults", () => {
    const doc = freshDocument();
    declareBaseStyles(doc);
    const painter = createPainter(doc, ['PER', 'LOC'], { colors: { PER: '#1f4e79' } });
    const css = addedCss(doc);
    expect(css).toHaveLength(1);
    expect(css[0]).toContain(
      '::highlight(glossa-PER) { background-color: rgba(31, 78, 121, 0.3) !important;',
    );
    expect(css[0]).not.toContain('glossa-LOC');
    painter.dispose();
    expect(addedCss(doc)).toEqual([]);
  });

  it('adds every rule to a document without the manifest sheet (a frame), and takes it away', () => {
    const doc = freshDocument();
    const painter = createPainter(doc, ['PER', 'LOC'], { colors: { PER: '#1f4e79' } });
    const css = addedCss(doc).join('\n');
    expect(css).toContain('::highlight(glossa-LOC) { background-color: rgba(230, 159, 0, 0.3);');
    expect(css).toContain('rgba(31, 78, 121, 0.3) !important');
    painter.dispose();
    expect(addedCss(doc)).toEqual([]);
  });
});

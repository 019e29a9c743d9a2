// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PAINTED_TYPES } from '../../lib/entities';
import { manifestStylesheet } from '../../lib/page/base-styles';
import { NOTE_CSS } from '../../lib/page/note-highlights';
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
  it('holds every default rule Glossa paints with, and the probe that says it is there', () => {
    const css = manifestStylesheet();
    expect(css).toContain(':root { --glossa-styles: 1; }');
    expect(css).toContain(paintCss(PAINTED_TYPES));
    expect(css).toContain(NOTE_CSS);
    expect(css).toContain(FLASH_CSS);
    expect(css).not.toContain('!important');
  });

  it('is found through its probe where the page has it, and not elsewhere', () => {
    // The window's own document (computed styles need a window); no other test here reads it.
    const style = document.createElement('style');
    style.textContent = manifestStylesheet();
    document.head.append(style);
    expect(hasBaseStyles(document)).toBe(true);
    style.remove();
    expect(hasBaseStyles(freshDocument())).toBe(false);
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

/**
 * Glossa's CSS on the page, and the one place that adds it.
 *
 * Why a manifest stylesheet: the `::highlight()` rules have a universal subject, so adding one
 * to a document that is already styled makes the browser restyle every element, on the main
 * thread, while the page waits for its highlights (figures: docs/architecture.md, "Measured
 * figures behind the code"). The default rules therefore ship as the content script's
 * stylesheet (BASE_STYLES_FILE, built from the strings here by wxt.config.ts), which the browser
 * loads before the page is first styled. At run time only what that sheet lacks is added: rules in
 * the reader's own colours, and every rule in a document without the sheet (a same-origin frame,
 * jsdom in tests).
 *
 * The sheet carries nothing a page can read back about Glossa's presence beyond its ::highlight()
 * rules (docs/security.md): there used to be a `:root { --glossa-styles: 1 }` probe, which every
 * page, even on a site where Glossa is off, could read with getComputedStyle. Which documents have
 * the sheet is known without asking the page: the content script runs in exactly the documents the
 * manifest gives the sheet to, and says so (declareBaseStyles).
 */

/** Where the built extension keeps the stylesheet (declared in the manifest's content_scripts). */
export const BASE_STYLES_FILE = 'content-scripts/glossa.css';

/** The manifest stylesheet: the given default rules (paint, notes, flash). */
export function baseStylesCss(rules: readonly string[]): string {
  return `/* Glossa: highlight styles (written by lib/page/base-styles.ts at build time) */\n${rules.join('\n')}\n`;
}

const declared = new WeakSet<Document>();

/** The content script says so for its own document, where the manifest declares the sheet. */
export function declareBaseStyles(doc: Document): void {
  declared.add(doc);
}

/** Whether the document has the manifest stylesheet: only where the content script declared it. */
export function hasBaseStyles(doc: Document): boolean {
  return declared.has(doc);
}

/** Adopt a constructed stylesheet; fall back to a <style> element where that is unsupported. */
export function addStyles(doc: Document, css: string): () => void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.setAttribute('data-glossa', 'styles');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}

const nothing = () => {};

/**
 * Rules that are part of the manifest stylesheet: added only where that sheet is missing.
 * Returns the remover (a no-op when nothing was added).
 */
export function addDefaultStyles(doc: Document, css: string | (() => string)): () => void {
  if (hasBaseStyles(doc)) return nothing;
  // Built only when needed: most documents have the sheet, and every page starts cold.
  const text = typeof css === 'function' ? css() : css;
  return text === '' ? nothing : addStyles(doc, text);
}

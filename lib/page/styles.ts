/**
 * Glossa's CSS on the page, and the one place that adds it.
 *
 * Why a manifest stylesheet: the `::highlight()` rules have a universal subject, so adding one
 * to a document that is already styled makes the browser restyle every element. Measured in
 * Chromium 156 on yahoo-2 (1.6 MB of HTML): 12 ms for one rule, on the main thread, while the
 * page waits for its highlights. The default rules therefore ship as the content script's
 * stylesheet (BASE_STYLES_FILE, built from the strings here by wxt.config.ts), which the browser
 * loads before the page is first styled. At run time only what that sheet lacks is added: rules in
 * the reader's own colours, and every rule in a document without the sheet (a same-origin frame,
 * jsdom in tests). The sheet sets a custom property on the root so its presence can be checked.
 */

/** Where the built extension keeps the stylesheet (declared in the manifest's content_scripts). */
export const BASE_STYLES_FILE = 'content-scripts/glossa.css';

const PROBE_PROPERTY = '--glossa-styles';
const PROBE_RULE = `:root { ${PROBE_PROPERTY}: 1; }`;

/** The manifest stylesheet: the probe, then the given default rules (paint, notes, flash). */
export function baseStylesCss(rules: readonly string[]): string {
  return `/* Glossa: highlight styles (written by lib/page/base-styles.ts at build time) */\n${[PROBE_RULE, ...rules].join('\n')}\n`;
}

const known = new WeakMap<Document, boolean>();

/**
 * The content script says so for its own document, where the manifest declares the sheet: no
 * need to read a computed style there (that can force a style pass of the page).
 */
export function declareBaseStyles(doc: Document): void {
  known.set(doc, true);
}

/** Whether the document has the manifest stylesheet (read once per document). */
export function hasBaseStyles(doc: Document): boolean {
  let has = known.get(doc);
  if (has === undefined) {
    try {
      const style = doc.defaultView?.getComputedStyle(doc.documentElement);
      has = style?.getPropertyValue(PROBE_PROPERTY).trim() === '1';
    } catch {
      has = false; // a page that broke getComputedStyle: add our rules ourselves
    }
    known.set(doc, has);
  }
  return has;
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
export function addDefaultStyles(doc: Document, css: string): () => void {
  return css === '' || hasBaseStyles(doc) ? nothing : addStyles(doc, css);
}

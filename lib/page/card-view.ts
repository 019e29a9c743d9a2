/**
 * The entity card's face: its elements in a closed shadow root (lib/page/shadow-host.ts), its
 * styles, and what it says about a mention (type, page-wide name, the treaty in the other
 * language, how often the entity occurs). Built with textContent only.
 */
import { type EntityType, type Mention, treatyInOtherLanguage } from '../entities';
import { tn, typeLabel } from '../i18n';
import { createGlossaHost, HOST_BOX } from './shadow-host';

/**
 * What the card adds for a registered treaty: its name in the other language than the mention's
 * (the English name on a Russian page, the Russian one on an English page) and the year it was
 * signed. Empty for other mentions.
 */
export function treatyLine(mention: Mention): string {
  return mention.treaty ? treatyInOtherLanguage(mention.treaty, mention.text) : '';
}

export function occurrencesLabel(count: number): string {
  return tn('occurrences', count);
}

/** Okabe–Ito accents, matching the page highlights (lib/page/paint.ts). */
const ACCENT: Record<EntityType, string> = {
  PER: 'rgb(0, 114, 178)',
  LOC: 'rgb(213, 94, 0)',
  TREATY: 'rgb(0, 158, 115)',
  WATCH: 'rgb(143, 85, 117)',
  ORG: 'rgb(102, 102, 102)',
};

/**
 * The type's name on the card, in its category's hue but dark enough on the white card (light
 * scheme) and light enough on the dark one to keep 4.5:1 (lib/colors.ts contrastRatio): the pure
 * Okabe–Ito accents (the card's left border) are too light on white for 12px text.
 */
const LABEL: Record<EntityType, { light: string; dark: string }> = {
  PER: { light: '#005f94', dark: '#6fc3f5' },
  LOC: { light: '#a84a00', dark: '#f5a05c' },
  TREATY: { light: '#00795a', dark: '#4fd1a8' },
  WATCH: { light: '#8f5575', dark: '#e2a3c6' },
  ORG: { light: '#555555', dark: '#bdbdbd' },
};

/** Light card by default; a dark one when the system prefers dark. */
const LABEL_CSS = `${Object.entries(LABEL)
  .map(([type, { light }]) => `.card[data-type="${type}"] { --label: ${light}; }`)
  .join('\n')}
@media (prefers-color-scheme: dark) {
  .card { background: #1f1f23; color: #ececf0; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.6); }
  .count { color: #b8b8bf; }
${Object.entries(LABEL)
  .map(([type, { dark }]) => `  .card[data-type="${type}"] { --label: ${dark}; }`)
  .join('\n')}
}`;

const CARD_CSS = `
:host {
${HOST_BOX.map(([k, v]) => `  ${k}: ${v} !important;`).join('\n')}
}
.card {
  all: initial;
  display: block;
  position: fixed;
  box-sizing: border-box;
  max-width: 320px;
  padding: 8px 12px;
  border-left: 4px solid var(--accent);
  border-radius: 6px;
  background: #fff;
  color: #1a1a1a;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
  font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  direction: ltr;
  text-align: left;
  white-space: normal;
  pointer-events: none;
  visibility: visible;
  opacity: 1;
}
.card[hidden] { display: none; }
.type, .name, .treaty, .count { all: initial; display: block; font-family: inherit; color: inherit; }
.type { font-size: 12px; font-weight: 600; color: var(--label); letter-spacing: 0.02em; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; overflow-wrap: anywhere; }
.treaty { font-size: 13px; margin: 0 0 2px; overflow-wrap: anywhere; }
.treaty[hidden] { display: none; }
.count { font-size: 12px; color: #555; }
${LABEL_CSS}
`;

/** Give a shadow root its styles: a constructed sheet where possible (CSP-proof), else <style>. */
function styleShadow(doc: Document, shadow: ShadowRoot, css: string): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && typeof win.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in shadow) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // fall back to a <style> element below
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

export interface CardView {
  /** The host element (in the document once shown). */
  host: HTMLElement;
  /** The card itself, hidden until filled. */
  card: HTMLElement;
  /** Write what the card says about `mention`, and unhide it. */
  fill(mention: Mention, described: { canonical: string; count: number }): void;
}

/** The card's elements, in a new host's shadow root; the host is not yet in the document. */
export function createCardView(doc: Document): CardView {
  const { host, root } = createGlossaHost(doc);
  styleShadow(doc, root, CARD_CSS);
  const part = (className: string) => {
    const el = doc.createElement('div');
    el.className = className;
    return el;
  };
  const card = part('card');
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  const typeEl = part('type');
  const nameEl = part('name');
  const treatyEl = part('treaty');
  treatyEl.hidden = true;
  const countEl = part('count');
  card.append(typeEl, nameEl, treatyEl, countEl);
  root.append(card);
  return {
    host,
    card,
    fill(mention, { canonical, count }) {
      card.dataset.type = mention.type;
      card.style.setProperty('--accent', ACCENT[mention.type]);
      typeEl.textContent = typeLabel(mention.type);
      nameEl.textContent = canonical;
      const treaty = treatyLine(mention);
      treatyEl.textContent = treaty;
      treatyEl.hidden = !treaty;
      countEl.textContent = occurrencesLabel(count);
      card.hidden = false;
    },
  };
}

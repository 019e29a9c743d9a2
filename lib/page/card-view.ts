/**
 * The entity card's face: its elements in a closed shadow root (lib/page/shadow-host.ts), its
 * styles, and what it says about a mention (type, page-wide name, the treaty in the other
 * language, how often the entity occurs) and, from the reading memory, in how many other articles
 * the reader met the entity, the latest of them, and a button to the entity's page. Built with
 * textContent only; nothing of it is in an attribute of the host.
 */
import { type EntityType, type Mention, treatyInOtherLanguage } from '../entities';
import { t, tn, typeLabel, uiLanguage } from '../i18n';
import type { RecalledArticle } from '../memory/recall';
import type { CardRecall } from '../messages/types';
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

/** "Also in 3 articles you read". */
export function alsoInLabel(count: number): string {
  return tn('memoryAlsoIn', count);
}

/** A title cut to `max` characters (whole code points), with an ellipsis when cut. */
export function truncateTitle(title: string, max = 80): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A visit's day in the UI language ("3 November 2026", «3 ноября 2026 г.»). */
export function visitDate(iso: string, lang: string = uiLanguage()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  try {
    return new Date(ms).toLocaleDateString(lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** "Latest: <title>, <date>" for the most recent other article (its site when it has no title). */
export function latestLine(latest: RecalledArticle, lang: string = uiLanguage()): string {
  return t('memoryLatest', [
    truncateTitle(latest.title || latest.site),
    visitDate(latest.lastVisit, lang),
  ]);
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
  .count, .latest { color: #b8b8bf; }
  .memory { border-top-color: rgba(255, 255, 255, 0.18); }
  .open { color: #8ab4f8; }
  .open:hover { color: #aecbfa; }
  .open:focus-visible { outline-color: #8ab4f8; }
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
/* With the memory line the card takes the pointer, so the reader can reach its button. */
.card.linked { pointer-events: auto; }
.type, .name, .treaty, .count, .memory, .also, .latest {
  all: initial; display: block; font-family: inherit; color: inherit;
}
.type { font-size: 12px; font-weight: 600; color: var(--label); letter-spacing: 0.02em; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; overflow-wrap: anywhere; }
.treaty { font-size: 13px; margin: 0 0 2px; overflow-wrap: anywhere; }
.treaty[hidden] { display: none; }
.count { font-size: 12px; color: #555; }
.memory { margin: 6px 0 0; padding: 6px 0 0; border-top: 1px solid rgba(0, 0, 0, 0.12); }
.memory[hidden] { display: none; }
.also { font-size: 13px; font-weight: 600; }
.latest { font-size: 12px; color: #555; overflow-wrap: anywhere; }
.latest[hidden] { display: none; }
.open {
  all: initial;
  display: inline-block;
  margin: 4px 0 0;
  font: inherit;
  font-size: 13px;
  color: #0b57d0;
  text-decoration: underline;
  cursor: pointer;
}
.open:hover { color: #083f99; }
.open:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
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
  /** Write what the card says about `mention`, and unhide it (without a memory line). */
  fill(mention: Mention, described: { canonical: string; count: number }): void;
  /**
   * Add the reading memory's line (count > 0) or take it away; with it, the card takes the
   * pointer (its button is then reachable).
   */
  showMemory(recall: CardRecall | null): void;
  /** Whether the card has the memory line and takes the pointer. */
  readonly linked: boolean;
}

/**
 * The card's elements, in a new host's shadow root; the host is not yet in the document.
 * `onOpen` gets every click on the memory line's button: the caller decides whether it counts.
 */
export function createCardView(doc: Document, onOpen?: (event: MouseEvent) => void): CardView {
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
  /** The memory line's elements, made when a card first has the line (most cards never do). */
  let memory: { line: HTMLElement; also: HTMLElement; latest: HTMLElement } | null = null;
  const memoryLine = () => {
    if (memory) return memory;
    const line = part('memory');
    const also = part('also');
    const latest = part('latest');
    const open = doc.createElement('button');
    open.type = 'button';
    open.className = 'open';
    // Not a tab stop: the card shows under the pointer only; the keyboard's way to an entity's
    // page is the popup's and the side panel's entity list.
    open.tabIndex = -1;
    open.textContent = t('openEntityPage');
    if (onOpen) open.addEventListener('click', onOpen);
    line.append(also, latest, open);
    card.append(line);
    memory = { line, also, latest };
    return memory;
  };
  const showMemory = (recall: CardRecall | null) => {
    const shown = recall !== null && recall.count > 0;
    card.classList.toggle('linked', shown);
    if (!shown) {
      // Hidden and emptied: the card holds the memory's words only while it shows them.
      if (memory) {
        memory.line.hidden = true;
        memory.also.textContent = '';
        memory.latest.textContent = '';
      }
      return;
    }
    const { line, also, latest } = memoryLine();
    also.textContent = alsoInLabel(recall.count);
    latest.textContent = recall.latest ? latestLine(recall.latest) : '';
    latest.hidden = !latest.textContent;
    line.hidden = false;
  };
  return {
    host,
    card,
    showMemory,
    get linked() {
      return card.classList.contains('linked');
    },
    fill(mention, { canonical, count }) {
      showMemory(null);
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

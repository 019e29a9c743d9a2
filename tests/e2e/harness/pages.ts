/** Page-world actions a reader performs, written once for both browsers. */
import { pollUntil } from './common';
import type { E2EPage } from './types';

/** Select the first occurrence of text (inside one text node) the way a reader's drag would. */
export async function selectText(page: E2EPage, text: string): Promise<void> {
  const selected = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return selection?.toString() ?? '';
    }
    return null;
  }, text);
  if (selected !== text) throw new Error(`Could not select ${JSON.stringify(text)} on the page`);
}

/**
 * Centre of the first painted range of highlightName whose text satisfies the match (exact text
 * preferred, then containing), scrolled into view first. Viewport coordinates.
 */
export async function paintedRangeCentre(
  page: E2EPage,
  highlightName: string,
  text: string,
): Promise<{ x: number; y: number; text: string }> {
  const found = await page.evaluate(
    ({ highlightName, text }) => {
      const highlight = CSS.highlights.get(highlightName);
      if (!highlight) return null;
      const ranges = [...highlight];
      const asRange = (r: AbstractRange) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      const all = ranges.map(asRange);
      const range =
        all.find((r) => r.toString() === text) ?? all.find((r) => r.toString().includes(text));
      if (!range) return null;
      const element =
        range.startContainer.nodeType === Node.ELEMENT_NODE
          ? (range.startContainer as Element)
          : range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: range.toString() };
    },
    { highlightName, text },
  );
  if (!found) throw new Error(`No ${highlightName} range with text ${JSON.stringify(text)}`);
  return found;
}

export interface CardView {
  text: string;
  visible: boolean;
}

/**
 * Every Glossa hover card on the page: the visible text of each shadow root on a child of <html>.
 * Glossa's roots are closed (lib/page/shadow-host.ts): the driver reaches them, a page cannot.
 */
export function readCards(page: E2EPage): Promise<CardView[]> {
  return page.evaluateWithTopShadowRoots((roots) =>
    roots.map((root) => {
      const parts: string[] = [];
      let visible = false;
      for (const child of root.children) {
        if (child.localName === 'style' || child.localName === 'link') continue;
        const el = child as HTMLElement;
        const box = el.getBoundingClientRect();
        const shown =
          box.width > 0 &&
          box.height > 0 &&
          (typeof el.checkVisibility !== 'function' ||
            el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
        if (shown) visible = true;
        // biome-ignore lint/performance/useDomNodeTextContent: the card's rendered text is what a reader sees
        parts.push(el.innerText ?? el.textContent ?? '');
      }
      return { text: parts.join('\n'), visible };
    }),
  );
}

export async function waitForCard(
  page: E2EPage,
  accept: (card: CardView) => boolean,
  timeoutMs = 5_000,
): Promise<CardView> {
  let seen: CardView[] = [];
  return pollUntil(
    async () => {
      seen = await readCards(page);
      return seen.find((c) => c.visible && accept(c));
    },
    {
      timeoutMs,
      describe: () =>
        `No matching visible <glossa-card> (saw ${seen.length}: ${JSON.stringify(seen).slice(0, 400)})`,
    },
  );
}

/**
 * The body's markup as the server sent it and as it is now, both with Glossa's own overlay
 * elements (glossa-*) removed. Equal strings mean the page's DOM was not touched.
 */
export function bodyMarkup(page: E2EPage): Promise<{ served: string; live: string }> {
  return page.evaluate(async () => {
    const clean = (body: HTMLElement) => {
      const copy = body.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('*')) {
        if (el.localName.startsWith('glossa-')) el.remove();
      }
      return copy.innerHTML;
    };
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    const served = new DOMParser().parseFromString(source, 'text/html');
    return { served: clean(served.body), live: clean(document.body) };
  });
}

/** Source of an init script that records when the first glossa-* range appears (ms since navigation start). */
export const PAINT_PROBE_SCRIPT = `(function () {
  var probe = { paintedAt: null, ranges: 0 };
  Object.defineProperty(window, '__glossaE2E', { value: probe });
  function check() {
    try {
      if (window.CSS && CSS.highlights) {
        var n = 0;
        CSS.highlights.forEach(function (h, name) { if (String(name).indexOf('glossa-') === 0) n += h.size; });
        if (n > 0) { probe.paintedAt = performance.now(); probe.ranges = n; return; }
      }
    } catch (e) {}
    setTimeout(check, 2);
  }
  check();
})();`;

export async function readPaintProbe(
  page: E2EPage,
): Promise<{ paintedAt: number | null; domContentLoaded: number; load: number }> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __glossaE2E?: { paintedAt: number | null } }).__glossaE2E;
    const nav = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    return {
      paintedAt: probe?.paintedAt ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
    };
  });
}

/** Set a form field the way typing or choosing would, so Preact's handlers see it. */
export function setField(page: E2EPage, selector: string, value: string): Promise<void> {
  return page.evaluate(
    ({ selector, value }) => {
      const el = document.querySelector(selector) as
        | HTMLInputElement
        | HTMLTextAreaElement
        | HTMLSelectElement
        | null;
      if (!el) throw new Error(`no ${selector}`);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, value },
  );
}

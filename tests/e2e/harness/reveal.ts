/** What the reader sees after a reveal or jump: where the page is scrolled and what flashes. */
import { pollUntil } from './common';
import type { E2EPage } from './types';

export const FLASH_HIGHLIGHT = 'glossa-FLASH';

export interface FlashView {
  /** window.scrollY of the page. */
  scrollY: number;
  /** The flashed range's text, its top in page coordinates, and whether it is in the viewport. */
  text: string;
  pageTop: number;
  inViewport: boolean;
  /** Names of the glossa-* entity highlights that hold a range with the same start. */
  paintedAs: string[];
}

/** The page's scroll position and its glossa-FLASH range, or null while nothing flashes. */
export function readFlash(page: E2EPage): Promise<FlashView | null> {
  return page.evaluate((name) => {
    if (typeof CSS === 'undefined' || !CSS.highlights) return null;
    const flash = CSS.highlights.get(name);
    const first = flash ? [...flash][0] : undefined;
    if (!first) return null;
    const range = document.createRange();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(first.endContainer, first.endOffset);
    const box = range.getBoundingClientRect();
    const paintedAs: string[] = [];
    for (const [other, highlight] of CSS.highlights) {
      if (other === name || !other.startsWith('glossa-')) continue;
      for (const r of highlight) {
        if (r.startContainer === first.startContainer && r.startOffset === first.startOffset) {
          paintedAs.push(other);
          break;
        }
      }
    }
    return {
      scrollY: window.scrollY,
      text: range.toString(),
      pageTop: Math.round(box.top + window.scrollY),
      inViewport: box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
      paintedAs,
    };
  }, FLASH_HIGHLIGHT);
}

/** Wait for a flash that differs from `previous` (another range, or any when previous is null). */
export function waitForFlash(page: E2EPage, previous: FlashView | null = null): Promise<FlashView> {
  let last: FlashView | null = null;
  return pollUntil(
    async () => {
      last = await readFlash(page);
      if (!last) return undefined;
      if (previous && last.pageTop === previous.pageTop && last.text === previous.text) {
        return undefined;
      }
      return last;
    },
    {
      timeoutMs: 5000,
      intervalMs: 20,
      describe: () => `no new ${FLASH_HIGHLIGHT} range on the page (last: ${JSON.stringify(last)})`,
    },
  );
}

/**
 * Same-origin frames to annotate. The content script runs in the top frame only (no `allFrames`):
 * one DOM change observer and one messaging channel per tab, not one per ad frame. Frames inside the article
 * (srcdoc, about:blank, same-site embeds) are reached through `frame.contentDocument`, each with
 * its own annotator and card; cross-origin frames are not reachable and are left alone.
 */

type FrameElement = HTMLIFrameElement | HTMLFrameElement;

/** Frames inside frames inside frames are followed this deep, no deeper. */
export const MAX_FRAME_DEPTH = 3;

/** The document of a same-origin frame, or null (cross-origin, sandboxed or not loaded). */
export function sameOriginDocument(frame: FrameElement): Document | null {
  try {
    const d = frame.contentDocument;
    if (!d?.documentElement || !d.defaultView) return null;
    // The blank document a frame shows before its real one arrives: wait for the load event.
    const src = frame.getAttribute('src')?.trim() ?? '';
    if (d.URL === 'about:blank' && src !== '' && !src.startsWith('about:')) return null;
    // A web page, or a blank/srcdoc frame the page filled in — never a browser error page.
    return /^(https?:|about:(blank|srcdoc)(?:[?#]|$))/.test(d.URL) ? d : null;
  } catch {
    return null;
  }
}

/** Whether a frame's document is still the one shown in a frame on the page. */
export function frameAlive(d: Document): boolean {
  try {
    return d.defaultView?.frameElement?.isConnected === true;
  } catch {
    return false; // a dead object (Firefox): the frame navigated away
  }
}

/** The page's language carries into its frames unless they declare their own. */
export function frameLang(frameDoc: Document, top: Document): string | undefined {
  return frameDoc.documentElement.lang || top.documentElement.lang || undefined;
}

export interface FrameFollower {
  /** A frame met in the article at `depth`: annotate it now if same-origin, and on every load. */
  follow(frame: FrameElement, depth: number): void;
}

/**
 * Follow frames met in readable content: `attach` is called with the frame and its depth now
 * (once the caller's current work is done) and whenever it loads a new document; `loaded` first,
 * so the caller can let go of the old one. Load listeners end with the signal of the annotation
 * under way; a frame is followed once per page (not again when the page is annotated again).
 */
export function createFrameFollower(options: {
  signal: () => AbortSignal;
  attach: (frame: FrameElement, depth: number) => void;
  loaded: () => void;
}): FrameFollower {
  const seen = new WeakSet<Element>();
  return {
    follow(frame, depth) {
      if (depth > MAX_FRAME_DEPTH || seen.has(frame)) return;
      seen.add(frame);
      const onLoad = () => {
        options.loaded();
        options.attach(frame, depth);
      };
      frame.addEventListener('load', onLoad, { signal: options.signal() });
      // Frames are met while the page's own annotator is being set up: attach once it is.
      queueMicrotask(() => options.attach(frame, depth));
    },
  };
}

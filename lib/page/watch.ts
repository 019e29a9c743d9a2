/**
 * Notice when the page rewrites its own text (a framework re-render, client-side navigation,
 * "load more"), so highlights can be re-anchored instead of silently pointing at removed nodes.
 *
 * Mutations are only collected here; the caller decides what changed (re-reading the text is
 * linear and cheap next to recognition). Calls are debounced until the page is quiet and spaced
 * out, so a ticking clock or a live blog cannot keep Glossa busy.
 */
export interface PageWatch {
  /** Stop observing (around Glossa's own DOM changes); pending mutations are dropped. */
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface WatchOptions {
  /** Wait this long after the last mutation. */
  quietMs?: number;
  /** …and at least this long after the previous call. */
  minIntervalMs?: number;
}

export function watchPage(
  doc: Document,
  onChange: () => void,
  options: WatchOptions = {},
): PageWatch {
  const quietMs = options.quietMs ?? 700;
  const minIntervalMs = options.minIntervalMs ?? 3000;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCall = Number.NEGATIVE_INFINITY;
  let stopped = false;

  const fire = () => {
    timer = undefined;
    if (stopped) return;
    const wait = lastCall + minIntervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(fire, wait);
      return;
    }
    lastCall = Date.now();
    onChange();
  };

  const observer = new Observer((records) => {
    // Only text-bearing changes matter: attribute-only churn never reaches here (not observed).
    if (records.length === 0 || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(fire, quietMs);
  });
  const target = doc.body ?? doc.documentElement;
  const observe = () =>
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  observe();

  return {
    pause() {
      observer.takeRecords();
      observer.disconnect();
    },
    resume() {
      if (!stopped) observe();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}

/**
 * The content script's lifetime: one AbortController every part of it listens to, aborted once
 * this copy of the script is cut off from the extension (reloaded, updated or removed).
 */

export interface LifetimeWatch {
  doc: Document;
  /** Whether the script still reaches its extension (in a browser: browser.runtime.id is set). */
  connected(): boolean;
  /** Whether an event comes from the reader (defaults to event.isTrusted). */
  trusted?: (event: Event) => boolean;
}

/**
 * Abort `lifetime` once `connected()` says no. Checked when the reader comes back to the page
 * (focus, visibility, a real pointer press); only trusted events, so a page cannot trigger a check.
 */
export function abortWhenOrphaned(lifetime: AbortController, watch: LifetimeWatch): void {
  const trusted = watch.trusted ?? ((event: Event) => event.isTrusted);
  const orphaned = () => {
    try {
      return !watch.connected();
    } catch {
      return true;
    }
  };
  const check = (event: Event) => {
    if (trusted(event) && orphaned()) lifetime.abort();
  };
  // The listeners end with the lifetime they serve.
  const listen = { capture: true, passive: true, signal: lifetime.signal } as const;
  watch.doc.addEventListener('visibilitychange', check, listen);
  watch.doc.addEventListener('pointerdown', check, listen);
  watch.doc.defaultView?.addEventListener('focus', check, listen);
}

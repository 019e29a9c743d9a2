/**
 * The side panel's live feed, content-script side. The panel connects a port to its tab
 * (PAGE_FEED_PORT); while at least one is connected, the page's answer to 'glossa:get-page' (and
 * the notes it shows) is looked at a few times a second, and every connected port is told when it
 * changed. Nothing runs while no panel is open; nothing is sent when nothing changed.
 */
import type { PageChanged } from '../messages/page-port';

/** The slice of runtime.Port used here. */
export interface PortLike {
  postMessage(message: unknown): void;
  onDisconnect: { addListener(fn: () => void): void };
}

export interface StateFeedOptions {
  /** Aborted when the content script is cut off from the extension: take everything away. */
  signal?: AbortSignal;
  /** A fingerprint of what the panel shows: when it differs from the last one, ports are told. */
  fingerprint: () => string;
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export interface StateFeed {
  /** A panel connected: tell it about changes until it disconnects. */
  add(port: PortLike): void;
  /** Look now (after a request that changes the page), not at the next tick. */
  check(): void;
  /** Ports connected now. */
  readonly size: number;
  dispose(): void;
}

export const FEED_INTERVAL_MS = 400;

export function createStateFeed(options: StateFeedOptions): StateFeed {
  const every = options.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const stop =
    options.clearInterval ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  const ports = new Set<PortLike>();
  let timer: unknown = null;
  let seen: string | null = null;
  let revision = 0;

  const read = (): string | null => {
    try {
      return options.fingerprint();
    } catch {
      return null; // the page is in a state nobody can describe: say nothing
    }
  };

  const tell = (port: PortLike, message: PageChanged) => {
    try {
      port.postMessage(message);
    } catch {
      ports.delete(port); // the panel went away between two ticks
    }
  };

  const check = () => {
    if (ports.size === 0) return;
    const now = read();
    if (now === null || now === seen) return;
    seen = now;
    revision++;
    for (const port of [...ports]) tell(port, { type: 'glossa:page-changed', revision });
  };

  const idle = () => {
    if (ports.size > 0 || timer === null) return;
    stop(timer);
    timer = null;
  };

  const feed: StateFeed = {
    add(port) {
      // Panels already listening hear of a change not yet reported; the new one asks for itself.
      if (ports.size > 0) check();
      else seen = read();
      ports.add(port);
      port.onDisconnect.addListener(() => {
        ports.delete(port);
        idle();
      });
      timer ??= every(check, options.intervalMs ?? FEED_INTERVAL_MS);
    },
    check,
    get size() {
      return ports.size;
    },
    dispose() {
      ports.clear();
      idle();
      if (timer !== null) stop(timer);
      timer = null;
    },
  };
  options.signal?.addEventListener('abort', () => feed.dispose(), { once: true });
  return feed;
}

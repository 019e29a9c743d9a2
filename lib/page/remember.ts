/**
 * The page's part of the reading memory (lib/memory): once the page is annotated, its entities
 * go to the background, which decides whether to keep them (lib/background/remember-article.ts:
 * never in a private window, never where the memory or the site is off). Sent when the first
 * annotation settles, then again only when the page's entities changed (a live page that adds
 * paragraphs), looked at every REMEMBER_CHECK_MS; nothing is sent while nothing changed.
 */
import type { ToBackgroundMessage } from '../messages/to-background';
import type { PageEntityRow, PageState } from '../messages/types';

export const REMEMBER_CHECK_MS = 30_000;

/** The message for a page's state, or null when there is nothing to remember (pure). */
export function rememberMessage(
  state: PageState,
): ToBackgroundMessage<'glossa:remember-article'> | null {
  if (state.status !== 'ready' || !state.enabled) return null;
  const entities: PageEntityRow[] = [];
  for (const e of state.entities) {
    if (e.type !== 'PER' && e.type !== 'LOC' && e.type !== 'TREATY') continue;
    if (e.type === 'TREATY' && !e.treaty) continue; // only registered treaties are remembered
    const row: PageEntityRow = { type: e.type, canonical: e.canonical, count: e.count };
    if (e.treaty) row.treaty = e.treaty;
    if (e.id) row.id = e.id;
    entities.push(row);
  }
  if (entities.length === 0) return null;
  return {
    type: 'glossa:remember-article',
    title: state.page.title,
    lang: state.page.lang,
    entities,
  };
}

export interface RememberDeps {
  state: () => PageState;
  /** Resolves when the first annotation settled. */
  settled: Promise<unknown>;
  send: (message: ToBackgroundMessage<'glossa:remember-article'>) => Promise<unknown>;
  signal: AbortSignal;
  every?: (fn: () => void, ms: number) => unknown;
  stop?: (handle: unknown) => void;
}

export function startRemembering(deps: RememberDeps): void {
  const every = deps.every ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const stop = deps.stop ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  let sent = '';
  const report = () => {
    if (deps.signal.aborted) return;
    const message = rememberMessage(deps.state());
    if (!message) return;
    const fingerprint = JSON.stringify([message.title, message.entities]);
    if (fingerprint === sent) return;
    sent = fingerprint;
    // The background's answer (kept, or why not) changes nothing on the page.
    deps.send(message).catch(() => {});
  };
  void deps.settled.then(() => {
    if (deps.signal.aborted) return;
    report();
    const timer = every(report, REMEMBER_CHECK_MS);
    deps.signal.addEventListener('abort', () => stop(timer), { once: true });
  });
}

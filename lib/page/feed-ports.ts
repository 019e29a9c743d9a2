/**
 * Ports a side panel connects to this page: only this extension's own, on PAGE_FEED_PORT, join the
 * page's state feed (lib/page/live.ts); anyone else's port is dropped.
 */
import { PAGE_FEED_PORT } from '../messages/page-port';
import type { PortLike } from './live';

/** The slice of runtime.Port looked at here. */
export interface IncomingPort extends PortLike {
  name: string;
  sender?: { id?: string };
  disconnect(): void;
}

/** What to do with a port: join the feed, drop it (a stranger's), or leave it (another name). */
export function portDecision(
  port: IncomingPort,
  extensionId: string | undefined,
): 'join' | 'drop' | 'ignore' {
  if (port.name !== PAGE_FEED_PORT) return 'ignore';
  return port.sender?.id !== extensionId ? 'drop' : 'join';
}

export function acceptPageFeedPort(
  port: IncomingPort,
  extensionId: string | undefined,
  join: (port: PortLike) => void,
): void {
  const decision = portDecision(port, extensionId);
  if (decision === 'drop') port.disconnect();
  else if (decision === 'join') join(port);
}

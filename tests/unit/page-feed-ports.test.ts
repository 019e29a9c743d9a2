import { describe, expect, it } from 'vitest';
import { PAGE_FEED_PORT } from '../../lib/messages/page-port';
import { acceptPageFeedPort, type IncomingPort, portDecision } from '../../lib/page/feed-ports';

function port(name: string, senderId?: string) {
  let disconnected = false;
  const p: IncomingPort = {
    name,
    sender: senderId === undefined ? undefined : { id: senderId },
    postMessage: () => {},
    onDisconnect: { addListener: () => {} },
    disconnect: () => {
      disconnected = true;
    },
  };
  return { p, disconnected: () => disconnected };
}

describe('portDecision', () => {
  it("joins this extension's feed port, drops a stranger's, ignores other names", () => {
    expect(portDecision(port(PAGE_FEED_PORT, 'ours').p, 'ours')).toBe('join');
    expect(portDecision(port(PAGE_FEED_PORT, 'theirs').p, 'ours')).toBe('drop');
    expect(portDecision(port(PAGE_FEED_PORT).p, 'ours')).toBe('drop');
    expect(portDecision(port('other', 'ours').p, 'ours')).toBe('ignore');
  });
});

describe('acceptPageFeedPort', () => {
  it('adds our port to the feed and disconnects a stranger', () => {
    const joined: unknown[] = [];
    const ours = port(PAGE_FEED_PORT, 'ours');
    const theirs = port(PAGE_FEED_PORT, 'theirs');
    const other = port('other', 'theirs');
    for (const { p } of [ours, theirs, other]) acceptPageFeedPort(p, 'ours', (x) => joined.push(x));
    expect(joined).toEqual([ours.p]);
    expect(theirs.disconnected()).toBe(true);
    expect(other.disconnected()).toBe(false);
  });
});

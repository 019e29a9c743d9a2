/**
 * The set-up every e2e file repeats, once: a static server for the file's fixtures, and per
 * browser a session with the built extension and a Messenger to ask its pages. Each registers
 * its own beforeAll/afterAll, so it must be called at the top of a file or a describe block.
 */
import { afterAll, beforeAll } from 'vitest';
import { type StaticServer, startServer } from '../../../scripts/serve';
import { type Messenger, openMessenger } from './glossa';
import type { BrowserSession, LaunchOptions } from './types';

/** tests/fixtures (or `dir`) served from 127.0.0.1 while this file's tests run. */
export function serveFixtures(dir = 'tests/fixtures'): { readonly url: string } {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startServer(dir);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error(`the server for ${dir} has not started`);
      return server.url;
    },
  };
}

export interface GlossaSuite {
  readonly session: BrowserSession;
  readonly messenger: Messenger;
}

/** A browser with the extension, and its Messenger, for the tests of this describe block. */
export function openGlossa(
  launch: (options: LaunchOptions) => Promise<BrowserSession>,
  options: LaunchOptions = { headless: true, offline: true },
): GlossaSuite {
  let session: BrowserSession | undefined;
  let messenger: Messenger | undefined;
  beforeAll(async () => {
    session = await launch(options);
    messenger = await openMessenger(session);
  });
  afterAll(async () => {
    await messenger?.close().catch(() => {});
    await session?.close();
  });
  return {
    get session() {
      if (!session) throw new Error('the browser has not started');
      return session;
    },
    get messenger() {
      if (!messenger) throw new Error('the browser has not started');
      return messenger;
    },
  };
}

/** Both browsers every e2e suite runs in, in order: each suite is written once and run twice. */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, BrowserSession, LaunchOptions } from './types';

export const LAUNCHERS: ReadonlyArray<
  readonly [BrowserName, (options: LaunchOptions) => Promise<BrowserSession>]
> = [
  ['chromium', launchChromium],
  ['firefox', launchFirefox],
];

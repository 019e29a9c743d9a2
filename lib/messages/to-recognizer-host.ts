/**
 * Requests only the recognizer host answers, from the background: in Chrome the offscreen document
 * has no tabs API, so the service worker tells it when a tab closes (lib/background/offscreen.ts).
 */
import { type Exchange, isTabId, type PayloadChecks } from './protocol';

export interface ToRecognizerHost {
  /** background → recognizer host: tab `tabId` closed; its waiting requests are dropped. */
  'glossa:tab-closed': Exchange<{ tabId: number }, null>;
}

export const TO_RECOGNIZER_HOST_CHECKS: PayloadChecks<ToRecognizerHost> = {
  'glossa:tab-closed': (m) => isTabId(m.tabId),
};

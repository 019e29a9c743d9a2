/**
 * What the side panel shows of a page, as one string: the state feed (lib/page/live.ts) tells the
 * panel whenever it differs from the last one.
 */
import type { PageState } from '../messages/types';

/** The page's state (null while the controller starts) and how often its notes were replaced. */
export function panelFingerprint(
  state: PageState | null | undefined,
  notesRevision: number,
): string {
  if (!state) return 'starting';
  const { page, status, enabled, skip, entities } = state;
  return JSON.stringify([page.url, page.title, status, enabled, skip, entities, notesRevision]);
}

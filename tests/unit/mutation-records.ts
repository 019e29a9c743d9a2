/**
 * Test helper (jsdom): the MutationRecords a change makes, observed as Glossa's page observer
 * observes (lib/page/dom-changes.ts).
 */
import { OBSERVED_ATTRIBUTES } from '../../lib/page/dom-changes';

export function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: OBSERVED_ATTRIBUTES,
  });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

/** A paragraph long enough to be read as article text. */
export const PARAGRAPH = `<p>${'Putin met Lavrov in Moscow on Tuesday. '.repeat(20)}</p>`;

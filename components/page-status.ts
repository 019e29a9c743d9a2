/**
 * What the popup and the side panel say about the page while it is read, or why it was not; and
 * which address its notes are filed under.
 */
import { t } from '../lib/i18n';
import type { PageInfo, PageState } from '../lib/messages/types';
import { normalizeUrl } from '../lib/notes/normalize-url';

/** Why the page is not marked, in the UI language (the content script's `reason` is English). */
export function skipReason(state: PageState): string | null {
  switch (state.skip) {
    case 'off':
      return t('skipOff');
    case 'tab-off':
      return t('skipTabOff');
    case 'not-web':
      return t('skipNotWeb');
    case 'no-text':
      return t('skipNoText');
    case 'error':
      return t('skipError');
    case 'site-off':
      return state.site?.host ? t('skipSiteOff', state.site.host) : t('skipSiteOffHere');
    case 'not-article':
      return t('skipNotArticle');
    default:
      return state.reason ?? null;
  }
}

/** The status line: reading, recognizing, skipped (and why), or nothing once the page is marked. */
export function pageStatusLine(
  view: { kind: 'loading' } | { kind: 'absent' } | { kind: 'ready'; state: PageState },
): string | null {
  if (view.kind === 'loading') return t('statusReading');
  if (view.kind === 'absent') return t('noContentScript');
  if (view.state.status === 'working') return t('statusWorking');
  if (view.state.status === 'skipped') {
    const reason = skipReason(view.state);
    return reason ? t('statusSkippedBecause', reason) : t('statusSkipped');
  }
  return null;
}

/**
 * The page the notes belong to. The browser's word for the tab's address (tabs API) wins over
 * what the content script reports: a content script that names another address must neither see
 * that page's notes nor have new notes filed under it. Where the browser does not tell (no
 * permission to read the tab's address), the content script's report is all there is.
 */
export function pageAddress(reported: PageInfo | null, tab: PageInfo | null): PageInfo | null {
  if (!tab?.url) return reported;
  if (reported && normalizeUrl(reported.url) === normalizeUrl(tab.url)) {
    return { ...reported, url: tab.url };
  }
  return { ...tab };
}

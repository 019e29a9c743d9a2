/** What the popup and the side panel say about the page while it is read, or why it was not. */
import { t } from '../lib/i18n';
import type { PageState } from '../lib/messages';

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

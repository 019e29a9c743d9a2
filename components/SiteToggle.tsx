/**
 * The popup's per-site controls: turn Glossa off (or back on) for this site, remembered; and, on
 * a page Glossa judged not to be an article, "annotate this site anyway" (also remembered). Both
 * go to the content script, which saves them and applies them at once (lib/page/site.ts).
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import type { PageState } from '../lib/messages/types';
import { ErrorMessage } from './ErrorMessage';
import { askTab, type SendToTab } from './tab-transport';

export interface SiteToggleProps {
  state: PageState;
  sendToTab: SendToTab;
  /** The page's new state after a change. */
  onState: (state: PageState) => void;
}

export function SiteToggle({ state, sendToTab, onState }: SiteToggleProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const site = state.site;
  if (!site?.host) return null;

  async function change(
    type: 'glossa:set-site-enabled' | 'glossa:set-annotate-anyway',
    on: boolean,
  ) {
    setBusy(true);
    setError(null);
    try {
      onState(await askTab(sendToTab, { type, enabled: on }));
    } catch {
      setError(t('pageNoAnswer'));
    } finally {
      setBusy(false);
    }
  }

  const offerAnyway = site.enabled && (state.skip === 'not-article' || site.annotateAnyway);
  return (
    <div class="site-controls">
      <label class="switch">
        <input
          type="checkbox"
          name="site-enabled"
          checked={site.enabled}
          disabled={busy}
          onChange={(e) => change('glossa:set-site-enabled', e.currentTarget.checked)}
        />{' '}
        {t('siteEnabled', site.host)}
      </label>
      {offerAnyway && (
        <label class="switch">
          <input
            type="checkbox"
            name="annotate-anyway"
            checked={site.annotateAnyway}
            disabled={busy}
            onChange={(e) => change('glossa:set-annotate-anyway', e.currentTarget.checked)}
          />{' '}
          {t('siteAnnotateAnyway', site.host)}
        </label>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}

/**
 * The popup's line about the reading memory for this site: how many of its articles are
 * remembered, and "Forget this site" (asked twice; notes stay). Shown only when some are.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../lib/i18n';
import { forgetSite } from '../lib/memory/store';
import type { NotesDb } from '../lib/notes/db';
import { formatCount } from '../lib/notes/limits';
import { siteOf } from '../lib/notes/search';
import { ConfirmButton } from './ConfirmButton';

export interface SiteMemoryProps {
  db: NotesDb;
  /** The page's address; its host name is the site. */
  url: string;
}

export function SiteMemory({ db, url }: SiteMemoryProps) {
  const site = siteOf(url);
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    if (!site) return;
    db.articles
      .where('site')
      .equals(site)
      .count()
      .then((n) => {
        if (!cancelled) setCount(n);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [db, site]);

  if (!site || !count) return null;
  return (
    <p class="site-memory">
      {tn('siteMemoryCount', count, [site], formatCount(count))}{' '}
      <ConfirmButton
        label={t('forgetSite')}
        ariaLabel={t('forgetSiteNamed', site)}
        question={t('forgetSiteQuestion', site)}
        confirmLabel={t('clearMemoryConfirm')}
        onConfirm={async () => {
          await forgetSite(db, site);
          setCount(0);
        }}
      />
    </p>
  );
}

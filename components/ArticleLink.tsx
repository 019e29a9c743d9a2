/**
 * A remembered article as a link that opens it in a new tab (its title, or its address when it
 * has none), and its day in the UI language. The entity page and the memory's search results
 * list articles the same way.
 */
import { uiLanguage } from '../lib/i18n';
import { safeHref } from '../lib/notes/view-order';

export function ArticleLink({ url, title }: { url: string; title: string }) {
  const href = safeHref(url);
  const text = title || url;
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    text
  );
}

/**
 * A day in the UI language ("Dec 6, 2026"); `utc` for days that are UTC (the chart's ISO weeks).
 * An unreadable time is shown as it is.
 */
export function formatDay(iso: string, utc = false): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  if (utc) options.timeZone = 'UTC';
  return new Date(ms).toLocaleDateString(uiLanguage(), options);
}

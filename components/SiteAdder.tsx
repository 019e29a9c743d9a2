/** Add a site (where Glossa stays off, or one the reader trusts) by its address or host name ("https://ria.ru/x" → "ria.ru"). */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { siteKey } from '../lib/page/site';
import { ErrorMessage } from './ErrorMessage';

export interface SiteAdderProps {
  onAdd(site: string): void;
  /** The field's id (unique on the page) and label; by default, the sites where Glossa stays off. */
  id?: string;
  label?: string;
  addLabel?: string;
}

/** The host of whatever the reader typed, or null when it names none. */
export function siteOf(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
    return /^[\p{L}\p{N}.-]+$/u.test(host) && host.includes('.') ? siteKey(host) : null;
  } catch {
    return null;
  }
}

export function SiteAdder({
  onAdd,
  id = 'site-input',
  label = t('siteInputLabel'),
  addLabel = t('addSite'),
}: SiteAdderProps) {
  const errorId = `${id}-error`;
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const site = siteOf(value);
    if (!site) {
      setError(t('siteInvalid'));
      return;
    }
    setError(null);
    setValue('');
    onAdd(site);
  };
  return (
    <form class="site-adder" onSubmit={add}>
      <label for={id}>{label}</label>{' '}
      <input
        id={id}
        type="text"
        inputMode="url"
        placeholder="example.com"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => setValue(e.currentTarget.value)}
      />{' '}
      <button type="submit">{addLabel}</button>
      <ErrorMessage id={errorId} text={error} />
    </form>
  );
}

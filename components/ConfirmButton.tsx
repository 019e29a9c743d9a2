/**
 * A button for something that cannot be taken back lightly ("Delete all notes on this page"):
 * the first click only asks; the action runs on the second, explicit confirmation.
 */
import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';

export interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Delete all 4 notes on this page?" */
  question: string;
  confirmLabel: string;
  /** Rejects with an Error whose message is shown. */
  onConfirm: () => Promise<void>;
  /** Accessible name of the first button, when the label alone is ambiguous on the page. */
  ariaLabel?: string;
}

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  ariaLabel,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span class="confirm-button">
      {asking ? (
        <span class="confirm">
          <span>{question}</span>{' '}
          <button type="button" class="danger" disabled={busy} onClick={confirm}>
            {confirmLabel}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="link danger"
          aria-label={ariaLabel}
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {label}
        </button>
      )}
      {error && (
        <span class="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}

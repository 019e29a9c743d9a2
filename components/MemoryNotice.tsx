/**
 * The popup's one-line notice, the first time it opens with the reading memory on: what Glossa
 * remembers and where, a way to Options, and Dismiss (kept, so it never shows again:
 * lib/memory/notice.ts).
 */
import { t } from '../lib/i18n';
import { dismissMemoryNotice, memoryNoticeDue } from '../lib/memory/notice';
import type { StorageAreaLike } from '../lib/settings';
import { useStoredFlag } from './useStoredFlag';

export interface MemoryNoticeProps {
  storage: StorageAreaLike;
  openOptions?: () => void;
}

export function MemoryNotice({ storage, openOptions }: MemoryNoticeProps) {
  const [shown, setShown] = useStoredFlag(storage, memoryNoticeDue);

  if (!shown) return null;
  return (
    <p class="notice memory-notice">
      {t('memoryNotice')}{' '}
      {openOptions && (
        <button type="button" class="link" onClick={openOptions}>
          {t('memoryNoticeChange')}
        </button>
      )}{' '}
      <button
        type="button"
        class="link"
        aria-label={t('dismissMemoryNotice')}
        onClick={() => {
          setShown(false);
          void dismissMemoryNotice(storage).catch(() => {});
        }}
      >
        {t('dismiss')}
      </button>
    </p>
  );
}

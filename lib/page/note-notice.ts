/**
 * A short message at the corner of the page (a note saved, or why it was not), in the notes'
 * overlay; it hides itself after a while, longer for an error.
 */
import { t } from '../i18n';
import type { Notice } from '../messages/types';
import type { NoteOverlay } from './note-overlay';

export interface NoticeBox {
  /** Show `notice`; false if it could not be shown (`failed` hears why). */
  show(notice: Notice): boolean;
  /** Stop the pending hide. */
  dispose(): void;
}

/** How long a notice stays: `noticeMs` if given, else 4 s for news and 10 s for an error. */
export function noticeDuration(ok: boolean, noticeMs?: number): number {
  return noticeMs ?? (ok ? 4000 : 10000);
}

export function createNoticeBox(
  doc: Document,
  overlay: NoteOverlay,
  failed: (err: unknown) => void,
  noticeMs?: number,
): NoticeBox {
  let el: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const put = ({ ok, text }: Notice) => {
    const root = overlay.root();
    if (!el) {
      el = doc.createElement('div');
      el.setAttribute('role', 'status');
      root.append(el);
    }
    const box = el;
    box.className = ok ? 'notice' : 'notice error';
    box.setAttribute('role', ok ? 'status' : 'alert');
    box.textContent = t('notice', text);
    box.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        box.hidden = true;
      },
      noticeDuration(ok, noticeMs),
    );
  };
  return {
    show(notice) {
      try {
        put(notice);
        return true;
      } catch (err) {
        failed(err);
        return false;
      }
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

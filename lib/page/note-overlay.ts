/**
 * The closed shadow root the note card and the notice live in (lib/page/shadow-host.ts), made on
 * first use and put back if the page removes it, with their styles.
 */
import { createGlossaHost } from './shadow-host';

const OVERLAY_CSS = `
.card, .notice {
  position: fixed;
  box-sizing: border-box;
  max-width: 340px;
  padding: 8px 12px;
  border-radius: 6px;
  background: #fff;
  color: #1a1a1a;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  white-space: normal;
  pointer-events: none;
}
.card { border-left: 4px solid rgb(130, 100, 0); }
.card[hidden], .notice[hidden] { display: none; }
.label { font-size: 12px; font-weight: 600; color: rgb(110, 85, 0); letter-spacing: 0.02em; }
.note + .note { border-top: 1px solid #ddd; margin-top: 6px; padding-top: 6px; }
.text { margin: 2px 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: hidden; }
.empty { color: #555; font-style: italic; }
.tags { font-size: 12px; color: #444; overflow-wrap: anywhere; }
.notice { right: 16px; bottom: 16px; border-left: 4px solid rgb(0, 114, 178); }
.notice.error { border-left-color: rgb(213, 94, 0); }
@media (prefers-color-scheme: dark) {
  .card, .notice { background: #1f1f23; color: #ececf0; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.6); }
  .card { border-left-color: rgb(224, 192, 96); }
  .label { color: rgb(224, 192, 96); }
  .note + .note { border-top-color: #3a3d44; }
  .empty, .tags { color: #b8b8bf; }
}
`;

export interface NoteOverlay {
  /** The shadow root, its host in the document (made or put back now). */
  root(): ShadowRoot;
  /** Take the host off the page. */
  remove(): void;
}

export function createNoteOverlay(doc: Document): NoteOverlay {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  return {
    root() {
      if (host && shadow) {
        // The page removed the host (a script that clears unknown nodes): put it back.
        if (!host.isConnected) doc.documentElement.append(host);
        return shadow;
      }
      const made = createGlossaHost(doc);
      host = made.host;
      shadow = made.root;
      const style = doc.createElement('style');
      style.textContent = OVERLAY_CSS;
      shadow.append(style);
      doc.documentElement.append(host);
      return shadow;
    },
    remove() {
      host?.remove();
      host = shadow = null;
    },
  };
}

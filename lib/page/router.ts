/**
 * The content script's answers: one handler per request to content (lib/messages/to-content.ts),
 * each passed to the part of the page that owns it: the page controller (state, selection,
 * switches), the saved-notes layer (notes, notices) and the revealer (reveal, jump).
 * entrypoints/content-page.ts only listens and hands every message to this router.
 */
import type { MessageSender } from '../messages/protocol';
import { createRouter, type Router } from '../messages/router';
import {
  TO_CONTENT_CHECKS,
  type ToContentHandlers,
  type ToContentResponse,
  type ToContentType,
} from '../messages/to-content';
import type { NoteAnchors, PageState } from '../messages/types';
import type { PageController } from './controller';
import type { NoteLayer } from './note-highlights';
import type { Revealer } from './reveal';

export interface PageParts {
  /** The page controller once started (settings read), or null when it failed to start. */
  controller(): Promise<PageController | null>;
  /** The saved-notes layer, or null when it could not start. */
  notes(): NoteLayer | null;
  revealer: Revealer;
  /** The popup or side panel sent the page's notes (newer than those fetched at start). */
  onNotesSent(): void;
  /** The answer to a state request when Glossa could not start on the page. */
  failedState(): PageState;
}

const NO_ANCHORS: NoteAnchors = { anchored: [], orphaned: [] };

/** The answer sent when a handler failed: the popup then shows that Glossa stepped back. */
export function failureAnswer(
  type: string,
  parts: Pick<PageParts, 'failedState'>,
): ToContentResponse<ToContentType> {
  return type === 'glossa:get-selection' ? null : parts.failedState();
}

export function contentHandlers(parts: PageParts): ToContentHandlers {
  /** Ask the controller; saved notes then follow the page's highlight switch. */
  const fromController = async <R>(
    ask: (c: PageController) => R | Promise<R>,
    failed: () => R,
  ): Promise<R> => {
    const c = await parts.controller();
    if (!c) return failed();
    const answer = await ask(c);
    parts.notes()?.setEnabled(c.notesPainted());
    return answer;
  };
  // Requests the controller does not answer still wait for the page to have started.
  const started = async () => {
    await parts.controller();
  };
  return {
    'glossa:get-page': () => fromController((c) => c.state(), parts.failedState),
    'glossa:get-selection': () =>
      fromController(
        (c) => c.selection(),
        () => null,
      ),
    'glossa:set-enabled': (m) => fromController((c) => c.setEnabled(m.enabled), parts.failedState),
    'glossa:set-site-enabled': (m) =>
      fromController((c) => c.setSiteEnabled(m.enabled), parts.failedState),
    'glossa:set-annotate-anyway': (m) =>
      fromController((c) => c.setAnnotateAnyway(m.enabled), parts.failedState),
    'glossa:show-notes': async (m) => {
      await started();
      parts.onNotesSent();
      return parts.notes()?.show(m.notes) ?? NO_ANCHORS;
    },
    'glossa:notice': async (m) => {
      await started();
      return { shown: parts.notes()?.notice({ ok: m.ok, text: m.text }) ?? false };
    },
    'glossa:reveal': async (m) => {
      await started();
      return parts.revealer.reveal(m.entity);
    },
    'glossa:jump': async (m) => {
      await started();
      return parts.revealer.jump(m.direction, m.only);
    },
  };
}

export function createContentRouter(parts: PageParts): Router<MessageSender> {
  return createRouter({ checks: TO_CONTENT_CHECKS, handlers: contentHandlers(parts) });
}

/**
 * The background's answers: one handler per request to the background
 * (lib/messages/to-background.ts), with who may send each (TO_BACKGROUND_SENDERS): content scripts
 * get recognition and their own page's notes; only Glossa's own pages may ask for the recognizer's
 * status, a save or a command on a tab.
 */
import { isPageCommand } from '../commands';
import type { MessageSender } from '../messages/protocol';
import { createRouter, type Router } from '../messages/router';
import {
  TO_BACKGROUND_CHECKS,
  TO_BACKGROUND_SENDERS,
  type ToBackgroundHandlers,
  type ToBackgroundMessage,
} from '../messages/to-background';
import type { NotesForPage, RecognizerStatus } from '../messages/types';
import type { RecognizeService } from '../recognize/remote';
import type { RunCommand } from './menus';
import type { SaveSelection } from './save-selection';

export interface BackgroundParts {
  recognition: Pick<RecognizeService, 'answer'>;
  recognizerStatus: () => RecognizerStatus;
  /** The sending frame's own page's notes (lib/notes/capture.ts notesForSender). */
  notesForSender: (
    message: ToBackgroundMessage<'glossa:notes-for-page'>,
    sender: MessageSender,
  ) => Promise<NotesForPage>;
  saveSelection: SaveSelection;
  runCommand: RunCommand;
  /** This extension's own pages' address prefix (runtime.getURL('/')). */
  extensionOrigin: string;
}

export function backgroundHandlers(parts: BackgroundParts): ToBackgroundHandlers {
  return {
    // Content scripts send page text here: the recognizer's data is loaded once, not per page.
    'glossa:recognize': (m, sender) => parts.recognition.answer(m, sender),
    // A content script gets its own page's notes: the frame's address, not what it claims.
    'glossa:notes-for-page': (m, sender) => parts.notesForSender(m, sender),
    'glossa:recognizer-status': () => parts.recognizerStatus(),
    'glossa:save-selection': (m) => parts.saveSelection(m.tabId),
    'glossa:run-command': (m) => parts.runCommand(m.command, m.tabId),
  };
}

export function createBackgroundRouter(parts: BackgroundParts): Router<MessageSender> {
  const fromExtensionPage = (sender: MessageSender) =>
    sender.url?.startsWith(parts.extensionOrigin) === true;
  return createRouter({
    checks: TO_BACKGROUND_CHECKS,
    handlers: backgroundHandlers(parts),
    // Only the page commands run on a tab; any other name gets no answer.
    refine: { 'glossa:run-command': (m) => isPageCommand(m.command as string) },
    allowed: (type, sender) => TO_BACKGROUND_SENDERS[type] === 'any' || fromExtensionPage(sender),
  });
}

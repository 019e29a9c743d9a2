/**
 * The background's answers: one handler per request to the background
 * (lib/messages/to-background.ts), with who may send each (TO_BACKGROUND_SENDERS): content scripts
 * get recognition and their own page's notes; only Glossa's own pages may ask for the recognizer's
 * status, a save or a command on a tab.
 *
 * The recognizer's two requests (RECOGNIZER_HOST_TYPES) are answered by whichever context hosts
 * the recognizer: the background itself (Firefox), or in Chrome the offscreen document
 * (createRecognizerHostRouter below), the service worker's router then not knowing them at all.
 * runtime.sendMessage reaches every listening context; only one may answer each message.
 */
import { isPageCommand } from '../commands';
import type { HandlerTable, MessageSender, PayloadChecks, RequestMap } from '../messages/protocol';
import { createRouter, type Router } from '../messages/router';
import {
  RECOGNIZER_HOST_TYPES,
  type RecognizerHostType,
  TO_BACKGROUND_CHECKS,
  TO_BACKGROUND_SENDERS,
  type ToBackground,
  type ToBackgroundHandlers,
  type ToBackgroundMessage,
  type ToBackgroundType,
} from '../messages/to-background';
import { TO_RECOGNIZER_HOST_CHECKS, type ToRecognizerHost } from '../messages/to-recognizer-host';
import type { NotesForPage, RecognizerStatus } from '../messages/types';
import type { RecognizeService } from '../recognize/remote';
import type { EntityMemory } from './entity-memory';
import type { RunCommand } from './menus';
import type { RememberArticle } from './remember-article';
import type { SaveSelection } from './save-selection';

/** The recognizer host's answers. */
export interface RecognitionParts {
  recognition: Pick<RecognizeService, 'answer'>;
  recognizerStatus: () => RecognizerStatus | Promise<RecognizerStatus>;
}

export interface BackgroundParts {
  /** This background's own recognizer (Firefox), or null: Chrome's offscreen host answers. */
  recognizer: RecognitionParts | null;
  /** Make sure the recognizer host runs and listens; its status ('glossa:start-recognizer-host'). */
  startRecognizerHost: () => Promise<RecognizerStatus>;
  /** The sending frame's own page's notes (lib/notes/capture.ts notesForSender). */
  notesForSender: (
    message: ToBackgroundMessage<'glossa:notes-for-page'>,
    sender: MessageSender,
  ) => Promise<NotesForPage>;
  saveSelection: SaveSelection;
  runCommand: RunCommand;
  /** The reading memory's recorder (lib/background/remember-article.ts). */
  rememberArticle: RememberArticle;
  /** The hover card's memory line and the entity page it links to (lib/background/entity-memory.ts). */
  entityMemory: EntityMemory;
  /** This extension's own pages' address prefix (runtime.getURL('/')). */
  extensionOrigin: string;
}

type HostRequests = Pick<ToBackground, RecognizerHostType>;
type OtherRequests = Omit<ToBackground, RecognizerHostType>;

export function recognizerHandlers(
  parts: RecognitionParts,
): HandlerTable<HostRequests, MessageSender> {
  return {
    // Content scripts send page text here: the recognizer's data is loaded once, not per page.
    'glossa:recognize': (m, sender) => parts.recognition.answer(m, sender),
    'glossa:recognizer-status': () => parts.recognizerStatus(),
  };
}

/** Every request but the recognizer host's. */
export function otherHandlers(parts: BackgroundParts): HandlerTable<OtherRequests, MessageSender> {
  return {
    // A content script gets its own page's notes: the frame's address, not what it claims.
    'glossa:notes-for-page': (m, sender) => parts.notesForSender(m, sender),
    // Filed under the sending frame's address, and only when the reader keeps a memory.
    'glossa:remember-article': (m, sender) => parts.rememberArticle(m, sender),
    // Answered for the sending tab's top page, and only when the reader keeps a memory.
    'glossa:recall-entity': (m, sender) => parts.entityMemory.recall(m, sender),
    'glossa:open-entity': (m, sender) => parts.entityMemory.open(m, sender),
    'glossa:start-recognizer-host': () => parts.startRecognizerHost(),
    'glossa:save-selection': (m) => parts.saveSelection(m.tabId),
    'glossa:run-command': (m) => parts.runCommand(m.command, m.tabId),
  };
}

export function backgroundHandlers(
  parts: BackgroundParts & { recognizer: RecognitionParts },
): ToBackgroundHandlers {
  return { ...recognizerHandlers(parts.recognizer), ...otherHandlers(parts) };
}

const isHostType = (type: string) => (RECOGNIZER_HOST_TYPES as readonly string[]).includes(type);

/** The payload checks of the recognizer host's requests, or of all the others. */
function checksOf<M extends RequestMap<M>>(hostTypes: boolean): PayloadChecks<M> {
  return Object.fromEntries(
    Object.entries(TO_BACKGROUND_CHECKS).filter(([type]) => isHostType(type) === hostTypes),
  ) as unknown as PayloadChecks<M>;
}

function senderRule(extensionOrigin: string) {
  const fromExtensionPage = (sender: MessageSender) =>
    sender.url?.startsWith(extensionOrigin) === true;
  return (type: ToBackgroundType, sender: MessageSender) =>
    TO_BACKGROUND_SENDERS[type] === 'any' || fromExtensionPage(sender);
}

// Only the page commands run on a tab; any other name gets no answer.
const refine = {
  'glossa:run-command': (m: Record<string, unknown>) => isPageCommand(m.command as string),
};

/**
 * The background's router. Without a recognizer of its own (Chrome), the recognizer host's
 * requests are not this router's: unanswered here, answered by the offscreen document.
 */
export function createBackgroundRouter(parts: BackgroundParts): Router<MessageSender> {
  const allowed = senderRule(parts.extensionOrigin);
  const { recognizer } = parts;
  if (recognizer) {
    return createRouter({
      checks: TO_BACKGROUND_CHECKS,
      handlers: backgroundHandlers({ ...parts, recognizer }),
      refine,
      allowed,
    });
  }
  return createRouter<OtherRequests, MessageSender>({
    checks: checksOf<OtherRequests>(false),
    handlers: otherHandlers(parts),
    refine,
    allowed,
  });
}

/**
 * Chrome's offscreen recognizer host's router: the recognizer's requests, and the service
 * worker's word that a tab closed; everything else (notes, saves, commands,
 * 'glossa:start-recognizer-host') is the service worker's.
 */
export function createRecognizerHostRouter(
  parts: RecognitionParts & { tabClosed(tabId: number): void },
  extensionOrigin: string,
): Router<MessageSender> {
  const allowed = senderRule(extensionOrigin);
  return createRouter<HostRequests & ToRecognizerHost, MessageSender>({
    checks: { ...checksOf<HostRequests>(true), ...TO_RECOGNIZER_HOST_CHECKS },
    handlers: {
      ...recognizerHandlers(parts),
      'glossa:tab-closed': (m) => {
        parts.tabClosed(m.tabId);
        return null;
      },
    },
    // Only Glossa's own contexts (the service worker) tell of closed tabs.
    allowed: (type, sender) =>
      type === 'glossa:tab-closed'
        ? sender.url?.startsWith(extensionOrigin) === true
        : allowed(type, sender),
  });
}

/**
 * The background's side of the hover card's memory line: what the reading memory says of an
 * entity ('glossa:recall-entity'), and opening the entity's page ('glossa:open-entity'). The page
 * never reads the memory: its content script asks here, and gets nothing in a private window, from
 * a frame, or when the reader turned the memory off.
 */
import { readTreaty } from '../entities';
import { entityKey } from '../memory/entity-key';
import { openEntityPage, type TabsOpener } from '../memory/open-entity-page';
import { recallEntity } from '../memory/recall';
import type { MessageSender } from '../messages/protocol';
import type { ToBackgroundMessage } from '../messages/to-background';
import type { CardRecall, OpenEntityResult } from '../messages/types';
import type { NotesDb } from '../notes/db';
import type { Settings } from '../settings';

export interface EntityMemoryDeps {
  db: NotesDb;
  settings: () => Promise<Settings>;
  tabs: TabsOpener;
  /** The notes view's full address (runtime.getURL(NOTES_PAGE)). */
  notesPage: string;
}

export interface EntityMemory {
  recall(
    message: ToBackgroundMessage<'glossa:recall-entity'>,
    sender: MessageSender,
  ): Promise<CardRecall>;
  open(
    message: ToBackgroundMessage<'glossa:open-entity'>,
    sender: MessageSender,
  ): Promise<OpenEntityResult>;
}

/** A web page's top frame in a normal (not private) window: the only sender the memory answers. */
function readingPage(sender: MessageSender): string | null {
  if (!sender.tab || sender.tab.incognito) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  const url = sender.url;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

const NOTHING: CardRecall = { count: 0 };
const MAX_NAME = 300;

/** The mention a page named, field by field, as entityKey reads it; null when malformed. */
export function readMemoryEntity(
  value: unknown,
): (Parameters<typeof entityKey>[0] & { id?: string }) | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (e.type !== 'PER' && e.type !== 'LOC' && e.type !== 'TREATY') return null;
  if (typeof e.canonical !== 'string' || !e.canonical || e.canonical.length > MAX_NAME) return null;
  const entity: Parameters<typeof entityKey>[0] & { id?: string } = {
    type: e.type,
    canonical: e.canonical,
  };
  if (e.treaty !== undefined) {
    const treaty = readTreaty(e.treaty);
    if (!treaty) return null;
    entity.treaty = treaty;
  }
  if (e.id !== undefined) {
    if (typeof e.id !== 'string' || !e.id || e.id.length > MAX_NAME) return null;
    entity.id = e.id;
  }
  return entity;
}

export function createEntityMemory(deps: EntityMemoryDeps): EntityMemory {
  return {
    async recall(message, sender) {
      const reading = readingPage(sender);
      if (!reading) return NOTHING;
      const entity = readMemoryEntity(message.entity);
      const key = entity && entityKey(entity);
      if (!key) return NOTHING;
      if (!(await deps.settings()).rememberReading) return NOTHING;
      // The article being read is not "another article you read".
      const recall = await recallEntity(deps.db, key, reading);
      return recall.count > 0 ? { ...recall, key } : recall;
    },
    async open(message, sender) {
      if (!readingPage(sender)) return { ok: false, error: 'Not from a page being read.' };
      if (!(await deps.settings()).rememberReading) {
        return { ok: false, error: 'The reading memory is off.' };
      }
      const tab = await openEntityPage(deps.tabs, deps.notesPage, message.key, {
        windowId: sender.tab?.windowId,
        index: sender.tab?.index,
      });
      return tab.id === undefined ? { ok: true } : { ok: true, tabId: tab.id };
    },
  };
}

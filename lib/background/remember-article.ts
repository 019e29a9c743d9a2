/**
 * The background's side of the reading memory: a content script reports the page it annotated,
 * and the background decides whether to keep it. Never in a private window, never a frame, never
 * where the reader turned the memory or Glossa off; always under the sending frame's own address.
 * Articles older than the reader's keeping time are trimmed with a visit, at most once a day (and
 * on the first visit after the background started).
 */
import { readTreaty } from '../entities';
import { readEntityId } from '../entity-id';
import { articleEntities, type EntityItem } from '../memory/record';
import { forgetOlderThan, rememberArticle } from '../memory/store';
import type { MessageSender } from '../messages/protocol';
import type { ToBackgroundMessage } from '../messages/to-background';
import type { PageEntityRow, RememberResult } from '../messages/types';
import type { NotesDb } from '../notes/db';
import { isSiteDisabled, type Settings } from '../settings';

const MAX_CANONICAL = 300;
/** How often a visit also trims old articles: the keeping time is counted in days. */
export const TRIM_EVERY_MS = 24 * 60 * 60 * 1000;

/** The rows a page sent, each checked field by field; malformed rows (and ids) are dropped. */
export function readEntityRows(rows: readonly unknown[]): EntityItem[] {
  const items: EntityItem[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Partial<PageEntityRow>;
    if (r.type !== 'PER' && r.type !== 'LOC' && r.type !== 'TREATY') continue;
    if (typeof r.canonical !== 'string' || !r.canonical || r.canonical.length > MAX_CANONICAL) {
      continue;
    }
    if (!Number.isInteger(r.count) || (r.count as number) < 1) continue;
    const item: EntityItem = { type: r.type, canonical: r.canonical, count: r.count };
    const treaty = r.treaty === undefined ? null : readTreaty(r.treaty);
    if (treaty) item.treaty = treaty;
    // Never taken on trust: a malformed id, or one of another type, is dropped, and the row is
    // filed under its name as if the page had sent none.
    const id = readEntityId(r.id, r.type);
    if (id) item.id = id;
    items.push(item);
  }
  return items;
}

export interface RememberDeps {
  db: NotesDb;
  settings: () => Promise<Settings>;
  now?: () => Date;
}

export type RememberArticle = (
  message: ToBackgroundMessage<'glossa:remember-article'>,
  sender: MessageSender,
) => Promise<RememberResult>;

export function createArticleRememberer(deps: RememberDeps): RememberArticle {
  const now = deps.now ?? (() => new Date());
  let trimmed = Number.NEGATIVE_INFINITY;
  return async (message, sender) => {
    if (sender.tab?.incognito) return { ok: true, remembered: false, reason: 'private' };
    if (sender.frameId !== undefined && sender.frameId !== 0) {
      return { ok: true, remembered: false, reason: 'not-top' };
    }
    const url = sender.url;
    if (!sender.tab || typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
      return { ok: false, error: 'The reading memory keeps only web pages of a tab.' };
    }
    const settings = await deps.settings();
    if (!settings.rememberReading) return { ok: true, remembered: false, reason: 'off' };
    if (!settings.enabled || isSiteDisabled(settings, new URL(url).hostname)) {
      return { ok: true, remembered: false, reason: 'site-off' };
    }
    const entities = articleEntities(readEntityRows(message.entities));
    if (entities.length === 0) return { ok: true, remembered: false, reason: 'nothing' };
    const at = now();
    await rememberArticle(deps.db, { url, title: message.title, lang: message.lang, entities }, at);
    if (at.getTime() - trimmed >= TRIM_EVERY_MS) {
      await forgetOlderThan(deps.db, settings.memoryDays, at);
      trimmed = at.getTime();
    }
    return { ok: true, remembered: true };
  };
}

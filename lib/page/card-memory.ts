/**
 * What the hover card asks of the reading memory, page side: which mentions it asks about (people,
 * places, registered treaties), and one answer per entity kept for a short while, so running the
 * pointer along the text sends one message per entity, not one per mark. The memory itself stays
 * in the background (lib/background/entity-memory.ts): the page only ever holds the card's line.
 */
import type { Mention } from '../entities';
import type { SendToBackground } from '../messages/to-background';
import type { CardRecall, MemoryEntity } from '../messages/types';

/** The card's link to the reading memory. */
export interface CardMemory {
  /** What the memory says of a mention's entity; {count: 0} for one it does not keep. */
  recall(mention: Mention): Promise<CardRecall>;
  /** Open the page of the entity under memory key `key`. */
  open(key: string): void;
}

/** The mention as the background files it, or null for a mention the memory does not keep. */
export function memoryEntity(mention: Mention): MemoryEntity | null {
  if (mention.type !== 'PER' && mention.type !== 'LOC' && mention.type !== 'TREATY') return null;
  // A generic treaty term ("ratification") is not an entity the memory keeps.
  if (mention.type === 'TREATY' && !mention.treaty) return null;
  const entity: MemoryEntity = { type: mention.type, canonical: mention.canonical };
  if (mention.treaty) entity.treaty = mention.treaty;
  // A registered entity's id (where the recognizer gives one) decides its memory key.
  const id = (mention as { id?: unknown }).id;
  if (typeof id === 'string') entity.id = id;
  return entity;
}

const cacheKey = (e: MemoryEntity) =>
  [e.type, e.canonical, e.treaty?.id ?? '', e.id ?? ''].join('\u0000');

export interface CardMemoryOptions {
  send: SendToBackground;
  /** Clock in ms (performance.now in the content script). */
  now: () => number;
  /** How long an answer is reused. */
  keepMs?: number;
  /** At most this many answers are kept (a page names a few hundred entities at most). */
  maxKept?: number;
  /** A request failed (the background restarted, the extension reloaded). */
  failed?: (error: unknown) => void;
}

const NOTHING: CardRecall = { count: 0 };

export function createCardMemory(options: CardMemoryOptions): CardMemory {
  const keepMs = options.keepMs ?? 30_000;
  const maxKept = options.maxKept ?? 500;
  const kept = new Map<string, { at: number; answer: Promise<CardRecall> }>();

  return {
    recall(mention) {
      const entity = memoryEntity(mention);
      if (!entity) return Promise.resolve(NOTHING);
      const key = cacheKey(entity);
      const now = options.now();
      const hit = kept.get(key);
      if (hit && now - hit.at < keepMs) return hit.answer;
      kept.delete(key);
      // Oldest first in a Map: drop the oldest when full.
      if (kept.size >= maxKept) kept.delete(kept.keys().next().value as string);
      const answer = options.send({ type: 'glossa:recall-entity', entity }).then(
        (recall) => (recall && typeof recall.count === 'number' ? recall : NOTHING),
        (error: unknown) => {
          if (kept.get(key)?.answer === answer) kept.delete(key); // asked again on the next hover
          options.failed?.(error);
          return NOTHING;
        },
      );
      kept.set(key, { at: now, answer });
      return answer;
    },
    open(key) {
      options.send({ type: 'glossa:open-entity', key }).catch((error: unknown) => {
        options.failed?.(error);
      });
    },
  };
}

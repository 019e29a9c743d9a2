/**
 * Answers kept per key for lookups the recognizer asks again and again (words recur within a text
 * and across texts), in a store emptied when it reaches `limit` entries: memory stays bounded on
 * endless input.
 */

/** Entries a store holds before it is emptied. */
export const MEMO_LIMIT = 20000;

/** `answer` with its answers kept per key. Answers must not be undefined (null for "none"). */
export function memoized<V>(answer: (key: string) => V, limit = MEMO_LIMIT): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    let a = answers.get(key);
    if (a === undefined) {
      a = answer(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, a);
    }
    return a;
  };
}

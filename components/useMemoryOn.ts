/**
 * Whether the reading memory is on (lib/memory/notice.ts memoryOn), read once from storage: the
 * popup and the side panel show the entity rows' "Page" buttons only then. False until known, and
 * when storage cannot be read.
 */
import { useEffect, useState } from 'preact/hooks';
import { memoryOn } from '../lib/memory/notice';
import type { StorageAreaLike } from '../lib/settings';

export function useMemoryOn(storage: StorageAreaLike | undefined): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!storage) return;
    let cancelled = false;
    memoryOn(storage)
      .then((value) => {
        if (!cancelled) setOn(value);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [storage]);
  return on;
}

/**
 * A yes/no the reader's storage answers, read once: false until known, and when storage cannot be
 * read. The popup's memory notice (is it due?) and the entity rows' "Page" buttons (is the reading
 * memory on?) each ask one (lib/memory/notice.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { memoryOn } from '../lib/memory/notice';
import type { StorageAreaLike } from '../lib/settings';

export function useStoredFlag(
  storage: StorageAreaLike | undefined,
  read: (storage: StorageAreaLike) => Promise<boolean>,
): [boolean, (value: boolean) => void] {
  const [flag, setFlag] = useState(false);
  useEffect(() => {
    if (!storage) return;
    let cancelled = false;
    read(storage)
      .then((value) => {
        if (!cancelled) setFlag(value);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [storage]);
  return [flag, setFlag];
}

/** Whether the reading memory is on: the popup and the side panel show the "Page" buttons only then. */
export function useMemoryOn(storage: StorageAreaLike | undefined): boolean {
  return useStoredFlag(storage, memoryOn)[0];
}

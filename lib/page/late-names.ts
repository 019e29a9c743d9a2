/**
 * Names learned too late for a segment: a surname in the headline, the full name further down.
 * A segment recognized before a name it may mention was known (lib/page/known-names.ts) is
 * recognized again, now with that name in its batch's header; one the new names cannot occur in
 * is marked as up to date, so it is never looked at again for them.
 */
import type { PageNames } from './known-names';

/** What late-name checking reads and writes of a segment (lib/page/segments.ts). */
export interface RecognizedText {
  readonly text: string;
  readonly mentions: unknown[] | null;
  readonly piecesLeft: number;
  /** PageNames.version when recognized. */
  version: number;
}

export interface LateNames {
  /**
   * Hand `again` every segment that may have missed a name learned since it was recognized;
   * true when there was one. Cheap when no name was learned since the last call.
   */
  check<S extends RecognizedText>(segments: Iterable<S>, again: (seg: S) => void): boolean;
}

export function createLateNames(names: PageNames): LateNames {
  let checkedAt = 0;
  return {
    check(segments, again) {
      if (names.version === checkedAt) return false;
      checkedAt = names.version;
      let any = false;
      for (const seg of segments) {
        // Not recognized yet (or not whole): it will see the new names in its own header.
        if (!seg.mentions || seg.piecesLeft > 0 || seg.version >= names.version) continue;
        if (names.missedSince(seg.version, seg.text)) {
          again(seg);
          any = true;
        } else {
          seg.version = names.version; // none of the new names can occur in it
        }
      }
      return any;
    },
  };
}

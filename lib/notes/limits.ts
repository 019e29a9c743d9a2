/**
 * Limits on what an import may contain. They keep a hostile or broken file from freezing the
 * popup or filling the disk, and are far above anything a reader produces (the longest article
 * is a few tens of thousands of characters). The store enforces the string limit on save too, so
 * every export Glossa writes can be imported again.
 */
export interface ImportLimits {
  /** Size of the file in bytes (UTF-8). */
  maxBytes: number;
  /** Length of any one string in the file (UTF-16 code units, as JavaScript counts). */
  maxStringLength: number;
  /** Notes (or annotations) in one file. */
  maxNotes: number;
  /** Nesting of objects and arrays; Glossa's own files nest 5 deep, W3C annotations about 6. */
  maxDepth: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxStringLength: 100_000,
  maxNotes: 100_000,
  maxDepth: 64,
};

/** 100000 → "100,000": the same in every locale, so messages can be tested. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * 52428800 → "50 MB" (binary units, as file managers mostly show them); otherwise one decimal,
 * rounded up, so a file just over the limit never reads as "50.0 MB". Small sizes in KB or bytes.
 */
export function formatSize(bytes: number): string {
  const units: Array<[number, string]> = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes < size) continue;
    const n = bytes / size;
    return Number.isInteger(n) ? `${n} ${unit}` : `${(Math.ceil(n * 10) / 10).toFixed(1)} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * Bounds on a note's tags, the same for the editor and for imports: tags are short labels that
 * the notes view lists as filter choices, and a file with thousands of them would swamp it.
 */
export const TAG_LIMITS = { maxTags: 50, maxTagLength: 100 } as const;

/**
 * Tags as the store keeps them: trimmed, inner runs of spaces made one, no empties, no repeats
 * (ignoring case; the first spelling wins). The editor and every import clean tags this way, so a
 * tag typed " treaty  law" and one imported as "Treaty law" are the same filter choice.
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** "Russia, DPRK , treaty law,russia" → ["Russia", "DPRK", "treaty law"]: what the editor types. */
export function parseTags(input: string): string[] {
  return cleanTags(input.split(','));
}

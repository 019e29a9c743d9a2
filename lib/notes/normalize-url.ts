/**
 * The page key that notes are filed under. Two visits to the same article must give the same key,
 * even when one came from a newsletter link (utm_*) and the other from a social feed (fbclid),
 * or when the reader had scrolled to an anchor (#comments).
 */

/** Exact query keys (compared lower-cased) that only track the visitor and never select content. */
const TRACKING_KEYS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  '_openstat',
  'spm',
]);

/** Key prefix of a whole tracking family (Google Analytics campaign tags: utm_source, utm_medium…). */
const TRACKING_PREFIXES = ['utm_'] as const;

function isTrackingKey(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    key = rawKey.toLowerCase(); // malformed escape: compare as written
  }
  return TRACKING_KEYS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * Normalize a page URL for filing notes: drop the fragment and tracking parameters, lower-case the
 * scheme and host (the URL parser does that, and drops default ports), and keep every other
 * parameter as written and in order — a site may depend on either (`?id=7&page=2`).
 * Input that does not parse as a URL is returned trimmed, so a note is never refused for its URL.
 */
export function normalizeUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  url.hash = '';
  // Work on the raw query text rather than URLSearchParams, which would re-encode kept values.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingKey(pair.split('=', 1)[0] ?? ''));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

/**
 * The reading memory in Glossa's JSON backup (lib/notes/export-json.ts, field `memory`): each
 * remembered article with its fields in one fixed order, and the same articles read back from a
 * file, every field checked, so nothing malformed reaches the store. An import merges: an article
 * already remembered keeps its first visit, takes the later last visit and the larger count of
 * each entity; nothing remembered is ever removed by an import. The file names every entity (a
 * registered one by the registers' name in the article's language, which the store does not keep:
 * lib/memory/record.ts storedName), so it reads on its own; reading it back stores names as the
 * recorder does, so a backup made before that imports the same way.
 */
import type { ImportLimits } from '../notes/limits';
import { formatCount } from '../notes/limits';
import { normalizeUrl } from '../notes/normalize-url';
import { siteOf } from '../notes/search';
import {
  asObject,
  describeValue,
  fail,
  requireField,
  stringField,
  timeField,
} from '../notes/validate';
import { keyType } from './entity-key';
import { articleNames } from './entity-names';
import type { ArticleEntity, RememberedArticle } from './model';
import { entityColumns, MAX_ENTITIES_PER_ARTICLE, mostMentioned, storedName } from './record';

/** Bounds of one remembered article in a file (as the recorder keeps them, with room to spare). */
const MAX_URL = 4096;
const MAX_TEXT = 1000;
const MAX_KEY = 300;
const MAX_COUNT = 1_000_000;

/** Every field of RememberedArticle, in the order files list them. */
const ARTICLE_KEYS = [
  'url',
  'title',
  'site',
  'lang',
  'firstVisit',
  'lastVisit',
  'keys',
  'names',
  'counts',
] as const satisfies ReadonlyArray<keyof RememberedArticle>;

type UnlistedKey = Exclude<keyof RememberedArticle, (typeof ARTICLE_KEYS)[number]>;
const EVERY_FIELD_LISTED: [UnlistedKey] extends [never] ? true : never = true;
void EVERY_FIELD_LISTED;

/**
 * A copy for the file: fields in one fixed order, so the same memory exports to the same bytes,
 * and every entity named (see the top of this file).
 */
export function canonicalArticle(article: RememberedArticle): RememberedArticle {
  const out: Record<string, unknown> = {};
  for (const key of ARTICLE_KEYS) {
    const value = key === 'names' ? articleNames(article) : article[key];
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as unknown as RememberedArticle;
}

function boundedString(obj: Record<string, unknown>, key: string, path: string, max: number) {
  const value = stringField(obj, key, path);
  if (value.length > max) fail(`${path}.${key} is longer than ${formatCount(max)} characters`);
  return value;
}

function list(obj: Record<string, unknown>, key: string, path: string): unknown[] {
  const value = requireField(obj, key, path);
  if (!Array.isArray(value)) fail(`${path}.${key} must be an array, not ${describeValue(value)}`);
  if (value.length > MAX_ENTITIES_PER_ARTICLE) {
    fail(`${path}.${key} lists more than ${MAX_ENTITIES_PER_ARTICLE} entities`);
  }
  return value;
}

function parseArticle(value: unknown, path: string): RememberedArticle {
  const obj = asObject(value, path);
  const address = boundedString(obj, 'url', path, MAX_URL);
  if (!/^https?:\/\/[^\s]+$/i.test(address)) {
    fail(`${path}.url must be a web address (http or https)`);
  }
  // Filed as this Glossa files a visit: the same address rules, the site from the address.
  const url = normalizeUrl(address);
  const keys = list(obj, 'keys', path).map((k, i) => {
    if (typeof k !== 'string' || k.length > MAX_KEY || keyType(k) === null) {
      fail(`${path}.keys[${i}] is not an entity key (PER:…, LOC:… or TREATY:…)`);
    }
    return k;
  });
  const names = list(obj, 'names', path).map((n, i) => {
    if (typeof n !== 'string' || n.length > MAX_TEXT) fail(`${path}.names[${i}] must be a name`);
    return n;
  });
  const counts = list(obj, 'counts', path).map((c, i) => {
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 1 || c > MAX_COUNT) {
      fail(`${path}.counts[${i}] must be a whole number ≥ 1, not ${describeValue(c)}`);
    }
    return c;
  });
  if (names.length !== keys.length || counts.length !== keys.length) {
    fail(`${path}: keys, names and counts must be lists of the same length`);
  }
  if (new Set(keys).size !== keys.length) fail(`${path}.keys lists one entity twice`);
  const firstVisit = timeField(obj, 'firstVisit', path);
  const lastVisit = timeField(obj, 'lastVisit', path);
  if (Date.parse(lastVisit) < Date.parse(firstVisit)) {
    fail(`${path}.lastVisit must not be before ${path}.firstVisit`);
  }
  return {
    url,
    title: boundedString(obj, 'title', path, MAX_TEXT),
    site: siteOf(url),
    lang: boundedString(obj, 'lang', path, 35),
    firstVisit: new Date(firstVisit).toISOString(),
    lastVisit: new Date(lastVisit).toISOString(),
    keys,
    names: names.map((n, i) => storedName(keys[i] as string, n)),
    counts,
  };
}

/** The `memory` list of a backup, checked whole; throws NotesFileError naming the first problem. */
export function parseMemory(value: unknown, limits: ImportLimits): RememberedArticle[] {
  if (!Array.isArray(value)) fail(`memory must be an array, not ${describeValue(value)}`);
  if (value.length > limits.maxNotes) {
    fail(
      `The file remembers ${formatCount(value.length)} articles; Glossa imports at most ${formatCount(limits.maxNotes)} at a time.`,
    );
  }
  const articles = value.map((a, i) => parseArticle(a, `memory[${i}]`));
  const seen = new Set<string>();
  articles.forEach((a, i) => {
    if (seen.has(a.url)) fail(`memory[${i}].url ${JSON.stringify(a.url)} appears twice`);
    seen.add(a.url);
  });
  return articles;
}

/** A stored article and the file's copy of it, as one (pure). */
export function mergeArticles(
  stored: RememberedArticle,
  incoming: RememberedArticle,
): RememberedArticle {
  const newer = Date.parse(incoming.lastVisit) > Date.parse(stored.lastVisit) ? incoming : stored;
  const counts = new Map<string, ArticleEntity>();
  for (const a of [stored, incoming]) {
    a.keys.forEach((key, i) => {
      const count = a.counts[i] ?? 0;
      const before = counts.get(key);
      if (!before || count > before.count) counts.set(key, { key, name: a.names[i] ?? '', count });
    });
  }
  const entities = mostMentioned([...counts.values()]);
  return {
    url: stored.url,
    title: newer.title,
    site: stored.site,
    lang: newer.lang || stored.lang,
    firstVisit:
      Date.parse(incoming.firstVisit) < Date.parse(stored.firstVisit)
        ? incoming.firstVisit
        : stored.firstVisit,
    lastVisit: newer.lastVisit,
    ...entityColumns(entities),
  };
}

/**
 * What an entity's page shows (components/EntityPage.tsx, at notes.html#entity=KEY), as pure
 * functions over the remembered articles that mention it, and one function that reads them and
 * the notes from the database. Everything is computed from the records fetched through the
 * `keys` index: nothing is precomputed or stored for the page. docs/memory.md defines the terms.
 */
import { guarded, type NotesDb } from '../notes/db';
import type { Note } from '../notes/model';
import { foldText } from '../notes/search';
import { entityKey, keyType } from './entity-key';
import { nameFromKey, registeredName, registeredNames } from './entity-names';
import type { RememberedArticle, RememberedType } from './model';

/** One article of the page's list. */
export interface EntityArticleRow {
  url: string;
  title: string;
  site: string;
  lang: string;
  lastVisit: string;
  /** How many times this article mentioned the entity. */
  mentions: number;
}

/** An entity seen with the page's entity. */
export interface CoEntity {
  key: string;
  name: string;
  /** Articles that mention both. */
  articles: number;
  /** Its mentions in those articles. */
  mentions: number;
}

/** One ISO week (Monday to Sunday, UTC) of the chart. */
export interface WeekCount {
  /** "2026-W48" */
  week: string;
  /** The week's Monday, "2026-11-23". */
  start: string;
  mentions: number;
  articles: number;
}

export interface EntityPageData {
  key: string;
  type: RememberedType | null;
  name: string;
  /**
   * The remembered articles with the key: exact up to FULL_READ; above it, FULL_READ + 1 until
   * the caller counts them (countArticlesWith), which takes longer than the page may.
   */
  total: number;
  /**
   * Set when the entity is in more than FULL_READ articles: the list, the chart, the mentions and
   * the entities seen with it then come from its articles among the RECENT_READ last read, all
   * read after this time (the chart starts the week after it).
   */
  sampledSince?: string;
  /** Every name the articles used for it, most used first (the register's names after them). */
  names: string[];
  articles: EntityArticleRow[];
  mentions: number;
  coEntities: CoEntity[];
  weeks: WeekCount[];
  notes: Note[];
}

export const CO_ENTITIES_SHOWN = 10;
/** Up to this many articles, the page reads every one (docs/memory.md, "The entity's page"). */
export const FULL_READ = 1000;
/** Above it, the articles read last, among which its recent ones are. */
export const RECENT_READ = 1200;
export const CHART_WEEKS = 26;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** This article's count of the key, 0 when it does not mention it. */
function mentionsIn(article: RememberedArticle, key: string): number {
  const i = article.keys.indexOf(key);
  return i < 0 ? 0 : (article.counts[i] ?? 0);
}

/** Plain code-unit order: the same on every machine and locale. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The articles as the page lists them: last read first (then by address, for a stable order). */
export function entityArticles(
  key: string,
  articles: readonly RememberedArticle[],
): EntityArticleRow[] {
  return articles
    .filter((a) => a.keys.includes(key))
    .map((a) => ({
      url: a.url,
      title: a.title,
      site: a.site,
      lang: a.lang,
      lastVisit: a.lastVisit,
      mentions: mentionsIn(a, key),
    }))
    .sort((a, b) => byCodeUnits(b.lastVisit, a.lastVisit) || byCodeUnits(a.url, b.url));
}

/**
 * The names the articles used for the key, most used first: by the number of articles that used
 * the name, then by mentions, then in code-unit order.
 */
export function namesUsed(key: string, articles: readonly RememberedArticle[]): string[] {
  const tally = new Map<string, { articles: number; mentions: number }>();
  for (const a of articles) {
    const i = a.keys.indexOf(key);
    const name = i < 0 ? '' : (a.names[i] ?? '');
    if (name === '') continue;
    const t = tally.get(name) ?? { articles: 0, mentions: 0 };
    t.articles += 1;
    t.mentions += a.counts[i] ?? 0;
    tally.set(name, t);
  }
  return [...tally.entries()]
    .sort(
      ([na, a], [nb, b]) =>
        b.articles - a.articles || b.mentions - a.mentions || byCodeUnits(na, nb),
    )
    .map(([name]) => name);
}

/**
 * The page's heading: the register's name in the reader's language for a registered treaty,
 * person or a country; otherwise the name the articles used most.
 */
export function displayName(
  key: string,
  articles: readonly RememberedArticle[],
  lang: string,
): string {
  return registeredName(key, lang) ?? namesUsed(key, articles)[0] ?? nameFromKey(key);
}

/**
 * The entities seen most often with the key: by the number of articles that mention both, then
 * by their mentions there, then by key; each named by the name those articles used most, or (a
 * registered entity, whose name records do not store) the registers' name in `lang`.
 */
export function coOccurring(
  key: string,
  articles: readonly RememberedArticle[],
  limit = CO_ENTITIES_SHOWN,
  lang = 'en',
): CoEntity[] {
  const tally = new Map<
    string,
    { articles: number; mentions: number; names: Map<string, number> }
  >();
  for (const a of articles) {
    if (!a.keys.includes(key)) continue;
    a.keys.forEach((other, i) => {
      if (other === key) return;
      let t = tally.get(other);
      if (!t) {
        t = { articles: 0, mentions: 0, names: new Map() };
        tally.set(other, t);
      }
      t.articles += 1;
      t.mentions += a.counts[i] ?? 0;
      const name = a.names[i] ?? '';
      if (name !== '') t.names.set(name, (t.names.get(name) ?? 0) + 1);
    });
  }
  return [...tally.entries()]
    .sort(
      ([ka, a], [kb, b]) =>
        b.articles - a.articles || b.mentions - a.mentions || byCodeUnits(ka, kb),
    )
    .slice(0, limit)
    .map(([other, t]) => {
      let name = '';
      let best = 0;
      for (const [n, c] of t.names) {
        if (c > best || (c === best && byCodeUnits(n, name) < 0)) {
          name = n;
          best = c;
        }
      }
      return {
        key: other,
        name: name || registeredName(other, lang) || nameFromKey(other),
        articles: t.articles,
        mentions: t.mentions,
      };
    });
}

/** Midnight UTC of the Monday of the ISO week `ms` falls in. */
export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday * DAY_MS;
}

/** The ISO 8601 week of a Monday: "2026-W48" (the year is the one its Thursday falls in). */
export function isoWeekLabel(monday: number): string {
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Mentions per ISO week, by each article's last visit, every week in the span shown (weeks with
 * none included): the `maxWeeks` weeks up to the current one, shortened to start at the first
 * week with an article; when nothing falls in them, the `maxWeeks` weeks up to the last article.
 */
export function weeklyMentions(
  key: string,
  articles: readonly RememberedArticle[],
  now: Date,
  maxWeeks = CHART_WEEKS,
  /** Only weeks wholly after this time (the articles before it were not all read). */
  after?: string,
): WeekCount[] {
  const visits: Array<[number, number]> = [];
  for (const a of articles) {
    const ms = Date.parse(a.lastVisit);
    const mentions = mentionsIn(a, key);
    if (!Number.isNaN(ms) && a.keys.includes(key)) visits.push([weekStart(ms), mentions]);
  }
  if (visits.length === 0 || maxWeeks < 1) return [];
  let latest = visits[0]?.[0] ?? 0;
  let earliest = latest;
  for (const [w] of visits) {
    if (w > latest) latest = w;
    if (w < earliest) earliest = w;
  }
  let end = weekStart(now.getTime());
  if (latest < end - (maxWeeks - 1) * WEEK_MS) end = latest;
  let start = Math.max(end - (maxWeeks - 1) * WEEK_MS, earliest);
  const cut = after === undefined ? Number.NaN : Date.parse(after);
  if (!Number.isNaN(cut)) start = Math.max(start, weekStart(cut) + WEEK_MS);
  if (start > end) return [];
  const weeks: WeekCount[] = [];
  for (let w = start; w <= end; w += WEEK_MS) {
    weeks.push({
      week: isoWeekLabel(w),
      start: new Date(w).toISOString().slice(0, 10),
      mentions: 0,
      articles: 0,
    });
  }
  for (const [w, mentions] of visits) {
    const i = Math.round((w - start) / WEEK_MS);
    const week = weeks[i];
    if (i < 0 || !week) continue;
    week.mentions += mentions;
    week.articles += 1;
  }
  return weeks;
}

// ---- Notes that name the entity -------------------------------------------------------------

/**
 * Russian case endings of nouns and adjectives (folded: ё as е), which a name in running text may
 * carry after its stem ("Путин" → «Путиным», «Москва» → «Москвы»).
 */
const ENDINGS = new Set(
  'а я у ю е и ы о ь й ом ем ой ей ым им ов ев ах ях ам ям ую юю ая яя ый ий ых их ами ями ого его ому ему ыми ими'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{N}]+/gu;
const FINAL_VOWEL = /[аеёиоуыэюяйьaeiouy]$/u;

function words(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A name word as compared: a word of 5 letters or more loses a final vowel, й or ь («Москва» → «москв»). */
function stem(word: string): string {
  return word.length >= 5 && FINAL_VOWEL.test(word) ? word.slice(0, -1) : word;
}

/** A text word is a form of a name word: the same, or its stem plus a case ending. */
function formOf(textWord: string, nameWord: string): boolean {
  if (textWord === nameWord) return true;
  if (nameWord.length < 3) return false;
  const s = stem(nameWord);
  return textWord.startsWith(s) && ENDINGS.has(textWord.slice(s.length));
}

/** The words of a name, in order, are consecutive words of the text, each in some case form. */
function containsName(text: readonly string[], name: readonly string[]): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i + name.length <= text.length; i++) {
    if (name.every((w, j) => formOf(text[i + j] as string, w))) return true;
  }
  return false;
}

/** The word sequences that name an entity in a note: each name, and a person's surname alone. */
export function nameForms(type: RememberedType | null, names: readonly string[]): string[][] {
  const forms: string[][] = [];
  const seen = new Set<string>();
  const add = (form: string[]) => {
    const id = form.join(' ');
    if (form.length > 0 && !seen.has(id)) {
      seen.add(id);
      forms.push(form);
    }
  };
  for (const name of names) {
    const w = words(name);
    add(w);
    const last = w.at(-1);
    if (type === 'PER' && w.length >= 2 && last && last.length >= 4) add([last]);
  }
  return forms;
}

/**
 * Whether a note names the entity (docs/memory.md, "Notes that name an entity"): the note is on
 * one of the entity's articles, and either it is a note on this entity (its key, or one of its
 * names, of the same type) or its text or quote contains one of the entity's names.
 */
export function noteNamesEntity(
  note: Pick<Note, 'url' | 'text' | 'quote' | 'entity'>,
  key: string,
  names: readonly string[],
  articleUrls: ReadonlySet<string>,
  forms: readonly string[][] = nameForms(keyType(key), names),
): boolean {
  if (!articleUrls.has(note.url)) return false;
  const type = keyType(key);
  if (note.entity && note.entity.type === type) {
    const canonical = note.entity.canonical;
    if (type !== 'TREATY' && entityKey({ type, canonical }) === key) return true;
    const folded = foldText(canonical).trim();
    if (names.some((n) => foldText(n).trim() === folded)) return true;
  }
  const text = words(`${note.text}\n${note.quote ?? ''}`);
  return forms.some((form) => containsName(text, form));
}

/**
 * The notes on pages that mention the entity: the pages with notes (the url index alone, usually
 * far fewer than articles) whose remembered article has the key, then their notes.
 */
async function notesOnPagesWith(
  db: NotesDb,
  key: string,
): Promise<{ notes: Note[]; pages: Set<string> }> {
  const noted = (await db.notes.orderBy('url').uniqueKeys()) as string[];
  const pages = new Set<string>();
  for (const a of await db.articles.bulkGet(noted)) if (a?.keys.includes(key)) pages.add(a.url);
  const notes: Note[] = [];
  for (const page of await Promise.all(
    [...pages].map((u) => db.notes.where('url').equals(u).toArray()),
  )) {
    for (const n of page) notes.push(n);
  }
  return { notes, pages };
}

/** Everything the entity's page shows, from the articles with the key and the notes on them. */
export function loadEntityPage(
  db: NotesDb,
  key: string,
  options: { now?: Date; lang?: string; fullRead?: number; recentRead?: number } = {},
): Promise<EntityPageData> {
  const fullRead = options.fullRead ?? FULL_READ;
  const recentRead = options.recentRead ?? RECENT_READ;
  const now = options.now ?? new Date();
  const lang = options.lang ?? 'en';
  return guarded('Could not read the reading memory', () =>
    db.transaction('r', db.articles, db.notes, async () => {
      // The addresses from the index, at most one more than are read in full (walking all of a
      // country's 5,000 index entries alone takes longer than the page may); then the records:
      // all of them, or for a very frequent entity its articles among those read last.
      const urls = (await db.articles
        .where('keys')
        .equals(key)
        .limit(fullRead + 1)
        .primaryKeys()) as string[];
      let articles: RememberedArticle[];
      let sampledSince: string | undefined;
      if (urls.length <= fullRead) {
        articles = (await db.articles.bulkGet(urls)).filter(
          (a): a is RememberedArticle => a !== undefined,
        );
      } else {
        const recent = await db.articles.orderBy('lastVisit').reverse().limit(recentRead).toArray();
        articles = recent.filter((a) => a.keys.includes(key));
        sampledSince = recent.at(-1)?.lastVisit;
      }
      const rows = entityArticles(key, articles);
      const type = keyType(key);
      const used = namesUsed(key, articles);
      const registered = [registeredName(key, 'en'), registeredName(key, 'ru')].filter(
        (n): n is string => n !== undefined && !used.includes(n),
      );
      const names = [...used, ...registered];
      // Notes may name it by any name a register knows («США» for LOC:US), not only those shown.
      const known = registeredNames(key).filter((n) => !names.includes(n));
      const forms = nameForms(type, [...names, ...known]);
      const noted = urls.length === 0 ? null : await notesOnPagesWith(db, key);
      const notes = noted
        ? noted.notes
            .filter((n) => noteNamesEntity(n, key, [...names, ...known], noted.pages, forms))
            .sort((a, b) => byCodeUnits(b.createdAt, a.createdAt) || byCodeUnits(a.id, b.id))
        : [];
      let mentions = 0;
      for (const r of rows) mentions += r.mentions;
      const page: EntityPageData = {
        key,
        type,
        name: displayName(key, articles, lang),
        total: urls.length,
        names,
        articles: rows,
        mentions,
        coEntities: coOccurring(key, articles, CO_ENTITIES_SHOWN, lang),
        weeks: weeklyMentions(key, articles, now, CHART_WEEKS, sampledSince),
        notes,
      };
      if (sampledSince !== undefined) page.sampledSince = sampledSince;
      return page;
    }),
  );
}

/**
 * The notes view's search box, read as a search of the reading memory: date phrases in English
 * or Russian ("last month", «за прошлую неделю», "2026-11", "since 2026-10-01") become a date
 * range; the other words, split at "and"/«и» and commas, are names to look up
 * (lib/memory/memory-search.ts). Pure; any input gives an answer, never an exception.
 * docs/memory.md ("Search") lists the syntax.
 */

/** A range of last visits: `from` inclusive, `to` exclusive, ISO times in UTC; either may be open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface MemoryQuery {
  /** Runs of words that are not dates, as typed (each run may hold several names). */
  runs: string[][];
  /** The intersection of every date phrase; null when the query has none. */
  range: DateRange | null;
}

const DAY = 24 * 60 * 60 * 1000;

/** A span of time [from, to) in ms. */
type Span = [number, number];

const utcDay = (ms: number) => Math.floor(ms / DAY) * DAY;
const monthSpan = (year: number, month: number): Span => [
  Date.UTC(year, month, 1),
  Date.UTC(year, month + 1, 1),
];
const yearSpan = (year: number): Span => [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
function weekSpan(ms: number): Span {
  const day = utcDay(ms);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
  return [monday, monday + 7 * DAY];
}

/** Month names by their first letters, English and Russian (any case form: «ноябрь», «ноября», «ноябре»). */
const MONTHS: ReadonlyArray<RegExp> = [
  /^(jan(uary)?|январ[ьяею])$/,
  /^(feb(ruary)?|феврал[ьяею])$/,
  /^(mar(ch)?|март[аеу]?)$/,
  /^(apr(il)?|апрел[ьяею])$/,
  /^(may|ма[йяею])$/,
  /^(june?|июн[ьяею])$/,
  /^(july?|июл[ьяею])$/,
  /^(aug(ust)?|август[аеу]?)$/,
  /^(sep(t|tember)?|сентябр[ьяею])$/,
  /^(oct(ober)?|октябр[ьяею])$/,
  /^(nov(ember)?|ноябр[ьяею])$/,
  /^(dec(ember)?|декабр[ьяею])$/,
];

const THIS = /^(this|эт(от|а|у|ой|ом|ого))$/;
const LAST = /^(last|previous|прошл(ый|ая|ую|ой|ом|ого)|предыдущ(ий|ая|ую|ей|ем|его))$/;
const WEEK = /^(week|недел[яиюе])$/;
const MONTH = /^(month|месяц[аеу]?)$/;
const YEAR = /^(year|год[ау]?|году)$/;
const PREPOSITION = /^(на|за|в|во|in|during)$/;
const DAYS = /^(days?|дн(я|ей|и)|день)$/;
const WEEKS = /^(weeks?|недел[июья]|недель)$/;
const MONTHS_UNIT = /^(months?|месяц(а|ев)?)$/;
const PAST = /^(past|last|последн(ие|ий|юю|ее|их))$/;
const FROM = /^(since|from|after|с|со|после)$/;
const UNTIL = /^(before|until|till|to|до|по)$/;
/** Words that join names: they separate terms and are no names themselves. */
const JOINER = /^(and|or|и|или|&|\+|,|;)$/;

interface Match {
  span: Span;
  used: number;
}

function fold(token: string): string {
  return token.toLowerCase().replace(/ё/g, 'е');
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d;
}

const plausibleYear = (y: number) => y >= 1900 && y <= 2200;

/** A date written as digits: 2026-11-03, 03.11.2026, 2026-11, 2026. */
function digitsAt(token: string): Span | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    if (!plausibleYear(y) || !validDay(y, mo, d)) return null;
    const start = Date.UTC(y, mo, d);
    return [start, start + DAY];
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(token);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    if (!plausibleYear(y) || !validDay(y, mo, d)) return null;
    const start = Date.UTC(y, mo, d);
    return [start, start + DAY];
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(token);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2]) - 1];
    return plausibleYear(y) && mo >= 0 && mo < 12 ? monthSpan(y, mo) : null;
  }
  m = /^(\d{4})(?:г|г\.)?$/.exec(token);
  if (m) {
    const y = Number(m[1]);
    return plausibleYear(y) ? yearSpan(y) : null;
  }
  return null;
}

/** The date phrase starting at token i (folded tokens), or null. */
function dateAt(tokens: readonly string[], i: number, now: number): Match | null {
  const at = (k: number) => tokens[i + k] ?? '';
  const today = utcDay(now);
  const first = at(0);
  const digits = digitsAt(first);
  if (digits) return { span: digits, used: 1 };
  if (first === 'today' || first === 'сегодня') return { span: [today, today + DAY], used: 1 };
  if (first === 'yesterday' || first === 'вчера') return { span: [today - DAY, today], used: 1 };
  // A month by name, with an optional year after it; without one, the latest such month that
  // has begun.
  // «в 2026», «в ноябре», "in November 2026": the preposition goes with the date.
  if (PREPOSITION.test(first) && i + 1 < tokens.length && !PREPOSITION.test(at(1))) {
    const after = digitsAt(at(1)) ? dateAt(tokens, i + 1, now) : null;
    const named = MONTHS.some((re) => re.test(at(1))) ? dateAt(tokens, i + 1, now) : null;
    const inner = after ?? named;
    if (inner) return { span: inner.span, used: inner.used + 1 };
  }
  const month = MONTHS.findIndex((re) => re.test(first));
  if (month >= 0) {
    const year = /^\d{4}$/.test(at(1)) && plausibleYear(Number(at(1))) ? Number(at(1)) : null;
    if (year !== null) return { span: monthSpan(year, month), used: 2 };
    // "may" alone is an English word as often as a month: only with a year.
    if (first === 'may') return null;
    const current = new Date(now);
    const y = current.getUTCFullYear() - (month > current.getUTCMonth() ? 1 : 0);
    return { span: monthSpan(y, month), used: 1 };
  }
  // "this week", "last month", «на прошлой неделе», «за этот год», «в прошлом месяце».
  const lead = PREPOSITION.test(first) ? 1 : 0;
  const which = at(lead);
  const unit = at(lead + 1);
  const isThis = THIS.test(which);
  if (isThis || LAST.test(which)) {
    const back = isThis ? 0 : 1;
    const date = new Date(now);
    if (WEEK.test(unit)) {
      const [start] = weekSpan(now);
      return { span: [start - back * 7 * DAY, start - back * 7 * DAY + 7 * DAY], used: lead + 2 };
    }
    if (MONTH.test(unit)) {
      return {
        span: monthSpan(date.getUTCFullYear(), date.getUTCMonth() - back),
        used: lead + 2,
      };
    }
    if (YEAR.test(unit)) return { span: yearSpan(date.getUTCFullYear() - back), used: lead + 2 };
  }
  // "last 30 days", "past 2 weeks", «за последние 10 дней», «за 3 месяца»: up to today included.
  let k = lead;
  if (PAST.test(at(k))) k += 1;
  const n = /^\d{1,4}$/.test(at(k)) ? Number(at(k)) : null;
  const countUnit = n === null ? at(k) : at(k + 1);
  const count = n ?? 1;
  const used = k + (n === null ? 1 : 2);
  // A bare unit counts only after "past"/«за» ("past week", «за неделю»), not as a word alone.
  if (n !== null || k > 0) {
    const days = DAYS.test(countUnit)
      ? count
      : WEEKS.test(countUnit)
        ? count * 7
        : MONTHS_UNIT.test(countUnit)
          ? count * 30
          : YEAR.test(countUnit) && n === null
            ? 365
            : 0;
    if (days > 0 && count > 0) return { span: [today + DAY - days * DAY, today + DAY], used };
  }
  return null;
}

/** Split what was typed into tokens: spaces separate, commas are tokens; outer punctuation is dropped. */
function tokenize(query: string): string[] {
  return query
    .replace(/[,;]/g, ' $& ')
    .split(/\s+/u)
    .map((t) => t.replace(/^[«"'“„(]+|[»"'”)?!:]+$/gu, ''))
    .filter((t) => t !== '');
}

function intersect(a: Span | null, b: Span): Span {
  return a ? [Math.max(a[0], b[0]), Math.min(a[1], b[1])] : b;
}

/** Parse a search: the name runs and the date range. `now` decides "last month". */
export function parseMemoryQuery(query: string, now: Date = new Date()): MemoryQuery {
  const runs: string[][] = [];
  let range: Span | null = null;
  const nowMs = Number.isNaN(now.getTime()) ? 0 : now.getTime();
  const raw = typeof query === 'string' ? tokenize(query.slice(0, 1000)) : [];
  const tokens = raw.map(fold);
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as string;
    // "since X", «с X», "before X", «до X», "until X", «по X».
    if (FROM.test(token) || UNTIL.test(token)) {
      const next = dateAt(tokens, i + 1, nowMs);
      if (next) {
        const [start, end] = next.span;
        const open: Span = FROM.test(token)
          ? [token === 'after' || token === 'после' ? end : start, Number.POSITIVE_INFINITY]
          : [Number.NEGATIVE_INFINITY, token === 'before' || token === 'до' ? start : end];
        range = intersect(range, open);
        endRun();
        i += 1 + next.used;
        continue;
      }
    }
    const date = dateAt(tokens, i, nowMs);
    if (date) {
      range = intersect(range, date.span);
      endRun();
      i += date.used;
      continue;
    }
    if (JOINER.test(token)) endRun();
    else run.push(raw[i] as string);
    i += 1;
  }
  endRun();
  if (!range) return { runs, range: null };
  const [from, to] = range;
  const out: DateRange = {};
  if (Number.isFinite(from)) out.from = new Date(from).toISOString();
  if (Number.isFinite(to)) out.to = new Date(Math.max(from, to)).toISOString();
  return { runs, range: out };
}

/**
 * The treaty dev set (docs/treaty-set.md): paragraphs of the shared corpora with hand-marked
 * treaty spans, R (required) or O (optional). This module is pure: the scratch markup used for
 * annotating, the committed JSONL entries, paragraph splitting, and the overlap scoring.
 * Reading the corpora and hashing live in scripts/treaty-set-source.ts (Node only).
 */

export type SpanLabel = 'R' | 'O';

/** A marked span, offsets relative to the paragraph (UTF-16, end exclusive). */
export interface LabelledSpan {
  start: number;
  end: number;
  label: SpanLabel;
}

export interface TreatySetSource {
  /** Corpus file name without .jsonl, e.g. "nerel-train". */
  file: string;
  /** Document id inside that file. */
  doc: string;
  /** The paragraph is text.slice(start, end) of that document. */
  start: number;
  end: number;
}

/** One line of tests/fixtures/treaty-set/*.jsonl. The paragraph text itself is not stored. */
export interface TreatySetEntry {
  id: string;
  lang: string;
  source: TreatySetSource;
  /** SHA-1 (hex) of the paragraph's UTF-8 text, to notice a changed corpus. */
  sha1: string;
  spans: (LabelledSpan & { text: string })[];
}

/** One block of scratch markup: where the paragraph comes from, its plain text and its spans. */
export interface ScratchBlock {
  source: TreatySetSource;
  text: string;
  spans: LabelledSpan[];
  /** 1-based line of the block's header in the scratch file, for error messages. */
  line: number;
}

export const OPEN = '⟦';
export const CLOSE = '⟧';
const HEADER = /^@ ([^#\s]+)#(.+)@(\d+)-(\d+)\s*$/;

export class ScratchError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function sourceKey(s: TreatySetSource): string {
  return `${s.file}#${s.doc}@${s.start}-${s.end}`;
}

export function blockHeader(s: TreatySetSource): string {
  return `@ ${sourceKey(s)}`;
}

/** Strips ⟦R|…⟧ / ⟦O|…⟧ markers from one paragraph's markup; spans are in plain-text offsets. */
export function parseMarkup(markup: string, line = 1): { text: string; spans: LabelledSpan[] } {
  let text = '';
  const spans: LabelledSpan[] = [];
  let i = 0;
  while (i < markup.length) {
    const open = markup.indexOf(OPEN, i);
    const close = markup.indexOf(CLOSE, i);
    if (close !== -1 && (open === -1 || close < open)) {
      throw new ScratchError(line, `"${CLOSE}" without "${OPEN}"`);
    }
    if (open === -1) {
      text += markup.slice(i);
      break;
    }
    text += markup.slice(i, open);
    const label = markup[open + 1];
    if ((label !== 'R' && label !== 'O') || markup[open + 2] !== '|') {
      throw new ScratchError(
        line,
        `expected "${OPEN}R|" or "${OPEN}O|" at "${markup.slice(open, open + 12)}"`,
      );
    }
    const end = markup.indexOf(CLOSE, open + 3);
    if (end === -1) throw new ScratchError(line, `"${OPEN}${label}|" is never closed`);
    const inner = markup.slice(open + 3, end);
    if (inner.includes(OPEN)) throw new ScratchError(line, 'marked spans cannot nest');
    if (!inner.trim()) throw new ScratchError(line, 'empty marked span');
    if (inner !== inner.trim()) {
      throw new ScratchError(line, `marked span with outer spaces: "${inner}"`);
    }
    spans.push({ start: text.length, end: text.length + inner.length, label });
    text += inner;
    i = end + 1;
  }
  return { text, spans };
}

/**
 * Parses a scratch file: blocks that each start with a header line
 * `@ <file>#<doc>@<start>-<end>` followed by the paragraph's markup (the blank lines that
 * separate blocks are not part of the paragraph).
 */
export function parseScratch(content: string): ScratchBlock[] {
  const lines = content.replace(/\r\n/g, '\n').split('\n');
  const blocks: ScratchBlock[] = [];
  let current: { source: TreatySetSource; line: number; body: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.body.join('\n').replace(/\n+$/, '').replace(/^\n+/, '');
    const { text, spans } = parseMarkup(body, current.line + 1);
    blocks.push({ source: current.source, text, spans, line: current.line });
    current = null;
  };
  lines.forEach((raw, i) => {
    const m = HEADER.exec(raw);
    if (m) {
      flush();
      current = {
        source: {
          file: m[1] as string,
          doc: m[2] as string,
          start: Number(m[3]),
          end: Number(m[4]),
        },
        line: i + 1,
        body: [],
      };
    } else if (current) current.body.push(raw);
    else if (raw.trim())
      throw new ScratchError(i + 1, 'text before the first "@ file#doc@start-end" header');
  });
  flush();
  return blocks;
}

/** The paragraph's markup with its spans marked (the inverse of parseMarkup). */
export function renderMarkup(text: string, spans: readonly LabelledSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    out += `${text.slice(at, s.start)}${OPEN}${s.label}|${text.slice(s.start, s.end)}${CLOSE}`;
    at = s.end;
  }
  return out + text.slice(at);
}

export function renderBlock(
  source: TreatySetSource,
  text: string,
  spans: readonly LabelledSpan[],
): string {
  return `${blockHeader(source)}\n${renderMarkup(text, spans)}\n`;
}

/**
 * Problems of one entry against its paragraph text (when known): empty list = valid. Checks the
 * shape, labels, spans inside the paragraph, no overlapping spans, span texts.
 */
export function entryProblems(entry: unknown, paragraph?: string): string[] {
  const p: string[] = [];
  if (!entry || typeof entry !== 'object') return ['not an object'];
  const e = entry as Partial<TreatySetEntry>;
  if (typeof e.id !== 'string' || !e.id) p.push('missing id');
  if (typeof e.lang !== 'string' || !e.lang) p.push('missing lang');
  const s = e.source;
  if (
    !s ||
    typeof s.file !== 'string' ||
    typeof s.doc !== 'string' ||
    !Number.isInteger(s.start) ||
    !Number.isInteger(s.end) ||
    s.start < 0 ||
    s.end <= s.start
  ) {
    p.push('bad source');
  }
  if (typeof e.sha1 !== 'string' || !/^[0-9a-f]{40}$/.test(e.sha1)) p.push('bad sha1');
  if (!Array.isArray(e.spans)) return [...p, 'missing spans'];
  const length = s ? s.end - s.start : 0;
  const spans = [...e.spans].sort((a, b) => a.start - b.start);
  spans.forEach((x, k) => {
    if (x.label !== 'R' && x.label !== 'O') p.push(`span ${k}: label ${String(x.label)}`);
    if (
      !Number.isInteger(x.start) ||
      !Number.isInteger(x.end) ||
      x.start < 0 ||
      x.end <= x.start ||
      x.end > length
    ) {
      p.push(`span ${k}: ${x.start}-${x.end} outside the paragraph (length ${length})`);
    }
    const prev = spans[k - 1];
    if (prev && x.start < prev.end) p.push(`span ${k}: overlaps the previous span`);
    if (paragraph !== undefined && paragraph.slice(x.start, x.end) !== x.text) {
      p.push(
        `span ${k}: text "${x.text}" differs from the paragraph's "${paragraph.slice(x.start, x.end)}"`,
      );
    }
  });
  return p;
}

/** Parses committed JSONL (blank lines skipped); throws naming the line on bad JSON or shape. */
export function parseTreatySet(content: string): TreatySetEntry[] {
  const out: TreatySetEntry[] = [];
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`line ${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    const problems = entryProblems(value);
    if (problems.length) throw new Error(`line ${i + 1}: ${problems.join('; ')}`);
    out.push(value as TreatySetEntry);
  });
  return out;
}

/**
 * The paragraphs of a document: its `\n`-separated lines without outer spaces, empty ones
 * dropped; a line longer than `max` is cut after a sentence end (or, failing that, a space) so
 * every piece stays readable in one go.
 */
export function splitParagraphs(text: string, max = 1200): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    while (end - start > max) {
      const cut = cutPoint(text, start, start + max);
      let pieceEnd = cut;
      while (pieceEnd > start && /\s/.test(text[pieceEnd - 1] as string)) pieceEnd--;
      out.push({ start, end: pieceEnd });
      start = cut;
      while (start < end && /\s/.test(text[start] as string)) start++;
    }
    if (end > start) out.push({ start, end });
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Where to cut text[start, limit): after the last sentence end, else the last space, else at limit. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  let best = -1;
  const sentenceEnd = /[.!?…»"][\s]+(?=[«"(A-ZА-ЯЁ0-9])/g;
  for (let m = sentenceEnd.exec(window); m; m = sentenceEnd.exec(window)) {
    if (m.index > window.length / 3) best = m.index + m[0].length;
  }
  if (best === -1) {
    const space = window.lastIndexOf(' ');
    best = space > window.length / 3 ? space + 1 : window.length;
  }
  return start + best;
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface Mark {
  start: number;
  end: number;
}

export interface ScoredParagraph {
  id: string;
  lang: string;
  text: string;
  spans: readonly LabelledSpan[];
  /** The recognizer's TREATY marks on the paragraph. */
  marks: readonly Mark[];
}

export interface TreatySetCounts {
  paragraphs: number;
  /** R spans, and how many a mark overlaps. */
  required: number;
  found: number;
  recall: number;
  marks: number;
  /** Marks overlapping an R span. */
  true: number;
  /** Marks overlapping no span at all. */
  false: number;
  /** Marks overlapping only O spans: neither right nor wrong. */
  setAside: number;
  /** true / (true + false). */
  precision: number;
}

export interface TreatySetFinding {
  id: string;
  lang: string;
  start: number;
  end: number;
  text: string;
  /** ~40 characters either side, the span in [brackets], whitespace collapsed. */
  context: string;
}

export interface TreatySetReport {
  byLang: Record<string, TreatySetCounts>;
  overall: TreatySetCounts;
  falsePositives: TreatySetFinding[];
  missed: TreatySetFinding[];
}

const overlaps = (a: Mark, b: Mark) => a.start < b.end && b.start < a.end;

function emptyCounts(): TreatySetCounts {
  return {
    paragraphs: 0,
    required: 0,
    found: 0,
    recall: 0,
    marks: 0,
    true: 0,
    false: 0,
    setAside: 0,
    precision: 0,
  };
}

export function context(text: string, start: number, end: number, width = 40): string {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return `${before}[${text.slice(start, end)}]${after}`.replace(/\s+/g, ' ');
}

/**
 * Overlap scoring: an R span is found when any mark overlaps it; a mark is true when it
 * overlaps an R span, set aside when it overlaps only O spans, false when it overlaps nothing.
 */
export function scoreTreatySet(paragraphs: Iterable<ScoredParagraph>): TreatySetReport {
  const byLang: Record<string, TreatySetCounts> = {};
  const overall = emptyCounts();
  const falsePositives: TreatySetFinding[] = [];
  const missed: TreatySetFinding[] = [];
  for (const p of paragraphs) {
    byLang[p.lang] ??= emptyCounts();
    const c = byLang[p.lang] as TreatySetCounts;
    const add = (
      key: 'paragraphs' | 'required' | 'found' | 'marks' | 'true' | 'false' | 'setAside',
    ) => {
      c[key]++;
      overall[key]++;
    };
    add('paragraphs');
    const finding = (s: Mark): TreatySetFinding => ({
      id: p.id,
      lang: p.lang,
      start: s.start,
      end: s.end,
      text: p.text.slice(s.start, s.end),
      context: context(p.text, s.start, s.end),
    });
    for (const s of p.spans) {
      if (s.label !== 'R') continue;
      add('required');
      if (p.marks.some((m) => overlaps(m, s))) add('found');
      else missed.push(finding(s));
    }
    for (const m of p.marks) {
      add('marks');
      const hit = p.spans.filter((s) => overlaps(m, s));
      if (hit.some((s) => s.label === 'R')) add('true');
      else if (hit.length) add('setAside');
      else {
        add('false');
        falsePositives.push(finding(m));
      }
    }
  }
  for (const c of [...Object.values(byLang), overall]) {
    c.recall = c.required ? c.found / c.required : 0;
    c.precision = c.true + c.false ? c.true / (c.true + c.false) : 0;
  }
  return { byLang, overall, falsePositives, missed };
}

/** The text report scripts/eval.ts --treaties prints. */
export function formatTreatySetReport(report: TreatySetReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (name: string, c: TreatySetCounts) =>
    `${name.padEnd(8)} ${String(c.paragraphs).padStart(5)} ${String(c.required).padStart(6)} ${String(c.found).padStart(6)} ${pct(c.recall).padStart(7)} | ${String(c.marks).padStart(6)} ${String(c.true).padStart(5)} ${String(c.false).padStart(6)} ${String(c.setAside).padStart(6)} ${pct(c.precision).padStart(7)}`;
  const lines = [
    'lang     paras R-spans  found  recall |  marks  true  false  aside    prec',
    ...Object.keys(report.byLang)
      .sort()
      .map((l) => row(l, report.byLang[l] as TreatySetCounts)),
    row('overall', report.overall),
    '',
    `False positives (${report.falsePositives.length}):`,
    ...report.falsePositives.map((f) => `  FP ${f.lang} ${f.id}: ${f.context}`),
    '',
    `Missed R spans (${report.missed.length}):`,
    ...report.missed.map((f) => `  FN ${f.lang} ${f.id}: ${f.context}`),
  ];
  return lines.join('\n');
}

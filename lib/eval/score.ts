/**
 * Span-level scoring of recognised entities against gold annotations (docs/recognition.md, "How
 * recognition is scored"): exact match of (start, end, type) with precision/recall/F1 per type and micro
 * over types, and overlap F1 (a predicted span of the right type overlapping a gold span).
 * Gold spans marked `nested: true` are ignored. Pure: data in, numbers out.
 */

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
  nested?: boolean;
}

export interface PredictedSpan {
  start: number;
  end: number;
  type: string;
}

export interface ScoredDocument {
  gold: readonly GoldSpan[];
  predicted: readonly PredictedSpan[];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeScore extends PRF {
  type: string;
  /** Exact matches. */
  tp: number;
  /** Predicted spans without an exact gold match. */
  fp: number;
  /** Gold spans without an exact predicted match. */
  fn: number;
  gold: number;
  predicted: number;
  /** Lenient: predicted spans overlapping a gold span of their type, and vice versa. */
  overlap: PRF & { predictedHit: number; goldHit: number };
}

export interface ScoreReport {
  types: TypeScore[];
  micro: TypeScore;
}

export interface ScoreOptions {
  /** Only these types count (both sides). Default: every type seen in gold or predictions. */
  types?: readonly string[];
  /** Rename gold types before scoring, e.g. { LAW: 'TREATY' }. */
  goldTypeMap?: Readonly<Record<string, string>>;
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

interface Counts {
  tp: number;
  gold: number;
  predicted: number;
  predictedHit: number;
  goldHit: number;
}

const empty = (): Counts => ({ tp: 0, gold: 0, predicted: 0, predictedHit: 0, goldHit: 0 });

/** Counts how many spans of `a` overlap at least one span of `b` (both sorted by start). */
function overlapping(a: PredictedSpan[], b: PredictedSpan[]): number {
  let hits = 0;
  let j = 0;
  for (const x of a) {
    while (j < b.length && (b[j] as PredictedSpan).end <= x.start) j++;
    // b is sorted by start but ends may not be monotone for overlapping gold; scan a small window.
    for (let k = j; k < b.length && (b[k] as PredictedSpan).start < x.end; k++) {
      if ((b[k] as PredictedSpan).end > x.start) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

function toReport(type: string, c: Counts): TypeScore {
  const exact = prf(c.tp, c.predicted, c.gold);
  const op = c.predicted ? c.predictedHit / c.predicted : 0;
  const or = c.gold ? c.goldHit / c.gold : 0;
  return {
    type,
    tp: c.tp,
    fp: c.predicted - c.tp,
    fn: c.gold - c.tp,
    gold: c.gold,
    predicted: c.predicted,
    ...exact,
    overlap: {
      precision: op,
      recall: or,
      f1: op + or ? (2 * op * or) / (op + or) : 0,
      predictedHit: c.predictedHit,
      goldHit: c.goldHit,
    },
  };
}

export function scoreDocuments(
  docs: Iterable<ScoredDocument>,
  options: ScoreOptions = {},
): ScoreReport {
  const wanted = options.types ? new Set(options.types) : null;
  const counts = new Map<string, Counts>();
  const bucket = (type: string) => {
    let c = counts.get(type);
    if (!c) {
      c = empty();
      counts.set(type, c);
    }
    return c;
  };
  for (const doc of docs) {
    const byType = new Map<string, { gold: PredictedSpan[]; predicted: PredictedSpan[] }>();
    const side = (type: string) => {
      let s = byType.get(type);
      if (!s) {
        s = { gold: [], predicted: [] };
        byType.set(type, s);
      }
      return s;
    };
    for (const g of doc.gold) {
      if (g.nested) continue;
      const type = options.goldTypeMap?.[g.type] ?? g.type;
      if (wanted && !wanted.has(type)) continue;
      side(type).gold.push({ start: g.start, end: g.end, type });
    }
    for (const p of doc.predicted) {
      if (wanted && !wanted.has(p.type)) continue;
      side(p.type).predicted.push({ start: p.start, end: p.end, type: p.type });
    }
    for (const [type, s] of byType) {
      const c = bucket(type);
      const goldKeys = new Set(s.gold.map((g) => `${g.start}:${g.end}`));
      const seen = new Set<string>();
      for (const p of s.predicted) {
        const k = `${p.start}:${p.end}`;
        if (goldKeys.has(k) && !seen.has(k)) {
          c.tp++;
          seen.add(k);
        }
      }
      c.gold += goldKeys.size;
      c.predicted += s.predicted.length;
      const byStart = (a: PredictedSpan, b: PredictedSpan) => a.start - b.start || a.end - b.end;
      s.gold.sort(byStart);
      s.predicted.sort(byStart);
      c.predictedHit += overlapping(s.predicted, s.gold);
      c.goldHit += overlapping(s.gold, s.predicted);
    }
  }
  const types = [...counts.keys()].sort();
  const micro = empty();
  for (const c of counts.values()) {
    micro.tp += c.tp;
    micro.gold += c.gold;
    micro.predicted += c.predicted;
    micro.predictedHit += c.predictedHit;
    micro.goldHit += c.goldHit;
  }
  return {
    types: types.map((t) => toReport(t, counts.get(t) as Counts)),
    micro: toReport('micro', micro),
  };
}

/** A fixed-width text table of a report (what scripts/eval.ts prints). */
export function formatReport(report: ScoreReport): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = ['type     gold  pred    tp    fp    fn |     P     R    F1 | ovl-P ovl-R ovl-F1'];
  for (const r of [...report.types, report.micro]) {
    lines.push(
      `${r.type.padEnd(6)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)} | ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} | ${pct(r.overlap.precision)} ${pct(r.overlap.recall)} ${pct(r.overlap.f1)}`,
    );
  }
  return lines.join('\n');
}

/** Gold LAW spans that name a treaty (договор, соглашение, конвенция, пакт, протокол, …). */
export const TREATY_LIKE =
  /договор|соглашени|конвенци|пакт|протокол|харти|меморандум|treaty|agreement|convention|pact|protocol|charter|memorandum|accord/i;

export interface TreatyRecall {
  gold: number;
  /** Gold spans predicted exactly as TREATY. */
  exact: number;
  /** Gold spans overlapped by a TREATY prediction. */
  overlap: number;
  missed: { text: string; start: number; end: number }[];
}

/**
 * Recall of TREATY predictions on the treaty-like LAW spans of a corpus (issue 3: NEREL marks
 * laws and treaties as LAW; only those naming a treaty count). Nested spans count too: a
 * treaty's name inside a longer LAW span is still a treaty name.
 */
export function treatyRecall(
  docs: Iterable<{
    text: string;
    gold: readonly (GoldSpan & { text?: string })[];
    predicted: readonly PredictedSpan[];
  }>,
): TreatyRecall {
  const out: TreatyRecall = { gold: 0, exact: 0, overlap: 0, missed: [] };
  for (const d of docs) {
    const treaties = d.predicted.filter((p) => p.type === 'TREATY');
    for (const g of d.gold) {
      if (g.type !== 'LAW') continue;
      const text = d.text.slice(g.start, g.end);
      if (!TREATY_LIKE.test(text)) continue;
      out.gold++;
      if (treaties.some((p) => p.start === g.start && p.end === g.end)) out.exact++;
      if (treaties.some((p) => p.start < g.end && g.start < p.end)) out.overlap++;
      else out.missed.push({ text, start: g.start, end: g.end });
    }
  }
  return out;
}

/**
 * Error lines for reading: one line per false negative / false positive (exact spans), with a
 * little context, as `npm run eval -- --errors N` and `npm run eval:cv -- --errors FILE` print.
 */

interface Span {
  start: number;
  end: number;
  type: string;
  nested?: boolean;
}

/** Appends "FN PER …[span]…" and "FP PER …" lines for `types` (all when undefined) to `out`. */
export function listErrors(
  text: string,
  gold: readonly Span[],
  predicted: readonly Span[],
  types: readonly string[] | undefined,
  map: Readonly<Record<string, string>>,
  out: string[],
): void {
  const want = (t: string) => !types || types.includes(t);
  const g = gold
    .filter((e) => !e.nested)
    .map((e) => ({ ...e, type: map[e.type] ?? e.type }))
    .filter((e) => want(e.type));
  const p = predicted.filter((e) => want(e.type));
  const key = (e: Span) => `${e.start}:${e.end}:${e.type}`;
  const gk = new Set(g.map(key));
  const pk = new Set(p.map(key));
  const ctx = (e: Span) =>
    `${text.slice(Math.max(0, e.start - 30), e.start)}[${text.slice(e.start, e.end)}]${text.slice(e.end, e.end + 30)}`.replace(
      /\s+/g,
      ' ',
    );
  for (const e of g) if (!pk.has(key(e))) out.push(`FN ${e.type} ${ctx(e)}`);
  for (const e of p) if (!gk.has(key(e))) out.push(`FP ${e.type} ${ctx(e)}`);
}

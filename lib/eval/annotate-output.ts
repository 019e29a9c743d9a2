/**
 * What `glossa annotate` writes (scripts/glossa.ts; docs/architecture.md, "Batch annotation
 * format"): the same fields, in the same order, for `--json` and for the batch lines, so a
 * scorer or a script reads one shape.
 */
import type { EntitySummary, Mention, TreatyInfo } from '../entities';

/** One mention as the command line writes it; ORG mentions are not written. */
export interface OutputEntity {
  start: number;
  end: number;
  type: Mention['type'];
  text: string;
  canonical: string;
  /** A registered treaty's id, names and year (a field scorers may ignore). */
  treaty?: TreatyInfo;
  /** The entity's id when a register knows it (lib/entity-id.ts): "PER:vladimir-putin". */
  id?: string;
}

export function outputEntity(m: Mention): OutputEntity {
  const out: OutputEntity = {
    start: m.start,
    end: m.end,
    type: m.type,
    text: m.text,
    canonical: m.canonical,
  };
  if (m.treaty) out.treaty = m.treaty;
  if (m.id) out.id = m.id;
  return out;
}

/** The mentions the command line writes, in order. */
export function outputEntities(mentions: readonly Mention[]): OutputEntity[] {
  const out: OutputEntity[] = [];
  for (const m of mentions) if (m.type !== 'ORG') out.push(outputEntity(m));
  return out;
}

/** One line of the batch format: `{"id", "entities"}` and a newline. */
export function batchLine(docId: string | number, mentions: readonly Mention[]): string {
  return `${JSON.stringify({ id: docId, entities: outputEntities(mentions) })}\n`;
}

/** `annotate FILE --json`: the file, its mentions and the page-style summary, indented. */
export function annotateJson(
  file: string,
  mentions: readonly Mention[],
  summary: readonly EntitySummary[],
): string {
  return `${JSON.stringify({ file, entities: outputEntities(mentions), summary }, null, 2)}\n`;
}

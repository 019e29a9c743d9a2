/** Reading the corpora format (one JSON document per line, see /work/shared/corpora/README.md). */
import type { GoldSpan } from './score';

export interface CorpusDocument {
  id: string;
  /** The id as written (string or number), for echoing it back unchanged. */
  rawId: string | number;
  text: string;
  lang?: string;
  entities?: GoldSpan[];
}

export class CorpusLineError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses one line; throws CorpusLineError naming the (1-based) line when it is not a document. */
export function parseCorpusLine(line: string, lineNumber: number): CorpusDocument {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new CorpusLineError(lineNumber, `not valid JSON (${(err as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CorpusLineError(lineNumber, 'expected a JSON object');
  }
  const o = value as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number') {
    throw new CorpusLineError(lineNumber, 'missing "id" (a string or number)');
  }
  if (typeof o.text !== 'string') throw new CorpusLineError(lineNumber, 'missing "text" (string)');
  if (o.lang !== undefined && o.lang !== null && typeof o.lang !== 'string') {
    throw new CorpusLineError(lineNumber, '"lang" must be a string');
  }
  const doc: CorpusDocument = { id: String(o.id), rawId: o.id as string | number, text: o.text };
  if (typeof o.lang === 'string') doc.lang = o.lang;
  if (Array.isArray(o.entities)) doc.entities = o.entities as GoldSpan[];
  return doc;
}

/** Parses a whole JSONL text; blank lines are skipped. */
export function parseCorpus(content: string): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (!line.trim()) continue;
    docs.push(parseCorpusLine(line, i + 1));
  }
  return docs;
}

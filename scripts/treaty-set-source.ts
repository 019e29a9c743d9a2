/**
 * The treaty dev set's paragraphs come from the shared corpora (../shared/corpora): the set
 * stores only where each paragraph is and its SHA-1. This module reads the corpora and gives the
 * paragraph texts back, checked against the SHA-1 (Node only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusDocument, parseCorpus } from '../lib/eval/corpus';
import { parseTreatySet, type TreatySetEntry, type TreatySetSource } from '../lib/eval/treaty-set';
import { sharedDir } from './shared-dir';

export const CORPORA = sharedDir('corpora', 'GLOSSA_CORPORA');
export const TREATY_SET_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/treaty-set',
);

export function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export function corporaAvailable(dir = CORPORA): boolean {
  return existsSync(dir);
}

/** Reads corpus files on demand, once each. */
export class CorpusStore {
  private readonly files = new Map<
    string,
    { docs: CorpusDocument[]; byId: Map<string, CorpusDocument> }
  >();

  constructor(readonly dir = CORPORA) {}

  file(name: string): { docs: CorpusDocument[]; byId: Map<string, CorpusDocument> } {
    let f = this.files.get(name);
    if (!f) {
      const docs = parseCorpus(readFileSync(path.join(this.dir, `${name}.jsonl`), 'utf8'));
      f = { docs, byId: new Map(docs.map((d) => [d.id, d])) };
      this.files.set(name, f);
    }
    return f;
  }

  document(source: TreatySetSource): CorpusDocument {
    const doc = this.file(source.file).byId.get(source.doc);
    if (!doc) throw new Error(`${source.file}: no document ${source.doc}`);
    return doc;
  }

  /** The paragraph's text; throws when the offsets fall outside the document. */
  paragraph(source: TreatySetSource): string {
    const doc = this.document(source);
    if (source.end > doc.text.length) {
      throw new Error(
        `${source.file}#${source.doc}: ${source.end} is past the end (${doc.text.length})`,
      );
    }
    return doc.text.slice(source.start, source.end);
  }
}

/** The committed set's files (one JSONL per language), sorted. */
export function treatySetFiles(dir = TREATY_SET_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function loadTreatySet(dir = TREATY_SET_DIR): TreatySetEntry[] {
  const out: TreatySetEntry[] = [];
  for (const f of treatySetFiles(dir)) {
    try {
      for (const e of parseTreatySet(readFileSync(f, 'utf8'))) out.push(e);
    } catch (err) {
      throw new Error(`${path.basename(f)}: ${(err as Error).message}`);
    }
  }
  return out;
}

/** Each entry with its paragraph text; throws when a paragraph's SHA-1 no longer matches. */
export function withTexts(
  entries: readonly TreatySetEntry[],
  store = new CorpusStore(),
): { entry: TreatySetEntry; text: string }[] {
  return entries.map((entry) => {
    const text = store.paragraph(entry.source);
    if (sha1(text) !== entry.sha1) {
      throw new Error(`${entry.id}: the corpus paragraph changed (SHA-1 differs)`);
    }
    return { entry, text };
  });
}

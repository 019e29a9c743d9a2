/**
 * The annotated corpora the lexicon and the tagger learn from, shared by the two builds
 * (scripts/build-lexicon.ts, scripts/train.ts) and the cross-validation (scripts/eval-cv.ts), so
 * that all three read the same documents in the same order.
 *
 * NEREL (Russian) and CoNLL-2003 (English) have train and dev splits; the shipped data learns
 * from both (docs/recognition.md, "Reproducing the data"). factRuEval has a dev split only and
 * is never learned from.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpus } from '../lib/eval/corpus';
import type { GoldSpan } from '../lib/eval/score';
import { sharedDir } from './shared-dir';

export const CORPORA_DIR = sharedDir('corpora', 'GLOSSA_CORPORA');

/** A gold span as the corpora write it (with its text, which the lexicon build counts). */
export interface TrainingSpan extends GoldSpan {
  text: string;
  orig_type?: string;
}

export interface TrainingDocument {
  /** The corpus file it comes from (ids repeat across CoNLL-2003's splits). */
  file: string;
  id: string;
  text: string;
  lang?: string;
  entities: TrainingSpan[];
}

/** The documents to learn from, by language (the lexicon build counts each language apart). */
export interface TrainingSet {
  /** NEREL documents. */
  ru: TrainingDocument[];
  /** CoNLL-2003 documents. */
  en: TrainingDocument[];
}

export type Split = 'train' | 'dev';

/** What the shipped lexicon and model learn from. */
export const SHIPPED_SPLITS: readonly Split[] = ['train'];

export const CORPUS_FILES = { ru: 'nerel', en: 'conll2003' } as const;

/** One corpus file of CORPORA_DIR, e.g. readCorpusFile('nerel-train.jsonl'). */
export function readCorpusFile(name: string): TrainingDocument[] {
  return parseCorpus(readFileSync(join(CORPORA_DIR, name), 'utf8')).map((d) => {
    const doc: TrainingDocument = {
      file: name,
      id: d.id,
      text: d.text,
      entities: (d.entities ?? []) as TrainingSpan[],
    };
    if (d.lang) doc.lang = d.lang;
    return doc;
  });
}

/** NEREL and CoNLL-2003 documents of the given splits, each corpus in split then file order. */
export function readTrainingSet(splits: readonly Split[]): TrainingSet {
  const read = (corpus: string) => splits.flatMap((s) => readCorpusFile(`${corpus}-${s}.jsonl`));
  return { ru: read(CORPUS_FILES.ru), en: read(CORPUS_FILES.en) };
}

/** A document's key, unique across all corpus files. */
export function documentKey(d: TrainingDocument): string {
  return `${d.file}#${d.id}`;
}

/** Parses a --splits value ("train,dev"). */
export function parseSplits(value: string): Split[] {
  const splits = value.split(',').filter(Boolean);
  for (const s of splits) if (s !== 'train' && s !== 'dev') throw new Error(`unknown split ${s}`);
  if (splits.length === 0) throw new Error('no split given');
  return splits as Split[];
}

/** Whether this module is the script node was started with (a CLI entry point, not an import). */
export function isEntryPoint(moduleUrl: string): boolean {
  const started = process.argv[1];
  return started !== undefined && resolve(started) === fileURLToPath(moduleUrl);
}

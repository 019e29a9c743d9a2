/**
 * Import notes from a file: Glossa's JSON export or W3C Web Annotations (JSON-LD).
 *
 * 1. `planImport(text)` reads and validates the WHOLE file (pure, no database): size, syntax,
 *    hostile content, then every field. It returns a plan, or one message naming the problem.
 * 2. `applyImport(db, plan)` writes the plan in ONE transaction: all notes or none.
 *
 * Merge rule, by note id: a note not in the store is added; a note already stored is replaced
 * only when the file's copy was edited later (a later updatedAt); on a tie, or when the stored copy
 * is newer, the stored note stays as it is. So importing an export of the same database changes
 * nothing, and importing an older backup never undoes newer edits. Notes are never deleted by an
 * import.
 *
 * Text from a file is stored as plain text: "<script>" in a note is just those characters, and
 * Glossa never renders notes as HTML.
 */
import { mergeArticles } from '../memory/backup';
import type { RememberedArticle } from '../memory/model';
import { putArticles } from '../memory/store';
import { type NotesDb, toNotesError } from './db';
import { isNotesFile, parseNotesFile } from './export-json';
import { isWebAnnotationFile, parseWebAnnotations } from './import-jsonld';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { Note } from './model';
import { checkFileSize, readJsonFile } from './safe-json';
import { fail, NotesFileError } from './validate';

export type ImportFormat = 'glossa-json' | 'web-annotation';

export interface ImportPlan {
  format: ImportFormat;
  /** Validated notes, ready to store. */
  notes: Note[];
  /** Validated remembered articles (a Glossa backup's reading memory), ready to merge. */
  articles: RememberedArticle[];
  /** Parts of the file that were left out, each naming where (W3C files only). */
  warnings: string[];
}

export type ImportCheck = { ok: true; plan: ImportPlan } | { ok: false; error: string };

export interface PlanOptions {
  /** The file's size in bytes as the browser reports it (File.size); checked before anything else. */
  fileBytes?: number;
  /** Time for W3C annotations that carry none. */
  now?: Date;
  /** Tighter limits, for tests; the defaults are IMPORT_LIMITS. */
  limits?: Partial<ImportLimits>;
}

/** Check a file's size before reading it at all; null when it may be read. */
export function checkImportSize(bytes: number, limits: Partial<ImportLimits> = {}): string | null {
  try {
    checkFileSize(bytes, { ...IMPORT_LIMITS, ...limits });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function planImport(text: string, options: PlanOptions = {}): ImportCheck {
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
  try {
    if (options.fileBytes !== undefined) checkFileSize(options.fileBytes, limits);
    const data = readJsonFile(text, limits);
    if (isNotesFile(data)) {
      const file = parseNotesFile(data, limits);
      return {
        ok: true,
        plan: {
          format: 'glossa-json',
          notes: file.notes,
          articles: file.memory ?? [],
          warnings: [],
        },
      };
    }
    if (isWebAnnotationFile(data)) {
      const parsed = parseWebAnnotations(data, {
        limits,
        ...(options.now ? { now: options.now } : {}),
      });
      return { ok: true, plan: { format: 'web-annotation', ...parsed, articles: [] } };
    }
    return fail(
      'This file is neither a Glossa notes export (format "glossa-notes") nor W3C Web Annotations (@context "http://www.w3.org/ns/anno.jsonld"). Nothing was imported.',
    );
  } catch (error) {
    if (error instanceof NotesFileError) return { ok: false, error: error.message };
    // A bug of ours, not the file's fault; say so rather than blame the file.
    return {
      ok: false,
      error: `Glossa could not read the file: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface ImportResult {
  /** Notes that were not in the store. */
  added: number;
  /** Stored notes replaced by a copy edited later. */
  updated: number;
  /** Notes whose stored copy was as new or newer, and stayed. */
  unchanged: number;
  /** Remembered articles added to the reading memory or merged into what it held. */
  articles: number;
}

/** Later edit wins; times compared as instants, so "…Z" and "+03:00" spellings compare right. */
function isNewer(incoming: Note, stored: Note): boolean {
  return Date.parse(incoming.updatedAt) > Date.parse(stored.updatedAt);
}

export async function applyImport(db: NotesDb, plan: ImportPlan): Promise<ImportResult> {
  try {
    return await db.transaction('rw', db.notes, db.articles, db.entityCounts, async () => {
      const stored = await db.notes.bulkGet(plan.notes.map((n) => n.id));
      const writes: Note[] = [];
      const result: ImportResult = { added: 0, updated: 0, unchanged: 0, articles: 0 };
      plan.notes.forEach((incoming, i) => {
        const current = stored[i];
        if (!current) {
          writes.push(incoming);
          result.added += 1;
        } else if (isNewer(incoming, current)) {
          writes.push(incoming);
          result.updated += 1;
        } else {
          result.unchanged += 1;
        }
      });
      if (writes.length > 0) await db.notes.bulkPut(writes);
      if (plan.articles.length > 0) {
        const remembered = await db.articles.bulkGet(plan.articles.map((a) => a.url));
        // putArticles keeps the per-entity counts (lib/memory/entity-counts.ts) in step.
        await putArticles(
          db,
          plan.articles.map((a, i) => {
            const current = remembered[i];
            return current ? mergeArticles(current, a) : a;
          }),
          remembered,
        );
        result.articles = plan.articles.length;
      }
      return result;
    });
  } catch (error) {
    throw toNotesError('Could not import the notes (nothing was changed)', error);
  }
}

export type ImportOutcome =
  | { ok: true; format: ImportFormat; result: ImportResult; warnings: string[] }
  | { ok: false; error: string };

/**
 * Plan and apply in one call, for the import button: a file with any problem changes nothing and
 * comes back as { ok: false, error }; a storage failure also changes nothing (one transaction).
 */
export async function importNotes(
  db: NotesDb,
  text: string,
  options: PlanOptions = {},
): Promise<ImportOutcome> {
  const check = planImport(text, options);
  if (!check.ok) return check;
  try {
    const result = await applyImport(db, check.plan);
    return { ok: true, format: check.plan.format, result, warnings: check.plan.warnings };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

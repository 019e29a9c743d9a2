/**
 * Data a suite reads from ../shared (the project's shared data folder beside the clone: saved
 * real pages, corpora). A fresh clone has no ../shared: the suite is then skipped, with one line
 * saying what is missing and how to get it, instead of failing; CI, which has ../shared beside its
 * clone, runs it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../../../scripts/shared-dir';

export interface SharedData {
  /** The folder (../shared/<sub>, or the one the environment variable names). */
  dir: string;
  /** Whether `file` is in it: use with describe.skipIf(!present). */
  present: boolean;
}

/** Where `sub` of ../shared is, and whether it holds `file`; prints why `suite` is skipped if not. */
export function sharedData(suite: string, sub: string, envName: string, file: string): SharedData {
  const dir = sharedDir(sub, envName);
  const present = existsSync(path.join(dir, file));
  if (!present) {
    console.log(
      `[glossa] skipping ${suite}: ${path.join(dir, file)} not found (../shared/${sub} is the ` +
        `project's shared data folder, beside the clone; CI provides it; or set ${envName} to a folder with ${file})`,
    );
  }
  return { dir, present };
}

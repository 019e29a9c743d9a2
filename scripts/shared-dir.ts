/**
 * Where ../shared (the read-only corpora and saved pages beside the project) is: the folder
 * beside the repository, wherever it is cloned (CI clones elsewhere, with shared/ beside the clone).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/<sub>` of the repository, unless the environment variable `envName` names another folder. */
export function sharedDir(sub: string, envName: string): string {
  return process.env[envName] || path.resolve(REPO_ROOT, '..', 'shared', sub);
}

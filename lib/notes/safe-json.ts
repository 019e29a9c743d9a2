/**
 * Read an untrusted JSON file in one pass of checks, before any format-specific validation:
 * size, syntax (with a clear word when the file was cut short), nesting depth, string lengths,
 * and keys that could alter JavaScript objects if some later code merged the data carelessly
 * (__proto__, constructor, prototype). Glossa's own parsers copy fields by name and are not
 * vulnerable; refusing such files anyway means no such key is ever stored or passed on.
 */
import { formatCount, formatSize, IMPORT_LIMITS, type ImportLimits } from './limits';
import { fail, isObject } from './validate';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** UTF-8 size of a string without encoding it (a 50 MB file would mean a 50 MB copy). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function checkFileSize(bytes: number, limits: ImportLimits = IMPORT_LIMITS): void {
  if (bytes > limits.maxBytes) {
    fail(
      `The file is ${formatSize(bytes)}; Glossa imports files of at most ${formatSize(limits.maxBytes)}. Export fewer notes at a time, or split the file.`,
    );
  }
}

/** V8 and SpiderMonkey both say "end of (JSON) input/data" or point at the very last position. */
function looksTruncated(message: string, text: string): boolean {
  if (/end of (JSON )?(input|data)/i.test(message) || /unterminated/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length - 1;
}

function parse(text: string): unknown {
  if (text.trim() === '') fail('The file is empty.');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (looksTruncated(message, text)) {
      fail(
        `The file ends too early: it looks truncated (an interrupted download or copy?). (${message})`,
      );
    }
    return fail(`The file is not valid JSON (${message}).`);
  }
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number | undefined;
}

/** "notes[3].selectors[0].exact" from a chain of frames; built only when there is an error. */
function pathOf(frame: Frame | undefined, key?: string | number): string {
  const parts: Array<string | number> = key === undefined ? [] : [key];
  for (let f = frame; f && f.key !== undefined; f = f.parent) parts.push(f.key);
  let path = '';
  for (const part of parts.reverse()) {
    path += typeof part === 'number' ? `[${part}]` : path === '' ? part : `.${part}`;
  }
  return path === '' ? 'the file' : path;
}

/** Depth-first, without recursion: a hostile file cannot exhaust the call stack. */
function inspect(root: unknown, limits: ImportLimits): void {
  const stack: Frame[] = [{ value: root, depth: 0, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value } = frame;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        fail(
          `${pathOf(frame)} is ${formatCount(value.length)} characters long; Glossa accepts at most ${formatCount(limits.maxStringLength)} in one field.`,
        );
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (frame.depth >= limits.maxDepth) {
      fail(
        `${pathOf(frame)} is nested more than ${limits.maxDepth} levels deep; no notes file is.`,
      );
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], depth: frame.depth + 1, parent: frame, key: i });
      }
      continue;
    }
    if (!isObject(value)) continue;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        fail(
          `${pathOf(frame, key)}: the key "${key}" is not allowed in a notes file (it is used to tamper with programs that read JSON). Nothing was imported.`,
        );
      }
      if (key.length > limits.maxStringLength) {
        fail(`${pathOf(frame)} has a key of ${formatCount(key.length)} characters.`);
      }
      stack.push({ value: value[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
}

/** Parse and inspect; throws NotesFileError naming the first problem. */
export function readJsonFile(text: string, limits: ImportLimits = IMPORT_LIMITS): unknown {
  // Each UTF-16 unit is at least one UTF-8 byte, so this cheap test settles most files at once.
  if (text.length > limits.maxBytes) checkFileSize(text.length, limits);
  checkFileSize(utf8Length(text), limits);
  const data = parse(text);
  inspect(data, limits);
  return data;
}

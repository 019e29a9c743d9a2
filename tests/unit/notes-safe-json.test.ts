/** lib/notes/safe-json.ts: an untrusted JSON file read with a clear refusal of every hazard. */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, type ImportLimits } from '../../lib/notes/limits';
import { checkFileSize, readJsonFile, utf8Length } from '../../lib/notes/safe-json';
import { NotesFileError } from '../../lib/notes/validate';

const small: ImportLimits = { maxBytes: 1000, maxStringLength: 20, maxNotes: 10, maxDepth: 4 };

describe('utf8Length', () => {
  it('counts UTF-8 bytes as TextEncoder does, lone surrogates as three', () => {
    for (const s of ['', 'abc', 'Путин', '北京', '🙂 emoji', '\ud800x', 'x\udc00']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});

describe('readJsonFile', () => {
  it('returns the data of a good file', () => {
    expect(readJsonFile('{"notes":[{"text":"ok"}]}', small)).toEqual({ notes: [{ text: 'ok' }] });
  });

  it('says the file is empty, cut short, or not JSON', () => {
    expect(() => readJsonFile('  ', small)).toThrow('The file is empty.');
    expect(() => readJsonFile('{"notes":[{"text":"o', small)).toThrow('looks truncated');
    expect(() => readJsonFile('{notes}', small)).toThrow('not valid JSON');
  });

  it('refuses a file too large, too deep or with a string too long, naming where', () => {
    expect(() => readJsonFile(`"${'x'.repeat(1200)}"`, small)).toThrow('at most 1000 bytes');
    expect(() => readJsonFile('{"a":{"b":{"c":{"d":{"e":1}}}}}', small)).toThrow(
      'a.b.c.d is nested more than 4 levels deep',
    );
    expect(() => readJsonFile(`{"notes":[{"text":"${'y'.repeat(21)}"}]}`, small)).toThrow(
      'notes[0].text is 21 characters long; Glossa accepts at most 20',
    );
  });

  it('refuses keys that tamper with objects, anywhere in the file', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const attempt = () => readJsonFile(`{"notes":[{"${key}":{"polluted":true}}]}`, small);
      expect(attempt).toThrow(NotesFileError);
      expect(attempt).toThrow(`notes[0].${key}: the key "${key}" is not allowed`);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('inspects a deeply nested hostile file without exhausting the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => readJsonFile(deep)).toThrow(/nested more than|not valid JSON/);
  });
});

describe('checkFileSize', () => {
  it('lets a file at the limit through and refuses one byte more', () => {
    expect(() => checkFileSize(IMPORT_LIMITS.maxBytes)).not.toThrow();
    expect(() => checkFileSize(IMPORT_LIMITS.maxBytes + 1)).toThrow(
      'The file is 50.1 MB; Glossa imports files of at most 50 MB.',
    );
  });
});

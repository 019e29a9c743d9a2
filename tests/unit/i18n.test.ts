/**
 * The UI's messages: both languages have the same keys and placeholders, every key the code asks
 * for exists, the browsers' substitution rules are followed, and Russian plurals pick the right form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatMessage,
  type MessageFile,
  messagesGetter,
  t,
  tn,
  typeLabel,
  uiLanguage,
} from '../../lib/i18n';
import english from '../../public/_locales/en/messages.json';
import russian from '../../public/_locales/ru/messages.json';

const EN = english as MessageFile;
const RU = russian as MessageFile;
const g = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete g.chrome;
  delete g.browser;
});

const placeholdersOf = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] as string).toLowerCase());

describe('messages files', () => {
  it('have the same keys, valid names and declared placeholders in English and Russian', () => {
    expect(Object.keys(RU).sort()).toEqual(Object.keys(EN).sort());
    for (const [lang, file] of [
      ['en', EN],
      ['ru', RU],
    ] as const) {
      for (const [key, entry] of Object.entries(file)) {
        expect(key, `${lang} key`).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
        for (const name of placeholdersOf(entry.message)) {
          expect(entry.placeholders?.[name], `${lang} ${key}: $${name}$ declared`).toBeDefined();
        }
      }
    }
    // The same substitutions mean the same thing in both languages.
    for (const key of Object.keys(EN)) {
      expect(RU[key]?.placeholders, key).toEqual(EN[key]?.placeholders);
    }
  });

  it('say the manifest strings WXT puts into manifest.json (name, description, commands)', () => {
    const config = readFileSync('wxt.config.ts', 'utf8') + readFileSync('lib/commands.ts', 'utf8');
    const keys = [...config.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1] as string);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extDescription', 'cmdSaveSelection']));
    for (const key of keys) if (!key.includes('$')) expect(EN[key], key).toBeDefined();
    // Chrome refuses a description longer than 132 characters.
    for (const file of [EN, RU])
      expect(file.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('have every key the code asks for', () => {
    const asked = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          const source = readFileSync(file, 'utf8');
          for (const m of source.matchAll(/\bt\(\s*'(\w+)'/g)) asked.add(m[1] as string);
          for (const m of source.matchAll(/\btn\(\s*'(\w+)'/g)) asked.add(`${m[1]}_other`);
        }
      }
    };
    for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
    expect(asked.size).toBeGreaterThan(50);
    for (const key of asked) expect(EN[key], key).toBeDefined();
  });
});

describe('t', () => {
  it('falls back to the English file where there is no i18n API (Node)', () => {
    expect(t('headingOnThisPage')).toBe('On this page');
    expect(t('siteEnabled', 'ria.ru')).toBe('Glossa on ria.ru');
    expect(t('revealPosition', [2, 5])).toBe('2 of 5');
    expect(uiLanguage()).toBe('en');
    expect(typeLabel('PER')).toBe('Person');
  });

  it('fills placeholders as the browsers do', () => {
    const entry = {
      message: '$B$ then $A$, $$5 and $3',
      placeholders: { a: { content: '$1' }, b: { content: '$2' } },
    };
    expect(formatMessage(entry, ['one', 'two'])).toBe('two then one, $5 and ');
  });

  it('asks browser.i18n or chrome.i18n when present, and falls back when it knows nothing', () => {
    g.chrome = { i18n: { getMessage: messagesGetter(RU) } };
    expect(t('headingOnThisPage')).toBe('На этой странице');
    expect(typeLabel('TREATY')).toBe('Договорный термин');
    g.browser = { i18n: { getMessage: () => '' } };
    expect(t('headingOnThisPage')).toBe('On this page');
  });
});

describe('tn', () => {
  it('picks English one/other', () => {
    expect(tn('noteCount', 1)).toBe('1 note');
    expect(tn('noteCount', 2)).toBe('2 notes');
    expect(tn('occurrences', 1)).toBe('1 occurrence on this page');
  });

  it('picks Russian one/few/many', () => {
    g.chrome = { i18n: { getMessage: messagesGetter(RU) } };
    expect([1, 2, 5, 11, 21, 22, 25, 101].map((n) => tn('noteCount', n))).toEqual([
      '1 заметка',
      '2 заметки',
      '5 заметок',
      '11 заметок',
      '21 заметка',
      '22 заметки',
      '25 заметок',
      '101 заметка',
    ]);
    expect(tn('occurrences', 3)).toBe('3 упоминания на этой странице');
    expect(tn('onPageCount', 1)).toBe('на 1 странице');
  });
});

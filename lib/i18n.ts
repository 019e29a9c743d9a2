/**
 * The UI's words, in the browser's language: `t(key, substitutions)` asks the WebExtension i18n
 * API (`browser.i18n` / `chrome.i18n`, which reads public/_locales/<lang>/messages.json for the
 * browser's UI language, falling back to the manifest's default_locale, English). Where there is
 * no such API — Node (the CLI, unit tests), jsdom component tests, a plain web page — the English
 * file, imported here, answers the same way, so lib/ stays usable outside the extension.
 *
 * Messages use the i18n format: `$NAME$` placeholders whose content is `$1`, `$2`… (the
 * substitutions, in order). Counted phrases have one key per plural category (`_one`, `_few`,
 * `_many`, `_other`): `tn(key, count, …)` picks one with Intl.PluralRules for the language the
 * messages are in (the `locale` message), so Russian gets «1 заметка, 3 заметки, 5 заметок».
 */

import english from '../public/_locales/en/messages.json';
import type { EntityType } from './entities';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageFile = Record<string, MessageEntry>;

type English = typeof english;
export type MessageKey = keyof English & string;
/** Keys counted with tn(): "noteCount" for noteCount_one, noteCount_other… */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

export type Substitutions = string | number | ReadonlyArray<string | number>;

type GetMessage = (key: string, substitutions?: string | string[]) => string;

const ENGLISH = english as MessageFile;

/** Fill a message as the browsers do: `$NAME$` → its placeholder's content, then `$1`… and `$$`. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const p = placeholders[name.toLowerCase()];
    return p ? p.content : whole;
  });
  return named.replace(/\$(?:([1-9]\d*)|(\$+))/g, (_whole, index?: string, dollars?: string) =>
    index ? (substitutions[Number(index) - 1] ?? '') : (dollars ?? ''),
  );
}

/** A getMessage over one messages file (the English fallback; tests use it to fake a language). */
export function messagesGetter(file: MessageFile): GetMessage {
  return (key, substitutions) => {
    const entry = file[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return formatMessage(entry, subs);
  };
}

const fallback = messagesGetter(ENGLISH);

/** The browser's getMessage when this code runs in the extension, looked up on every call. */
function browserGetMessage(): GetMessage | null {
  const g = globalThis as {
    browser?: { i18n?: { getMessage?: GetMessage } };
    chrome?: { i18n?: { getMessage?: GetMessage } };
  };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof i18n?.getMessage === 'function' ? i18n.getMessage.bind(i18n) : null;
}

function asStrings(substitutions?: Substitutions): string[] | undefined {
  if (substitutions === undefined) return undefined;
  return (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
}

/** The message `key` in the UI language, with its substitutions. */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  const subs = asStrings(substitutions);
  const native = browserGetMessage();
  if (native) {
    try {
      const text = native(key, subs);
      if (text) return text;
    } catch {
      // a context where the API exists but cannot answer (extension reloaded): English below
    }
  }
  return fallback(key, subs);
}

/** The language the messages are in ("en", "ru"): for plural rules, dates and <html lang>. */
export function uiLanguage(): string {
  return t('locale') || 'en';
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** A counted phrase: the plural form of `key` for `count`; `count` is substitution $1. */
export function tn(
  key: PluralKey,
  count: number,
  more: ReadonlyArray<string | number> = [],
  formatted: string = String(count),
): string {
  const lang = uiLanguage();
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const category = rules.select(count);
  const form = `${key}_${category}` as MessageKey;
  const subs = [formatted, ...more];
  return Object.hasOwn(ENGLISH, form) ? t(form, subs) : t(`${key}_other` as MessageKey, subs);
}

/** What a category is called on screen ("Person", «Человек»); exports keep TYPE_LABELS. */
export function typeLabel(type: EntityType): string {
  return t(`type${type}` as MessageKey);
}

/** An extension page in the UI language: its <title> and <html lang> (HTML cannot say __MSG__). */
export function localizeDocument(doc: Document, title: MessageKey): void {
  doc.title = t(title);
  doc.documentElement.lang = uiLanguage();
}

/**
 * The ISO 3166-1 code of a country named in Russian or English, as the recognizer names it
 * (its canonical names come from the same two sources: i18n-iso-countries and the curated short
 * forms), so «КНДР», "North Korea" and "DPRK" are one place: a LOC mention's id
 * (lib/entity-id.ts) and the reading memory's key.
 */
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import { appendAll } from '../arrays';
import { foldName } from '../name-fold';
import { COUNTRY_ALIASES_EN } from './curated/places-en';
import { COUNTRY_ALIASES_RU } from './curated/places-ru';

type CountryNames = Record<string, string | string[]>;

function codeTable(): Map<string, string> {
  const table = new Map<string, string>();
  const add = (code: string, name: string) => {
    const key = foldName(name);
    if (!table.has(key)) table.set(key, code);
  };
  // Curated first: they decide where a package name is shared ("Конго").
  for (const aliases of [COUNTRY_ALIASES_RU, COUNTRY_ALIASES_EN]) {
    for (const [code, names] of Object.entries(aliases)) for (const n of names) add(code, n);
  }
  for (const lang of [ru, en]) {
    for (const [code, names] of Object.entries(lang.countries as CountryNames)) {
      for (const n of Array.isArray(names) ? names : [names]) add(code, n);
    }
  }
  return table;
}

let table: Map<string, string> | undefined;

/** The country's code ("KP"), or undefined when the name is no country's. */
export function countryCode(name: string): string | undefined {
  table ??= codeTable();
  return table.get(foldName(name));
}

/**
 * Every name of a country the two sources give, in Russian and English («США», «Соединённые
 * Штаты», "United States"…), in the form they were written; empty for an unknown code.
 */
export function countryNames(code: string): string[] {
  const names: string[] = [];
  for (const aliases of [COUNTRY_ALIASES_RU, COUNTRY_ALIASES_EN])
    appendAll(names, aliases[code] ?? []);
  for (const lang of [ru, en]) {
    const listed = (lang.countries as CountryNames)[code];
    if (listed) appendAll(names, Array.isArray(listed) ? listed : [listed]);
  }
  return [...new Set(names)];
}

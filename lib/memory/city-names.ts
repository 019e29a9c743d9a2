/**
 * The English name of a capital or major city named in Russian (or another language), so the
 * reading memory files «Москва» and "Moscow", «Пхеньян» and "Pyongyang" as one place. Cities have
 * no ids (only countries do, lib/entity-id.ts), and where a language's name is not the other's
 * spelling (an exonym) no transliteration joins them. Sources: curated/capitals-other.ts (the
 * recognizer's list of capitals as other languages write them) and, below, the Russian names it
 * lacks (its Cyrillic forms are mostly Ukrainian).
 */

import { foldName } from '../name-fold';
import { CAPITALS_OTHER } from '../recognize/curated/capitals-other';

/** `English = Russian form, form`: Russian exonyms not in CAPITALS_OTHER. */
const RUSSIAN_EXONYMS = `
Beijing = Пекин
Kyiv = Киев
Vienna = Вена
Athens = Афины
Cairo = Каир
Jerusalem = Иерусалим
Lisbon = Лиссабон
Tbilisi = Тбилиси
Yerevan = Ереван
Vilnius = Вильнюс
Tallinn = Таллин
Helsinki = Хельсинки
Mexico City = Мехико
Delhi = Дели, Нью-Дели
Islamabad = Исламабад
Sofia = София
Brasília = Бразилиа
Buenos Aires = Буэнос-Айрес
Warsaw = Варшава
Berlin = Берлин
Tokyo = Токио
`;

function cityTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const source of [RUSSIAN_EXONYMS, CAPITALS_OTHER]) {
    for (const line of source.split('\n')) {
      const [english, forms] = line.split(' = ');
      if (!english || !forms) continue;
      for (const form of [english, ...forms.split(',')]) {
        const key = foldName(form);
        if (key && !table.has(key)) table.set(key, english.trim());
      }
    }
  }
  return table;
}

let table: Map<string, string> | undefined;

/** The city's English name ("Moscow" for «Москва»), or undefined when the list has no such city. */
export function cityInEnglish(name: string): string | undefined {
  table ??= cityTable();
  return table.get(foldName(name));
}

/**
 * The reading memory as a spreadsheet: one row per article and entity (articles × entities), so a
 * pivot table counts who and what each site wrote about, week by week. Cells as the notes' CSV
 * writes them (lib/notes/export-csv.ts: RFC 4180, no cell a spreadsheet would run as a formula),
 * and a UTF-8 byte order mark so spreadsheet programs read Cyrillic right.
 */
import { csvField } from '../notes/export-csv';
import { keyType } from './entity-key';
import { shownName } from './entity-names';
import type { RememberedArticle } from './model';

const HEADER = [
  'article_url',
  'article_title',
  'site',
  'language',
  'first_read',
  'last_read',
  'entity_type',
  'entity_key',
  'entity_name',
  'mentions',
];

export function exportMemoryCsv(articles: readonly RememberedArticle[]): string {
  const lines = [HEADER.join(',')];
  const sorted = [...articles].sort(
    (a, b) => b.lastVisit.localeCompare(a.lastVisit) || a.url.localeCompare(b.url),
  );
  for (const a of sorted) {
    a.keys.forEach((key, i) => {
      lines.push(
        [
          a.url,
          a.title,
          a.site,
          a.lang,
          a.firstVisit,
          a.lastVisit,
          keyType(key) ?? '',
          key,
          shownName(key, a.names[i] ?? '', a.lang),
          a.counts[i] ?? 0,
        ]
          .map((v) => csvField(String(v)))
          .join(','),
      );
    });
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The options page's reading-memory section: the switch ("Remember what I read"), how long an
 * article is kept, how many are kept now, the memory as a spreadsheet (articles × entities), and
 * clearing it (asked twice; notes are never touched). The JSON backup carries it with the notes.
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadText } from '../lib/download';
import { t, tn } from '../lib/i18n';
import { exportMemoryCsv } from '../lib/memory/export-csv';
import { clearMemory } from '../lib/memory/store';
import type { NotesDb } from '../lib/notes/db';
import { formatCount } from '../lib/notes/limits';
import { MAX_MEMORY_DAYS, MIN_MEMORY_DAYS, parseMemoryDays, type Settings } from '../lib/settings';
import { ConfirmButton } from './ConfirmButton';

export interface MemorySettingsProps {
  settings: Pick<Settings, 'rememberReading' | 'memoryDays'>;
  update(patch: Partial<Pick<Settings, 'rememberReading' | 'memoryDays'>>): void;
  /** The database, to count and clear the memory (absent: the count and the button are not shown). */
  db?: NotesDb;
}

export function MemorySettings({ settings, update, db }: MemorySettingsProps) {
  const [count, setCount] = useState<number | null>(null);
  const [days, setDays] = useState(String(settings.memoryDays));

  useEffect(() => {
    let cancelled = false;
    db?.articles
      .count()
      .then((n) => {
        if (!cancelled) setCount(n);
      })
      .catch(() => {
        if (!cancelled) setCount(null);
      });
    return () => {
      cancelled = true;
    };
  }, [db]);

  const saveDays = () => {
    const parsed = parseMemoryDays(days);
    if (parsed === undefined) {
      setDays(String(settings.memoryDays));
      return;
    }
    setDays(String(parsed));
    if (parsed !== settings.memoryDays) update({ memoryDays: parsed });
  };

  return (
    <section aria-labelledby="memory-heading">
      <h2 id="memory-heading">{t('headingMemory')}</h2>
      <p class="muted" id="memory-help">
        {t('memoryHelp')}
      </p>
      <label class="check">
        <input
          type="checkbox"
          aria-describedby="memory-help"
          checked={settings.rememberReading}
          onChange={(e) => update({ rememberReading: e.currentTarget.checked })}
        />{' '}
        {t('rememberReading')}
      </label>
      <label class="field">
        {t('memoryDays')}{' '}
        <input
          type="number"
          inputMode="numeric"
          min={MIN_MEMORY_DAYS}
          max={MAX_MEMORY_DAYS}
          value={days}
          onInput={(e) => setDays(e.currentTarget.value)}
          onBlur={saveDays}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveDays();
          }}
        />
      </label>
      {db && (
        <p>
          <span class="memory-count">
            {count === null ? '' : tn('memoryCount', count, [], formatCount(count))}
          </span>{' '}
          <button
            type="button"
            onClick={async () => {
              const articles = await db.articles.toArray();
              const day = new Date().toISOString().slice(0, 10);
              downloadText(
                document,
                `glossa-memory-${day}.csv`,
                exportMemoryCsv(articles),
                'text/csv;charset=utf-8',
              );
            }}
          >
            {t('exportMemoryCsv')}
          </button>{' '}
          <ConfirmButton
            label={t('clearMemory')}
            question={t('clearMemoryQuestion')}
            confirmLabel={t('clearMemoryConfirm')}
            onConfirm={async () => {
              await clearMemory(db);
              setCount(0);
            }}
          />
        </p>
      )}
    </section>
  );
}

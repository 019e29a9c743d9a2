/**
 * The options page: the highlight switch, which categories are painted and in which colour (with
 * the contrast each keeps on light and dark pages), the reader's watch list, whether only article
 * pages are annotated, the sites where Glossa stays off, and export (a full page, so the download
 * survives a "where to save?" dialog that would close the popup). Each change is saved at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { PAINTED_TYPES, type PaintedType } from '../lib/entities';
import { t } from '../lib/i18n';
import type { NotesDb } from '../lib/notes/db';
import { loadSettings, type Settings, type StorageAreaLike, saveSettings } from '../lib/settings';
import { CategoryRow } from './CategoryRow';
import { ExportButtons } from './ExportButtons';
import { SiteAdder } from './SiteAdder';
import { WatchListEditor } from './WatchListEditor';

export interface OptionsProps {
  storage: StorageAreaLike;
  /** When given, the page also offers export of all notes. */
  db?: NotesDb;
  /** Open the notes view (search, edit, import). */
  openNotes?: () => void;
}

type SaveStatus = { ok: true } | { ok: false; message: string } | null;

export function Options({ storage, db, openNotes }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveStatus>(null);

  useEffect(() => {
    let cancelled = false;
    loadSettings(storage).then((s) => {
      if (!cancelled) setSettings(s);
    });
    return () => {
      cancelled = true;
    };
  }, [storage]);

  async function update(next: Settings) {
    setSettings(next);
    setStatus(null);
    try {
      await saveSettings(storage, next);
      setStatus({ ok: true });
    } catch (e) {
      setStatus({
        ok: false,
        message: t('notSaved', e instanceof Error ? e.message : String(e)),
      });
    }
  }

  if (!settings) return <p class="muted">{t('loadingSettings')}</p>;

  const setType = (type: PaintedType, on: boolean) =>
    update({ ...settings, types: { ...settings.types, [type]: on } });
  const setColor = (type: PaintedType, color: string) =>
    update({ ...settings, colors: { ...settings.colors, [type]: color } });

  return (
    <main class="options">
      <h1>{t('titleOptions')}</h1>
      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('headingHighlighting')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ ...settings, enabled: e.currentTarget.checked })}
          />{' '}
          {t('highlightEnabled')}
        </label>
        <fieldset disabled={!settings.enabled}>
          <legend>{t('categoriesLegend')}</legend>
          {PAINTED_TYPES.map((type) => (
            <CategoryRow
              key={type}
              type={type}
              on={settings.types[type]}
              color={settings.colors[type]}
              onToggle={(on) => setType(type, on)}
              onColor={(color) => setColor(type, color)}
            />
          ))}
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.articlesOnly}
            onChange={(e) => update({ ...settings, articlesOnly: e.currentTarget.checked })}
          />{' '}
          {t('articlesOnly')}
        </label>
      </section>

      <WatchListEditor
        key={settings.watchList.join('\n')}
        terms={settings.watchList}
        onSave={(watchList) => update({ ...settings, watchList })}
      />

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('headingSitesOff')}</h2>
        <SiteAdder
          onAdd={(site) =>
            settings.disabledSites.includes(site)
              ? undefined
              : update({ ...settings, disabledSites: [...settings.disabledSites, site] })
          }
        />
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('noSites')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site} data-site={site}>
                <span>{site}</span>{' '}
                <button
                  type="button"
                  aria-label={t('removeSite', site)}
                  onClick={() =>
                    update({
                      ...settings,
                      disabledSites: settings.disabledSites.filter((s) => s !== site),
                    })
                  }
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p class={status?.ok === false ? 'error' : 'ok'} role="status" aria-live="polite">
        {status === null ? '' : status.ok ? t('savedStatus') : status.message}
      </p>

      {db && (
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">{t('headingExportAll')}</h2>
          <ExportButtons db={db} />
        </section>
      )}
      {openNotes && (
        <p>
          <button type="button" class="link" onClick={openNotes}>
            {t('openAllNotes')}
          </button>
        </p>
      )}
    </main>
  );
}

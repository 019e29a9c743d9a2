/**
 * The options page: the highlight switch, which categories are painted and in which colour (with
 * the contrast each keeps on light and dark pages), the reader's watch list, whether only article
 * pages are annotated, the categories painted only on sites the reader trusts and those sites, the
 * sites where Glossa stays off, the reading memory (lib/memory), and export (a full page, so the download survives a "where to
 * save?" dialog that would close the popup). Each change is saved at once, applied to the settings
 * as stored then (a change synced from another browser meanwhile is kept).
 */
import { useEffect, useState } from 'preact/hooks';
import { PAINTED_TYPES, type PaintedType } from '../lib/entities';
import { t, typeLabel } from '../lib/i18n';
import type { NotesDb } from '../lib/notes/db';
import {
  loadSettings,
  type Settings,
  type StorageAreaLike,
  TRUST_CATEGORIES,
  type TrustCategory,
  updateSettings,
} from '../lib/settings';
import { CategoryRow } from './CategoryRow';
import { ExportButtons } from './ExportButtons';
import { MemorySettings } from './MemorySettings';
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
type Patch = Parameters<typeof updateSettings>[1];

/** A list of host names, each with its remove button. */
function SiteList({
  sites,
  empty,
  onRemove,
}: {
  sites: readonly string[];
  empty: string;
  onRemove(site: string): void;
}) {
  if (sites.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="sites">
      {sites.map((site) => (
        <li key={site} data-site={site}>
          <span>{site}</span>{' '}
          <button type="button" aria-label={t('removeSite', site)} onClick={() => onRemove(site)}>
            {t('remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

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

  async function update(patch: Patch) {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    setStatus(null);
    try {
      setSettings(await updateSettings(storage, patch));
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
    update({ types: { ...settings.types, [type]: on } });
  const setColor = (type: PaintedType, color: string) =>
    update({ colors: { ...settings.colors, [type]: color } });
  const setTrustedOnly = (type: TrustCategory, on: boolean) =>
    update({ trustedOnly: { ...settings.trustedOnly, [type]: on } });

  return (
    <main class="options">
      <h1>{t('titleOptions')}</h1>
      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('headingHighlighting')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
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
            onChange={(e) => update({ articlesOnly: e.currentTarget.checked })}
          />{' '}
          {t('articlesOnly')}
        </label>
      </section>

      <WatchListEditor
        key={settings.watchList.join('\n')}
        terms={settings.watchList}
        onSave={(watchList) => update({ watchList })}
      />

      <section aria-labelledby="trusted-heading">
        <h2 id="trusted-heading">{t('headingTrusted')}</h2>
        <p class="muted" id="trusted-help">
          {t('trustedHelp')}
        </p>
        <fieldset aria-describedby="trusted-help">
          <legend>{t('trustedOnlyLegend')}</legend>
          {TRUST_CATEGORIES.map((type) => (
            <label class="check" key={type}>
              <input
                type="checkbox"
                name={`trusted-${type}`}
                checked={settings.trustedOnly[type]}
                onChange={(e) => setTrustedOnly(type, e.currentTarget.checked)}
              />{' '}
              {t('trustedOnlyFor', type === 'NOTES' ? t('trustedNotes') : typeLabel(type))}
            </label>
          ))}
        </fieldset>
        <SiteAdder
          id="trusted-site-input"
          label={t('trustSiteLabel')}
          addLabel={t('addTrustedSite')}
          onAdd={(site) =>
            settings.trustedSites.includes(site)
              ? undefined
              : update({ trustedSites: [...settings.trustedSites, site] })
          }
        />
        <SiteList
          sites={settings.trustedSites}
          empty={t('noTrustedSites')}
          onRemove={(site) =>
            update({ trustedSites: settings.trustedSites.filter((s) => s !== site) })
          }
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('headingSitesOff')}</h2>
        <SiteAdder
          onAdd={(site) =>
            settings.disabledSites.includes(site)
              ? undefined
              : update({ disabledSites: [...settings.disabledSites, site] })
          }
        />
        <SiteList
          sites={settings.disabledSites}
          empty={t('noSites')}
          onRemove={(site) =>
            update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })
          }
        />
      </section>

      <MemorySettings settings={settings} update={update} db={db} />

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

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { Mention, Recognizer } from '../../lib/entities';
import { type PageController, startPageController } from '../../lib/page/controller';
import { isSiteTrusted, notesPaintedOn, setSiteTrusted, typesPaintedOn } from '../../lib/page/site';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  SETTINGS_KEY,
  type Settings,
} from '../../lib/settings';
import { localArea } from './sync-area';

const settings = (patch: Partial<Settings> = {}): Settings => ({
  ...structuredClone(DEFAULT_SETTINGS),
  ...patch,
});

describe('trusted sites in settings', () => {
  it('paints every category everywhere by default, as before', () => {
    expect(DEFAULT_SETTINGS.trustedOnly).toEqual({
      PER: false,
      LOC: false,
      TREATY: false,
      WATCH: false,
      NOTES: false,
    });
    expect(notesPaintedOn(DEFAULT_SETTINGS, 'any.example')).toBe(true);
    expect(typesPaintedOn(DEFAULT_SETTINGS, 'any.example')).toEqual([
      'PER',
      'LOC',
      'TREATY',
      'WATCH',
    ]);
    // Settings saved before the switch existed read the same.
    const { trustedOnly: _, trustedSites: __, ...old } = DEFAULT_SETTINGS;
    expect(parseSettings(old).trustedOnly).toEqual(DEFAULT_SETTINGS.trustedOnly);
  });

  it('reads the switches and the sites, dropping what is not one', () => {
    const s = parseSettings({
      trustedOnly: { WATCH: true, PER: 'yes', ORG: true },
      trustedSites: ['Ria.RU.', 'ria.ru', 42, '', ' tass.ru '],
    });
    expect(s.trustedOnly).toEqual({
      PER: false,
      LOC: false,
      TREATY: false,
      WATCH: true,
      NOTES: false,
    });
    expect(s.trustedSites).toEqual(['ria.ru', 'tass.ru']);
    expect(parseSettings({ trustedSites: 'ria.ru' }).trustedSites).toEqual([]);
  });

  it('leaves trusted-only categories out on other sites, and the categories switched off everywhere', () => {
    const s = settings({
      trustedOnly: { PER: false, LOC: false, TREATY: true, WATCH: true, NOTES: true },
      trustedSites: ['ria.ru'],
      types: { PER: true, LOC: false, TREATY: true, WATCH: true },
    });
    expect(isSiteTrusted(s, 'RIA.ru.')).toBe(true);
    expect(typesPaintedOn(s, 'ria.ru')).toEqual(['PER', 'TREATY', 'WATCH']);
    expect(typesPaintedOn(s, 'evil.example')).toEqual(['PER']);
    // A subdomain is another site.
    expect(typesPaintedOn(s, 'news.ria.ru')).toEqual(['PER']);
    expect([notesPaintedOn(s, 'ria.ru'), notesPaintedOn(s, 'evil.example')]).toEqual([true, false]);
  });

  it('trusts and distrusts a site, remembered in settings', async () => {
    const { area, data } = localArea({
      [SETTINGS_KEY]: settings({ trustedSites: ['a.example'] }),
    });
    await setSiteTrusted(area, 'B.example', true);
    expect((await loadSettings(area)).trustedSites).toEqual(['a.example', 'b.example']);
    await setSiteTrusted(area, 'a.example', false);
    expect((data[SETTINGS_KEY] as Settings).trustedSites).toEqual(['b.example']);
  });
});

/** Marks "Putin" as a person; the watch list adds its own terms. */
const recognizer: Recognizer = {
  id: 'stub',
  recognize(text) {
    const out: Mention[] = [];
    for (let i = text.indexOf('Putin'); i >= 0; i = text.indexOf('Putin', i + 1))
      out.push({ start: i, end: i + 5, type: 'PER', text: 'Putin', canonical: 'Vladimir Putin' });
    return out;
  },
};

let controller: PageController | null = null;
afterEach(() => {
  controller?.dispose();
  controller = null;
});

describe('the page on a site not trusted', () => {
  const marked = () =>
    [...document.querySelectorAll('mark')].map((m) => `${m.dataset.glossa} ${m.textContent}`);

  it('paints no watch-list term when the watch list is trusted-only, and paints it once trusted', () => {
    document.body.innerHTML =
      '<article><p>Putin spoke of sanctions in a sanction regime.</p></article>';
    const host = document.location.hostname;
    const s = settings({
      watchList: ['sanction'],
      trustedOnly: { ...DEFAULT_SETTINGS.trustedOnly, WATCH: true },
    });
    let clock = 0;
    controller = startPageController({
      doc: document,
      settings: s,
      createRecognizer: () => recognizer,
      now: () => (clock += 1),
      startedAt: 0,
      domChanges: false,
      articleCheck: false,
      budgetMs: Number.POSITIVE_INFINITY,
    });
    // Only the person: the watch-list terms are neither painted nor listed.
    expect(marked()).toEqual(['PER Putin']);
    expect(controller.state().entities.map((e) => e.type)).toEqual(['PER']);
    expect(controller.notesPainted()).toBe(true);
    controller.applySettings({ ...s, trustedSites: [host] });
    expect(marked()).toEqual(['PER Putin', 'WATCH sanctions', 'WATCH sanction']);
    controller.applySettings({ ...s, trustedSites: [] });
    expect(marked()).toEqual(['PER Putin']);
    // Saved notes kept to trusted sites: not painted here, and painted once the site is trusted.
    const notesToo = { ...s, trustedOnly: { ...s.trustedOnly, NOTES: true } };
    controller.applySettings(notesToo);
    expect(controller.notesPainted()).toBe(false);
    controller.applySettings({ ...notesToo, trustedSites: [host] });
    expect(controller.notesPainted()).toBe(true);
  });
});

/**
 * Content script: browser wiring only. Loads settings, starts the page controller
 * (lib/page/controller.ts) and answers the popup's requests from this extension alone.
 * Every entry point is wrapped so a Glossa failure never throws into the page.
 *
 * Built as an unlisted script and declared in the manifest's content_scripts by wxt.config.ts
 * (CONTENT_SCRIPT), not as a WXT content script: WXT's start-up (ContentScriptContext) announces
 * every content script to the page with a postMessage and a DOM event named after the extension
 * id, and stops the script when the page sends that event back (docs/security.md). Glossa keeps its
 * own lifetime instead (abortWhenOrphaned below).
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PAGE_FEED_PORT } from '../lib/messages/page-port';
import { messageListener } from '../lib/messages/router';
import { backgroundSender } from '../lib/messages/to-background';
import type { PageState } from '../lib/messages/types';
import { type Judging, startJudging } from '../lib/page/article';
import { type PageController, pageInfo, startPageController } from '../lib/page/controller';
import { logFailure, runFeature } from '../lib/page/feature';
import { createStateFeed } from '../lib/page/live';
import { fetchPageNotes, type NoteLayer, startNoteLayer } from '../lib/page/note-highlights';
import { createRemoteRecognizer } from '../lib/page/remote-recognizer';
import { createRevealer } from '../lib/page/reveal';
import { createContentRouter, failureAnswer, type PageParts } from '../lib/page/router';
import { loadSiteOverrides, SITE_OVERRIDES_KEY } from '../lib/page/site';
import { declareBaseStyles } from '../lib/page/styles';
import { loadSettings, SETTINGS_KEY } from '../lib/settings';

const log = logFailure;

/**
 * Abort `lifetime` once this copy of the script is cut off from the extension (reloaded, updated
 * or removed: browser.runtime.id is then gone). Checked when the reader comes back to the page
 * (focus, visibility, a real pointer press); only trusted events, so a page cannot trigger a check.
 */
function abortWhenOrphaned(lifetime: AbortController) {
  const orphaned = () => {
    try {
      return !browser.runtime?.id;
    } catch {
      return true;
    }
  };
  const check = (event: Event) => {
    if (event.isTrusted && orphaned()) lifetime.abort();
  };
  // The listeners end with the lifetime they watch.
  const listen = { capture: true, passive: true, signal: lifetime.signal } as const;
  document.addEventListener('visibilitychange', check, listen);
  document.addEventListener('pointerdown', check, listen);
  window.addEventListener('focus', check, listen);
}

export default defineUnlistedScript({
  globalName: false,
  main() {
    const startedAt = performance.now();
    // Extension reloaded or updated: this copy of the script is orphaned; every part of it
    // listens to this one signal and leaves the page clean.
    const lifetime = new AbortController();
    const { signal } = lifetime;
    abortWhenOrphaned(lifetime);
    // The manifest gives this document Glossa's highlight stylesheet (lib/page/styles.ts).
    declareBaseStyles(document);
    let controller: PageController | null = null;
    let notes: NoteLayer | null = null;
    // Side panel and jump commands: scroll to a mark and flash it (lib/page/reveal.ts).
    const revealer = createRevealer({
      doc: document,
      signal,
      markAt: (node, offset) => controller?.markAt(node, offset) ?? null,
    });
    // Side panels of this tab hear when what they show changed (lib/page/live.ts).
    let notesRevision = 0;
    const feed = createStateFeed({
      signal,
      fingerprint: () => {
        const s = controller?.state();
        if (!s) return 'starting';
        const { page, status, enabled, skip, entities } = s;
        return JSON.stringify([
          page.url,
          page.title,
          status,
          enabled,
          skip,
          entities,
          notesRevision,
        ]);
      },
    });
    // The page's saved notes live in the extension's IndexedDB: ask the background, at once.
    const toBackground = backgroundSender(browser.runtime);
    const savedNotes = fetchPageNotes(toBackground, location.href);
    let notesShown = false;
    let judging: Judging | undefined;

    const ready: Promise<PageController | null> = (async () => {
      try {
        // Entities are painted as soon as settings are read; saved notes follow when they arrive.
        const storage = browser.storage.local;
        const loading = Promise.all([loadSettings(storage), loadSiteOverrides(storage)]);
        // Meanwhile, start the article test: the controller takes it or cancels it.
        judging = startJudging(document, { now: () => performance.now() });
        const [settings, overrides] = await loading;
        controller = startPageController({
          doc: document,
          settings,
          overrides,
          storage,
          // Recognition runs in the background (entrypoints/background.ts): pages load no model.
          createRecognizer: () =>
            createRemoteRecognizer(toBackground, () =>
              toBackground({ type: 'glossa:start-recognizer-host' }),
            ),
          now: () => performance.now(),
          startedAt,
          judging,
          signal,
        });
        listenForSettings(controller);
        const started = controller;
        runFeature('saved notes', () => {
          const layer = startNoteLayer({ doc: document, enabled: started.notesPainted(), signal });
          notes = layer;
          // Show them unless the popup has already sent newer notes.
          void savedNotes.then((list) => {
            if (list && !notesShown) {
              layer.show(list);
              notesShown = true;
            }
          });
        });
        return controller;
      } catch (err) {
        judging?.cancel();
        log('failed to start', err);
        return null;
      }
    })();

    /** Settings and site switches changed (options page, popup, another tab): apply them live. */
    function listenForSettings(c: PageController) {
      runFeature('following settings', () =>
        browser.storage.onChanged.addListener((changes, area) => {
          if (area !== 'local' || !(SETTINGS_KEY in changes || SITE_OVERRIDES_KEY in changes))
            return;
          const storage = browser.storage.local;
          Promise.all([loadSettings(storage), loadSiteOverrides(storage)]).then(
            ([settings, overrides]) => {
              c.applySettings(settings, overrides);
              notes?.setEnabled(c.notesPainted());
            },
            (err: unknown) => log('reading changed settings failed', err),
          );
        }),
      );
    }

    const failedState = (): PageState => ({
      page: pageInfo(document),
      enabled: false,
      status: 'skipped',
      reason: 'Glossa could not start on this page.',
      entities: [],
    });

    // Requests to this page (popup, side panel, background): one handler each (lib/page/router.ts).
    const parts: PageParts = {
      controller: async () => controller ?? (await ready),
      notes: () => notes,
      revealer,
      onNotesSent: () => {
        notesShown = true;
        notesRevision++;
      },
      failedState,
    };
    runFeature('listening for messages', () =>
      browser.runtime.onMessage.addListener(
        // Only our own extension's pages may ask; a page or another extension gets no answer.
        messageListener(createContentRouter(parts), {
          extensionId: () => browser.runtime.id,
          answered: () => feed.check(), // a switch or new notes: open side panels hear at once
          failed: (type, err) => {
            log('request failed', type, err);
            return failureAnswer(type, parts);
          },
          rejected: (error) => log(error),
        }),
      ),
    );

    // A side panel of this extension follows this page; anyone else's port is dropped.
    runFeature('following side panels', () =>
      browser.runtime.onConnect.addListener((port) => {
        if (port.name !== PAGE_FEED_PORT) return;
        if (port.sender?.id !== browser.runtime.id) {
          port.disconnect();
          return;
        }
        feed.add(port);
      }),
    );
  },
});

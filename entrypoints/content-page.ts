/**
 * Content script: browser wiring only. Loads settings, starts the page controller
 * (lib/page/controller.ts) and answers the popup's requests from this extension alone.
 * Every entry point is wrapped so a Glossa failure never throws into the page.
 *
 * Built as an unlisted script and declared in the manifest's content_scripts by wxt.config.ts
 * (CONTENT_SCRIPT), not as a WXT content script: WXT's start-up (ContentScriptContext) announces
 * every content script to the page with a postMessage and a DOM event named after the extension
 * id, and stops the script when the page sends that event back (docs/security.md). Glossa keeps its
 * own lifetime instead (lib/page/lifetime.ts).
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { messageListener } from '../lib/messages/router';
import { backgroundSender } from '../lib/messages/to-background';
import type { PageState } from '../lib/messages/types';
import type { Note } from '../lib/notes/model';
import { pageInfo } from '../lib/page/answers';
import { type Judging, startJudging } from '../lib/page/article';
import { createCardMemory } from '../lib/page/card-memory';
import { type PageController, startPageController } from '../lib/page/controller';
import { logFailure, runFeature } from '../lib/page/feature';
import { acceptPageFeedPort } from '../lib/page/feed-ports';
import { abortWhenOrphaned } from '../lib/page/lifetime';
import { createStateFeed, type StateFeed } from '../lib/page/live';
import { fetchPageNotes, type NoteLayer, startNoteLayer } from '../lib/page/note-highlights';
import { panelFingerprint } from '../lib/page/panel-fingerprint';
import { startRemembering } from '../lib/page/remember';
import { createRemoteRecognizer } from '../lib/page/remote-recognizer';
import { createRevealer } from '../lib/page/reveal';
import { createContentRouter, failureAnswer, type PageParts } from '../lib/page/router';
import { followSettings } from '../lib/page/settings-follow';
import { loadSiteOverrides } from '../lib/page/site';
import { declareBaseStyles } from '../lib/page/styles';
import { loadSettings } from '../lib/settings';

const log = logFailure;

/** What the parts of this content script share. */
interface Page {
  signal: AbortSignal;
  startedAt: number;
  toBackground: ReturnType<typeof backgroundSender>;
  controller: PageController | null;
  notes: NoteLayer | null;
  /** The notes shown came from the popup: the ones asked for at start are older. */
  notesShown: boolean;
  /** Bumped whenever the popup replaces the notes (the side panel's fingerprint). */
  notesRevision: number;
}

/** Read the settings, start the page controller, then the saved notes when they arrive. */
async function startPage(
  page: Page,
  savedNotes: Promise<Note[] | null>,
): Promise<PageController | null> {
  let judging: Judging | undefined;
  try {
    // Entities are painted as soon as settings are read; saved notes follow when they arrive.
    const storage = browser.storage.local;
    const loading = Promise.all([loadSettings(storage), loadSiteOverrides(storage)]);
    // Meanwhile, start the article test: the controller takes it or cancels it.
    judging = startJudging(document, { now: () => performance.now() });
    const [settings, overrides] = await loading;
    const { toBackground, signal } = page;
    const controller = startPageController({
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
      startedAt: page.startedAt,
      // The card's line from the reading memory: the background reads it, the page never does.
      card: {
        memory: createCardMemory({
          send: toBackground,
          now: () => performance.now(),
          failed: (err) => log('reading memory for the card failed', err),
        }),
      },
      judging,
      signal,
    });
    page.controller = controller;
    runFeature('following settings', () =>
      followSettings(
        browser.storage,
        (changed, changedOverrides) => {
          controller.applySettings(changed, changedOverrides);
          page.notes?.setEnabled(controller.notesPainted());
        },
        (err) => log('reading changed settings failed', err),
      ),
    );
    // The reading memory: the background keeps this page's entities, or says why not.
    runFeature('reading memory', () =>
      startRemembering({
        state: () => controller.state(),
        settled: controller.idle(),
        send: toBackground,
        signal,
      }),
    );
    runFeature('saved notes', () => showSavedNotes(page, controller, savedNotes));
    return controller;
  } catch (err) {
    judging?.cancel();
    log('failed to start', err);
    return null;
  }
}

function showSavedNotes(
  page: Page,
  controller: PageController,
  savedNotes: Promise<Note[] | null>,
): void {
  const layer = startNoteLayer({
    doc: document,
    enabled: controller.notesPainted(),
    signal: page.signal,
  });
  page.notes = layer;
  // Show them unless the popup has already sent newer notes.
  void savedNotes.then((list) => {
    if (list && !page.notesShown) {
      layer.show(list);
      page.notesShown = true;
    }
  });
}

const failedState = (): PageState => ({
  page: pageInfo(document),
  enabled: false,
  status: 'skipped',
  reason: 'Glossa could not start on this page.',
  entities: [],
});

/** Requests to this page (popup, side panel, background): one handler each (lib/page/router.ts). */
function listenForRequests(parts: PageParts, feed: StateFeed): void {
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
}

export default defineUnlistedScript({
  globalName: false,
  main() {
    const startedAt = performance.now();
    // Extension reloaded or updated: this copy of the script is orphaned; every part of it
    // listens to this one signal and leaves the page clean.
    const lifetime = new AbortController();
    const { signal } = lifetime;
    abortWhenOrphaned(lifetime, { doc: document, connected: () => !!browser.runtime?.id });
    // The manifest gives this document Glossa's highlight stylesheet (lib/page/styles.ts).
    declareBaseStyles(document);
    const page: Page = {
      signal,
      startedAt,
      toBackground: backgroundSender(browser.runtime),
      controller: null,
      notes: null,
      notesShown: false,
      notesRevision: 0,
    };
    // Side panel and jump commands: scroll to a mark and flash it (lib/page/reveal.ts).
    const revealer = createRevealer({
      doc: document,
      signal,
      markAt: (node, offset) => page.controller?.markAt(node, offset) ?? null,
    });
    // Side panels of this tab hear when what they show changed (lib/page/live.ts).
    const feed = createStateFeed({
      signal,
      fingerprint: () => panelFingerprint(page.controller?.state(), page.notesRevision),
    });
    // The page's saved notes live in the extension's IndexedDB: ask the background, at once.
    const savedNotes = fetchPageNotes(page.toBackground, location.href);
    const ready = startPage(page, savedNotes);

    listenForRequests(
      {
        controller: async () => page.controller ?? (await ready),
        notes: () => page.notes,
        revealer,
        onNotesSent: () => {
          page.notesShown = true;
          page.notesRevision++;
        },
        failedState,
      },
      feed,
    );
    // A side panel of this extension follows this page; anyone else's port is dropped.
    runFeature('following side panels', () =>
      browser.runtime.onConnect.addListener((port) =>
        acceptPageFeedPort(port, browser.runtime.id, (joined) => feed.add(joined)),
      ),
    );
  },
});

import { defineBackground } from 'wxt/utils/define-background';

/**
 * Nothing runs in the background yet: the popup talks to the content script directly and notes
 * live in IndexedDB, reachable from every extension page.
 * This is where cross-tab work will go when it is needed: context-menu "Save note on selection",
 * the toolbar badge count, and downloads that must outlive the popup.
 */
export default defineBackground(() => {});

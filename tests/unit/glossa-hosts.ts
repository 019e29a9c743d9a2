/**
 * Unit-test access to Glossa's closed shadow roots (lib/page/shadow-host.ts). In jsdom the test
 * shares the content script's world, so it can record every root as it is attached; in a browser a
 * page's patch of attachShadow never reaches the content script's world (tests/e2e/privacy.e2e.ts).
 */
const roots = new Map<Element, ShadowRoot>();
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attach.call(this, init);
  roots.set(this, root);
  return root;
};

/** Glossa's hosts now in the document (children of <html> with a recorded closed root). */
export function glossaHosts(doc: Document = document): HTMLElement[] {
  return [...doc.documentElement.children].filter((el) => roots.has(el)) as HTMLElement[];
}

/** The closed shadow root of a host, as Glossa holds it. */
export function rootOf(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

/** The first element matching selector in any of Glossa's roots. */
export function inGlossaRoots(selector: string, doc: Document = document): HTMLElement | null {
  for (const host of glossaHosts(doc)) {
    const found = rootOf(host)?.querySelector(selector);
    if (found) return found as HTMLElement;
  }
  return null;
}

/** Events a test dispatches as the reader's own (the trusted predicate Glossa is given). */
const reader = new WeakSet<Event>();
export function asReader<E extends Event>(event: E): E {
  reader.add(event);
  return event;
}
export const fromReader = (event: Event): boolean => reader.has(event);

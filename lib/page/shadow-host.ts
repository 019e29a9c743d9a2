/**
 * The element that carries Glossa's on-page UI (the hover cards, the notice): a plain <div> with a
 * closed shadow root, appended to <html>.
 *
 * Why this shape (docs/security.md): the page shares the DOM with Glossa.
 * - A closed root: `host.shadowRoot` is null for the page, so it cannot read a card's text.
 * - A built-in element, not a custom one: a page can define a custom element first (say
 *   `glossa-card`) and keep the root through attachInternals(); it cannot redefine <div>.
 * - No tag, class or attribute marks the host: which elements are Glossa's is known only to this
 *   module (a WeakSet in the content script's world, which page scripts cannot reach), so the page
 *   text reader skips them without anything a page could copy onto its own elements.
 */

const hosts = new WeakSet<Element>();

/** A host's box: nothing of it shows or takes room (set with !important through the CSSOM). */
export const HOST_BOX: ReadonlyArray<readonly [string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
];

export interface GlossaHost {
  /** The light-DOM element (empty; its box is pinned with !important declarations). */
  host: HTMLElement;
  /** The closed shadow root: the only place Glossa puts what it shows. */
  root: ShadowRoot;
}

/**
 * A new host element with its closed shadow root (not yet in the document): `style` gives the
 * host's box, each declaration set with `!important` through the CSSOM, which beats any page rule.
 */
export function createGlossaHost(
  doc: Document,
  style: ReadonlyArray<readonly [string, string]> = HOST_BOX,
): GlossaHost {
  const host = doc.createElement('div');
  for (const [property, value] of style) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  hosts.add(host);
  return { host, root };
}

/** Whether a node is one of Glossa's hosts (what the page text reader and the DOM change observer skip). */
export function isGlossaHost(node: Node | null | undefined): boolean {
  return node != null && hosts.has(node as Element);
}

/** The Glossa host a node is in or is, or null (light-DOM ancestors only). */
export function closestGlossaHost(node: Node | null | undefined): Element | null {
  if (node == null) return null;
  if (hosts.has(node as Element)) return node as Element;
  // Hosts are appended to <html>: the page's own content (the common case) is settled natively.
  if (node.ownerDocument?.body?.contains(node)) return null;
  for (let n = node.parentNode; n; n = n.parentNode) {
    if (hosts.has(n as Element)) return n as Element;
  }
  return null;
}

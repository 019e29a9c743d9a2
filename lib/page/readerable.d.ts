/**
 * Types for the one file of @mozilla/readability Glossa bundles: Reader View's cheap "is this
 * readable?" test, without the far larger Readability parser the package index also pulls in.
 */
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    doc: Document,
    options?: {
      minContentLength?: number;
      minScore?: number;
      visibilityChecker?: (node: Node) => boolean;
    },
  ): boolean;
}

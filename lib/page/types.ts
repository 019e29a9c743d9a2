/**
 * Types shared by the page modules and the messages that report on them (lib/messages/types.ts):
 * no code, so any module may import them.
 */

/**
 * The page text model: the article's visible text as one string, plus where each piece came from.
 * Recognition runs on `text`; highlights and selectors map offsets back through `chunks`.
 */
export interface TextChunk {
  node: Text;
  /** Offset of node's first character in PageText.text (UTF-16 code units). */
  start: number;
  /** start + node.data.length */
  end: number;
}

export interface PageText {
  /** Visible article text; block boundaries become "\n" so sentences of different blocks never join. */
  text: string;
  /** Text nodes in document order, non-overlapping, increasing start. Separators belong to no chunk. */
  chunks: TextChunk[];
  /** The element the text was taken from (article, main, … or body). */
  root: Element;
}

/** Main-thread time by kind of work (ms); see AnnotatorTiming.phases (lib/page/annotator-timing.ts). */
export interface WorkPhases {
  /** The annotator's setup before its first slice (painter, observer, reader). */
  setup: number;
  read: number;
  afterRead: number;
  batch: number;
  paint: number;
  /** Reading, checking and sorting a remote answer before it is painted. */
  answer: number;
  notify: number;
}

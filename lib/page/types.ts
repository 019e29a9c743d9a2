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

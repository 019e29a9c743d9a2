/** Test helper: the article test's verdict (lib/page/article.ts) for a page that is, or is not, an article. */
import type { ArticleVerdict } from '../../lib/page/article';

export const verdict = (article: boolean): ArticleVerdict => ({
  article,
  reason: article ? 'Reads like an article.' : 'Too little prose.',
  readerable: article,
  declared: false,
  prose: article ? 2000 : 10,
  controls: 0,
  searchResults: false,
});

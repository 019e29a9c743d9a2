/**
 * The on/off decision carried out: lib/page/decision.ts says what to do from the switches and the
 * article test's verdict; this module does it (asks the article test, starts or stops the
 * annotation, sets the page's status). Every path that can change the answer (a switch, settings,
 * a verdict) calls the one `bringInLine`.
 */
import type { ArticleTest } from './article-test';
import { decide } from './decision';
import type { PageStatus } from './status';
import type { PageSwitches } from './switches';

export interface OnOffOptions {
  switches: Pick<PageSwitches, 'skipReason' | 'needsArticleTest'>;
  status: Pick<PageStatus, 'failed' | 'working' | 'skipped'>;
  article: Pick<
    ArticleTest,
    'verdict' | 'judge' | 'takeRoot' | 'lookAgainLater' | 'stopLooking' | 'dropEarly'
  >;
  /** The page is being annotated now. */
  annotating: () => boolean;
  /** Annotate from the root `findRoot` gives (a no-op while annotating). */
  start: (findRoot: () => Element) => void;
  /** Take every mark away. */
  stop: () => void;
  /** Where the article is when the article test found none (findArticleRoot). */
  findRoot: () => Element;
  /** Something failed on the way: step back. */
  failed: (error: unknown) => void;
}

/** `bringInLine()`: annotate, judge, or take every mark away, as the switches now say. */
export function createOnOff(options: OnOffOptions): () => void {
  const { article, status } = options;
  return () => {
    try {
      const { action, dropEarlyJudgement } = decide({
        off: options.switches.skipReason(),
        needsArticleTest: options.switches.needsArticleTest(),
        annotating: options.annotating(),
        failed: status.failed,
        verdict: article.verdict,
      });
      // Settings want no article test here: stop the one started before they arrived.
      if (dropEarlyJudgement) article.dropEarly();
      if (action.do === 'off') {
        article.stopLooking();
        options.stop();
        status.skipped(action.skip);
      } else if (action.do === 'judge') {
        status.working();
        article.judge(); // the verdict comes back through bringInLine
      } else if (action.do === 'not-article') {
        status.skipped('not-article');
        article.lookAgainLater();
      } else if (action.do === 'annotate') {
        article.stopLooking();
        // The root just found by the article test, if the page has not replaced it since.
        options.start(() => article.takeRoot() ?? options.findRoot());
      }
    } catch (error) {
      options.failed(error);
    }
  };
}

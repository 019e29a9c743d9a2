/**
 * The on/off decision: what the page controller does to bring the page in line with its switches
 * (lib/page/switches.ts) and the article test (lib/page/article-test.ts). Pure: the facts in, one
 * action out; the controller carries it out.
 */
import type { SkipCode } from '../messages/types';
import type { ArticleVerdict } from './article';

export interface DecisionFacts {
  /** Why the switches want no marks here (skipReason), or null. */
  off: SkipCode | null;
  /** The page must look like an article before it is annotated. */
  needsArticleTest: boolean;
  /** The page is being annotated (or painted) now. */
  annotating: boolean;
  /** Annotating failed and stepped back: stay back until switched again. */
  failed: boolean;
  /** The article test's verdict, if the page was judged. */
  verdict: ArticleVerdict | null;
}

export type Action =
  /** Take every mark away and stop looking: the page is skipped for `skip`. */
  | { do: 'off'; skip: SkipCode }
  /** Leave things as they are (a failure stepped back). */
  | { do: 'stay' }
  /** Judge the page; the decision is taken again with the verdict. */
  | { do: 'judge' }
  /** Not an article: skipped, and judged again if the page changes. */
  | { do: 'not-article' }
  /** Annotate (a no-op if already annotating). */
  | { do: 'annotate' };

export interface Decision {
  action: Action;
  /** A judgement started before the settings arrived is not wanted: drop it. */
  dropEarlyJudgement: boolean;
}

export function decide(facts: DecisionFacts): Decision {
  const { off, needsArticleTest, annotating, verdict } = facts;
  const dropEarlyJudgement = off !== null || !needsArticleTest || annotating;
  const act = (action: Action): Decision => ({ action, dropEarlyJudgement });
  if (off) return act({ do: 'off', skip: off });
  if (facts.failed) return act({ do: 'stay' });
  if (needsArticleTest && !annotating) {
    if (!verdict) return act({ do: 'judge' });
    if (!verdict.article) return act({ do: 'not-article' });
  }
  return act({ do: 'annotate' });
}

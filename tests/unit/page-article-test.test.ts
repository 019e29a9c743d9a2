// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Judgement } from '../../lib/page/article';
import { createArticleTest } from '../../lib/page/article-test';

const ARTICLE = `<article><h1>Talks</h1>${'<p>The ministers met in Moscow to discuss the treaty and its ratification by parliament next year.</p>'.repeat(12)}</article>`;

function articleTest(lookAgain = false) {
  const decided: Judgement[] = [];
  let rejudged = 0;
  const test = createArticleTest({
    doc: document,
    now: () => 0,
    budgetMs: Number.POSITIVE_INFINITY,
    lookAgain,
    decided: (j) => decided.push(j),
    rejudging: () => rejudged++,
    failed: (error) => {
      throw error;
    },
  });
  return { test, decided, rejudged: () => rejudged };
}

describe('the article test', () => {
  it('judges once, keeps the verdict until told to forget it, and hands over the root once', () => {
    document.body.innerHTML = ARTICLE;
    const { test, decided } = articleTest();
    expect(test.verdict).toBeNull();
    test.judge();
    expect(decided).toHaveLength(1);
    expect(test.verdict?.article).toBe(true);
    expect(test.takeRoot()).toBe(document.querySelector('article'));
    expect(test.takeRoot()).toBeNull();
    test.forget();
    expect(test.verdict).toBeNull();
  });

  it('looks again when a page judged "not an article" changes', async () => {
    document.body.innerHTML = '<p>Short.</p>';
    const { test, decided, rejudged } = articleTest(true);
    test.judge();
    expect(test.verdict?.article).toBe(false);
    test.lookAgainLater();
    document.body.innerHTML = ARTICLE;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rejudged()).toBe(1);
    expect(decided.map((j) => j.verdict.article)).toEqual([false, true]);
    test.stopLooking();
  });

  it('never looks again when told not to', async () => {
    document.body.innerHTML = '<p>Short.</p>';
    const { test, rejudged } = articleTest(false);
    test.judge();
    test.lookAgainLater();
    document.body.innerHTML = ARTICLE;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rejudged()).toBe(0);
  });
});

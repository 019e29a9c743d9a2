import { describe, expect, it } from 'vitest';
import type { SkipCode } from '../../lib/messages/types';
import type { ArticleVerdict } from '../../lib/page/article';
import { createOnOff } from '../../lib/page/on-off';
import { createPageStatus } from '../../lib/page/status';
import { verdict } from './article-verdict';

/** The on/off decision over switches, an article test and an annotation held here; `log` says what it did. */
function setup(o: { off?: SkipCode | null; needsTest?: boolean; verdict?: ArticleVerdict | null }) {
  const log: string[] = [];
  const root = {} as Element;
  const found = {} as Element;
  let off = o.off ?? null;
  let active = false;
  const status = createPageStatus();
  const article = {
    verdict: o.verdict ?? null,
    judge: () => log.push('judge'),
    takeRoot: () => found,
    lookAgainLater: () => log.push('look again later'),
    stopLooking: () => log.push('stop looking'),
    dropEarly: () => log.push('drop early'),
  };
  const bringInLine = createOnOff({
    switches: { skipReason: () => off, needsArticleTest: () => o.needsTest ?? true },
    status,
    article,
    annotating: () => active,
    start: (findRoot) => {
      if (active) return;
      active = true;
      log.push(findRoot() === found ? 'start at the found root' : 'start');
    },
    stop: () => {
      active = false;
      log.push('stop');
    },
    findRoot: () => root,
    failed: (error) => log.push(`failed: ${(error as Error).message}`),
  });
  return {
    bringInLine,
    log,
    status,
    article,
    turnOff: (code: SkipCode | null) => (off = code),
  };
}

describe('on/off', () => {
  it('judges the page first, then annotates it from the root the test found', () => {
    const t = setup({});
    t.bringInLine();
    expect(t.log).toEqual(['judge']);
    expect(t.status.status).toBe('working');
    t.article.verdict = verdict(true);
    t.bringInLine();
    expect(t.log).toEqual(['judge', 'stop looking', 'start at the found root']);
  });

  it('skips a page that is not an article and looks again when it changes', () => {
    const t = setup({ verdict: verdict(false) });
    t.bringInLine();
    expect(t.log).toEqual(['look again later']);
    expect([t.status.status, t.status.skip]).toEqual(['skipped', 'not-article']);
  });

  it('takes every mark away when switched off, with the reason', () => {
    const t = setup({ needsTest: false });
    t.bringInLine();
    t.turnOff('tab-off');
    t.bringInLine();
    expect(t.log.slice(-3)).toEqual(['drop early', 'stop looking', 'stop']);
    expect([t.status.status, t.status.skip]).toEqual(['skipped', 'tab-off']);
  });

  it('stays back after a failure, and reports a failure on the way', () => {
    const t = setup({ needsTest: false });
    t.status.failure();
    t.bringInLine();
    expect(t.log).toEqual(['drop early']);
    const broken = setup({});
    broken.article.judge = () => {
      throw new Error('boom');
    };
    broken.bringInLine();
    expect(broken.log).toEqual(['failed: boom']);
  });
});

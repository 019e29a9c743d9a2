import { describe, expect, it } from 'vitest';
import { type DecisionFacts, decide } from '../../lib/page/decision';
import { verdict } from './article-verdict';

const facts = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  off: null,
  needsArticleTest: true,
  annotating: false,
  failed: false,
  verdict: null,
  ...over,
});

describe('the on/off decision', () => {
  it('takes the marks away when the switches say off, whatever else holds', () => {
    const d = decide(facts({ off: 'site-off', failed: true, verdict: verdict(true) }));
    expect(d.action).toEqual({ do: 'off', skip: 'site-off' });
    expect(d.dropEarlyJudgement).toBe(true);
  });

  it('judges first, then annotates an article and skips a page that is not one', () => {
    expect(decide(facts()).action).toEqual({ do: 'judge' });
    expect(decide(facts()).dropEarlyJudgement).toBe(false); // the early judgement is the one wanted
    expect(decide(facts({ verdict: verdict(false) })).action).toEqual({ do: 'not-article' });
    expect(decide(facts({ verdict: verdict(true) })).action).toEqual({ do: 'annotate' });
  });

  it('annotates without a verdict when no test is needed, and drops the early judgement', () => {
    const d = decide(facts({ needsArticleTest: false }));
    expect(d).toEqual({ action: { do: 'annotate' }, dropEarlyJudgement: true });
  });

  it('does not judge again a page already being annotated', () => {
    const d = decide(facts({ annotating: true, verdict: verdict(false) }));
    expect(d).toEqual({ action: { do: 'annotate' }, dropEarlyJudgement: true });
  });

  it('stays stepped back after a failure until switched again', () => {
    expect(decide(facts({ failed: true })).action).toEqual({ do: 'stay' });
  });
});

import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/entities';
import { createPageEntities, summarizePainted } from '../../lib/page/entity-summary';
import { PageNames } from '../../lib/page/known-names';

const per = (start: number, canonical: string): Mention => ({
  start,
  end: start + canonical.length,
  type: 'PER',
  text: canonical,
  canonical,
});

describe('the page entity summary', () => {
  it('counts a lone surname under the one full name the page gave', () => {
    const names = new PageNames();
    names.learn([per(0, 'Константин Асмолов')]);
    const list = summarizePainted([per(0, 'Константин Асмолов'), per(30, 'Асмолов')], names);
    expect(list.map((e) => [e.canonical, e.count])).toEqual([['Константин Асмолов', 2]]);
  });

  it('works the list out again only after a change, and describes a mention with its count', () => {
    const names = new PageNames();
    let painted: Mention[] = [per(0, 'Putin')];
    let reads = 0;
    const entities = createPageEntities(names, () => {
      reads++;
      return painted;
    });
    expect(entities.list().map((e) => e.canonical)).toEqual(['Putin']);
    painted = [per(0, 'Putin'), per(10, 'Putin')];
    expect(entities.list()[0]?.count).toBe(1); // not told of a change: the list stands
    entities.changed();
    expect(entities.describe(per(10, 'Putin'))).toEqual({ canonical: 'Putin', count: 2 });
    expect(entities.describe(per(10, 'Lavrov'))).toEqual({ canonical: 'Lavrov', count: 1 });
    expect(reads).toBe(2);
  });
});

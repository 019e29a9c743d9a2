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

  it('gives a regrouped surname the id of its page-wide name', () => {
    const names = new PageNames();
    const withId = (m: Mention, id?: string): Mention => (id ? { ...m, id } : m);
    // «Путин» alone is Putin by the register, and the page names him in full.
    names.learn([withId(per(0, 'Владимир Путин'), 'PER:vladimir-putin')]);
    const list = summarizePainted(
      [withId(per(30, 'Путин'), 'PER:vladimir-putin'), per(50, 'Владимир Путин')],
      names,
    );
    expect(list).toMatchObject([
      { canonical: 'Владимир Путин', count: 2, id: 'PER:vladimir-putin' },
    ]);
    // A namesake named in full takes the lone surname, and the register's guess goes with it.
    const other = new PageNames();
    other.learn([per(0, 'Джон Фишер')]);
    const rows = summarizePainted([withId(per(30, 'Фишер'), 'PER:joschka-fischer')], other);
    expect(rows).toEqual([{ type: 'PER', canonical: 'Джон Фишер', count: 1, forms: ['Фишер'] }]);
    const entities = createPageEntities(other, () => []);
    expect(entities.describe(withId(per(30, 'Фишер'), 'PER:joschka-fischer'))).toEqual({
      canonical: 'Джон Фишер',
      count: 1,
    });
    expect(
      createPageEntities(names, () => []).describe(withId(per(30, 'Путин'), 'PER:vladimir-putin')),
    ).toEqual({
      canonical: 'Владимир Путин',
      count: 1,
      id: 'PER:vladimir-putin',
    });
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

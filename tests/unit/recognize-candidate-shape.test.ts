/** lib/recognize/tokenized-text.ts: candidates copied into one shape. */
import { describe, expect, it } from 'vitest';
import { type Candidate, taggedCopy, uniformCandidate } from '../../lib/recognize/tokenized-text';

const place: Candidate = { start: 3, end: 4, type: 'LOC', canonical: 'Москва', tier: 3 };
const person: Candidate = {
  start: 0,
  end: 2,
  type: 'PER',
  canonical: 'Владимир Путин',
  tier: 3,
  person: { first: 'Владимир', surname: 'Путин', surnameKeys: ['путин'], full: true },
  cued: true,
};

describe('uniformCandidate', () => {
  it('keeps every value and gives candidates of any fields the same fields in one order', () => {
    const a = uniformCandidate(place);
    const b = uniformCandidate(person);
    expect(a).toEqual(place);
    expect(b).toEqual(person);
    expect(b.person).toBe(person.person);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.person).toBeUndefined();
  });
});

describe('taggedCopy', () => {
  it('copies a candidate as tagged with the given tier and leaves the original as it was', () => {
    const copy = taggedCopy(person, 5);
    expect(copy).toEqual({ ...person, tier: 5, tagged: true });
    expect(person.tier).toBe(3);
    expect(person.tagged).toBeUndefined();
    expect(Object.keys(copy)).toEqual(Object.keys(uniformCandidate(place)));
  });
});
